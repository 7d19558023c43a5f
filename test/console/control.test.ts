import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

/** The control-plane operations the console reads organizations through, and the page's own routes. */
describe('console: organizations and in-memory credentials', () => {
  let emu: TestEmulator;
  let lkc: string;

  beforeAll(async () => {
    emu = await TestEmulator.start();
    const c = await emu.post(
      '/cmk/v2/clusters',
      { spec: { display_name: 'c1', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: emu.env } } },
      { 'x-emulator-lifecycle': 'immediate' },
    );
    lkc = c.body.id;
  });
  afterAll(() => emu.close());

  const issue = (org: string, body: unknown = {}) => emu.request('POST', `/_emulator/orgs/${org}/credentials`, body, { authorization: '' });

  it('lists every organization, the bootstrap one first, without credentials', async () => {
    const made = await emu.newOrg();
    const r = await emu.get('/_emulator/orgs', { authorization: '' });
    expect(r.status).toBe(200);
    expect(r.body.data.map((o: { id: string }) => o.id)).toEqual([emu.emu.bootstrap!.orgId, made.org]);
    expect(r.body.data[0]).toMatchObject({ display_name: expect.any(String), bootstrap: true });
    expect(r.body.data[1].bootstrap).toBe(false);
    expect(r.raw).not.toContain(made.secret);
    expect(r.raw).not.toContain(emu.emu.bootstrap!.apiSecret!);
  });

  it('issues a Cloud API key of the organization that works on the management APIs only', async () => {
    const made = await emu.newOrg();
    const r = await issue(made.org);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ organization_id: made.org, resource_id: null, api_key: expect.stringMatching(/^CONSOLE[A-Z0-9]{9}$/) });
    const auth = basic(r.body.api_key, r.body.api_secret);
    const envs = await emu.get('/org/v2/environments', { authorization: auth });
    expect(envs.status).toBe(200);
    expect(envs.body.data.map((e: { id: string }) => e.id)).toEqual([made.env]);
    // It is not an iam/v2 API key: no list shows it, so it changes nothing a test counts.
    const keys = await emu.get('/iam/v2/api-keys', { authorization: made.auth });
    expect(keys.body.data.map((k: { id: string }) => k.id)).not.toContain(r.body.api_key);
    const kafka = await emu.get(`/kafka/v3/clusters/${lkc}/topics`, { authorization: auth });
    expect(kafka.status).toBe(401);
  });

  it("keeps the console's own reads out of the request journal, which still records the organization's", async () => {
    const made = await emu.newOrg();
    const r = await issue(made.org);
    await emu.get('/org/v2/environments', { authorization: basic(r.body.api_key, r.body.api_secret) });
    await emu.get('/org/v2/environments', { authorization: made.auth });
    const journal = await emu.get(`/_emulator/requests?organization_id=${made.org}`, { authorization: '' });
    expect(journal.body.data.map((e: { api_key: string }) => e.api_key)).toEqual([made.key]);
  });

  it("answers a partition's record headers and timestamps, and 404 for an unknown topic or partition", async () => {
    const key = await emu.post('/iam/v2/api-keys', { spec: { owner: { id: 'u-00000' }, resource: { id: lkc } } });
    const data = basic(key.body.id, key.body.spec.secret);
    expect((await emu.post(`/kafka/v3/clusters/${lkc}/topics`, { topic_name: 'traced', partitions_count: 1 }, { authorization: data })).status).toBe(201);
    const header = { name: 'trace-id', value: Buffer.from('t-1').toString('base64') };
    await emu.post(`/kafka/v3/clusters/${lkc}/topics/traced/records`, { headers: [header], value: { type: 'STRING', data: 'v' } }, { authorization: data });
    const path = `/_emulator/kafka/clusters/${lkc}/topics/traced/records`;
    const r = await emu.get(`${path}?partition=0`, { authorization: '' });
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual([{ partition: 0, offset: 0, timestamp: expect.stringMatching(/^\d{4}-/), headers: [header] }]);
    expect((await emu.get(`${path}?partition=0&offset=1`, { authorization: '' })).body.data).toEqual([]);
    expect((await emu.get(`${path}?partition=1`, { authorization: '' })).status).toBe(404);
    expect((await emu.get(`/_emulator/kafka/clusters/${lkc}/topics/nope/records?partition=0`, { authorization: '' })).status).toBe(404);
  });

  it('issues a key scoped to a cluster for its data plane', async () => {
    const r = await issue(emu.emu.bootstrap!.orgId, { resource_id: lkc });
    expect(r.status).toBe(201);
    expect(r.body.resource_id).toBe(lkc);
    const auth = basic(r.body.api_key, r.body.api_secret);
    expect((await emu.get(`/kafka/v3/clusters/${lkc}/topics`, { authorization: auth })).status).toBe(200);
    expect((await emu.get('/org/v2/environments', { authorization: auth })).status).toBe(401);
  });

  it('answers 404 for an unknown organization or a resource of another one', async () => {
    const unknown = await issue('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown)[0].detail).toContain('organization');
    const other = await emu.newOrg();
    const foreign = await issue(other.org, { resource_id: lkc });
    expect(foreign.status).toBe(404);
    expect(errorsOf(foreign)[0].detail).toContain(lkc);
    const bad = await issue(other.org, { resource_id: '' });
    expect(bad.status).toBe(422);
  });

  it('forgets its keys when the store is reset, and keeps them out of snapshots', async () => {
    const r = await issue(emu.emu.bootstrap!.orgId);
    const auth = basic(r.body.api_key, r.body.api_secret);
    const snapshot = await emu.get('/_emulator/snapshot', { authorization: '' });
    expect(snapshot.raw).not.toContain(r.body.api_key);
    expect((await emu.post('/_emulator/reset', {})).status).toBe(200);
    expect((await emu.get('/org/v2/environments', { authorization: auth })).status).toBe(401);
  });
});

