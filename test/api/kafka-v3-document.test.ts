import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';

/**
 * The Kafka REST v3 document (openapi/kafka-v3.yaml) is loaded and routed: its 88 operations are
 * registered under /kafka/v3, take keys scoped to the cluster only and answer in the flat dialect.
 */
describe('kafka/v3 document', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('declares the 88 operations of the group, each once', async () => {
    const r = await t.get('/_emulator/operations');
    expect(r.status).toBe(200);
    const ops = (r.body.data as Array<{ operation_id: string; group: string; method: string; path: string }>).filter((op) => op.group === 'kafka/v3');
    expect(ops).toHaveLength(88);
    expect(new Set(ops.map((op) => `${op.method} ${op.path}`)).size).toBe(88);
    expect(new Set(ops.map((op) => op.operation_id)).size).toBe(88);
    for (const op of ops) expect(op.path.startsWith('/kafka/v3/clusters'), op.path).toBe(true);
  });

  it('refuses a Cloud API key with 401 in the flat shape', async () => {
    const r = await t.get('/kafka/v3/clusters/lkc-x/topics');
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error_code: 401, message: expect.any(String) });
    expect(r.headers['x-request-id']).toBeTruthy();
  });

  it('is part of the merged document, with the produce operation streamed', async () => {
    const r = await t.get('/openapi.json');
    expect(r.status).toBe(200);
    const records = r.body.paths['/kafka/v3/clusters/{cluster_id}/topics/{topic_name}/records'];
    expect(records).toBeDefined();
    expect(records.post.operationId).toBe('produceRecord');
    expect(records.post['x-emulator-streaming']).toBe(true);
    expect(Object.keys(records.post.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '413', '415', '422', '429', '501']));
  });

  it('routes the custom methods and wildcard segments: a literal - wins over a path parameter', async () => {
    const { id, auth } = await kafkaCluster(t);
    // links/-/mirrors is the cluster-wide list, not the mirrors of a link named "-".
    const links = await t.get(`/kafka/v3/clusters/${id}/links/-/mirrors`, auth);
    expect(links.status).toBe(200);
    expect(links.body).toMatchObject({ kind: 'KafkaMirrorDataList', data: [] });
    const promote = await t.post(`/kafka/v3/clusters/${id}/links/l1/mirrors:promote`, { mirror_topic_names: ['a'] }, auth);
    expect(promote.status).toBe(404);
    expect(promote.body).toEqual({ error_code: 404, message: "The cluster link doesn't exist." });
    // A required query parameter is checked before the operation is dispatched.
    const create = await t.post(`/kafka/v3/clusters/${id}/links`, { source_cluster_id: 'lkc-src' }, auth);
    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({ error_code: 400 });
  });
});
