import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

describe('cmk/v2 Kafka clusters', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  const h = () => ({ authorization: o.auth });
  const spec = (over: Record<string, unknown> = {}) => ({ display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env }, ...over });
  const create = (over: Record<string, unknown> = {}, headers: Record<string, string> = {}) => t.post('/cmk/v2/clusters', { spec: spec(over) }, { ...h(), ...headers });
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
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${o.env}/cloud-cluster=${c.body.id}`);
    expect(c.body.spec.http_endpoint).toBe('http://emulator.test');
    expect(c.body.spec.endpoints.PUBLIC.http_endpoint).toBe('http://emulator.test');
    expect(c.body.spec.kafka_bootstrap_endpoint).toMatch(new RegExp(`^SASL_SSL://${c.body.id}\\.us-east-2\\.aws\\.`));
    await t.post('/_emulator/clock/advance', { seconds: 120 });
    expect((await t.get(`/cmk/v2/clusters/${c.body.id}?environment=${o.env}`, h())).body.status.phase).toBe('PROVISIONED');
  });

  it('requires the environment on list, read and delete; an unknown environment is 422', async () => {
    const list = await t.get('/cmk/v2/clusters', h());
    expect(list.status).toBe(400);
    expect(errorsOf(list)[0].source).toEqual({ parameter: 'environment' });
    const bad = await create({ environment: { id: 'env-nope' } });
    expect(bad.status).toBe(422);
    expect(errorsOf(bad)[0].source).toEqual({ pointer: '/spec/environment/id' });
    const missing = await t.post('/cmk/v2/clusters', { spec: { display_name: 'x' } }, h());
    expect(missing.status).toBe(422);
  });

  it('upgrades Basic to Standard, refuses downgrades, ignores fields an update does not take; PATCH takes the environment from the body', async () => {
    const c = (await create({ display_name: 'up' }, { 'x-emulator-lifecycle': 'immediate' })).body;
    const up = await t.patch(`/cmk/v2/clusters/${c.id}`, { spec: { config: { kind: 'Standard' }, environment: { id: o.env } } }, h());
    expect(up.status).toBe(200);
    expect(up.body.spec.config.kind).toBe('Standard');
    const down = await t.patch(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, { spec: { config: { kind: 'Basic' } } }, h());
    expect(down.status).toBe(400);
    expect(errorsOf(down)[0].source).toEqual({ pointer: '/spec/config/kind' });
    const region = await t.patch(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, { spec: { region: 'eu-west-1' } }, h());
    expect(region.status).toBe(200);
    expect(region.body.spec.region).toBe('us-east-2');
    const cloud = await t.patch(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, { spec: { cloud: 'GCP' } }, h());
    expect(cloud.status).toBe(200);
    expect(cloud.body.spec.cloud).toBe('AWS');
  });

  it('Dedicated clusters report their CKUs and change them; multi-zone needs two', async () => {
    expect((await create({ availability: 'MULTI_ZONE', config: { kind: 'Dedicated', cku: 1 } })).status).toBe(400);
    const d = (await create({ display_name: 'ded', config: { kind: 'Dedicated', cku: 1 } })).body;
    expect(d.status.cku).toBe(1);
    const more = await t.patch(`/cmk/v2/clusters/${d.id}?environment=${o.env}`, { spec: { config: { kind: 'Dedicated', cku: 3 } } }, h());
    expect(more.body.status.cku).toBe(3);
    expect(more.body.spec.config.cku).toBe(3);
  });

  it('filters by network, and lists only the environment asked for', async () => {
    const env2 = (await t.post('/org/v2/environments', { display_name: 'other' }, h())).body;
    const elsewhere = (await create({ environment: { id: env2.id } })).body;
    const inEnv2 = await t.get(`/cmk/v2/clusters?environment=${env2.id}`, h());
    expect(inEnv2.body.data.map((c: any) => c.id)).toEqual([elsewhere.id]);
    expect((await t.get(`/cmk/v2/clusters/${elsewhere.id}?environment=${o.env}`, h())).status).toBe(404);
    const networked = (await create({ environment: { id: env2.id }, network: { id: 'n-abc' } })).body;
    const byNet = await t.get(`/cmk/v2/clusters?environment=${env2.id}&spec.network=n-abc`, h());
    expect(byNet.body.data.map((c: any) => c.id)).toEqual([networked.id]);
  });

  it('deletion protection refuses a delete; deleting takes the cluster’s keys and topics with it', async () => {
    const c = (await create({ deletion_protection: true }, { 'x-emulator-lifecycle': 'immediate' })).body;
    expect((await t.delete(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, h())).status).toBe(409);
    await t.patch(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, { spec: { deletion_protection: false } }, h());
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.id } } }, h())).body;
    t.rt.kafka.createTopic(c.id, 'doomed', 1, 3, {}, 0);
    expect((await t.delete(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, h())).status).toBe(204);
    expect((await t.get(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, h())).status).toBe(404);
    expect((await t.get(`/iam/v2/api-keys/${key.id}`, h())).status).toBe(404);
    expect((await t.get('/topics', { authorization: basic(key.id, key.spec.secret) })).status).toBe(401);
    expect(t.rt.kafka.topic(c.id, 'doomed')).toBeUndefined();
  });

  it('can be made to fail', async () => {
    const c = await create({}, { 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(c.body.status.phase).toBe('FAILED');
  });
});