describe('console: the page', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start();
  });
  afterAll(() => emu.close());

  it('redirects / and /ui to /ui/', async () => {
    for (const path of ['/', '/ui']) {
      const r = await emu.get(path);
      expect(r.status).toBe(302);
      expect(r.headers.location).toBe('/ui/');
    }
  });

  it('serves the page with an import map its Content-Security-Policy allows, and no other origin', async () => {
    const r = await emu.get('/ui/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    const map = /<script type="importmap">(.*?)<\/script>/.exec(r.raw)?.[1];
    expect(JSON.parse(map!).imports).toEqual({ preact: './vendor/preact.mjs', 'preact/hooks': './vendor/hooks.mjs', htm: './vendor/htm.mjs' });
    const csp = String(r.headers['content-security-policy']);
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`'sha256-${createHash('sha256').update(map!).digest('base64')}'`);
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(r.raw).not.toMatch(/https?:\/\//);
  });

  it('serves its modules and the libraries from the installed packages', async () => {
    const main = await emu.get('/ui/main.js');
    expect(main.status).toBe(200);
    expect(main.headers['content-type']).toContain('text/javascript');
    for (const file of ['preact.mjs', 'hooks.mjs', 'htm.mjs']) {
      const r = await emu.get(`/ui/vendor/${file}`);
      expect(r.status).toBe(200);
      expect(r.raw).toMatch(/export/);
    }
    expect((await emu.get('/ui/views/topic.js')).status).toBe(200);
    expect((await emu.get('/ui/console.css')).headers['content-type']).toContain('text/css');
  });

  it('answers 404 for a file it does not have, outside its folder included', async () => {
    for (const path of ['/ui/nope.js', '/ui/vendor/react.mjs', '/ui/../package.json', '/ui/%2e%2e/package.json']) {
      const r = await emu.get(path);
      expect(r.status, path).toBe(404);
    }
  });
});
