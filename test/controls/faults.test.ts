import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster, schemaRegistry } from '../support/clusters.js';
import { startEmulator } from '../../src/index.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

describe('fault injection', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  const fault = async (rule: Record<string, unknown>) => {
    const r = await t.post('/_emulator/faults', { organization_id: o.org, ...rule });
    expect(r.status, r.raw).toBe(201);
    return r.body;
  };

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
  });
  afterAll(() => t.close());

  it('answers a management operation in its errors[] shape, then lets requests through once times runs out', async () => {
    o = await t.newOrg();
    const f = await fault({ operation_id: 'listIamV2ServiceAccounts', status: 503, times: 1 });
    expect(f).toMatchObject({ id: expect.any(String), status: 503, times: 1, matched: 0, fired: 0 });
    const failed = await t.get('/iam/v2/service-accounts', h());
    expect(failed.status).toBe(503);
    expect(failed.body.errors[0]).toMatchObject({ status: '503', code: 'service_unavailable', title: 'Service Unavailable' });
    expect(failed.headers['x-request-id']).toBeTruthy();
    expect((await t.get('/iam/v2/service-accounts', h())).status).toBe(200);
    expect((await t.get(`/_emulator/faults?organization_id=${o.org}`)).body.data).toEqual([]);
    const journaled = (await t.get(`/_emulator/requests?organization_id=${o.org}&status=503`)).body.data;
    expect(journaled[0].fault_id).toBe(f.id);
  });

  it('a management 429 carries Retry-After and the rate-limit headers; message and code are the rule\'s', async () => {
    await fault({ method: 'get', path_prefix: '/org/v2/environments', status: 429, retry_after_seconds: 7, message: 'slow down', times: 1 });
    const r = await t.get('/org/v2/environments', h());
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('7');
    expect(r.headers['x-ratelimit-limit']).toBeDefined();
    expect(r.headers['x-ratelimit-remaining']).toBe('0');
    expect(r.headers['x-ratelimit-reset']).toBe('7');
    expect(r.body.errors[0]).toMatchObject({ status: '429', code: 'too_many_requests', detail: 'slow down' });
  });

  it('answers Kafka REST and Schema Registry as {error_code, message}, Kafka REST\'s 429 without rate-limit headers', async () => {
    const k = await kafkaCluster(t);
    await t.post('/_emulator/faults', { organization_id: k.org.org, operation_id: 'listKafkaTopics', status: 429, times: 1 });
    const topics = await t.get(`/kafka/v3/clusters/${k.id}/topics`, k.auth);
    expect(topics.status).toBe(429);
    expect(topics.body).toEqual({ error_code: 429, message: expect.any(String) });
    expect(topics.headers['retry-after']).toBe('1');
    expect(topics.headers['x-ratelimit-limit']).toBeUndefined();

    const sr = await schemaRegistry(t);
    await t.post('/_emulator/faults', { organization_id: sr.org.org, path_prefix: '/subjects', status: 500, error_code: 50003, message: 'Error while forwarding the request to the leader', times: 1 });
    const subjects = await t.get('/subjects', sr.auth);
    expect(subjects.status).toBe(500);
    expect(subjects.body).toEqual({ error_code: 50003, message: 'Error while forwarding the request to the leader' });
  });

  it('answers Connect in its {error: {code, message}} shape', async () => {
    const k = await kafkaCluster(t);
    await t.post('/_emulator/faults', { organization_id: k.org.org, operation_id: 'listConnectv1Connectors', status: 503, times: 1 });
    const r = await t.get(`/connect/v1/environments/${k.org.env}/clusters/${k.id}/connectors`, { authorization: k.orgAuth });
    expect(r.status).toBe(503);
    expect(r.body).toEqual({ error: { code: 503, message: expect.any(String) } });
  });

  it('commit: true stores the write and then answers the fault', async () => {
    await fault({ operation_id: 'createIamV2ServiceAccount', status: 500, commit: true, times: 1 });
    const r = await t.post('/iam/v2/service-accounts', { display_name: 'committed', description: '' }, h());
    expect(r.status).toBe(500);
    expect(r.body.errors[0]).toMatchObject({ status: '500', code: 'internal_server_error' });
    const list = await t.get('/iam/v2/service-accounts', h());
    expect(list.body.data.map((s: any) => s.display_name)).toContain('committed');
    // A retry of the create now meets the write it did not see.
    expect((await t.post('/iam/v2/service-accounts', { display_name: 'committed', description: '' }, h())).status).toBe(409);
  });

  it('delay_ms alone is latency: the request succeeds, late', async () => {
    await fault({ operation_id: 'listOrgV2Environments', delay_ms: 150, times: 1 });
    const started = Date.now();
    const r = await t.get('/org/v2/environments', h());
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const again = Date.now();
    await t.get('/org/v2/environments', h());
    expect(Date.now() - again).toBeLessThan(140);
  });

  it('after: N lets N matching requests through first', async () => {
    await fault({ operation_id: 'listIamV2Users', status: 502, after: 2, times: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.get('/iam/v2/users', h())).status);
    expect(statuses).toEqual([200, 200, 502, 200]);
  });

  it('probability with a seed repeats exactly', async () => {
    const run = async () => {
      const f = await fault({ operation_id: 'listIamV2Users', status: 503, probability: 0.5, seed: 42 });
      const statuses = [];
      for (let i = 0; i < 20; i++) statuses.push((await t.get('/iam/v2/users', h())).status);
      expect((await t.delete(`/_emulator/faults/${f.id}`)).status).toBe(204);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it("one organization's faults never touch another's requests", async () => {
    const other = await t.newOrg();
    await fault({ operation_id: 'listOrgV2Environments', status: 503 });
    expect((await t.get('/org/v2/environments', { authorization: other.auth })).status).toBe(200);
    expect((await t.get('/org/v2/environments', h())).status).toBe(503);
    expect((await t.get(`/_emulator/faults?organization_id=${other.org}`)).body.data).toEqual([]);
    expect((await t.get(`/_emulator/faults?organization_id=${o.org}`)).body.data.length).toBe(1);
    expect((await t.delete(`/_emulator/faults?organization_id=${other.org}`)).body.deleted).toBe(0);
    expect((await t.delete(`/_emulator/faults?organization_id=${o.org}`)).body.deleted).toBe(1);
    expect((await t.get('/org/v2/environments', h())).status).toBe(200);
  });

  it('matches on api_key', async () => {
    await fault({ api_key: o.key, status: 401, times: 1 });
    const r = await t.get('/org/v2/environments', h());
    expect(r.status).toBe(401);
    expect(r.body.errors[0].code).toBe('user_unauthenticated');
  });

  it('X-Emulator-Fault faults only the request that carries it; a bad header is a 400', async () => {
    const r = await t.get('/org/v2/environments', { ...h(), 'x-emulator-fault': 'status=503;retry_after_seconds=3' });
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('3');
    expect((await t.get('/org/v2/environments', h())).status).toBe(200);
    const bad = await t.get('/org/v2/environments', { ...h(), 'x-emulator-fault': 'stauts=503' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].detail).toContain("unknown key 'stauts'");
    const committed = await t.post('/iam/v2/service-accounts', { display_name: 'by-header', description: '' }, { ...h(), 'x-emulator-fault': 'status=504;commit=true' });
    expect(committed.status).toBe(504);
    expect((await t.get('/iam/v2/service-accounts', h())).body.data.map((s: any) => s.display_name)).toContain('by-header');
  });

  it('refuses a rule that could not work, and an unknown id, in the management shape', async () => {
    for (const bad of [{}, { status: 200 }, { status: 503, stauts: 1 }, { status: 503, probability: 2 }, { commit: true, delay_ms: 5 }, { transport: 'close' }]) {
      const r = await t.post('/_emulator/faults', bad);
      expect(r.status, JSON.stringify(bad)).toBe(422);
      expect(r.body.errors[0].status).toBe('422');
    }
    expect((await t.delete('/_emulator/faults/fault-nope')).status).toBe(404);
  });
});

describe('transport faults on a real socket', () => {
  it('transport: reset drops the connection; the journal records it with status 0', async () => {
    const emu = await startEmulator();
    try {
      const auth = { authorization: 'Basic ' + Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64') };
      await emu.fault({ operation_id: 'listOrgV2Environments', transport: 'reset', times: 1 });
      await expect(fetch(`${emu.url}/org/v2/environments`, { headers: auth })).rejects.toThrow();
      expect((await fetch(`${emu.url}/org/v2/environments`, { headers: auth })).status).toBe(200);
      const entries = await emu.requests({ operation_id: 'listOrgV2Environments' });
      expect(entries.map((e) => e.status)).toEqual([0, 200]);
    } finally {
      await emu.close();
    }
  });
});
