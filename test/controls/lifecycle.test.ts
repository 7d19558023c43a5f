import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';
import { startEmulator } from '../../src/index.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

describe('lifecycle control: advance and fail', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  const advance = (id: string, body: unknown = {}) => t.post(`/_emulator/resources/${id}/advance`, body);
  const fail = (id: string, body: unknown = {}) => t.post(`/_emulator/resources/${id}/fail`, body);
  const clusterSpec = () => ({ spec: { display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env } } });

  beforeAll(async () => {
    t = await TestEmulator.start(); // timed: nothing settles on its own within a test
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('moves a Kafka cluster one stage, whatever the clock says; a deleting network to gone', async () => {
    const c = (await t.post('/cmk/v2/clusters', clusterSpec(), h())).body;
    expect(c.status.phase).toBe('PROVISIONING');
    const moved = await advance(c.id);
    expect(moved.status, moved.raw).toBe(200);
    expect(moved.body).toEqual({ id: c.id, kind: 'Cluster', api_version: 'cmk/v2', organization_id: o.org, previous_phase: 'PROVISIONING', phase: 'PROVISIONED', settled: true });
    expect((await t.get(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, h())).body.status.phase).toBe('PROVISIONED');
    // Settled: advancing again changes nothing.
    expect((await advance(c.id)).body).toMatchObject({ previous_phase: 'PROVISIONED', phase: 'PROVISIONED' });
    const net = (await t.post('/networking/v1/networks', { spec: { display_name: 'n0', cloud: 'AWS', region: 'us-east-1', connection_types: ['PEERING'], cidr: '10.201.0.0/16', environment: { id: o.env } } }, { ...h(), 'x-emulator-lifecycle': 'immediate' })).body;
    expect((await t.delete(`/networking/v1/networks/${net.id}?environment=${o.env}`, h())).status).toBe(204);
    expect((await t.get(`/networking/v1/networks/${net.id}?environment=${o.env}`, h())).body.status.phase).toBe('DEPROVISIONING');
    const gone = await advance(net.id, { to: 'settled' });
    expect(gone.body).toMatchObject({ previous_phase: 'DEPROVISIONING', phase: null, settled: true });
    expect((await t.get(`/networking/v1/networks/${net.id}?environment=${o.env}`, h())).status).toBe(404);
  });

  it('fails a cluster, a compute pool and a network into their failure phases', async () => {
    const c = (await t.post('/cmk/v2/clusters', clusterSpec(), h())).body;
    expect((await fail(c.id)).body).toMatchObject({ previous_phase: 'PROVISIONING', phase: 'FAILED', settled: true });
    expect((await t.get(`/cmk/v2/clusters/${c.id}?environment=${o.env}`, h())).body.status.phase).toBe('FAILED');

    const pool = (await t.post('/fcpm/v2/compute-pools', { spec: { display_name: 'p', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: o.env } } }, h())).body;
    expect((await advance(pool.id, { to: 'settled' })).body).toMatchObject({ kind: 'ComputePool', previous_phase: 'PROVISIONING', phase: 'PROVISIONED' });
    expect((await fail(pool.id)).body).toMatchObject({ previous_phase: 'PROVISIONED', phase: 'FAILED' });

    const net = (await t.post('/networking/v1/networks', { spec: { display_name: 'n', cloud: 'AWS', region: 'us-east-1', connection_types: ['PEERING'], cidr: '10.200.0.0/16', environment: { id: o.env } } }, h())).body;
    expect((await advance(net.id)).body).toMatchObject({ kind: 'Network', previous_phase: 'PROVISIONING', phase: 'READY' });
  });

  it('advances and fails connectors', async () => {
    const c = (await t.post('/cmk/v2/clusters', clusterSpec(), h())).body;
    await advance(c.id);
    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.id } } }, h())).body;
    const base = `/connect/v1/environments/${o.env}/clusters/${c.id}/connectors`;
    const config = { 'connector.class': 'DatagenSource', 'kafka.api.key': key.id, 'kafka.api.secret': key.spec.secret, 'kafka.topic': 'orders', quickstart: 'ORDERS' };
    const created = await t.post(base, { name: 'gen', config }, h());
    expect(created.status, created.raw).toBe(201);
    const status = async () => (await t.get(`${base}/gen/status`, h())).body.connector.state;
    expect(await status()).toBe('PROVISIONING');
    const row = t.rt.resources.whereField(o.org, 'ConnectConnector', '/name', 'gen', c.id)[0];
    expect((await advance(row.id)).body).toMatchObject({ kind: 'Connector', previous_phase: 'PROVISIONING', phase: 'RUNNING' });
    expect(await status()).toBe('RUNNING');
    expect((await fail(row.id)).body).toMatchObject({ previous_phase: 'RUNNING', phase: 'FAILED' });
    expect(await status()).toBe('FAILED');
  });

  it('advances and fails Flink statements, found by name', async () => {
    const pool = (await t.post('/fcpm/v2/compute-pools', { spec: { display_name: 'p2', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: o.env } } }, { ...h(), 'x-emulator-lifecycle': 'immediate' })).body;
    const k = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: o.env } } }, h())).body;
    const flink = { authorization: basic(k.id, k.spec.secret) };
    const base = `/sql/v1/organizations/${o.org}/environments/${o.env}/statements`;
    const create = (name: string) => t.post(base, { name, spec: { statement: 'SELECT 1', compute_pool_id: pool.id } }, flink);
    expect((await create('one')).body.status.phase).toBe('PENDING');
    expect((await advance('one')).body).toMatchObject({ kind: 'Statement', api_version: 'sql/v1', previous_phase: 'PENDING', phase: 'COMPLETED' });
    expect((await t.get(`${base}/one`, flink)).body.status.phase).toBe('COMPLETED');
    await create('two');
    expect((await fail('two', { message: 'boom' })).body).toMatchObject({ previous_phase: 'PENDING', phase: 'FAILED' });
    const two = (await t.get(`${base}/two`, flink)).body;
    expect(two.status).toMatchObject({ phase: 'FAILED', detail: 'boom' });
  });

  it('lists the phased kinds; 404 for an unknown id, 409 for a resource without phases, 404 in another organization', async () => {
    const kinds = (await t.get('/_emulator/resources/phased-kinds')).body.data.map((k: any) => k.type);
    for (const type of ['KafkaCluster', 'FlinkComputePool', 'Network', 'ConnectConnector', 'FlinkStatement']) expect(kinds).toContain(type);
    expect((await advance('lkc-nope00')).status).toBe(404);
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'x', description: '' }, h())).body;
    const r = await advance(sa.id);
    expect(r.status).toBe(409);
    expect(r.body.errors[0].detail).toContain('no phases');
    const c = (await t.post('/cmk/v2/clusters', clusterSpec(), h())).body;
    const other = await t.newOrg();
    expect((await t.post(`/_emulator/resources/${c.id}/advance?organization_id=${other.org}`, {})).status).toBe(404);
    expect((await t.post(`/_emulator/resources/${c.id}/advance?organization_id=${o.org}`, {})).status).toBe(200);
    expect((await t.post(`/_emulator/resources/${c.id}/advance`, { to: 'later' })).status).toBe(422);
  });
});

describe('lifecycle control through startEmulator()', () => {
  it('advance(id) and fail(id)', async () => {
    const emu = await startEmulator({ lifecycle: 'timed' });
    try {
      const auth = { authorization: basic(emu.apiKey, emu.apiSecret), 'content-type': 'application/json' };
      const body = { spec: { display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: emu.environmentId } } };
      const c = (await (await fetch(`${emu.url}/cmk/v2/clusters`, { method: 'POST', headers: auth, body: JSON.stringify(body) })).json()) as any;
      expect(c.status.phase).toBe('PROVISIONING');
      expect(await emu.advance(c.id, 'settled')).toMatchObject({ phase: 'PROVISIONED', settled: true });
      expect(await emu.fail(c.id)).toMatchObject({ previous_phase: 'PROVISIONED', phase: 'FAILED' });
      await expect(emu.advance('lkc-nope00')).rejects.toThrow(/404/);
    } finally {
      await emu.close();
    }
  });
});
