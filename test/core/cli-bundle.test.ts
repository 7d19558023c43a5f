import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { isBuiltin } from 'node:module';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { startCli, stop } from '../support/cli.js';
import { join } from 'node:path';

// The build bundles the command line (scripts/bundle-cli.mjs): the program with its packages in one
// script (dist/src/cli-bundle.cjs), run by a small entry (dist/src/cli.js) through V8's code cache
// (dist/src/cli-bundle.cache). A cold start reads one file and compiles next to nothing.
describe('the built command line', () => {
  const dist = join(process.cwd(), 'dist', 'src');
  const entry = readFileSync(join(dist, 'cli.js'), 'utf8');
  const bundle = readFileSync(join(dist, 'cli-bundle.cjs'), 'utf8');

  it('is one script: it imports no other module of the project', () => {
    // (import() is compiled to require(); `import('../x')` appears only in the packages' JSDoc.)
    const relative = [...bundle.matchAll(/\brequire\s*\(\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);
    expect(relative).toEqual([]);
    expect(bundle).toContain('function buildApp(');
  });

  it('bundles its packages, better-sqlite3 included, but those that load on use', () => {
    const packages = new Set([...bundle.matchAll(/\brequire\(["']([^"'.][^"']*)["']\)/g)].map((m) => m[1]).filter((name) => !isBuiltin(name)));
    // The docs' plugins serve files of their own folders; the native addon is loaded by its path.
    // (Other names in require("...") are in code that ajv and fast-json-stringify generate as text.)
    for (const name of ['fastify', 'better-sqlite3', 'bindings', 'find-my-way', 'avvio', 'pino', 'ajv', 'nanoid']) expect(packages).not.toContain(name);
    expect(packages).toContain('@fastify/swagger-ui');
    expect(bundle).toContain('function fastify(');
    expect(bundle).toContain('"better_sqlite3.node"');
  });

  it('has an entry with a shebang that imports no package', () => {
    expect(entry.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect([...entry.matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((m) => m[1]).filter((m) => !m.startsWith('node:'))).toEqual([]);
  });

  it('ships a code cache made for this bundle', () => {
    const id = /\/\/ bundle-id (\w+)\s*$/.exec(bundle)?.[1];
    expect(id).toMatch(/^\w{32}$/);
    expect(readFileSync(join(dist, 'cli-bundle.cache')).subarray(0, 33).toString()).toBe(`${id}\n`);
  });

  it('starts when its cache is rejected (another Node, a damaged file) and writes a good one', { timeout: 30_000 }, async () => {
    // A copy of the entry and the bundle in a folder of the package (packages and documents are
    // found from the bundle's location), with a cache of the right id that V8 cannot use.
    const dir = mkdtempSync(join(process.cwd(), 'dist', 'cache-test-'));
    try {
      for (const f of ['cli.js', 'cli-bundle.cjs']) copyFileSync(join(dist, f), join(dir, f));
      const id = /\/\/ bundle-id (\w+)\s*$/.exec(bundle)![1];
      const damaged = Buffer.concat([Buffer.from(`${id}\n`), Buffer.alloc(4096, 7)]);
      writeFileSync(join(dir, 'cli-bundle.cache'), damaged);
      const { child } = await startCli(['--db', ':memory:', '--port', '0', '--kafka-port', 'off', '--log-level', 'silent'], {}, join(dir, 'cli.js'));
      try {
        const deadline = Date.now() + 10_000;
        let written = damaged;
        while (Date.now() < deadline && written.equals(damaged)) {
          await new Promise((r) => setTimeout(r, 50));
          written = readFileSync(join(dir, 'cli-bundle.cache'));
        }
        expect(written.subarray(0, 33).toString()).toBe(`${id}\n`);
        expect(written.length).toBeGreaterThan(100_000);
      } finally {
        await stop(child);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes no cache for --help', () => {
    const dir = mkdtempSync(join(process.cwd(), 'dist', 'cache-test-'));
    try {
      for (const f of ['cli.js', 'cli-bundle.cjs']) copyFileSync(join(dist, f), join(dir, f));
      const help = spawnSync(process.execPath, [join(dir, 'cli.js'), '--help'], { encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('ccloud-emulator');
      expect(existsSync(join(dir, 'cli-bundle.cache'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('copies, before it builds, the folders the build reads (documents compiled, code cache primed by a start)', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const buildAt = dockerfile.indexOf('RUN npm run build');
    expect(buildAt).toBeGreaterThan(0);
    for (const folder of ['src', 'scripts', 'openapi', 'fixtures', 'console']) {
      const copyAt = dockerfile.search(new RegExp(`^COPY ${folder} \\./${folder}$`, 'm'));
      expect(copyAt, folder).toBeGreaterThan(0);
      expect(copyAt, folder).toBeLessThan(buildAt);
    }
  });
});
