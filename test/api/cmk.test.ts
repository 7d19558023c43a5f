import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

describe('cmk/v2 Kafka clusters', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  const spec = (over: Record<string, unknown> = {}) => ({ display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env }, ...over });
  const create = (over: Record<string, unknown> = {}, headers: Record<string, string> = {}) => t.post('/cmk/v2/clusters', { spec: spec(over) }, { ...h(), ...headers });
  const ready = async (over: Record<string, unknown> = {}) => (await create(over, { 'x-emulator-lifecycle': 'immediate' })).body;
  const url = (id: string, env = o.env) => `/cmk/v2/clusters/${id}?environment=${env}`;
  const advance = (seconds: number) => t.post('/_emulator/clock/advance', { seconds });
  /** A network of the environment, made through networking/v1. */
  const network = async (env = o.env, cidr = '10.1.0.0/16') => {
    const n = await t.post('/networking/v1/networks', { spec: { cloud: 'AWS', region: 'us-east-2', connection_types: ['PEERING'], cidr, environment: { id: env } } }, { ...h(), 'x-emulator-lifecycle': 'immediate' });
    expect(n.status, n.raw).toBe(202);
    return n.body.id as string;
  };
  /** A BYOK key of the organization, made through byok/v1. */
  const byokKey = async (n: number) => {
    const k = await t.post('/byok/v1/keys', { key: { kind: 'AwsKey', key_arn: `arn:aws:kms:us-east-2:111122223333:key/0000000${n}-aaaa-bbbb-cccc-000000000000` } }, h());
    expect(k.status, k.raw).toBe(201);
    return k.body.id as string;
  };
  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('creates with 202 and Location, PROVISIONING, then PROVISIONED on the clock; endpoints point at the emulator', async () => {
    const c = await create();
    expect(c.status).toBe(202);
    expect(c.headers.location).toBe(`http://emulator.test/cmk/v2/clusters/${c.body.id}`);
    expect(c.body).toMatchObject({ api_version: 'cmk/v2', kind: 'Cluster', status: { phase: 'PROVISIONING' } });
    expect(c.body.id).toMatch(/^lkc-[0-9a-z]{6}$/);
    expect(c.body.metadata.self).toBe(`http://emulator.test/cmk/v2/clusters/${c.body.id}`);
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${o.env}/cloud-cluster=${c.body.id}`);
    expect(c.body.spec.environment).toMatchObject({ id: o.env, related: `http://emulator.test/org/v2/environments/${o.env}` });
    expect(c.body.spec.deletion_protection).toBe(false);
    expect(c.body.spec.http_endpoint).toBe('http://emulator.test');
    expect(c.body.spec.api_endpoint).toBe('http://emulator.test');
    expect(c.body.spec.kafka_bootstrap_endpoint).toBe(`SASL_SSL://${c.body.id}.us-east-2.aws.ccloud-emulator.local:9092`);
    expect(c.body.spec.endpoints).toEqual({
      PUBLIC: { http_endpoint: 'http://emulator.test', kafka_bootstrap_endpoint: `${c.body.id}.us-east-2.aws.ccloud-emulator.local:9092`, connection_type: 'PUBLIC' },
    });
    expect(c.body.status.cku).toBeUndefined();

    await advance(30);
    expect((await t.get(url(c.body.id), h())).body.status.phase).toBe('PROVISIONING');
    await advance(60);
    expect((await t.get(url(c.body.id), h())).body.status.phase).toBe('PROVISIONED');
  });

  it('the http_endpoint serves Kafka REST for the cluster', async () => {
    const c = await ready({ display_name: 'rest' });
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.id } } }, h())).body;
    const path = new URL(`${c.spec.http_endpoint}/kafka/v3/clusters/${c.id}`).pathname;
    const res = await t.get(path, { authorization: basic(key.id, key.spec.secret) });
    expect(res.status).toBe(200);
    expect(res.body.cluster_id).toBe(c.id);
  });

  it('requires the environment on list, read, update and delete (400); an unknown environment is 422; bad bodies are refused', async () => {
    const c = await ready({ display_name: 'scoped' });
    const unscopedPatch = await t.patch(`/cmk/v2/clusters/${c.id}`, { spec: { display_name: 'renamed' } }, h());
    expect(errorsOf(unscopedPatch)[0].detail).toMatch(/spec\.environment\.id/);
    for (const r of [await t.get('/cmk/v2/clusters', h()), await t.get(`/cmk/v2/clusters/${c.id}`, h()), unscopedPatch, await t.delete(`/cmk/v2/clusters/${c.id}`, h())]) {
      expect(r.status).toBe(400);
      expect(errorsOf(r)[0].source).toEqual({ parameter: 'environment' });
    }
    const bad = await create({ environment: { id: 'env-nope' } });
    expect(bad.status).toBe(422);
    expect(errorsOf(bad)[0].source).toEqual({ pointer: '/spec/environment/id' });
    expect((await t.post('/cmk/v2/clusters', { spec: { display_name: 'x' } }, h())).status).toBe(422);
    expect((await create({ cloud: 'IBM' })).status).toBe(422);
    expect((await create({ config: { kind: 'Dedicated' } })).status).toBe(422);
    expect((await create({ config: { kind: 'Huge' } })).status).toBe(422);
  });

  it('refuses a network that is not in its environment and a BYOK key that does not exist (422)', async () => {
    const env2 = (await t.post('/org/v2/environments', { display_name: 'elsewhere' }, h())).body.id;
    const elsewhere = await network(env2);
    for (const [over, pointer] of [
      [{ network: { id: 'n-nope00' } }, '/spec/network/id'],
      [{ network: { id: elsewhere } }, '/spec/network/id'],
      [{ byok: { id: 'cck-nope0' } }, '/spec/byok/id'],
    ] as const) {
      const r = await create(over);
      expect(r.status, r.raw).toBe(422);
      expect(errorsOf(r)[0].source).toEqual({ pointer });
    }
  });

  it('refuses a change of a create-only field (400) but takes the same value; PATCH takes the environment from the body', async () => {
    const [net, other, key, otherKey] = [await network(), await network(o.env, '10.2.0.0/16'), await byokKey(1), await byokKey(2)];
    const c = await ready({ display_name: 'fixed', network: { id: net }, byok: { id: key } });
    expect(c.spec.network).toEqual({
      id: net,
      environment: o.env,
      related: `http://emulator.test/networking/v1/networks/${net}`,
      resource_name: `crn://confluent.cloud/organization=${o.org}/environment=${o.env}/network=${net}`,
    });
    expect(c.spec.byok).toMatchObject({ id: key, resource_name: `crn://confluent.cloud/organization=${o.org}/key=${key}` });
    const changes: Array<[Record<string, unknown>, string]> = [
      [{ region: 'eu-west-1' }, '/spec/region'],
      [{ cloud: 'GCP' }, '/spec/cloud'],
      [{ network: { id: other } }, '/spec/network'],
      [{ byok: { id: otherKey } }, '/spec/byok'],
    ];
    for (const [change, pointer] of changes) {
      const r = await t.patch(url(c.id), { spec: change }, h());
      expect(r.status, pointer).toBe(400);
      expect(errorsOf(r)[0].source).toEqual({ pointer });
    }
    const same = await t.patch(`/cmk/v2/clusters/${c.id}`, { spec: { region: 'us-east-2', cloud: 'AWS', network: { id: net }, display_name: 'renamed', environment: { id: o.env } } }, h());
    expect(same.status).toBe(200);
    expect(same.body.spec).toMatchObject({ display_name: 'renamed', region: 'us-east-2', cloud: 'AWS' });
    expect(same.body.metadata.updated_at).toBeDefined();
  });

  it('upgrades Basic to Standard; refuses downgrades and every other change of type', async () => {
    const c = await ready({ display_name: 'up' });
    expect((await t.patch(url(c.id), { spec: { config: { kind: 'Dedicated', cku: 1 } } }, h())).status).toBe(400);
    const up = await t.patch(url(c.id), { spec: { config: { kind: 'Standard' } } }, h());
    expect(up.status).toBe(200);
    expect(up.body.spec.config.kind).toBe('Standard');
    expect((await t.get(url(c.id), h())).body.spec.config.kind).toBe('Standard');
    const down = await t.patch(url(c.id), { spec: { config: { kind: 'Basic' } } }, h());
    expect(down.status).toBe(400);
    expect(errorsOf(down)[0].source).toEqual({ pointer: '/spec/config/kind' });
    expect((await t.patch(url(c.id), { spec: { config: { kind: 'Enterprise' } } }, h())).status).toBe(400);
    expect((await t.get(url(c.id), h())).body.spec.config.kind).toBe('Standard');
  });

  it('applies the sizing rules: MULTI_ZONE Dedicated needs 2 CKUs, HIGH needs 2 eCKUs', async () => {
    const mz = await create({ availability: 'MULTI_ZONE', config: { kind: 'Dedicated', cku: 1 } });
    expect(mz.status).toBe(400);
    expect(errorsOf(mz)[0].source).toEqual({ pointer: '/spec/config/cku' });
    const high = await create({ availability: 'HIGH', config: { kind: 'Enterprise', max_ecku: 1 } });
    expect(high.status).toBe(400);
    expect(errorsOf(high)[0].source).toEqual({ pointer: '/spec/config/max_ecku' });
    expect((await create({ availability: 'HIGH', config: { kind: 'Enterprise', max_ecku: 2 } })).status).toBe(202);
    const d = await ready({ availability: 'MULTI_ZONE', config: { kind: 'Dedicated', cku: 2, zones: ['use2-az1', 'use2-az2'] } });
    expect((await t.patch(url(d.id), { spec: { config: { kind: 'Dedicated', cku: 1 } } }, h())).status).toBe(400);
    const zones = await t.patch(url(d.id), { spec: { config: { kind: 'Dedicated', cku: 2, zones: ['use2-az3'] } } }, h());
    expect(zones.status).toBe(400);
    expect(errorsOf(zones)[0].source).toEqual({ pointer: '/spec/config/zones' });
  });

  it('a Dedicated CKU change runs on the clock: status.cku keeps the old count until PROVISIONED again', async () => {
    const c = await create({ display_name: 'ded', config: { kind: 'Dedicated', cku: 2 } });
    expect(c.body.status).toEqual({ phase: 'PROVISIONING', cku: 2 });
    await advance(120);
    expect((await t.get(url(c.body.id), h())).body.status).toEqual({ phase: 'PROVISIONED', cku: 2 });

    const more = await t.patch(url(c.body.id), { spec: { config: { kind: 'Dedicated', cku: 4 } } }, h());
    expect(more.status).toBe(200);
    expect(more.body.spec.config).toEqual({ kind: 'Dedicated', cku: 4 });
    expect(more.body.status).toEqual({ phase: 'PROVISIONING', cku: 2 });
    expect((await t.get(url(c.body.id), h())).body.status).toEqual({ phase: 'PROVISIONING', cku: 2 });
    await advance(120);
    expect((await t.get(url(c.body.id), h())).body.status).toEqual({ phase: 'PROVISIONED', cku: 4 });

    // A rename does not touch the lifecycle.
    const renamed = await t.patch(url(c.body.id), { spec: { display_name: 'ded2', config: { kind: 'Dedicated', cku: 4 } } }, h());
    expect(renamed.body.status).toEqual({ phase: 'PROVISIONED', cku: 4 });
  });

  it('a CKU change made while the cluster is still provisioning is in effect when it is PROVISIONED', async () => {
    const c = (await create({ display_name: 'early', config: { kind: 'Dedicated', cku: 1 } })).body;
    const early = await t.patch(url(c.id), { spec: { config: { kind: 'Dedicated', cku: 3 } } }, h());
    expect(early.body.status).toEqual({ phase: 'PROVISIONING', cku: 1 });
    await advance(120);
    expect((await t.get(url(c.id), h())).body.status).toEqual({ phase: 'PROVISIONED', cku: 3 });
  });

  it('filters by network, repeated or comma-separated, and lists only the environment asked for', async () => {
    const env2 = (await t.post('/org/v2/environments', { display_name: 'other' }, h())).body;
    const plain = (await create({ environment: { id: env2.id } })).body;
    const [na, nb] = [await network(env2.id), await network(env2.id, '10.2.0.0/16')];
    const a = (await create({ environment: { id: env2.id }, network: { id: na } })).body;
    const b = (await create({ environment: { id: env2.id }, network: { id: nb } })).body;
    const ids = async (query: string) => (await t.get(`/cmk/v2/clusters?environment=${env2.id}${query}`, h())).body.data.map((c: any) => c.id);
    expect(await ids('')).toEqual([plain.id, a.id, b.id]);
    expect(await ids(`&spec.network=${na}`)).toEqual([a.id]);
    expect(await ids(`&spec.network=${na}&spec.network=${nb}`)).toEqual([a.id, b.id]);
    expect(await ids(`&spec.network=${nb},${na}`)).toEqual([a.id, b.id]);
    expect(await ids('&spec.network=n-none')).toEqual([]);
    expect((await t.get(url(a.id), h())).status).toBe(404);
    expect((await t.get(url(a.id, env2.id), h())).status).toBe(200);
    const page = await t.get(`/cmk/v2/clusters?environment=${env2.id}&page_size=2`, h());
    expect(page.body).toMatchObject({ kind: 'ClusterList', metadata: { total_size: 3 } });
    expect(page.body.data).toHaveLength(2);
    expect(page.body.metadata.next).toMatch(/^http:\/\/emulator\.test\/cmk\/v2\/clusters\?/);
  });

  it('deletion protection refuses a delete (409) until turned off', async () => {
    const c = await ready({ display_name: 'guarded', deletion_protection: true });
    const refused = await t.delete(url(c.id), h());
    expect(refused.status).toBe(409);
    expect((await t.get(url(c.id), h())).status).toBe(200);
    await t.patch(url(c.id), { spec: { deletion_protection: false } }, h());
    expect((await t.delete(url(c.id), h())).status).toBe(204);
  });

  it('delete answers 204, then 404; the cluster’s keys, topics, client quotas and ksqlDB clusters go with it', async () => {
    const c = await ready({ display_name: 'doomed', config: { kind: 'Dedicated', cku: 1 } });
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.id } } }, h())).body;
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'doomed-sa' }, h())).body;
    const quota = (await t.post('/kafka-quotas/v1/client-quotas', { spec: { display_name: 'q', throughput: { ingress_byte_rate: '1', egress_byte_rate: '1' }, cluster: { id: c.id }, principals: [{ id: sa.id }], environment: { id: o.env } } }, h())).body;
    const ksql = (await t.post('/ksqldbcm/v2/clusters', { spec: { display_name: 'k', csu: 1, kafka_cluster: { id: c.id }, credential_identity: { id: sa.id }, environment: { id: o.env } } }, h())).body;
    t.rt.kafka.createTopic(c.id, 'doomed', 1, 3, {}, 0);

    const del = await t.delete(url(c.id), h());
    expect(del.status).toBe(204);
    expect(del.raw).toBe('');
    expect((await t.get(url(c.id), h())).status).toBe(404);
    expect((await t.delete(url(c.id), h())).status).toBe(404);
    expect((await t.get(`/cmk/v2/clusters?environment=${o.env}`, h())).body.data.map((x: any) => x.id)).not.toContain(c.id);
    expect((await t.get(`/iam/v2/api-keys/${key.id}`, h())).status).toBe(404);
    expect((await t.get('/topics', { authorization: basic(key.id, key.spec.secret) })).status).toBe(401);
    expect(t.rt.kafka.topic(c.id, 'doomed')).toBeUndefined();
    expect((await t.get(`/kafka-quotas/v1/client-quotas/${quota.id}`, h())).status).toBe(404);
    expect((await t.get(`/ksqldbcm/v2/clusters/${ksql.id}?environment=${o.env}`, h())).status).toBe(404);
  });

  it('deleting the environment deletes its clusters', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'short-lived' }, h())).body;
    const c = (await create({ environment: { id: env.id } })).body;
    expect((await t.delete(`/org/v2/environments/${env.id}`, h())).status).toBe(204);
    expect(t.rt.resources.get(o.org, 'KafkaCluster', c.id)).toBeUndefined();
  });

  it('can be made to fail', async () => {
    const c = await create({}, { 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(c.status).toBe(202);
    expect(c.body.status.phase).toBe('FAILED');
    expect((await t.get(url(c.body.id), h())).body.status.phase).toBe('FAILED');
  });
});

