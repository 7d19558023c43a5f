import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TestEmulator } from '../helpers.js';

const read = (path: string) => readFileSync(path, 'utf8');

describe('packaging: what a new user reads and runs', () => {
  it('ships a LICENSE matching package.json', () => {
    expect(JSON.parse(read('package.json')).license).toBe('Apache-2.0');
    expect(read('LICENSE')).toMatch(/^Apache License\s+Version 2\.0, January 2004/);
  });

  it('builds the image on a supported Node LTS line while the project keeps Node 20.19+', () => {
    const majors = [...read('Dockerfile').matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    expect(majors.length).toBeGreaterThan(0);
    // Even majors are the LTS lines; 20 reached its end of life in April 2026.
    for (const major of majors) expect(major % 2 === 0 && major >= 22, `node:${major}`).toBe(true);
    expect(JSON.parse(read('package.json')).engines.node).toBe('>=20.19');
  });

  it('does not pin the compose service to a localhost public URL, and publishes every exposed port', () => {
    const compose = read('docker-compose.yml');
    expect(compose).not.toMatch(/^\s*CCLOUD_EMULATOR_PUBLIC_URL:.*(localhost|127\.0\.0\.1)/m);
    const exposed = [...read('Dockerfile').matchAll(/^EXPOSE (.+)$/gm)].flatMap((m) => m[1].trim().split(/\s+/));
    for (const port of exposed) expect(compose).toContain(`:${port}"`);
  });

  it('states the operation counts the documents serve', async () => {
    const t = await TestEmulator.start();
    try {
      const ops = t.rt.docs.operations;
      const control = ops.filter((op) => op.path.startsWith('/_emulator')).length;
      const readme = read('README.md');
      const m = /The documents serve (\d+) operations: the 360 of Confluent Cloud's API reference, Schema\s+Registry's `getLatestWithMetadata`, and the (\d+) of the control plane/.exec(readme);
      expect(m, 'README sentence with the counts').not.toBeNull();
      expect(Number(m![1])).toBe(ops.length);
      expect(Number(m![2])).toBe(control);
      expect(ops.length - control).toBe(361);
    } finally {
      await t.close();
    }
  });
});
