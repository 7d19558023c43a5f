import { describe, expect, it } from 'vitest';
import { defaultDocumentsDir, dereference, dereferenceInPlace, loadDocuments } from '../../src/openapi/load.js';
import { deriveRequestBodies } from '../../src/openapi/request-side.js';

describe('dereference', () => {
  const doc = {
    openapi: '3.0.3',
    paths: {
      '/things': {
        get: { responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingList' } } } } } },
      },
    },
    components: {
      schemas: {
        Thing: { type: 'object', properties: { id: { type: 'string' }, child: { $ref: '#/components/schemas/Thing' } } },
        ThingList: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Thing' } } } },
        'a/b~c': { type: 'string' },
        Alias: { $ref: '#/components/schemas/a~1b~0c' },
      },
      parameters: { Id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } },
    },
  };

  it('resolves every reference in place, sharing one object per component (the components section included)', () => {
    const d = dereference(structuredClone(doc)) as any;
    const list = d.paths['/things'].get.responses['200'].content['application/json'].schema;
    expect(list).toBe(d.components.schemas.ThingList);
    expect(list.properties.data.items).toBe(d.components.schemas.Thing);
    // A recursive schema becomes a cycle.
    expect(d.components.schemas.Thing.properties.child).toBe(d.components.schemas.Thing);
    expect(d.components.schemas.Alias).toEqual({ type: 'string' });
    expect(d.components.parameters.Id).toEqual(doc.components.parameters.Id);
    const refs: string[] = [];
    const seen = new Set<object>();
    const visit = (node: any) => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      if (node.$ref) refs.push(node.$ref);
      Object.values(node).forEach(visit);
    };
    visit(d);
    expect(refs).toEqual([]);
  });

  it('leaves the input untouched and fails on a reference to nothing', () => {
    const input = structuredClone(doc);
    dereference(input);
    expect(input).toEqual(doc);
    expect(() => dereference({ paths: { '/x': { get: { schema: { $ref: '#/components/schemas/Nope' } } } } })).toThrow(/unresolved reference/);
  });

  it('in place: mutates the document into the same graph as dereference() builds', () => {
    const input = structuredClone(doc) as any;
    const d = dereferenceInPlace(input) as any;
    expect(d).toBe(input);
    expect(d).toEqual(dereference(structuredClone(doc)));
    const list = d.paths['/things'].get.responses['200'].content['application/json'].schema;
    expect(list).toBe(d.components.schemas.ThingList);
    expect(d.components.schemas.Thing.properties.child).toBe(d.components.schemas.Thing);
    expect(d.components.schemas.Alias).toBe(d.components.schemas['a/b~c']);
    expect(() => dereferenceInPlace({ paths: { '/x': { get: { schema: { $ref: '#/components/schemas/Nope' } } } } })).toThrow(/unresolved reference/);
    expect(() => dereferenceInPlace({ components: { schemas: { A: { $ref: '#/components/schemas/B' }, B: { $ref: '#/components/schemas/A' } } } })).toThrow(/circular reference/);
  });
});

describe('loadDocuments', () => {
  it('keeps no second copy: the dereferenced document equals the merged one dereferenced (request bodies on their request side), which is read again with its references', () => {
    const docs = loadDocuments([defaultDocumentsDir()]);
    const merged = docs.merged;
    expect(docs.merged).toBe(merged);
    expect(JSON.stringify(merged)).toContain('"$ref":"#/components/schemas/');
    expect(docs.dereferenced).toEqual(deriveRequestBodies(dereference(merged)));
    expect(docs.dereferenced.paths).not.toBe(merged.paths);
  });
});