describe('cmk/v2 with the lifecycle and quotas configured', () => {
  let t: TestEmulator;
  let o: Org;
  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 3 }, quotas: { kafka_clusters_per_environment: 2 } });
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('in immediate mode a CKU change is in effect in the PATCH response', async () => {
    const spec = { display_name: 'd', availability: 'SINGLE_ZONE', cloud: 'GCP', region: 'us-central1', config: { kind: 'Dedicated', cku: 1 }, environment: { id: o.env } };
    const c = await t.post('/cmk/v2/clusters', { spec }, { authorization: o.auth });
    expect(c.body.status).toEqual({ phase: 'PROVISIONED', cku: 1 });
    const more = await t.patch(`/cmk/v2/clusters/${c.body.id}?environment=${o.env}`, { spec: { config: { kind: 'Dedicated', cku: 2 } } }, { authorization: o.auth });
    expect(more.body.status).toEqual({ phase: 'PROVISIONED', cku: 2 });
  });

  it('kafka_clusters_per_environment: creating past the limit answers 402', async () => {
    const spec = { display_name: 'q', availability: 'SINGLE_ZONE', cloud: 'AZURE', region: 'eastus', config: { kind: 'Standard' }, environment: { id: o.env } };
    expect((await t.post('/cmk/v2/clusters', { spec }, { authorization: o.auth })).status).toBe(202);
    const over = await t.post('/cmk/v2/clusters', { spec }, { authorization: o.auth });
    expect(over.status).toBe(402);
    expect(errorsOf(over)[0].code).toBe('quota_exceeded');
  });
});
