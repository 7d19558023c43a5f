import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

const clusterSpec = (env: string, over: Record<string, unknown> = {}) => ({
  display_name: 'k',
  availability: 'SINGLE_ZONE',
  cloud: 'AWS',
  region: 'us-east-2',
  config: { kind: 'Dedicated', cku: 1 },
  environment: { id: env },
  ...over,
});

describe('kafka-quotas/v1 client quotas', () => {
  let t: TestEmulator;
  let o: Org;
  let cluster: string;
  let sa: string;
  let sa2: string;
  const h = () => ({ authorization: o.auth });
  const quotaSpec = (over: Record<string, unknown> = {}) => ({
    display_name: 'q1',
    description: 'd',
    throughput: { ingress_byte_rate: '1000', egress_byte_rate: '2000' },
    cluster: { id: cluster },
    principals: [{ id: sa }],
    environment: { id: o.env },
    ...over,
  });
  const create = (over: Record<string, unknown> = {}) => t.post('/kafka-quotas/v1/client-quotas', { spec: quotaSpec(over) }, h());
  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
    cluster = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env) }, h())).body.id;
    sa = (await t.post('/iam/v2/service-accounts', { display_name: 'quota-user' }, h())).body.id;
    sa2 = (await t.post('/iam/v2/service-accounts', { display_name: 'quota-user-2' }, h())).body.id;
  });
  afterAll(() => t.close());

  it('creates with 202 and Location; the cluster and principals come back as references; no status', async () => {
    const c = await create();
    expect(c.status).toBe(202);
    expect(c.headers.location).toBe(`http://emulator.test/kafka-quotas/v1/client-quotas/${c.body.id}`);
    expect(c.body).toMatchObject({ api_version: 'kafka-quotas/v1', kind: 'ClientQuota' });
    expect(c.body.id).toMatch(/^cq-[0-9a-z]{5}$/);
    expect(c.body.status).toBeUndefined();
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/client-quota=${c.body.id}`);
    expect(c.body.spec.cluster).toMatchObject({ id: cluster, environment: o.env, related: `http://emulator.test/cmk/v2/clusters/${cluster}` });
    expect(c.body.spec.environment).toMatchObject({ id: o.env });
    expect(c.body.spec.principals).toEqual([{ id: sa, related: `http://emulator.test/iam/v2/service-accounts/${sa}`, resource_name: `crn://confluent.cloud/organization=${o.org}/service-account=${sa}` }]);
    expect(c.body.spec.throughput).toEqual({ ingress_byte_rate: '1000', egress_byte_rate: '2000' });
    const read = await t.get(`/kafka-quotas/v1/client-quotas/${c.body.id}`, h());
    expect(read.status).toBe(200);
    expect(read.body.spec).toEqual(c.body.spec);
  });

  it('the list needs both spec.cluster and environment (400) and filters by them', async () => {
    const q = (await create({ display_name: 'listed' })).body;
    for (const [query, parameter] of [[`environment=${o.env}`, 'spec.cluster'], [`spec.cluster=${cluster}`, 'environment']]) {
      const r = await t.get(`/kafka-quotas/v1/client-quotas?${query}`, h());
      expect(r.status).toBe(400);
      expect(errorsOf(r)[0].source).toEqual({ parameter });
    }
    const list = await t.get(`/kafka-quotas/v1/client-quotas?environment=${o.env}&spec.cluster=${cluster}`, h());
    expect(list.status).toBe(200);
    expect(list.body.kind).toBe('ClientQuotaList');
    expect(list.body.data.map((x: any) => x.id)).toContain(q.id);
    expect((await t.get(`/kafka-quotas/v1/client-quotas?environment=${o.env}&spec.cluster=lkc-other`, h())).body.data).toEqual([]);
    expect((await t.get(`/kafka-quotas/v1/client-quotas?environment=env-other&spec.cluster=${cluster}`, h())).body.data).toEqual([]);
  });

  it('principals must be service accounts, identity pools or <default> (422)', async () => {
    const def = await create({ display_name: 'default', principals: [{ id: '<default>' }] });
    expect(def.status).toBe(202);
    // Confluent's document requires `related` and `resource_name` on every principal, `<default>` included.
    expect(def.body.spec.principals).toEqual([{ id: '<default>', related: expect.stringMatching(/\/iam\/v2\/service-accounts\/%3Cdefault%3E$/), resource_name: expect.stringMatching(/^crn:\/\/confluent.cloud\/organization=[^/]+\/service-account=%3Cdefault%3E$/) }]);
    const user = await create({ principals: [{ id: sa }, { id: o.user }] });
    expect(user.status).toBe(422);
    expect(errorsOf(user)[0].source).toEqual({ pointer: '/spec/principals/1/id' });
    expect((await create({ principals: [{ id: 'sa-nope' }] })).status).toBe(422);
    expect((await create({ principals: [] })).status).toBe(422);
  });

  it('the cluster must exist, in the quota’s environment (422); throughput rates are integers', async () => {
    const unknown = await create({ cluster: { id: 'lkc-nope' } });
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)[0].source).toEqual({ pointer: '/spec/cluster/id' });
    const env2 = (await t.post('/org/v2/environments', { display_name: 'elsewhere' }, h())).body;
    const elsewhere = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(env2.id) }, h())).body.id;
    const wrongEnv = await create({ cluster: { id: elsewhere } });
    expect(wrongEnv.status).toBe(422);
    expect(errorsOf(wrongEnv)[0].source).toEqual({ pointer: '/spec/cluster/id' });
    expect((await create({ cluster: { id: elsewhere }, environment: { id: env2.id } })).status).toBe(202);
    expect((await create({ environment: { id: 'env-nope' } })).status).toBe(422);
    expect((await create({ throughput: { ingress_byte_rate: 'lots', egress_byte_rate: '1' } })).status).toBe(422);
    expect((await create({ throughput: { ingress_byte_rate: '1' } })).status).toBe(422);
  });

  it('updates name, description, throughput and principals; the cluster and environment are create-only (400)', async () => {
    const q = (await create({ display_name: 'to-update' })).body;
    const upd = await t.patch(`/kafka-quotas/v1/client-quotas/${q.id}`, { spec: { display_name: 'updated', throughput: { ingress_byte_rate: '5', egress_byte_rate: '6' }, principals: [{ id: sa2 }, { id: '<default>' }] } }, h());
    expect(upd.status).toBe(200);
    expect(upd.body.spec).toMatchObject({ display_name: 'updated', description: 'd', throughput: { ingress_byte_rate: '5', egress_byte_rate: '6' } });
    expect(upd.body.spec.principals.map((p: any) => p.id)).toEqual([sa2, '<default>']);
    expect(upd.body.spec.principals[0].resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/service-account=${sa2}`);
    const badPrincipal = await t.patch(`/kafka-quotas/v1/client-quotas/${q.id}`, { spec: { principals: [{ id: 'sa-nope' }] } }, h());
    expect(badPrincipal.status).toBe(422);
    expect(errorsOf(badPrincipal)[0].source).toEqual({ pointer: '/spec/principals/0/id' });
    const moved = await t.patch(`/kafka-quotas/v1/client-quotas/${q.id}`, { spec: { cluster: { id: 'lkc-other' } } }, h());
    expect(moved.status).toBe(400);
    expect(errorsOf(moved)[0].source).toEqual({ pointer: '/spec/cluster' });
    expect((await t.patch(`/kafka-quotas/v1/client-quotas/${q.id}`, { spec: { environment: { id: 'env-other' } } }, h())).status).toBe(400);
    expect((await t.patch(`/kafka-quotas/v1/client-quotas/${q.id}`, { spec: { cluster: { id: cluster }, description: 'same cluster' } }, h())).status).toBe(200);
    expect((await t.get(`/kafka-quotas/v1/client-quotas/${q.id}`, h())).body.spec.principals.map((p: any) => p.id)).toEqual([sa2, '<default>']);
  });

  it('delete answers 204, then 404', async () => {
    const q = (await create({ display_name: 'to-delete' })).body;
    const del = await t.delete(`/kafka-quotas/v1/client-quotas/${q.id}`, h());
    expect(del.status).toBe(204);
    expect((await t.get(`/kafka-quotas/v1/client-quotas/${q.id}`, h())).status).toBe(404);
    expect((await t.delete(`/kafka-quotas/v1/client-quotas/${q.id}`, h())).status).toBe(404);
  });
});

describe('ksqldbcm/v2 ksqlDB clusters', () => {
  let t: TestEmulator;
  let o: Org;
  let cluster: string;
  let sa: string;
  const h = () => ({ authorization: o.auth });
  const ksqlSpec = (over: Record<string, unknown> = {}) => ({ display_name: 'ksql-1', csu: 4, kafka_cluster: { id: cluster }, credential_identity: { id: sa }, environment: { id: o.env }, ...over });
  const create = (over: Record<string, unknown> = {}, headers: Record<string, string> = {}) => t.post('/ksqldbcm/v2/clusters', { spec: ksqlSpec(over) }, { ...h(), ...headers });
  const url = (id: string) => `/ksqldbcm/v2/clusters/${id}?environment=${o.env}`;
  beforeAll(async () => {
    t = await TestEmulator.start({ quotas: { 'ksql.limits.max_apps_per_cluster': 3 } });
    o = await t.newOrg();
    cluster = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env, { config: { kind: 'Basic' } }) }, h())).body.id;
    sa = (await t.post('/iam/v2/service-accounts', { display_name: 'ksql-sa' }, h())).body.id;
  });
  afterAll(() => t.close());

  it('creates with 202 and Location, PROVISIONING then PROVISIONED on the clock, status filled in', async () => {
    const c = await create();
    expect(c.status).toBe(202);
    expect(c.headers.location).toBe(`http://emulator.test/ksqldbcm/v2/clusters/${c.body.id}`);
    expect(c.body.id).toMatch(/^lksqlc-[0-9a-z]{5}$/);
    const suffix = c.body.id.slice('lksqlc-'.length);
    expect(c.body).toMatchObject({
      api_version: 'ksqldbcm/v2',
      kind: 'Cluster',
      status: { phase: 'PROVISIONING', is_paused: false, storage: 500, topic_prefix: `pksqlc-${suffix}`, http_endpoint: `https://pksqlc-${suffix}.ksqldb.ccloud-emulator.local:443` },
    });
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${o.env}/cloud-cluster=${c.body.id}`);
    expect(c.body.spec.use_detailed_processing_log).toBe(true);
    expect(c.body.spec.kafka_cluster).toMatchObject({ id: cluster, environment: o.env, kind: 'Cluster', api_version: 'cmk/v2' });
    expect(c.body.spec.credential_identity).toMatchObject({ id: sa, kind: 'ServiceAccount', api_version: 'iam/v2' });
    await t.post('/_emulator/clock/advance', { seconds: 30 });
    expect((await t.get(url(c.body.id), h())).body.status.phase).toBe('PROVISIONING');
    await t.post('/_emulator/clock/advance', { seconds: 60 });
    expect((await t.get(url(c.body.id), h())).body.status.phase).toBe('PROVISIONED');
    const quiet = await create({ display_name: 'quiet', csu: 1, use_detailed_processing_log: false, credential_identity: { id: o.user } });
    expect(quiet.body.spec.use_detailed_processing_log).toBe(false);
    expect(quiet.body.spec.credential_identity).toMatchObject({ id: o.user, kind: 'User' });
    expect(quiet.body.status.storage).toBe(125);
    await t.delete(url(quiet.body.id), h());
  });

  it('requires the environment on list, read and delete (400) and lists only that environment', async () => {
    const c = (await create({ display_name: 'scoped' })).body;
    for (const r of [await t.get('/ksqldbcm/v2/clusters', h()), await t.get(`/ksqldbcm/v2/clusters/${c.id}`, h()), await t.delete(`/ksqldbcm/v2/clusters/${c.id}`, h())]) {
      expect(r.status).toBe(400);
      expect(errorsOf(r)[0].source).toEqual({ parameter: 'environment' });
    }
    const list = await t.get(`/ksqldbcm/v2/clusters?environment=${o.env}`, h());
    expect(list.body.kind).toBe('ClusterList');
    expect(list.body.data.map((x: any) => x.id)).toContain(c.id);
    const env2 = (await t.post('/org/v2/environments', { display_name: 'empty' }, h())).body;
    expect((await t.get(`/ksqldbcm/v2/clusters?environment=${env2.id}`, h())).body.data).toEqual([]);
    expect((await t.get(`/ksqldbcm/v2/clusters/${c.id}?environment=${env2.id}`, h())).status).toBe(404);
    await t.delete(url(c.id), h());
  });

  it('checks references, the CSU count and the name (422); the Kafka cluster must be in the same environment', async () => {
    const cases: Array<[Record<string, unknown>, string | undefined]> = [
      [{ kafka_cluster: { id: 'lkc-nope' } }, '/spec/kafka_cluster/id'],
      [{ credential_identity: { id: 'sa-nope' } }, '/spec/credential_identity/id'],
      [{ environment: { id: 'env-nope' } }, '/spec/environment/id'],
      [{ csu: 3 }, undefined],
      [{ display_name: 'has spaces' }, undefined],
    ];
    for (const [over, pointer] of cases) {
      const r = await create(over);
      expect(r.status, JSON.stringify(over)).toBe(422);
      if (pointer) expect(errorsOf(r)[0].source).toEqual({ pointer });
    }
    const env2 = (await t.post('/org/v2/environments', { display_name: 'ksql-elsewhere' }, h())).body;
    const wrongEnv = await create({ environment: { id: env2.id } });
    expect(wrongEnv.status).toBe(422);
    expect(errorsOf(wrongEnv)[0].source).toEqual({ pointer: '/spec/kafka_cluster/id' });
  });

  it('ksql.limits.max_apps_per_cluster caps ksqlDB clusters per Kafka cluster (402)', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await create({ display_name: `cap-${i}` })).body.id);
    const over = await create({ display_name: 'cap-3' });
    expect(over.status).toBe(402);
    expect(errorsOf(over)[0].detail).toContain('ksql.limits.max_apps_per_cluster');
    await t.delete(url(made[0]), h());
    const again = await create({ display_name: 'cap-4' });
    expect(again.status).toBe(202);
    for (const id of [...made.slice(1), again.body.id]) await t.delete(url(id), h());
  });

  it('can be made to fail; delete answers 204, then 404; there is no update', async () => {
    const f = await create({ display_name: 'failing' }, { 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(f.body.status.phase).toBe('FAILED');
    expect((await t.patch(url(f.body.id), { spec: { csu: 8 } }, h())).status).toBe(404);
    expect((await t.delete(url(f.body.id), h())).status).toBe(204);
    expect((await t.get(url(f.body.id), h())).status).toBe(404);
    expect((await t.delete(url(f.body.id), h())).status).toBe(404);
  });
});
