#!/usr/bin/env node
// Build step after tsc: bundles the command line (src/cli.ts and every project module it loads)
// into the one file dist/src/cli.js, in place of tsc's. A start then reads and links one module
// instead of some 270, which is a sixth of a cold start's work. Packages stay outside the bundle
// (node_modules is resolved as before); modules the CLI imports lazily are bundled but still
// evaluated only when first imported. Library entry points (dist/src/index.js, ...) stay tsc's.
//   node scripts/bundle-cli.mjs [--root DIR]
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : resolve(fileURLToPath(new URL('..', import.meta.url)));
const { build } = createRequire(join(root, 'package.json'))('esbuild');

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/src/cli.js',
  allowOverwrite: true,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  logLevel: 'warning',
});
