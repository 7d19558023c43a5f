import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';

describe('kafka-quotas/v1 client quotas and ksqldbcm/v2 clusters', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let cluster: string;
  let sa: string;
  const h = () => ({ authorization: o.auth });
  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
    const spec = { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Dedicated', cku: 1 }, environment: { id: o.env } };
    cluster = (await t.post('/cmk/v2/clusters', { spec }, h())).body.id;
    sa = (await t.post('/iam/v2/service-accounts', { display_name: 'quota-user' }, h())).body.id;
  });
  afterAll(() => t.close());

  it('client quotas: 202, list filtered by cluster and environment (both required), update, delete', async () => {
    const spec = { display_name: 'q1', description: 'd', throughput: { ingress_byte_rate: '1000', egress_byte_rate: '2000' }, cluster: { id: cluster }, principals: [{ id: sa }], environment: { id: o.env } };
    const c = await t.post('/kafka-quotas/v1/client-quotas', { spec }, h());
    expect(c.status).toBe(202);
    expect(c.body).toMatchObject({ api_version: 'kafka-quotas/v1', kind: 'ClientQuota' });
    expect(c.body.id).toMatch(/^cq-/);
    expect(c.body.spec.cluster).toMatchObject({ id: cluster, environment: o.env });
    const missing = await t.get(`/kafka-quotas/v1/client-quotas?environment=${o.env}`, h());
    expect(missing.status).toBe(400);
    expect(errorsOf(missing)[0].source).toEqual({ parameter: 'spec.cluster' });
    const list = await t.get(`/kafka-quotas/v1/client-quotas?environment=${o.env}&spec.cluster=${cluster}`, h());
    expect(list.body.data.map((q: any) => q.id)).toEqual([c.body.id]);
    expect((await t.get(`/kafka-quotas/v1/client-quotas?environment=${o.env}&spec.cluster=lkc-other`, h())).body.data).toEqual([]);
    const upd = await t.patch(`/kafka-quotas/v1/client-quotas/${c.body.id}`, { spec: { throughput: { ingress_byte_rate: '5', egress_byte_rate: '6' } } }, h());
    expect(upd.body.spec.throughput).toEqual({ ingress_byte_rate: '5', egress_byte_rate: '6' });
    const bad = await t.post('/kafka-quotas/v1/client-quotas', { spec: { ...spec, cluster: { id: 'lkc-nope' } } }, h());
    expect(bad.status).toBe(422);
    expect((await t.delete(`/kafka-quotas/v1/client-quotas/${c.body.id}`, h())).status).toBe(204);
    expect((await t.get(`/kafka-quotas/v1/client-quotas/${c.body.id}`, h())).status).toBe(404);
  });

  it('ksqlDB clusters: 202 PROVISIONING then PROVISIONED, status filled in, environment required, references checked', async () => {
    const spec = { display_name: 'ksql-1', csu: 4, kafka_cluster: { id: cluster }, credential_identity: { id: sa }, environment: { id: o.env } };
    const c = await t.post('/ksqldbcm/v2/clusters', { spec }, h());
    expect(c.status).toBe(202);
    expect(c.body).toMatchObject({ api_version: 'ksqldbcm/v2', kind: 'Cluster', status: { phase: 'PROVISIONING', is_paused: false, storage: 500 } });
    expect(c.body.spec.use_detailed_processing_log).toBe(true);
    expect(c.body.spec.credential_identity).toMatchObject({ id: sa, kind: 'ServiceAccount' });
    await t.post('/_emulator/clock/advance', { seconds: 120 });
    expect((await t.get(`/ksqldbcm/v2/clusters/${c.body.id}?environment=${o.env}`, h())).body.status.phase).toBe('PROVISIONED');
    expect((await t.get('/ksqldbcm/v2/clusters', h())).status).toBe(400);
    expect((await t.get(`/ksqldbcm/v2/clusters?environment=${o.env}`, h())).body.data.map((x: any) => x.id)).toEqual([c.body.id]);
    expect((await t.post('/ksqldbcm/v2/clusters', { spec: { ...spec, csu: 3 } }, h())).status).toBe(422);
    expect((await t.post('/ksqldbcm/v2/clusters', { spec: { ...spec, credential_identity: { id: 'sa-nope' } } }, h())).status).toBe(422);
    expect((await t.delete(`/ksqldbcm/v2/clusters/${c.body.id}?environment=${o.env}`, h())).status).toBe(204);
    expect((await t.get(`/ksqldbcm/v2/clusters/${c.body.id}?environment=${o.env}`, h())).status).toBe(404);
  });
});
