import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerConsole } from '../../src/console/plugin.js';

// A start does not read the console's files: the first request of the console does (once).
describe('the console plugin', () => {
  it('reads its files with the first request of the console, not when registered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    writeFileSync(join(dir, 'index.html'), '<html><!--IMPORT_MAP--></html>');
    writeFileSync(join(dir, 'app.js'), 'export const version = 1;');
    const app = Fastify();
    registerConsole(app, dir);
    // Written after the registration (a start), before the first request: the request sees it.
    writeFileSync(join(dir, 'app.js'), 'export const version = 2;');
    const first = await app.inject({ method: 'GET', url: '/ui/app.js' });
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe('export const version = 2;');
    expect(first.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    // Read once: later changes are not picked up.
    writeFileSync(join(dir, 'app.js'), 'export const version = 3;');
    expect((await app.inject({ method: 'GET', url: '/ui/app.js' })).body).toBe('export const version = 2;');
    const index = await app.inject({ method: 'GET', url: '/ui/' });
    expect(index.body).toContain('<script type="importmap">');
    await app.close();
  });

  it('still refuses at registration a folder without index.html', () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    expect(() => registerConsole(Fastify(), dir)).toThrow(/index\.html is missing/);
  });
});
