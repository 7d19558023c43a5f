import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

describe('connect/v1', () => {
  let t: TestEmulator;
  let o: Org;
  let cluster: string;
  let key: { id: string; secret: string };
  const h = (extra: Record<string, string> = {}) => ({ authorization: o.auth, ...extra });
  const base = (env = o.env, c = cluster) => `/connect/v1/environments/${env}/clusters/${c}`;
  const conn = (name: string, suffix = '') => `${base()}/connectors/${name}${suffix}`;
  const advance = (seconds: number) => t.post('/_emulator/clock/advance', { seconds });
  const config = (over: Record<string, string> = {}) => ({
    'connector.class': 'DatagenSource',
    'kafka.api.key': key.id,
    'kafka.api.secret': key.secret,
    'kafka.topic': 'orders',
    quickstart: 'ORDERS',
    'tasks.max': '2',
    ...over,
  });
  const create = (name: string, over: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    t.post(`${base()}/connectors`, { name, config: config(over) }, h(headers));
  const status = async (name: string) => (await t.get(conn(name, '/status'), h())).body;

  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
    const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-west-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, h({ 'x-emulator-lifecycle': 'immediate' }));
    cluster = c.body.id;
    const k = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: cluster } } }, h());
    key = { id: k.body.id, secret: k.body.spec.secret };
  });
  afterAll(() => t.close());

  it('creates a connector (201) that is PROVISIONING, then RUNNING with its tasks on the clock', async () => {
    const r = await create('gen');
    expect(r.status, r.raw).toBe(201);
    expect(r.body).toEqual({
      name: 'gen',
      config: expect.objectContaining({
        'connector.class': 'DatagenSource',
        name: 'gen',
        'kafka.api.key': '****************',
        'kafka.api.secret': '****************',
        'cloud.provider': 'aws',
        'kafka.region': 'us-west-2',
        'kafka.endpoint': `SASL_SSL://${cluster}.us-west-2.aws.ccloud-emulator.local:9092`,
        'tasks.max': '2',
      }),
      tasks: [
        { connector: 'gen', task: 0 },
        { connector: 'gen', task: 1 },
      ],
      type: 'source',
    });
    expect(await status('gen')).toEqual({ name: 'gen', connector: { state: 'PROVISIONING', worker_id: 'gen', trace: '' }, tasks: [], type: 'source' });
    await advance(20);
    expect((await status('gen')).connector.state).toBe('PROVISIONING');
    await advance(15);
    const s = await status('gen');
    expect(s.connector.state).toBe('RUNNING');
    expect(s.tasks).toEqual([
      { id: 0, state: 'RUNNING', worker_id: 'gen', msg: '' },
      { id: 1, state: 'RUNNING', worker_id: 'gen', msg: '' },
    ]);
  });

  it('reads the connector, its masked config and its tasks; lists names, or expansions keyed by name', async () => {
    await create('s3', { 'connector.class': 'S3_SINK', topics: 'orders', 'aws.secret.access.key': 'shh', 'tasks.max': '1' }, { 'x-emulator-lifecycle': 'immediate' });
    const read = await t.get(conn('s3'), h());
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ name: 's3', type: 'sink', tasks: [{ connector: 's3', task: 0 }] });
    const cfg = (await t.get(conn('s3', '/config'), h())).body;
    expect(cfg).toMatchObject({ 'aws.secret.access.key': '****************', 'kafka.api.secret': '****************', topics: 'orders', name: 's3' });
    const tasks = await t.get(conn('s3', '/tasks'), h());
    expect(tasks.body).toEqual([{ id: { connector: 's3', task: 0 }, config: cfg }]);

    const names = await t.get(`${base()}/connectors`, h());
    expect(names.body).toEqual(['gen', 's3']);
    const both = await t.get(`${base()}/connectors?expand=status&expand=id`, h());
    expect(Object.keys(both.body)).toEqual(['gen', 's3']);
    expect(both.body.s3.id).toEqual({ id: expect.stringMatching(/^lcc-[0-9a-z]{5}$/), id_type: 'ID' });
    expect(both.body.s3.status.connector.state).toBe('RUNNING');
    expect(both.body.s3.info).toBeUndefined();
    const all = await t.get(`${base()}/connectors?expand=info,status,id`, h());
    expect(all.body.s3.info).toEqual(read.body);
  });

  it('pauses and resumes asynchronously (202); resuming a running connector does nothing', async () => {
    await create('pz', {}, { 'x-emulator-lifecycle': 'immediate' });
    const p = await t.put(conn('pz', '/pause'), undefined, h());
    expect(p.status).toBe(202);
    expect(p.raw).toBe('');
    expect((await status('pz')).connector.state).toBe('RUNNING');
    await advance(6);
    const paused = await status('pz');
    expect(paused.connector.state).toBe('PAUSED');
    expect(paused.tasks.map((x: any) => x.state)).toEqual(['PAUSED', 'PAUSED']);
    expect((await t.put(conn('pz', '/pause'), undefined, h())).status).toBe(202);
    expect((await t.put(conn('pz', '/resume'), undefined, h({ 'x-emulator-lifecycle': 'immediate' }))).status).toBe(202);
    expect((await status('pz')).connector.state).toBe('RUNNING');
    expect((await t.put(conn('pz', '/resume'), undefined, h())).status).toBe(202);
    expect((await status('pz')).connector.state).toBe('RUNNING');
  });

  it('follows the reads=N lifecycle mode', async () => {
    await create('rd', {}, { 'x-emulator-lifecycle': 'reads=2' });
    expect((await status('rd')).connector.state).toBe('PROVISIONING');
    expect((await status('rd')).connector.state).toBe('RUNNING');
  });

  it('ends FAILED with a trace for X-Emulator-Outcome: failed and for Kafka credentials not valid for the cluster', async () => {
    await create('boom', {}, { 'x-emulator-outcome': 'failed', 'x-emulator-lifecycle': 'immediate' });
    const s = await status('boom');
    expect(s.connector.state).toBe('FAILED');
    expect(s.connector.trace).toMatch(/X-Emulator-Outcome/);
    expect(s.tasks).toEqual([]);
    // Pausing a failed connector leaves it FAILED.
    await t.put(conn('boom', '/pause'), undefined, h({ 'x-emulator-lifecycle': 'immediate' }));
    expect((await status('boom')).connector.state).toBe('FAILED');

    await create('badkey', { 'kafka.api.secret': 'wrong' }, { 'x-emulator-lifecycle': 'immediate' });
    const b = await status('badkey');
    expect(b.connector.state).toBe('FAILED');
    expect(b.connector.trace).toMatch(/kafka\.api\.key: Provided Kafka ApiKey is invalid/);
    // The Cloud API key is not a key of the cluster.
    await create('cloudkey', { 'kafka.api.key': o.key, 'kafka.api.secret': o.secret }, { 'x-emulator-lifecycle': 'immediate' });
    expect((await status('cloudkey')).connector.state).toBe('FAILED');

    // A service account instead of an API key.
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'connect-sa' }, h())).body.id;
    const viaSa = { 'kafka.auth.mode': 'SERVICE_ACCOUNT', 'kafka.service.account.id': sa, 'kafka.api.key': '', 'kafka.api.secret': '' };
    await t.post(`${base()}/connectors`, { name: 'sa', config: { 'connector.class': 'DatagenSource', 'kafka.auth.mode': 'SERVICE_ACCOUNT', 'kafka.service.account.id': sa } }, h({ 'x-emulator-lifecycle': 'immediate' }));
    expect((await status('sa')).connector.state).toBe('RUNNING');
    await create('nosa', { ...viaSa, 'kafka.service.account.id': 'sa-nope00' }, { 'x-emulator-lifecycle': 'immediate' });
    expect((await status('nosa')).connector.trace).toMatch(/sa-nope00/);

    // Updating the configuration restarts the connector: with a good key, it runs.
    const fixed = await t.put(conn('badkey', '/config'), config({ name: 'badkey' }), h({ 'x-emulator-lifecycle': 'immediate' }));
    expect(fixed.status, fixed.raw).toBe(200);
    expect((await status('badkey')).connector).toEqual({ state: 'RUNNING', worker_id: 'badkey', trace: '' });
  });

  it('PUT config creates a missing connector (200) and replaces the config of an existing one', async () => {
    const created = await t.put(conn('upserted', '/config'), config({ name: 'upserted', 'tasks.max': '1' }), h());
    expect(created.status, created.raw).toBe(200);
    expect(created.body).toMatchObject({ name: 'upserted', type: 'source', tasks: [{ connector: 'upserted', task: 0 }] });
    const updated = await t.put(conn('upserted', '/config'), config({ name: 'upserted', 'tasks.max': '3', quickstart: 'USERS' }), h());
    expect(updated.status).toBe(200);
    expect(updated.body.tasks).toHaveLength(3);
    expect((await t.get(conn('upserted', '/config'), h())).body.quickstart).toBe('USERS');
    expect((await status('upserted')).connector.state).toBe('PROVISIONING');
  });

  it('refuses invalid configurations and mistyped bodies with 400 (the status Confluent declares), a duplicate name with 409, in the connect shape', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ config: config() }, /name is required/],
      [{ name: 'x' }, /configuration is required/],
      [{ name: 'x', config: config({ 'connector.class': '' }) }, /connector\.class/],
      [{ name: 'x', config: { 'connector.class': 'DatagenSource' } }, /kafka\.api\.key[\s\S]*kafka\.api\.secret/],
      [{ name: 'x', config: config({ 'connector.class': 'NoSuchThing' }) }, /Failed to find any class/],
      [{ name: 'x', config: config({ 'tasks.max': 'many' }) }, /tasks\.max/],
      [{ name: 'x', config: config({ 'tasks.max': '0' }) }, /tasks\.max/],
      [{ name: 'x', config: config({ 'connector.class': 'GcsSink' }) }, /topics/],
      [{ name: 'x', config: config({ name: 'y' }) }, /doesn't match/],
      [{ name: 'x', config: config({ 'kafka.auth.mode': 'OAUTH' }) }, /kafka\.auth\.mode/],
      [{ name: 'x', config: config({ 'confluent.connector.type': 'CUSTOM' }) }, /confluent\.custom\.plugin\.id/],
      [{ name: 'x', config: config({ 'confluent.connector.type': 'CUSTOM', 'confluent.custom.plugin.id': 'ccp-nope00' }) }, /ccp-nope00/],
    ];
    for (const [body, message] of cases) {
      const r = await t.post(`${base()}/connectors`, body, h());
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body).toEqual({ error: { code: 400, message: expect.stringMatching(message) } });
    }
    const typed = await t.post(`${base()}/connectors`, { name: 'x', config: { ...config(), 'tasks.max': 2 } }, h());
    expect(typed.status).toBe(400);
    expect(typed.body).toEqual({ error: { code: 400, message: expect.any(String) } });
    expect((await t.put(conn('x', '/config'), { 'connector.class': 'DatagenSource' }, h())).status).toBe(400);
    expect((await t.put(conn('x', '/config'), { ...config(), name: 5 }, h())).status).toBe(400);
    const dup = await create('gen');
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ error: { code: 409, message: 'Connector gen already exists' } });
    expect((await t.get(`${base()}/connectors`, h())).body).not.toContain('x');
    expect((await create('hdr', {}, { 'x-emulator-lifecycle': 'sometimes' })).status).toBe(400);
    expect((await t.put(conn('gen', '/pause'), undefined, h({ 'x-emulator-lifecycle': 'sometimes' }))).status).toBe(400);
  });

  it('answers 404 for an unknown connector, environment or cluster, and for a cluster of another environment or organization', async () => {
    for (const [method, suffix] of [['GET', ''], ['GET', '/config'], ['GET', '/status'], ['GET', '/tasks'], ['PUT', '/pause'], ['PUT', '/resume'], ['DELETE', '']]) {
      const r = await t.request(method, conn('nope', suffix), undefined, h());
      expect(r.status, `${method} ${suffix}`).toBe(404);
      expect(r.body).toEqual({ error: { code: 404, message: 'Connector nope not found' } });
    }
    const other = (await t.post('/org/v2/environments', { display_name: 'other' }, h())).body.id;
    const stranger = await t.newOrg();
    const urls = [`${base('env-nope0')}/connectors`, `${base(o.env, 'lkc-nope00')}/connectors`, `${base(other)}/connectors`, `${base(other)}/connector-plugins`];
    for (const url of urls) {
      const r = await t.get(url, h());
      expect(r.status, url).toBe(404);
      expect(r.body.error.message).toMatch(/^account not found/);
    }
    const foreign = await t.get(`${base(stranger.env)}/connectors`, { authorization: stranger.auth });
    expect(foreign.status).toBe(404);
    expect((await t.post(`${base('env-nope0')}/connectors`, { name: 'x', config: config() }, h())).status).toBe(404);
    expect((await t.put(`${base('env-nope0')}/connectors/x/config`, config({ name: 'x' }), h())).status).toBe(404);
    expect((await t.put(`${base(o.env, 'lkc-nope00')}/connector-plugins/DatagenSource/config/validate`, {}, h())).status).toBe(404);
  });

  it('answers 401 in the connect shape without valid credentials', async () => {
    const r = await t.get(`${base()}/connectors`, { authorization: basic('NOPE', 'nope') });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: { code: 401, message: expect.any(String) } });
  });

  it('deletes a connector with {"error": null}; its name can be used again', async () => {
    await create('gone', {}, { 'x-emulator-lifecycle': 'immediate' });
    const d = await t.delete(conn('gone'), h());
    expect(d.status).toBe(200);
    expect(d.body).toEqual({ error: null });
    expect((await t.get(conn('gone'), h())).status).toBe(404);
    expect((await create('gone')).status).toBe(201);
  });

  it("deleting the Kafka cluster (or its environment) removes the cluster's connectors", async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'doomed' }, h())).body.id;
    const spec = { display_name: 'doomed', availability: 'SINGLE_ZONE', cloud: 'GCP', region: 'us-central1', config: { kind: 'Basic' }, environment: { id: env } };
    const c = (await t.post('/cmk/v2/clusters', { spec }, h({ 'x-emulator-lifecycle': 'immediate' }))).body.id;
    const c2 = (await t.post('/cmk/v2/clusters', { spec }, h({ 'x-emulator-lifecycle': 'immediate' }))).body.id;
    for (const id of [c, c2]) expect((await t.post(`${base(env, id)}/connectors`, { name: 'victim', config: config() }, h())).status).toBe(201);
    expect((await t.delete(`/cmk/v2/clusters/${c}?environment=${env}`, h())).status).toBe(204);
    const row = t.rt.resources.whereField(o.org, 'ConnectConnector', '/name', 'victim', c);
    expect(row).toEqual([]);
    expect(t.rt.resources.whereField(o.org, 'ConnectConnector', '/name', 'victim', c2)).toHaveLength(1);
    expect((await t.delete(`/org/v2/environments/${env}`, h())).status).toBe(204);
    expect(t.rt.resources.whereField(o.org, 'ConnectConnector', '/name', 'victim', c2)).toEqual([]);
  });

  it('stores connectors with lcc- ids and CRNs that name them under their cluster', async () => {
    const [row] = t.rt.resources.whereField(o.org, 'ConnectConnector', '/name', 'gen', cluster);
    expect(row.id).toMatch(/^lcc-[0-9a-z]{5}$/);
    expect(row.crn).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${o.env}/cloud-cluster=${cluster}/connector=gen`);
  });

  it('loads connectors from fixtures, RUNNING, under a cluster of the fixtures', async () => {
    const orgId = '22222222-2222-4222-8222-222222222222';
    const secret = 'fixture-secret-000000000000000000000000000000000000000000000000';
    const fixtures = {
      organizations: [
        {
          id: orgId,
          resources: {
            Environment: [{ id: 'env-fix01', display_name: 'fix' }],
            User: [{ id: 'u-fix001', email: 'fix@example.com', full_name: 'Fix', auth_type: 'AUTH_TYPE_LOCAL' }],
            ApiKey: [{ id: 'FIXTURECLOUDKEY0', secret, spec: { display_name: 'fix', owner: { id: 'u-fix001' } } }],
            KafkaCluster: [{ id: 'lkc-fix001', spec: { display_name: 'fix', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Basic' }, environment: { id: 'env-fix01' } } }],
            ConnectConnector: [{ parent: 'lkc-fix001', name: 'loaded', config: { 'connector.class': 'GcsSink', topics: 't', 'tasks.max': 2 } }],
          },
        },
      ],
    };
    const r = await t.post('/_emulator/fixtures', fixtures);
    expect(r.status, r.raw).toBeLessThan(300);
    const auth = { authorization: basic('FIXTURECLOUDKEY0', secret) };
    const s = await t.get('/connect/v1/environments/env-fix01/clusters/lkc-fix001/connectors/loaded/status', auth);
    expect(s.body).toMatchObject({ name: 'loaded', type: 'sink', connector: { state: 'RUNNING' }, tasks: [{ id: 0 }, { id: 1 }] });
    const bad = await t.post('/_emulator/fixtures', { organizations: [{ id: '33333333-3333-4333-8333-333333333333', resources: { ConnectConnector: [{ parent: 'lkc-fix001', config: {} }] } }] });
    expect(bad.status).toBe(400);
  });

  it('lists the managed connector plugins and validates a configuration for one', async () => {
    const plugins = await t.get(`${base()}/connector-plugins`, h());
    expect(plugins.status).toBe(200);
    expect(plugins.body).toEqual(expect.arrayContaining([{ class: 'DatagenSource', type: 'source' }, { class: 'S3_SINK', type: 'sink' }]));
    const good = await t.put(`${base()}/connector-plugins/GcsSink/config/validate`, { name: 'v', 'kafka.api.key': 'k', 'kafka.api.secret': 's', topics: 't', 'gcs.bucket.name': 'b' }, h());
    expect(good.status, good.raw).toBe(200);
    expect(good.body).toMatchObject({ name: 'GcsSink', error_count: 0 });
    const bucket = good.body.configs.find((c: any) => c.definition.name === 'gcs.bucket.name');
    expect(bucket.value).toEqual({ name: 'gcs.bucket.name', value: 'b', recommended_values: [], errors: [], visible: true });
    expect(good.body.configs.find((c: any) => c.definition.name === 'kafka.api.secret').value.value).toBe('****************');
    const bad = await t.put(`${base()}/connector-plugins/GcsSink/config/validate`, { 'tasks.max': 'x' }, h());
    expect(bad.body.error_count).toBe(5);
    expect(bad.body.configs.find((c: any) => c.definition.name === 'topics').value.errors).toEqual(['Must configure one of topics or topics.regex']);
    expect((await t.put(`${base()}/connector-plugins/Nothing/config/validate`, {}, h())).status).toBe(404);
    expect((await t.put(`${base()}/connector-plugins/GcsSink/config/validate`, { 'tasks.max': 1 }, h())).status).toBe(400);
  });

  it('presigned upload URLs and custom connector plugins (ccp-), and a custom connector using one', async () => {
    const url = await t.post('/connect/v1/presigned-upload-url', { content_format: 'JAR' }, h());
    expect(url.status, url.raw).toBe(200);
    expect(url.body).toMatchObject({ api_version: 'connect/v1', kind: 'PresignedUrl', content_format: 'JAR', upload_id: expect.stringMatching(/^[0-9a-f-]{36}$/), upload_url: expect.stringMatching(/^https:\/\//) });
    expect(url.body.upload_form_data).toMatchObject({ key: expect.stringContaining(url.body.upload_id), policy: expect.any(String) });
    // Confluent declares 400, not 422, for a bad body here.
    expect((await t.post('/connect/v1/presigned-upload-url', { content_format: 'TAR' }, h())).status).toBe(400);

    const body = { display_name: 'my-plugin', connector_class: 'com.example.MySink', connector_type: 'SINK', sensitive_config_properties: ['my.token.value', 'my.pass'], upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: url.body.upload_id } };
    const p = await t.post('/connect/v1/custom-connector-plugins', body, h());
    expect(p.status, p.raw).toBe(201);
    expect(p.body.id).toMatch(/^ccp-[0-9a-z]{6}$/);
    expect(p.headers.location).toBe(`http://emulator.test/connect/v1/custom-connector-plugins/${p.body.id}`);
    expect(p.body).toMatchObject({ api_version: 'connect/v1', kind: 'CustomConnectorPlugin', content_format: 'JAR', connector_type: 'SINK' });
    expect(p.body.metadata).toMatchObject({ self: `http://emulator.test/connect/v1/custom-connector-plugins/${p.body.id}`, resource_name: `crn://confluent.cloud/organization=${o.org}/custom-connector-plugin=${p.body.id}` });
    // As Confluent documents: the upload's location, and an upload_id that is always empty in responses.
    expect(p.body.upload_source).toEqual({ location: 'PRESIGNED_URL_LOCATION', upload_id: '' });

    const dup = await t.post('/connect/v1/custom-connector-plugins', body, h());
    expect(dup.status).toBe(409);
    // The custom connector plugin API is a management API: its errors are Failure, not Connect's.
    expect(dup.body.errors[0]).toMatchObject({ status: '409' });
    const noUpload = await t.post('/connect/v1/custom-connector-plugins', { ...body, display_name: 'other', upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: 'nope' } }, h());
    expect(noUpload.status).toBe(422);
    expect(noUpload.body.errors[0]).toMatchObject({ status: '422', source: { pointer: '/upload_source/upload_id' } });
    expect((await t.post('/connect/v1/custom-connector-plugins', { display_name: 'x' }, h())).status).toBe(422);

    expect((await t.get('/connect/v1/custom-connector-plugins?page_size=1', h())).body).toMatchObject({ kind: 'CustomConnectorPluginList', data: [{ id: p.body.id }], metadata: { total_size: 1 } });
    const zip = (await t.post('/connect/v1/presigned-upload-url', { content_format: 'ZIP' }, h())).body.upload_id;
    const patched = await t.patch(`/connect/v1/custom-connector-plugins/${p.body.id}`, { description: 'd', upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: zip } }, h());
    expect(patched.status, patched.raw).toBe(200);
    expect(patched.body).toMatchObject({ description: 'd', content_format: 'ZIP', connector_class: 'com.example.MySink' });
    expect((await t.get(`/connect/v1/custom-connector-plugins/${p.body.id}`, h())).body.description).toBe('d');

    // A custom connector: the plugin gives its class and type, and its sensitive properties are masked.
    const custom = await t.post(`${base()}/connectors`, { name: 'custom', config: { 'confluent.connector.type': 'CUSTOM', 'confluent.custom.plugin.id': p.body.id, 'kafka.api.key': key.id, 'kafka.api.secret': key.secret, topics: 'orders', 'my.pass': 'p', 'my.plain': 'v' } }, h());
    expect(custom.status, custom.raw).toBe(201);
    expect(custom.body).toMatchObject({ type: 'sink', config: { 'connector.class': 'com.example.MySink', 'my.pass': '****************', 'my.plain': 'v' } });

    expect((await t.delete(`/connect/v1/custom-connector-plugins/${p.body.id}`, h())).status).toBe(204);
    const gone = await t.get(`/connect/v1/custom-connector-plugins/${p.body.id}`, h());
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0]).toMatchObject({ status: '404', code: 'not_found' });
    // Another organization cannot see this one's uploads.
    const stranger = await t.newOrg();
    const foreign = await t.post('/connect/v1/custom-connector-plugins', { ...body, upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: zip } }, { authorization: stranger.auth });
    expect(foreign.status).toBe(422);
  });
});
