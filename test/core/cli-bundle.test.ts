import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The build bundles the command line into one module (scripts/bundle-cli.mjs): a cold start reads
// and links one file of the project, not one per source module.
describe('the built command line', () => {
  const cli = readFileSync(join(process.cwd(), 'dist', 'src', 'cli.js'), 'utf8');

  it('is one module: it imports no other module of the project', () => {
    const relative = [...cli.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    expect(relative).toEqual([]);
    expect(cli).toContain('function buildApp(');
  });

  it('leaves packages to node_modules and keeps its shebang', () => {
    expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(cli).toMatch(/from\s*["']fastify["']/);
    expect(cli).toMatch(/from\s*["']better-sqlite3["']/);
  });
});

describe('the image build', () => {
  it('copies every local script that `npm run build` runs', () => {
    const build: string = JSON.parse(readFileSync('package.json', 'utf8')).scripts.build;
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const scripts = [...build.matchAll(/node (scripts\/\S+)/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(dockerfile, script).toMatch(new RegExp(`^COPY scripts \\./scripts$`, 'm'));
  });
});
