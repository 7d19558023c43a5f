import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { schemaRegistry } from '../support/clusters.js';

/**
 * The Schema Registry document (openapi/schema-registry-v1.yaml) is loaded and routed: the 41
 * operations of the checklist and `getLatestWithMetadata` (which the clients call) are registered, they take resource API keys only and answer in the flat dialect.
 */
describe('schema-registry/v1 document', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('declares the 41 operations of the checklist and getLatestWithMetadata', async () => {
    const r = await t.get('/_emulator/operations');
    expect(r.status).toBe(200);
    const ops = (r.body.data as Array<{ group: string; method: string; path: string }>).filter((op) => op.group === 'schema-registry/v1');
    expect(ops).toHaveLength(42);
    expect(new Set(ops.map((op) => `${op.method} ${op.path}`)).size).toBe(42);
    expect(ops).toContainEqual(expect.objectContaining({ method: 'GET', path: '/subjects/{subject}/metadata' }));
  });

  it('refuses a Cloud API key with 401 in the flat shape', async () => {
    const r = await t.get('/subjects');
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error_code: 401, message: expect.any(String) });
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('is part of the merged document', async () => {
    const r = await t.get('/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.paths['/subjects/{subject}/versions']).toBeDefined();
    expect(Object.keys(r.body.paths['/subjects/{subject}/versions'])).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('accepts the Schema Registry media types with a key of the cluster, and refuses others with 415', async () => {
    const { auth } = await schemaRegistry(t);
    const body = { schema: '{"type":"string"}' };
    for (const type of ['application/vnd.schemaregistry.v1+json', 'application/vnd.schemaregistry+json', 'application/json']) {
      const r = await t.request('POST', '/subjects/orders-value/versions', body, { ...auth, 'content-type': type });
      expect(r.status, `${type}: ${r.raw}`).toBe(200);
      expect(r.body).toEqual({ id: expect.any(Number) });
    }
    const other = await t.request('POST', '/subjects/orders-value/versions', body, { ...auth, 'content-type': 'application/vnd.kafka.v2+json' });
    expect(other.status).toBe(415);
    expect(other.body).toEqual({ error_code: 415, message: expect.any(String) });
    const invalid = await t.request('POST', '/subjects/orders-value/versions', { schema: 7 }, { ...auth, 'content-type': 'application/vnd.schemaregistry.v1+json' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error_code: 422 });
    // `latest` and -1 are versions; the handler, not the validator, rejects other strings (42202).
    for (const v of ['latest', '-1', '1']) expect((await t.get(`/subjects/orders-value/versions/${v}`, auth)).status).toBe(200);
    expect((await t.get('/subjects/orders-value/versions/first', auth)).body.error_code).toBe(42202);
  });
});
