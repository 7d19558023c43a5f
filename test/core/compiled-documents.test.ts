import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledPathFor, readCompiled, writeCompiled } from '../../src/openapi/compiled.js';
import { defaultDocumentsDir, loadDocuments, parseCheckedDocumentFile, parseDocumentFile } from '../../src/openapi/load.js';

/** A copy of the project's documents in a package-shaped temporary folder (`<root>/openapi`). */
function copyOfDocuments(): string {
  const root = mkdtempSync(join(tmpdir(), 'compiled-docs-'));
  const dir = join(root, 'openapi');
  mkdirSync(dir);
  for (const f of readdirSync(defaultDocumentsDir()).filter((f) => f.endsWith('.yaml'))) cpSync(join(defaultDocumentsDir(), f), join(dir, f));
  return dir;
}

describe('the documents compiled at build time', () => {
  const dir = copyOfDocuments();
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('are absent before the build step, so the YAML is read', () => {
    expect(readCompiled(dir)).toBeUndefined();
  });

  it('load to the same documents, operations and resources as the YAML', () => {
    const fromYaml = loadDocuments([dir]);
    let parsed = 0;
    writeCompiled(dir, (file) => (parsed++, parseDocumentFile(file)));
    expect(parsed).toBeGreaterThan(20);
    expect(readCompiled(dir)?.size).toBe(parsed);
    const fromJson = loadDocuments([dir]);
    expect(fromJson.merged).toEqual(fromYaml.merged);
    expect(fromJson.operations.map((o) => o.operationId)).toEqual(fromYaml.operations.map((o) => o.operationId));
    expect([...fromJson.resources.keys()]).toEqual([...fromYaml.resources.keys()]);
  });

  it('are ignored once a document is newer than them', () => {
    writeCompiled(dir, parseDocumentFile);
    expect(readCompiled(dir)).toBeDefined();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'iam-v2.yaml'), later, later);
    expect(readCompiled(dir)).toBeUndefined();
  });

  it('are ignored when the folder gained a document', () => {
    writeCompiled(dir, parseDocumentFile);
    cpSync(join(dir, 'sts-v1.yaml'), join(dir, 'zz-copy.yaml'));
    utimesSync(join(dir, 'zz-copy.yaml'), new Date(0), new Date(0));
    expect(readCompiled(dir)).toBeUndefined();
    rmSync(join(dir, 'zz-copy.yaml'));
  });

  it('live next to the package build output', () => {
    expect(compiledPathFor(dir)).toBe(join(dir, '..', 'dist', 'openapi-documents.json'));
  });

  it('are checked when compiled: a declaration outside the vocabulary fails the build', () => {
    const root = mkdtempSync(join(tmpdir(), 'compiled-bad-'));
    const bad = join(root, 'openapi');
    mkdirSync(bad);
    writeFileSync(
      join(bad, 'bad.yaml'),
      `openapi: 3.0.3
info: { title: bad, version: '1' }
paths:
  /bad/v1/things:
    get:
      operationId: listThings
      x-emulator: { resource: Thing, action: juggle }
      responses: { '200': { description: ok } }
`,
    );
    try {
      expect(() => writeCompiled(bad, parseCheckedDocumentFile)).toThrow(/listThings: x-emulator/);
      expect(readCompiled(bad)).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
