#!/usr/bin/env node
// The command line's entry (bundled by scripts/bundle-cli.mjs to dist/src/cli.js). It runs the
// bundled program (dist/src/cli-bundle.cjs: src/cli.ts with the project and its packages) through
// V8's code cache, so that a start does not parse and compile the 2.5 MB bundle again: the cache
// holds the functions a start compiled, and is written beside the bundle at build (a first start
// writes it when the build could not). Node 20 has no module.enableCompileCache, hence vm.Script.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const bundlePath = join(here, 'cli-bundle.cjs');
const cachePath = join(here, 'cli-bundle.cache');
/** How long after a start without a usable cache the new one is written (the first requests go first). */
const WRITE_CACHE_AFTER_MS = 1000;

/**
 * The cache belongs to one build of the bundle: its file starts with the bundle's id (the last
 * line of the bundle, written by the build). V8 itself checks only its version, flags and the
 * source's length, which a rebuilt bundle may share with the old one.
 */
const bundleIdOf = (source: string) => /\/\/ bundle-id (\w+)\s*$/.exec(source)?.[1] ?? '';

function readCache(id: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(cachePath);
  } catch {
    return undefined;
  }
  const header = Buffer.from(`${id}\n`);
  return id && file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
}

/** Writes the cache atomically; a package folder the user cannot write to just keeps none. */
function writeCache(id: string, data: Buffer): void {
  if (!id) return;
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${id}\n`), data]));
    renameSync(temporary, cachePath);
  } catch {
    // read-only install: every start compiles, as without a cache
  }
}

// The build keeps the bundle ASCII (esbuild escapes the rest), so it is read without UTF-8 decoding.
const source = readFileSync(bundlePath, 'latin1');
const id = bundleIdOf(source);
const cachedData = readCache(id);
// The bundle is CommonJS with `import.meta.url` renamed (see scripts/bundle-cli.mjs); the wrapper
// keeps its first line's numbering, so stack traces point at the bundle's own lines.
const script = new Script(`(function (exports, require, module, __filename, __dirname, __cliBundleUrl) {${source.replace(/^#!.*/, '')}\n})`, {
  filename: bundlePath,
  cachedData,
});
const module = { exports: {} as { main(): Promise<boolean> } };
script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, here, pathToFileURL(bundlePath).href);

const started = await module.exports.main();
if (started && (!cachedData || script.cachedDataRejected)) {
  setTimeout(() => writeCache(id, script.createCachedData()), WRITE_CACHE_AFTER_MS).unref();
}
