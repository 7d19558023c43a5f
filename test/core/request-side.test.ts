import { describe, expect, it } from 'vitest';
import { deriveRequestBodies, requestSideSchema } from '../../src/openapi/request-side.js';
import { defaultDocumentsDir, loadDocuments } from '../../src/openapi/load.js';
import { Validator } from '../../src/openapi/validate.js';

const reference = () => ({
  type: 'object',
  required: ['id', 'related', 'resource_name'],
  properties: {
    id: { type: 'string' },
    related: { type: 'string', readOnly: true },
    resource_name: { type: 'string', readOnly: true },
  },
});

describe('the request side of a schema (OpenAPI: a required readOnly property is required only in responses)', () => {
  it('drops read-only names from required, at every depth, and leaves the original as written', () => {
    const ref = reference();
    const schema = { type: 'object', required: ['spec'], properties: { spec: { type: 'object', properties: { environment: ref, resources: { type: 'array', items: ref } } } } };
    const side = requestSideSchema(schema) as any;
    expect(side.required).toEqual(['spec']);
    expect(side.properties.spec.properties.environment.required).toEqual(['id']);
    // One copy of a shared subschema, not one per use.
    expect(side.properties.spec.properties.resources.items).toBe(side.properties.spec.properties.environment);
    expect(ref.required).toEqual(['id', 'related', 'resource_name']);
    expect(schema.properties.spec.properties.environment).toBe(ref);
  });

  it('reads read-only properties declared in the parts of an allOf, and drops an emptied required', () => {
    const schema = { allOf: [{ properties: { self: { type: 'string', readOnly: true } } }], required: ['self'] };
    const side = requestSideSchema(schema) as any;
    expect(side.required).toBeUndefined();
    expect(side.allOf[0].properties.self.readOnly).toBe(true);
  });

  it('returns a schema with nothing to drop as it is, and keeps a recursive schema recursive', () => {
    const plain = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
    expect(requestSideSchema(plain)).toBe(plain);
    const tree: any = { type: 'object', required: ['id'], properties: { id: { type: 'string', readOnly: true } } };
    tree.properties.children = { type: 'array', items: tree };
    const side = requestSideSchema(tree) as any;
    expect(side.required).toBeUndefined();
    expect(side.properties.children.items).toBe(side);
  });

  it('gives each operation request-side bodies while its responses keep the schemas as written', () => {
    const ref = reference();
    const doc: any = {
      paths: {
        '/things': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { owner: ref } } } } },
            responses: { '201': { content: { 'application/json': { schema: { type: 'object', properties: { owner: ref } } } } } },
          },
        },
      },
    };
    deriveRequestBodies(doc);
    const op = doc.paths['/things'].post;
    expect(op.requestBody.content['application/json'].schema.properties.owner.required).toEqual(['id']);
    expect(op.responses['201'].content['application/json'].schema.properties.owner).toBe(ref);
  });
});

describe('the loaded documents', () => {
  const docs = loadDocuments([defaultDocumentsDir()]);
  const validator = new Validator(docs.dereferenced);
  const create = docs.operations.find((op) => op.operationId === 'createIamV2ApiKey')!;
  const owner = { id: 'u-abc123' };

  it('accept a request whose object references carry only their id', () => {
    expect(() => validator.validateRequest(create, { method: 'POST', path: '/iam/v2/api-keys', headers: { 'content-type': 'application/json' }, query: {}, body: { spec: { owner } } })).not.toThrow();
  });

  it('require related and resource_name of the same references in a response', () => {
    const problems = validator.checkResponse(create, 202, { api_version: 'iam/v2', kind: 'ApiKey', id: 'K', metadata: {}, spec: { owner } });
    expect(problems.join('\n')).toMatch(/owner must have required property 'related'/);
  });
});
