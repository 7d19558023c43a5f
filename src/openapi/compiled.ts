import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The documents of the project's own `openapi/` folder, parsed from YAML once at build time and
 * written as JSON next to `dist/`: parsing 1 MB of YAML is most of a cold start, JSON.parse of the
 * same is a few milliseconds. The compiled form is used only while it is newer than every document
 * of the folder (and was written by this format); otherwise the YAML is read as before.
 */
const FORMAT = 1;

interface CompiledFile {
  format: number;
  /** File name -> the document as parsed (shared references already rewritten). */
  documents: Record<string, unknown>;
}

/** Where the compiled form of a documents folder lives: `<package>/dist/openapi-documents.json`. */
export function compiledPathFor(documentsDir: string): string {
  return join(dirname(resolve(documentsDir)), 'dist', 'openapi-documents.json');
}

const yamlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

/**
 * The parsed documents of `dir` by file name, from its compiled form when that is present, of the
 * same format, lists the same files and is newer than each of them; undefined otherwise.
 */
export function readCompiled(dir: string): Map<string, unknown> | undefined {
  const path = compiledPathFor(dir);
  if (!existsSync(path)) return undefined;
  const compiledAt = statSync(path).mtimeMs;
  const files = yamlFiles(dir);
  if (files.some((f) => statSync(join(dir, f)).mtimeMs > compiledAt)) return undefined;
  let compiled: CompiledFile;
  try {
    compiled = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (compiled.format !== FORMAT) return undefined;
  const names = Object.keys(compiled.documents).sort();
  if (names.length !== files.length || names.some((n, i) => n !== files[i])) return undefined;
  return new Map(Object.entries(compiled.documents));
}

/** Parses every document of `dir` with `parse` and writes the compiled form; returns its path. */
export function writeCompiled(dir: string, parse: (file: string) => unknown): string {
  const documents: Record<string, unknown> = {};
  for (const f of yamlFiles(dir)) documents[f] = parse(join(dir, f));
  const path = compiledPathFor(dir);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify({ format: FORMAT, documents } satisfies CompiledFile));
  return path;
}

