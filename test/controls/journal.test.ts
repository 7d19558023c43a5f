import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

describe('request journal', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  const journal = async (query = '') => (await t.get(`/_emulator/requests?organization_id=${o.org}${query ? '&' + query : ''}`)).body.data as any[];

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
  });
  afterAll(() => t.close());

  it('records what the client sent and what it got, oldest first', async () => {
    o = await t.newOrg();
    const sa = await t.post('/iam/v2/service-accounts', { display_name: 'journal-sa', description: 'd' }, h());
    expect(sa.status).toBe(201);
    await t.get(`/iam/v2/service-accounts/${sa.body.id}?unused=1`, h());
    const entries = await journal();
    expect(entries.map((e) => e.operation_id)).toEqual(['createIamV2ServiceAccount', 'getIamV2ServiceAccount']);
    const [create, read] = entries;
    expect(create).toMatchObject({
      method: 'POST',
      path: '/iam/v2/service-accounts',
      status: 201,
      organization_id: o.org,
      api_key: o.key,
      request_body: { display_name: 'journal-sa', description: 'd' },
      response_body: { id: sa.body.id, display_name: 'journal-sa' },
    });
    expect(create.request_id).toBe(sa.headers['x-request-id']);
    expect(typeof create.duration_ms).toBe('number');
    expect(Date.parse(create.time)).not.toBeNaN();
    expect(read).toMatchObject({ method: 'GET', path: `/iam/v2/service-accounts/${sa.body.id}`, status: 200, query: { unused: '1' }, request_body: null });
  });

  it('filters by operation, method, status, path prefix and limit; the control plane is not journaled', async () => {
    await t.get('/iam/v2/service-accounts/sa-nope00', h());
    expect((await journal('status=404')).map((e) => e.path)).toEqual(['/iam/v2/service-accounts/sa-nope00']);
    expect((await journal('method=post')).map((e) => e.operation_id)).toEqual(['createIamV2ServiceAccount']);
    expect((await journal('operation_id=getIamV2ServiceAccount')).length).toBe(2);
    expect((await journal('path_prefix=/iam/v2/service-accounts/sa-nope')).length).toBe(1);
    const last = await journal('limit=1');
    expect(last.map((e) => e.status)).toEqual([404]);
    const all = (await t.get('/_emulator/requests?limit=100000')).body.data as any[];
    expect(all.some((e) => e.path.startsWith('/_emulator'))).toBe(false);
  });

  it('keeps each organization to itself, and DELETE clears one organization or all', async () => {
    const other = await t.newOrg();
    await t.get('/iam/v2/service-accounts', { authorization: other.auth });
    const mine = await journal();
    expect(mine.every((e) => e.organization_id === o.org)).toBe(true);
    const theirs = (await t.get(`/_emulator/requests?organization_id=${other.org}`)).body.data;
    expect(theirs.map((e: any) => e.operation_id)).toEqual(['listIamV2ServiceAccounts']);
    const cleared = await t.delete(`/_emulator/requests?organization_id=${other.org}`);
    expect(cleared.body.deleted).toBe(1);
    expect((await t.get(`/_emulator/requests?organization_id=${other.org}`)).body.data).toEqual([]);
    expect((await journal()).length).toBeGreaterThan(0);
  });

  it('journals requests no operation matched, with the nearest documented path', async () => {
    await t.get('/iam/v2/service-account/sa-123456', h());
    await t.get('/cmk/v2/clusterz', h());
    const unrouted = (await t.get('/_emulator/requests?path_prefix=/iam/v2/service-account/')).body.data;
    expect(unrouted[0]).toMatchObject({ operation_id: null, status: 404, hint: '/iam/v2/service-accounts/{id}' });
    const cmk = (await t.get('/_emulator/requests?path_prefix=/cmk/v2/clusterz')).body.data;
    expect(cmk[0].hint).toBe('/cmk/v2/clusters');
  });

  it('never records a secret: no Authorization, no key secret, no connector or link password, no STS token', async () => {
    const org = await t.newOrg();
    const auth = { authorization: org.auth };
    const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-west-2', config: { kind: 'Basic' }, environment: { id: org.env } } }, auth);
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: org.user }, resource: { id: c.body.id } } }, auth);
    const keySecret = key.body.spec.secret as string;
    expect(keySecret).toBeTruthy();
    const connPassword = 'conn-password-Zq81';
    const connector = await t.post(
      `/connect/v1/environments/${org.env}/clusters/${c.body.id}/connectors`,
      { name: 'pg', config: { 'connector.class': 'DatagenSource', 'kafka.api.key': key.body.id, 'kafka.api.secret': keySecret, 'kafka.topic': 'o', quickstart: 'ORDERS', 'connection.password': connPassword } },
      auth,
    );
    expect(connector.status, connector.raw).toBe(201);
    const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="${key.body.id}" password="jaas-pw-77Ax";`;
    const dataAuth = { authorization: basic(key.body.id, keySecret) };
    await t.post(`/kafka/v3/clusters/${c.body.id}/links?link_name=l1`, { source_cluster_id: 'lkc-else00', configs: [{ name: 'sasl.jaas.config', value: jaas }] }, dataAuth);
    const stsToken = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdHMtc2VjcmV0LXRva2VuIn0.';
    await t.request('POST', '/sts/v1/oauth2/token', `grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=${stsToken}&identity_pool_id=pool-1&subject_token_type=urn:ietf:params:oauth:token-type:jwt&requested_token_type=urn:ietf:params:oauth:token-type:access_token`, { 'content-type': 'application/x-www-form-urlencoded' });
    const whole = JSON.stringify((await t.get('/_emulator/requests?limit=100000')).body);
    expect(whole).toContain('createConnectv1Connector'.slice(0, 6)); // the journal is not empty
    for (const secret of [org.secret, keySecret, connPassword, 'jaas-pw-77Ax', stsToken, basic(org.key, org.secret), t.auth.slice(6)]) {
      expect(whole, secret).not.toContain(secret);
    }
    expect(whole).toContain('[REDACTED]');
    const links = (await t.get(`/_emulator/requests?path_prefix=/kafka/v3/clusters/${c.body.id}/links`)).body.data;
    expect(links[0].request_body.configs[0]).toEqual({ name: 'sasl.jaas.config', value: '[REDACTED]' });
  });
});

describe('waiting for requests', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('answers at once when enough entries exist, long-polls until they do, and 408 at the timeout', async () => {
    const o = await t.newOrg();
    await t.get('/org/v2/environments', { authorization: o.auth });
    const started = Date.now();
    const now = await t.post('/_emulator/requests/wait', { operation_id: 'listOrgV2Environments', organization_id: o.org, count: 1, timeout_ms: 5000 });
    expect(now.status).toBe(200);
    expect(now.body.count).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);

    const pending = t.post('/_emulator/requests/wait', { operation_id: 'listOrgV2Environments', organization_id: o.org, count: 3, timeout_ms: 5000 });
    await new Promise((r) => setTimeout(r, 50));
    await t.get('/org/v2/environments', { authorization: o.auth });
    await t.get('/org/v2/environments', { authorization: o.auth });
    const later = await pending;
    expect(later.status).toBe(200);
    expect(later.body.data.map((e: any) => e.operation_id)).toEqual(['listOrgV2Environments', 'listOrgV2Environments', 'listOrgV2Environments']);

    const timedOut = await t.post('/_emulator/requests/wait', { method: 'DELETE', organization_id: o.org, count: 1, timeout_ms: 100 });
    expect(timedOut.status).toBe(408);
    expect(timedOut.body.errors[0]).toMatchObject({ status: '408', code: 'request_timeout' });
  });

  it('refuses a wait with bad input in the management shape', async () => {
    const r = await t.post('/_emulator/requests/wait', { count: 0 });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].status).toBe('422');
  });
});

describe('journal size', () => {
  it('keeps only the newest --journal-size entries, and none when 0', async () => {
    const small = await TestEmulator.start({ journalSize: 3 });
    for (let i = 0; i < 5; i++) await small.get(`/iam/v2/service-accounts/sa-x${i}`);
    const kept = (await small.get('/_emulator/requests')).body.data;
    expect(kept.map((e: any) => e.path)).toEqual(['/iam/v2/service-accounts/sa-x2', '/iam/v2/service-accounts/sa-x3', '/iam/v2/service-accounts/sa-x4']);
    await small.close();
    const off = await TestEmulator.start({ journalSize: 0 });
    await off.get('/iam/v2/service-accounts');
    expect((await off.get('/_emulator/requests')).body.data).toEqual([]);
    expect((await off.post('/_emulator/requests/wait', { count: 1 })).status).toBe(409);
    await off.close();
  });
});
