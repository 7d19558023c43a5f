import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DOCS, TestEmulator, basic } from '../helpers.js';

/**
 * Data planes take API keys scoped to one cluster. The gizmos test document has no handlers, so
 * a request that passes authentication answers 501: that is how these tests see it pass.
 */
describe('data-plane authentication', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let clusterKey: string;
  let clusterId: string;
  beforeAll(async () => {
    t = await TestEmulator.start({ extraDocuments: [TEST_DOCS], rateLimit: 10 });
    o = await t.newOrg();
    const h = { authorization: o.auth };
    const widget = await t.post('/widgets/v1/widgets', { spec: { display_name: 'c1', cloud: 'AWS', environment: { id: o.env } } }, h);
    clusterId = widget.body.id;
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: clusterId } } }, h);
    expect(key.status).toBe(202);
    expect(key.body.spec.resource).toMatchObject({ id: clusterId, kind: 'Widget' });
    clusterKey = basic(key.body.id, key.body.spec.secret);
  });
  afterAll(() => t.close());

  it('a key scoped to the cluster passes; one of another cluster, a Cloud key or none is 401 in the flat shape', async () => {
    expect((await t.get(`/gizmos/v1/clusters/${clusterId}/gizmos`, { authorization: clusterKey })).status).toBe(501);
    for (const [cluster, authorization] of [
      ['wdg-other', clusterKey],
      [clusterId, o.auth],
      [clusterId, ''],
    ]) {
      const r = await t.get(`/gizmos/v1/clusters/${cluster}/gizmos`, { authorization });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ error_code: 401, message: expect.any(String) });
    }
  });

  it('parses the vendor JSON media types an operation declares, and refuses others with 415', async () => {
    const url = `/gizmos/v1/clusters/${clusterId}/gizmos`;
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: clusterId } } }, { authorization: o.auth })).body;
    const clusterKey = basic(key.id, key.spec.secret);
    const ok = await t.request('POST', url, { name: 'g' }, { authorization: clusterKey, 'content-type': 'application/vnd.gizmos.v1+json' });
    expect(ok.status).toBe(501);
    const invalid = await t.request('POST', url, { name: 7 }, { authorization: clusterKey, 'content-type': 'application/vnd.gizmos.v1+json' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error_code: 422 });
    const plain = await t.request('POST', url, { name: 'g' }, { authorization: clusterKey, 'content-type': 'application/json' });
    expect(plain.status).toBe(415);
    expect(plain.body).toEqual({ error_code: 415, message: expect.stringContaining('application/vnd.gizmos.v1+json') });
  });

  it('a streaming operation takes JSON values back to back and validates each one', async () => {
    const url = `/gizmos/v1/clusters/${clusterId}/gizmos`;
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: clusterId } } }, { authorization: o.auth })).body;
    const headers = { authorization: basic(key.id, key.spec.secret), 'content-type': 'application/vnd.gizmos.v1+json' };
    expect((await t.request('POST', url, '{"name":"a"}\n{"name":"b"} {"name":"c"}', headers)).status).toBe(501);
    const second = await t.request('POST', url, '{"name":"a"}{"name":2}', headers);
    expect(second.status).toBe(422);
    // A management operation takes one value only.
    const env = await t.request('POST', '/org/v2/environments', '{"display_name":"a"}{"display_name":"b"}', { authorization: o.auth });
    expect(env.status).toBe(400);
  });

  it('serves an operation under its path alias too, validated and authenticated the same way', async () => {
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: clusterId } } }, { authorization: o.auth })).body;
    const headers = { authorization: basic(key.id, key.spec.secret), 'content-type': 'application/vnd.gizmos.v1+json' };
    expect((await t.get(`/gz/clusters/${clusterId}/gizmos`, headers)).status).toBe(501);
    expect((await t.request('POST', `/gz/clusters/${clusterId}/gizmos`, { name: 1 }, headers)).status).toBe(422);
    expect((await t.get(`/gz/clusters/wdg-other/gizmos`, headers)).status).toBe(401);
    const unknown = await t.get('/gz/clusters/x/nothing-here', headers);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error_code: 404 });
  });

  it('a cluster-scoped key cannot call the management APIs', async () => {
    const r = await t.get('/org/v2/environments', { authorization: clusterKey });
    expect(r.status).toBe(401);
  });

  it('data-plane requests are rate limited, and the 429 carries no rate-limit headers', async () => {
    const other = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: clusterId } } }, { authorization: o.auth })).body;
    const auth = basic(other.id, other.spec.secret);
    const url = `/gizmos/v1/clusters/${clusterId}/gizmos`;
    for (let i = 0; i < 10; i++) {
      const r = await t.get(url, { authorization: auth });
      expect(r.status).toBe(501);
      expect(r.headers['x-ratelimit-limit']).toBeUndefined();
    }
    const limited = await t.get(url, { authorization: auth });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error_code: 429 });
    expect(Object.keys(limited.headers).filter((h) => h.startsWith('x-ratelimit') || h === 'retry-after')).toEqual([]);
  });
});
