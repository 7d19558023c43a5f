#!/usr/bin/env node
// Build step after tsc: bundles the command line so that a cold start neither resolves nor reads
// hundreds of modules, nor parses and compiles them again:
//   - dist/src/cli-bundle.cjs: src/cli.ts, every project module it loads and the npm packages they
//     import (fastify and its graph, better-sqlite3's JavaScript, ...), as one CommonJS script. The
//     native addon and what is loaded only on use through createRequire (openapi-backend, js-yaml,
//     protobufjs, avsc, the docs' swagger plugins, which serve files of their own folders) stay in
//     node_modules.
//     Modules imported lazily are bundled but still evaluated only when first imported.
//   - dist/src/cli.js: the entry (src/launcher.ts), which runs the bundle through V8's code cache;
//   - dist/src/cli-bundle.cache: that cache, primed by one start of the emulator on a :memory: store
//     (so it holds every function a start compiles). Without it (or when V8 rejects it: another
//     Node version) the CLI compiles as usual and writes a new one.
// Library entry points (dist/src/index.js, ...) stay tsc's.
//   node scripts/bundle-cli.mjs [--root DIR]
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = resolve(rootAt >= 0 ? args[rootAt + 1] : fileURLToPath(new URL('..', import.meta.url)));
const { build } = createRequire(join(root, 'package.json'))('esbuild');
const dist = join(root, 'dist', 'src');

/**
 * better-sqlite3 finds its addon through the `bindings` package, which searches a dozen folders
 * (a few hundred file checks at every start): its usual place first, `bindings` when not there.
 */
const nativeAddon = {
  name: 'native-addon',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', namespace: 'native-addon' }));
    build.onLoad({ filter: /.*/, namespace: 'native-addon' }, () => ({
      loader: 'js',
      contents: `
        const { dirname, join } = require('node:path');
        const load = require;
        module.exports = function bindings(name) {
          const built = join(dirname(load.resolve('better-sqlite3/package.json')), 'build', 'Release', name);
          try {
            return load(built);
          } catch (err) {
            if (err.code !== 'MODULE_NOT_FOUND') throw err;
            return load('bindings')(name);
          }
        };`,
    }));
  },
};

const common = { absWorkingDir: root, bundle: true, platform: 'node', target: 'node20.19', logLevel: 'warning', allowOverwrite: true };

await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/src/cli-bundle.cjs',
  format: 'cjs',
  external: ['@fastify/swagger', '@fastify/swagger-ui'],
  plugins: [nativeAddon],
  // The launcher passes the bundle's own URL for import.meta.url; import() of the packages left
  // outside becomes require() (they are CommonJS), which a vm.Script can run.
  define: { 'import.meta.url': '__cliBundleUrl' },
  supported: { 'dynamic-import': false },
  // Less text to read and scan at every start; names stay, for stack traces and profiles.
  minifyWhitespace: true,
  minifySyntax: true,
  // The packages' licence notices go to dist/src/cli-bundle.cjs.LEGAL.txt (they are not all ASCII).
  legalComments: 'linked',
  sourcemap: 'linked',
});
// The bundle's id, which the code cache is checked against, on its last line.
const bundlePath = join(dist, 'cli-bundle.cjs');
const bundled = readFileSync(bundlePath, 'utf8');
// The launcher reads it as latin1, which is UTF-8 only for ASCII (esbuild's default charset).
if (!/^[\x00-\x7f]*$/.test(bundled)) throw new Error('dist/src/cli-bundle.cjs is not ASCII: the launcher reads it as latin1');
writeFileSync(bundlePath, `${bundled}// bundle-id ${createHash('sha256').update(bundled).digest('hex').slice(0, 32)}\n`);

await build({ ...common, entryPoints: ['src/launcher.ts'], outfile: 'dist/src/cli.js', format: 'esm', packages: 'external' });

// Prime the code cache: one start on a fresh store (fixtures loaded, Kafka certificate issued),
// with the documents compiled as a real start reads them, and the cache the launcher writes once
// it is up.
const cachePath = join(dist, 'cli-bundle.cache');
rmSync(cachePath, { force: true });
const compileDocuments = join(dist, 'openapi', 'compile-documents.js');
if (existsSync(compileDocuments)) spawnSync(process.execPath, [compileDocuments], { cwd: root, stdio: 'ignore' });
const store = mkdtempSync(join(tmpdir(), 'ccloud-emulator-prime-'));
const primed = await new Promise((done) => {
  const child = spawn(process.execPath, [join(dist, 'cli.js'), '--db', join(store, 'prime.db'), '--host', '127.0.0.1', '--port', '0', '--kafka-port', '0', '--log-level', 'silent'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    // Settings of the user's own emulator (CCLOUD_EMULATOR_*) stay out of this one.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CCLOUD_EMULATOR_'))),
  });
  // A first request, as a cold start's health check, so that its path is in the cache too.
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const asked = /listening on (\S+)/.test(out);
    out += chunk;
    const url = /listening on (\S+)/.exec(out)?.[1];
    if (url && !asked) fetch(`${url}/_emulator/health`).then((r) => r.text()).catch(() => undefined);
  });
  const deadline = Date.now() + 60_000;
  const poll = setInterval(() => {
    const ready = existsSync(cachePath) && statSync(cachePath).size > 0;
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (!ready && !exited && Date.now() < deadline) return;
    clearInterval(poll);
    if (exited) return done(ready);
    child.once('exit', () => done(ready));
    child.kill('SIGKILL');
  }, 50);
});
rmSync(store, { recursive: true, force: true });
if (!primed) process.stderr.write('bundle-cli: warning: the code cache was not written; the command line starts without it\n');
