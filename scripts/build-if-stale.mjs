#!/usr/bin/env node
// Builds dist/ (as `npm run build` does) only when a TypeScript source, a document of openapi/ or the
// compiler settings changed since the last build, so that `npm start` starts at once when nothing changed.
//   node scripts/build-if-stale.mjs [--check] [--root DIR]
// --check only reports "stale" (exit 1) or "up to date" (exit 0).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const rootAt = args.indexOf('--root');
const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : resolve(fileURLToPath(new URL('..', import.meta.url)));
const checkOnly = args.includes('--check');

/** The newest modification time under a path (files only), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

// The build writes the compiled code, then the documents compiled from openapi/ (the last step).
const output = join(root, 'dist', 'openapi-documents.json');
const built = existsSync(output) ? statSync(output).mtimeMs : 0;
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'bench')), newest(join(root, 'openapi')), newest(join(root, 'tsconfig.json')), newest(join(root, 'package-lock.json')));
const stale = built === 0 || sources > built;

if (checkOnly) {
  process.stdout.write(stale ? 'stale\n' : 'up to date\n');
  process.exit(stale ? 1 : 0);
}
if (!stale) process.exit(0);
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit', cwd: root });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);
const bundled = spawnSync(process.execPath, [join(root, 'scripts', 'bundle-cli.mjs'), '--root', root], { stdio: 'inherit', cwd: root });
if (bundled.status !== 0) process.exit(bundled.status ?? 1);
const documents = spawnSync(process.execPath, [join(root, 'dist', 'src', 'openapi', 'compile-documents.js')], { stdio: 'inherit', cwd: root });
process.exit(documents.status ?? 1);
