import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, errorsOf, TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';
import { assertConforms } from '../../src/http/pipeline.js';

const DAY = 24 * 3600;

/**
 * Stream Sharing (cdx/v1): a provider organization shares a topic (and a subject) of its Kafka
 * cluster with a user of another organization by email; the token travels in the emulator's
 * X-Emulator-Shared-Token header; redeeming it gives keys that work on the data planes.
 */
describe('cdx/v1 Stream Sharing', () => {
  let t: TestEmulator;
  let p: Awaited<ReturnType<typeof kafkaCluster>>;
  let P: { authorization: string };
  let C: { authorization: string };
  let consumerOrg: string;
  let consumerEmail: string;
  let lsrc: string;
  let srAuth: Record<string, string>;
  let topicCrn: (topic: string) => string;
  let subjectCrn: string;
  let env: string;

  const share = (resources: string[], email = consumerEmail, delivery_method = 'EMAIL') =>
    t.post('/cdx/v1/provider-shares', { delivery_method, consumer_restriction: { kind: 'Email', email }, resources }, P);
  const tokenOf = (r: { headers: Record<string, unknown> }) => String(r.headers['x-emulator-shared-token']);
  /** A request with a raw body (bytes), answering the raw bytes too. */
  const binary = async (method: string, url: string, auth: { authorization: string }, payload?: Buffer | string, contentType?: string) => {
    const res = await t.emu.app.inject({
      method: method as any,
      url,
      headers: { ...auth, host: 'emulator.test', ...(contentType ? { 'content-type': contentType } : {}) },
      payload,
    });
    let body: any;
    try {
      body = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      body = undefined;
    }
    return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body, raw: res.body };
  };
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from([0, 0xff, 0xfe, 0x0d, 0x0a, 0])]);
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x80, 0xc3, 0xff, 0xd9]);

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 3 } });
    p = await kafkaCluster(t);
    P = { authorization: p.orgAuth };
    env = p.org.env;
    const sr = await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } }, P);
    expect(sr.status, sr.raw).toBe(202);
    lsrc = sr.body.id;
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: p.org.user }, resource: { id: lsrc } } }, P);
    srAuth = { authorization: basic(key.body.id, key.body.spec.secret), 'content-type': 'application/vnd.schemaregistry.v1+json' };
    const schema = JSON.stringify({ type: 'record', name: 'Trade', fields: [{ name: 'px', type: 'double' }] });
    expect((await t.post('/subjects/trades-value/versions', { schema }, srAuth)).status).toBe(200);
    for (const topic of ['trades', 'quotes', 'fills', 'other']) {
      expect((await t.post(`/kafka/v3/clusters/${p.id}/topics`, { topic_name: topic, partitions_count: 1 }, p.auth)).status).toBe(201);
    }
    expect((await t.post(`/kafka/v3/clusters/${p.id}/topics/trades/records`, { value: { type: 'JSON', data: { px: 1.5 } } }, p.auth)).status).toBe(200);
    topicCrn = (topic) => `crn://confluent.cloud/organization=${p.org.org}/environment=${env}/schema-registry=${lsrc}/kafka=${p.id}/topic=${topic}`;
    subjectCrn = `crn://confluent.cloud/organization=${p.org.org}/environment=${env}/schema-registry=${lsrc}/subject=trades-value`;

    const c = await t.newOrg();
    C = { authorization: c.auth };
    consumerOrg = c.org;
    consumerEmail = (await t.get(`/iam/v2/users/${c.user}`, C)).body.email;
  });
  afterAll(() => t.close());

  it('opt-in: every organization starts opted in; while opted out, creating shares answers 403', async () => {
    expect((await t.get('/cdx/v1/opt-in', P)).body).toEqual({ api_version: 'cdx/v1', kind: 'OptIn', stream_share_enabled: true });
    const off = await t.patch('/cdx/v1/opt-in', { stream_share_enabled: false }, P);
    expect(off.body.stream_share_enabled).toBe(false);
    expect((await t.get('/cdx/v1/opt-in', P)).body.stream_share_enabled).toBe(false);
    expect((await t.get('/cdx/v1/opt-in', C)).body.stream_share_enabled).toBe(true);
    const refused = await share([topicCrn('trades')]);
    expect(refused.status).toBe(403);
    expect(errorsOf(refused)[0].detail).toMatch(/disabled/);
    expect((await t.patch('/cdx/v1/opt-in', {}, P)).body.stream_share_enabled).toBe(false);
    expect((await t.patch('/cdx/v1/opt-in', { stream_share_enabled: true }, P)).body.stream_share_enabled).toBe(true);
  });

  it('refuses resources that are not real state of the organization (422) and other delivery methods', async () => {
    const cases: Array<[string[], RegExp, string]> = [
      [[topicCrn('nope')], /topic 'nope' does not exist/, '/resources/0'],
      [[`crn://confluent.cloud/environment=${env}/kafka=lkc-zzzzzz/topic=trades`], /Kafka cluster 'lkc-zzzzzz'/, '/resources/0'],
      [[`crn://confluent.cloud/organization=${consumerOrg}/environment=${env}/kafka=${p.id}/topic=trades`], /another organization/, '/resources/0'],
      [[`crn://confluent.cloud/environment=env-zzzzz/kafka=${p.id}/topic=trades`], /not in the environment/, '/resources/0'],
      [[topicCrn('trades'), subjectCrn.replace('trades-value', 'missing-value')], /subject 'missing-value' does not exist/, '/resources/1'],
      [[topicCrn('trades'), topicCrn('quotes')], /exactly one topic/, '/resources/1'],
      [[subjectCrn], /must name a topic/, '/resources'],
      [['crn://confluent.cloud/just-a-path'], /is not a CRN/, '/resources/0'],
      [[`crn://confluent.cloud/kafka=${p.id}/topic=%E0%A4%A`], /resources\/0|is not a CRN/, '/resources/0'],
      [[`crn://confluent.cloud/organization=${p.org.org}/environment=${env}`], /neither a topic nor/, '/resources/0'],
    ];
    for (const [resources, detail, pointer] of cases) {
      const r = await share(resources);
      expect(r.status, JSON.stringify(resources)).toBe(422);
      expect(errorsOf(r)[0].detail).toMatch(detail);
      expect(errorsOf(r)[0].source).toEqual({ pointer });
    }
    const sms = await share([topicCrn('trades')], consumerEmail, 'SMS');
    expect(sms.status).toBe(422);
    expect(errorsOf(sms)[0].source).toEqual({ pointer: '/delivery_method' });
    // Bodies that do not fit the schema: 422, as for every management operation.
    expect((await t.post('/cdx/v1/provider-shares', { delivery_method: 'EMAIL', resources: [topicCrn('trades')] }, P)).status).toBe(422);
    expect((await t.post('/cdx/v1/provider-shares', { delivery_method: 'EMAIL', consumer_restriction: { kind: 'Email', email: consumerEmail }, resources: [] }, P)).status).toBe(422);
    expect((await t.get('/cdx/v1/provider-shares', P)).body.data).toEqual([]);
    expect((await t.get('/cdx/v1/provider-shared-resources', P)).body.data).toEqual([]);
  });

  describe('a share, from invitation to redemption and revocation', () => {
    let ss: Record<string, any>;
    let token: string;
    let redeemed: Record<string, any>;
    let previewId: string;

    it('creates an INVITED share for 7 days, its shared resource, and hands out the token', async () => {
      const r = await share([topicCrn('trades'), subjectCrn], consumerEmail, 'Email');
      expect(r.status, r.raw).toBe(201);
      ss = r.body;
      token = tokenOf(r);
      expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
      expect(ss.id).toMatch(/^ss-[a-z0-9]{6}$/);
      expect(r.headers.location).toBe(ss.metadata.self);
      expect(ss.metadata.self).toBe(`http://emulator.test/cdx/v1/provider-shares/${ss.id}`);
      expect(ss.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${p.org.org}/provider-share=${ss.id}`);
      expect(ss).toMatchObject({
        api_version: 'cdx/v1',
        kind: 'ProviderShare',
        delivery_method: 'EMAIL',
        consumer_restriction: { kind: 'Email', email: consumerEmail },
        provider_user: { id: p.org.user },
        cloud_cluster: { id: p.id, environment: env },
        status: { phase: 'INVITED' },
      });
      expect(Date.parse(ss.invite_expires_at) - Date.parse(ss.invited_at)).toBe(7 * DAY * 1000);
      expect(ss).not.toHaveProperty('_emulator');
      const storedShare = t.emu.engine.repository('CdxProviderShare').getIncludingDeleted(ss.id)!;
      expect(storedShare.body).not.toHaveProperty('_emulator');
      expect(storedShare.internal).toMatchObject({ shared_resource: expect.any(String), consumer_ids: { share: expect.any(String), resource: expect.any(String) } });
      expect(ss).not.toHaveProperty('redeemed_at');

      const list = await t.get(`/cdx/v1/provider-shared-resources?stream_share=${ss.id}`, P);
      expect(list.body.data).toHaveLength(1);
      const sr = list.body.data[0];
      expect(sr).toMatchObject({
        kind: 'ProviderSharedResource',
        resources: [topicCrn('trades'), subjectCrn],
        crn: topicCrn('trades'),
        display_name: 'trades',
        cluster_name: 'kafka',
        cloud_cluster: { id: p.id, environment: env },
        schemas: [{ subject: 'trades-value', version: 1, id: 100001, schema_type: 'AVRO' }],
      });
      expect(sr.id).toMatch(/^sr-/);
      expect((await t.get(`/cdx/v1/provider-shared-resources/${sr.id}`, P)).body).toEqual(sr);
      expect((await t.get(`/cdx/v1/provider-shares?shared_resource=${sr.id}`, P)).body.data.map((s: any) => s.id)).toEqual([ss.id]);
      expect((await t.get(`/cdx/v1/provider-shares?crn=${encodeURIComponent(topicCrn('trades'))}`, P)).body.data).toHaveLength(1);
      expect((await t.get(`/cdx/v1/provider-shares?shared_resource=sr-nothere`, P)).body.data).toHaveLength(0);
      expect((await t.get(`/cdx/v1/provider-shared-resources?crn=${encodeURIComponent(subjectCrn)}`, P)).body.data.map((x: any) => x.id)).toEqual([sr.id]);
      expect((await t.get(`/cdx/v1/provider-shared-resources?crn=${encodeURIComponent(topicCrn('quotes'))}`, P)).body.data).toEqual([]);
      // The provider's objects are the provider's: the consumer's organization sees none of them.
      expect((await t.get(`/cdx/v1/provider-shares/${ss.id}`, C)).status).toBe(404);
    });

    it('answers 409 for a second share of the same resources to the same email', async () => {
      const r = await share([topicCrn('trades'), subjectCrn]);
      expect(r.status).toBe(409);
      expect(r.headers.location).toBe(ss.metadata.self);
    });

    it('resend renews the invitation and answers the same token', async () => {
      await t.post('/_emulator/clock/advance', { seconds: 60 });
      const r = await t.post(`/cdx/v1/provider-shares/${ss.id}:resend`, undefined, P);
      expect(r.status).toBe(204);
      expect(tokenOf(r)).toBe(token);
      const after = (await t.get(`/cdx/v1/provider-shares/${ss.id}`, P)).body;
      expect(Date.parse(after.invited_at) - Date.parse(ss.invited_at)).toBeGreaterThanOrEqual(60_000);
      expect(Date.parse(after.invite_expires_at) - Date.parse(after.invited_at)).toBe(7 * DAY * 1000);
      expect((await t.post('/cdx/v1/provider-shares/ss-nothere:resend', undefined, P)).status).toBe(404);
    });

    it('shared-tokens:resources previews what the token gives, for the invited user only', async () => {
      const r = await t.post('/cdx/v1/shared-tokens:resources', { token }, C);
      expect(r.status, r.raw).toBe(200);
      expect(r.body.consumer_shared_resources).toHaveLength(1);
      previewId = r.body.consumer_shared_resources[0].id;
      expect(previewId).toMatch(/^sr-/);
      expect(r.body.consumer_shared_resources[0].metadata.self).toBe(`http://emulator.test/cdx/v1/consumer-shared-resources/${previewId}`);
      expect(r.body.consumer_shared_resources[0]).toMatchObject({
        kind: 'ConsumerSharedResource',
        cloud: 'AWS',
        network_connection_types: [],
        display_name: 'trades',
        organization_name: expect.any(String),
        schemas: [{ subject: 'trades-value', version: 1 }],
      });
      // The provider's own admin is not the invited user.
      const other = await t.post('/cdx/v1/shared-tokens:resources', { token }, P);
      expect(other.status).toBe(403);
      expect(errorsOf(other)[0].detail).toMatch(/another email/);
      // A service account has no email.
      const sa = await t.post('/iam/v2/service-accounts', { display_name: 'robot', description: '' }, C);
      const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa.body.id } } }, C);
      const bySa = await t.post('/cdx/v1/shared-tokens:resources', { token }, { authorization: basic(key.body.id, key.body.spec.secret) });
      expect(bySa.status).toBe(403);
      // Tokens the emulator did not issue.
      for (const bad of ['nope', `${token}x`, `${token.split('.')[0]}.${'A'.repeat(43)}`, '']) {
        const res = await t.post('/cdx/v1/shared-tokens:resources', { token: bad }, C);
        expect(res.status, bad).toBe(400);
      }
      // Confluent's document declares 400, not 422, for a token body that does not fit.
      expect((await t.post('/cdx/v1/shared-tokens:redeem', {}, C)).status).toBe(400);
    });

    it('a provider that opted out refuses its tokens (403)', async () => {
      await t.patch('/cdx/v1/opt-in', { stream_share_enabled: false }, P);
      expect((await t.post('/cdx/v1/shared-tokens:redeem', { token }, C)).status).toBe(403);
      expect((await t.post(`/cdx/v1/provider-shares/${ss.id}:resend`, undefined, P)).status).toBe(403);
      await t.patch('/cdx/v1/opt-in', { stream_share_enabled: true }, P);
    });

    it('redeem makes the share ACTIVE and answers credentials that read the topic and subject on the data planes', async () => {
      // The Confluent CLI sends empty strings for the private-networking fields.
      const r = await t.post('/cdx/v1/shared-tokens:redeem', { token, aws_account: '', azure_subscription: '', gcp_project: '' }, C);
      expect(r.status, r.raw).toBe(200);
      redeemed = r.body;
      const cluster = (await t.get(`/cmk/v2/clusters/${p.id}?environment=${env}`, P)).body;
      expect(redeemed).toMatchObject({
        api_version: 'cdx/v1',
        kind: 'RedeemTokenResponse',
        kafka_bootstrap_url: cluster.spec.kafka_bootstrap_endpoint.replace('SASL_SSL://', 'SASL://'),
        schema_registry_url: 'http://emulator.test',
        resources: [
          { kind: 'Topic', topic: 'trades' },
          { kind: 'Subject', subject: 'trades-value' },
        ],
      });
      expect(redeemed.id).toMatch(/^ss-/);
      expect(redeemed.api_key).toMatch(/^[A-Z0-9]{16}$/);

      // Kafka REST v3 and REST Proxy v2 take the key: the topic and its record are readable.
      const k = { authorization: basic(redeemed.api_key, redeemed.secret) };
      expect((await t.get(`/kafka/v3/clusters/${p.id}/topics/trades`, k)).status).toBe(200);
      const v2 = { ...k, 'content-type': 'application/vnd.kafka.v2+json' };
      const inst = await t.post('/consumers/shared-reader', { format: 'json', 'auto.offset.reset': 'earliest' }, v2);
      expect(inst.status, inst.raw).toBe(200);
      const base = new URL(inst.body.base_uri).pathname;
      expect((await t.post(`${base}/subscription`, { topics: ['trades'] }, v2)).status).toBe(204);
      const records = await t.get(`${base}/records?timeout=0`, { ...k, accept: 'application/vnd.kafka.json.v2+json' });
      expect(records.body.map((x: any) => x.value)).toEqual([{ px: 1.5 }]);
      // Schema Registry takes the other key.
      const sk = { authorization: basic(redeemed.schema_registry_api_key, redeemed.schema_registry_secret) };
      expect((await t.get('/subjects/trades-value/versions/latest', sk)).body).toMatchObject({ subject: 'trades-value', version: 1 });

      // The provider side: ACTIVE, redeemed, and the service account that owns the keys.
      const after = (await t.get(`/cdx/v1/provider-shares/${ss.id}`, P)).body;
      expect(after).toMatchObject({ status: { phase: 'ACTIVE' }, consumer_user_name: 'Org Admin', service_account: { id: expect.stringMatching(/^sa-/) } });
      expect(after.redeemed_at).toBeDefined();
      const keys = (await t.get(`/iam/v2/api-keys?spec.owner=${after.service_account.id}`, P)).body.data;
      expect(keys.map((x: any) => x.spec.resource.id).sort()).toEqual([p.id, lsrc].sort());

      // Redeemed once only.
      expect((await t.post('/cdx/v1/shared-tokens:redeem', { token }, C)).status).toBe(409);
      expect((await t.post('/cdx/v1/shared-tokens:resources', { token }, C)).status).toBe(409);
      const resend = await t.post(`/cdx/v1/provider-shares/${ss.id}:resend`, undefined, P);
      expect(resend.status).toBe(400);
    });

    it('the consumer sees its share, the shared resource and its network configuration', async () => {
      const shares = (await t.get('/cdx/v1/consumer-shares', C)).body.data;
      expect(shares).toHaveLength(1);
      const cs = shares[0];
      expect(cs).toMatchObject({
        id: redeemed.id,
        kind: 'ConsumerShare',
        status: { phase: 'ACTIVE' },
        consumer_user: { id: expect.stringMatching(/^u-/) },
        provider_user_name: 'Org Admin',
      });
      expect(cs.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${consumerOrg}/consumer-share=${cs.id}`);
      expect((await t.get(`/cdx/v1/consumer-shares/${cs.id}`, C)).body).toEqual(cs);
      expect((await t.get(`/cdx/v1/consumer-shares/${cs.id}`, P)).status).toBe(404);

      const resources = (await t.get(`/cdx/v1/consumer-shared-resources?stream_share=${redeemed.id}`, C)).body.data;
      expect(resources).toHaveLength(1);
      const csr = resources[0];
      // The id the token's preview announced.
      expect(csr.id).toBe(previewId);
      expect(csr).toMatchObject({ kind: 'ConsumerSharedResource', display_name: 'trades', cloud: 'AWS', schemas: [{ subject: 'trades-value' }] });
      expect((await t.get(`/cdx/v1/consumer-shared-resources/${csr.id}`, C)).body).toEqual(csr);
      expect((await t.get('/cdx/v1/consumer-shared-resources?stream_share=ss-nothere', C)).body.data).toEqual([]);
      expect((await t.get(`/cdx/v1/consumer-shares?shared_resource=${csr.id}`, C)).body.data).toHaveLength(1);
      expect((await t.get('/cdx/v1/consumer-shares?shared_resource=sr-nothere', C)).body.data).toHaveLength(0);

      const network = await t.get(`/cdx/v1/consumer-shared-resources/${csr.id}:network`, C);
      expect(network.status, network.raw).toBe(200);
      const cluster = (await t.get(`/cmk/v2/clusters/${p.id}?environment=${env}`, P)).body;
      expect(network.body).toEqual({ api_version: 'cdx/v1', kind: 'Network', kafka_bootstrap_url: cluster.spec.kafka_bootstrap_endpoint.replace('SASL_SSL://', 'SASL://'), cloud: { kind: 'AwsNetwork' } });
      expect((await t.get('/cdx/v1/consumer-shared-resources/sr-nothere:network', C)).status).toBe(404);
    });

    it("the network's bootstrap is the shared cluster's live one: the Kafka listener's port (it can change between runs) on the host the request came by", async () => {
      const csr = (await t.get('/cdx/v1/consumer-shared-resources', C)).body.data[0];
      const saved = t.rt.kafkaEndpoint;
      try {
        for (const [port, host] of [[19092, 'emulator.test'], [29092, 'broker.example']] as const) {
          // What the Kafka listener records when it starts on a port.
          t.rt.kafkaEndpoint = { port, caPem: '' };
          const network = await t.get(`/cdx/v1/consumer-shared-resources/${csr.id}:network`, { ...C, host });
          expect(network.status, network.raw).toBe(200);
          expect(network.body.kafka_bootstrap_url).toBe(`SASL://${host}:${port}`);
          const cluster = (await t.get(`/cmk/v2/clusters/${p.id}?environment=${env}`, { ...P, host })).body;
          expect(cluster.spec.kafka_bootstrap_endpoint).toBe(`SASL_SSL://${host}:${port}`);
        }
      } finally {
        t.rt.kafkaEndpoint = saved;
      }
    });

    it('the provider shared resource takes updates, and its resources only real topics of the same cluster', async () => {
      const sr = (await t.get(`/cdx/v1/provider-shared-resources?stream_share=${ss.id}`, P)).body.data[0];
      const u = await t.patch(`/cdx/v1/provider-shared-resources/${sr.id}`, { display_name: 'Trades', organization_description: 'A desk', organization_contact: 'desk@example.com', schemas: [] }, P);
      expect(u.status, u.raw).toBe(200);
      expect(u.body).toMatchObject({ display_name: 'Trades', organization_description: 'A desk', organization_contact: 'desk@example.com' });
      expect(u.body.schemas).toHaveLength(1);
      expect((await t.patch(`/cdx/v1/provider-shared-resources/${sr.id}`, { resources: [topicCrn('nope')] }, P)).status).toBe(422);
      const other = await t.post('/cmk/v2/clusters', { spec: { display_name: 'k2', availability: 'SINGLE_ZONE', cloud: 'GCP', region: 'us-central1', config: { kind: 'Basic' }, environment: { id: env } } }, P);
      t.rt.kafka.createTopic(other.body.id, 'trades', 1, 3, {}, 0);
      const moved = await t.patch(`/cdx/v1/provider-shared-resources/${sr.id}`, { resources: [`crn://confluent.cloud/environment=${env}/kafka=${other.body.id}/topic=trades`] }, P);
      expect(moved.status).toBe(422);
      expect(errorsOf(moved)[0].detail).toMatch(/stay on the Kafka cluster/);
      const v = await t.patch(`/cdx/v1/provider-shared-resources/${sr.id}`, { resources: [topicCrn('trades')] }, P);
      expect(v.body).toMatchObject({ resources: [topicCrn('trades')], schemas: [] });
      expect((await t.patch('/cdx/v1/provider-shared-resources/sr-nothere', {}, P)).status).toBe(404);
    });

    let imageSr: string;
    let imageCsr: string;

    it('the provider shared resource keeps images, byte for byte, that the consumer reads while its share is live', async () => {
      const sr = (await t.get(`/cdx/v1/provider-shared-resources?stream_share=${ss.id}`, P)).body.data[0];
      const csr = (await t.get(`/cdx/v1/consumer-shared-resources?stream_share=${redeemed.id}`, C)).body.data[0];
      imageSr = sr.id;
      imageCsr = csr.id;
      const url = `/cdx/v1/provider-shared-resources/${sr.id}/images/logo.png`;
      const consumerUrl = `/cdx/v1/consumer-shared-resources/${csr.id}/images/logo.png`;
      expect((await binary('GET', url, P)).status).toBe(404);

      const up = await binary('POST', url, P, PNG, 'image/png');
      expect(up.status, up.raw).toBe(201);
      expect(up.headers.location).toBe(`http://emulator.test${url}`);
      expect(up.raw).toBe('');
      const view = await binary('GET', url, P);
      expect(view.status).toBe(200);
      expect(view.headers['content-type']).toBe('image/png');
      expect(view.bytes.equals(PNG)).toBe(true);
      const seen = await binary('GET', consumerUrl, C);
      expect(seen.status, seen.raw).toBe(200);
      expect(seen.headers['content-type']).toBe('image/png');
      expect(seen.bytes.equals(PNG)).toBe(true);

      // image/* (as Confluent's samples send it) is stored as the type the bytes show; parameters are dropped.
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${sr.id}/images/photo`, P, JPEG, 'image/*')).status).toBe(201);
      const photo = await binary('GET', `/cdx/v1/provider-shared-resources/${sr.id}/images/photo`, P);
      expect(photo.headers['content-type']).toBe('image/jpeg');
      expect(photo.bytes.equals(JPEG)).toBe(true);
      const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>';
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${sr.id}/images/icon.svg`, P, svg, 'image/svg+xml; charset=utf-8')).status).toBe(201);
      expect((await binary('GET', `/cdx/v1/consumer-shared-resources/${csr.id}/images/icon.svg`, C)).headers['content-type']).toBe('image/svg+xml');
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${sr.id}/images/icon2.svg`, P, svg, 'image/*')).status).toBe(201);
      expect((await binary('GET', `/cdx/v1/provider-shared-resources/${sr.id}/images/icon2.svg`, P)).headers['content-type']).toBe('image/svg+xml');

      // Uploading the same file name again replaces the image.
      const again = await binary('POST', url, P, JPEG, 'image/jpeg');
      expect(again.status).toBe(201);
      const replaced = await binary('GET', consumerUrl, C);
      expect(replaced.headers['content-type']).toBe('image/jpeg');
      expect(replaced.bytes.equals(JPEG)).toBe(true);
      expect((await binary('POST', url, P, PNG, 'image/png')).status).toBe(201);

      // The largest image taken is 1 MiB.
      const big = Buffer.alloc(1024 * 1024, 7);
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${sr.id}/images/big.bmp`, P, big, 'image/bmp')).status).toBe(201);
      const bigBack = await binary('GET', `/cdx/v1/provider-shared-resources/${sr.id}/images/big.bmp`, P);
      expect(bigBack.bytes.equals(big)).toBe(true);
      expect((await binary('DELETE', `/cdx/v1/provider-shared-resources/${sr.id}/images/big.bmp`, P)).status).toBe(204);

      // Images are not part of the shared resource's representation.
      expect((await t.get(`/cdx/v1/provider-shared-resources/${sr.id}`, P)).body).toEqual(sr);
      expect((await t.get(`/cdx/v1/consumer-shared-resources/${csr.id}`, C)).body).toEqual(csr);
    });

    it('refuses bad image uploads and answers 404 for unknown shared resources and images', async () => {
      const url = `/cdx/v1/provider-shared-resources/${imageSr}/images/bad.png`;
      const expectError = (r: { status: number; body: any; raw: string }, status: number, code?: string) => {
        expect(r.status, r.raw).toBe(status);
        expect(r.body.errors[0].status).toBe(String(status));
        if (code) expect(r.body.errors[0].code).toBe(code);
      };
      // No body, or an empty one: 400.
      expectError(await binary('POST', url, P, Buffer.alloc(0), 'image/png'), 400);
      expectError(await binary('POST', url, P), 400);
      // Not an image: 415.
      expectError(await binary('POST', url, P, '{}', 'application/json'), 415, 'unsupported_media_type');
      expectError(await binary('POST', url, P, 'hello', 'text/plain'), 415, 'unsupported_media_type');
      expectError(await binary('POST', url, P, PNG, 'application/octet-stream'), 415, 'unsupported_media_type');
      expectError(await binary('POST', url, P, PNG, 'imagex/png'), 415, 'unsupported_media_type');
      // image/* whose bytes are no known image format: 415.
      const unknown = await binary('POST', url, P, Buffer.from('plain words'), 'image/*');
      expectError(unknown, 415, 'unsupported_media_type');
      expect(unknown.body.errors[0].detail).toMatch(/not recognized/);
      // Over 1 MiB: 413.
      expectError(await binary('POST', url, P, Buffer.alloc(1024 * 1024 + 1), 'image/png'), 413, 'payload_too_large');
      // File names: letters, digits, '.', '_' and '-', beginning with a letter or digit: 400 otherwise.
      for (const name of ['.hidden', '-x', 'a%20b', 'a%2Fb', 'caf%C3%A9', 'a%00']) {
        const r = await binary('POST', `/cdx/v1/provider-shared-resources/${imageSr}/images/${name}`, P, PNG, 'image/png');
        expectError(r, 400);
        expect((await binary('GET', `/cdx/v1/provider-shared-resources/${imageSr}/images/${name}`, P)).status, name).toBe(400);
        expect((await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/${name}`, C)).status, name).toBe(400);
      }
      // At most 100 characters: a longer name reaches the route and fails its parameter's maxLength (400).
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${imageSr}/images/${'x'.repeat(100)}`, P, PNG, 'image/png')).status).toBe(201);
      expect((await binary('DELETE', `/cdx/v1/provider-shared-resources/${imageSr}/images/${'x'.repeat(100)}`, P)).status).toBe(204);
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${imageSr}/images/${'x'.repeat(101)}`, P, PNG, 'image/png')).status).toBe(400);
      // Nothing was stored by the refused uploads.
      expectError(await binary('GET', url, P), 404, 'not_found');

      // Unknown shared resources and images: 404; each side sees only its own objects.
      expectError(await binary('POST', '/cdx/v1/provider-shared-resources/sr-nothere/images/logo.png', P, PNG, 'image/png'), 404, 'not_found');
      expectError(await binary('GET', '/cdx/v1/provider-shared-resources/sr-nothere/images/logo.png', P), 404, 'not_found');
      expectError(await binary('DELETE', '/cdx/v1/provider-shared-resources/sr-nothere/images/logo.png', P), 404, 'not_found');
      expectError(await binary('GET', `/cdx/v1/provider-shared-resources/${imageSr}/images/nothere.png`, P), 404, 'not_found');
      expectError(await binary('DELETE', `/cdx/v1/provider-shared-resources/${imageSr}/images/nothere.png`, P), 404, 'not_found');
      expectError(await binary('GET', '/cdx/v1/consumer-shared-resources/sr-nothere/images/logo.png', C), 404, 'not_found');
      expectError(await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/nothere.png`, C), 404, 'not_found');
      expectError(await binary('GET', `/cdx/v1/provider-shared-resources/${imageSr}/images/logo.png`, C), 404, 'not_found');
      expectError(await binary('POST', `/cdx/v1/provider-shared-resources/${imageSr}/images/logo.png`, C, PNG, 'image/png'), 404, 'not_found');
      expectError(await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/logo.png`, P), 404, 'not_found');
      // Without credentials: 401, before the body is looked at.
      expectError(await binary('POST', url, { authorization: '' }, PNG, 'image/png'), 401);
      expectError(await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/logo.png`, { authorization: '' }), 401);
    });

    it('deleting an image: 204, then 404 on both sides', async () => {
      const url = `/cdx/v1/provider-shared-resources/${imageSr}/images/icon2.svg`;
      expect((await binary('DELETE', url, P)).status).toBe(204);
      expect((await binary('GET', url, P)).status).toBe(404);
      expect((await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/icon2.svg`, C)).status).toBe(404);
      expect((await binary('DELETE', url, P)).status).toBe(404);
      // The other images stay.
      expect((await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/logo.png`, C)).bytes.equals(PNG)).toBe(true);
    });

    it('the consumer deleting its share revokes the credentials and deactivates both sides', async () => {
      const csr = (await t.get(`/cdx/v1/consumer-shared-resources?stream_share=${redeemed.id}`, C)).body.data[0];
      const sa = (await t.get(`/cdx/v1/provider-shares/${ss.id}`, P)).body.service_account.id;
      expect((await t.delete(`/cdx/v1/consumer-shares/${redeemed.id}`, C)).status).toBe(204);
      expect((await t.get(`/cdx/v1/consumer-shares/${redeemed.id}`, C)).status).toBe(404);
      expect((await t.get(`/cdx/v1/consumer-shared-resources/${csr.id}`, C)).status).toBe(404);
      expect((await t.get('/cdx/v1/consumer-shares', C)).body.data).toEqual([]);
      const gone = (await t.get('/cdx/v1/consumer-shares?include_deleted=true', C)).body.data;
      expect(gone).toHaveLength(1);
      expect(gone[0]).toMatchObject({ id: redeemed.id, status: { phase: 'DEACTIVATED' } });
      expect(gone[0].metadata.deleted_at).toBeDefined();
      expect((await t.get('/cdx/v1/consumer-shared-resources?include_deleted=true', C)).body.data).toHaveLength(1);

      expect((await t.get(`/kafka/v3/clusters/${p.id}/topics/trades`, { authorization: basic(redeemed.api_key, redeemed.secret) })).status).toBe(401);
      expect((await t.get(`/iam/v2/service-accounts/${sa}`, P)).status).toBe(404);
      expect((await t.get(`/cdx/v1/provider-shares/${ss.id}`, P)).status).toBe(404);
      const provider = (await t.get('/cdx/v1/provider-shares?include_deleted=true', P)).body.data.find((s: any) => s.id === ss.id);
      expect(provider.status.phase).toBe('DEACTIVATED');
      // Its shared resource had no other share: it is deleted too.
      expect((await t.get(`/cdx/v1/provider-shared-resources?stream_share=${ss.id}`, P)).body.data).toEqual([]);
      expect((await t.get(`/cdx/v1/provider-shared-resources?stream_share=${ss.id}&include_deleted=true`, P)).body.data).toHaveLength(1);
      expect((await t.delete(`/cdx/v1/consumer-shares/${redeemed.id}`, C)).status).toBe(404);
      expect((await t.post('/cdx/v1/shared-tokens:redeem', { token }, C)).status).toBe(404);

      // The images went with the share and its shared resource: 404 on both sides, and no bytes are kept.
      expect((await binary('GET', `/cdx/v1/consumer-shared-resources/${imageCsr}/images/logo.png`, C)).status).toBe(404);
      expect((await binary('GET', `/cdx/v1/provider-shared-resources/${imageSr}/images/logo.png`, P)).status).toBe(404);
      expect((await binary('POST', `/cdx/v1/provider-shared-resources/${imageSr}/images/logo.png`, P, PNG, 'image/png')).status).toBe(404);
      const rows = t.rt.db.prepare("SELECT body, deleted_at FROM resources WHERE type = 'CdxSharedResourceImage'").all() as Array<{ body: string; deleted_at: number | null }>;
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) {
        expect(row.deleted_at).not.toBeNull();
        expect(JSON.parse(row.body).data).toBe('');
      }
    });
  });

  it('an invitation expires after 7 days on the virtual clock, and resend revives it', async () => {
    const r = await share([topicCrn('quotes')]);
    expect(r.status, r.raw).toBe(201);
    const token = tokenOf(r);
    await t.post('/_emulator/clock/advance', { seconds: 7 * DAY + 1 });
    expect((await t.get(`/cdx/v1/provider-shares/${r.body.id}`, P)).body.status.phase).toBe('EXPIRED');
    const late = await t.post('/cdx/v1/shared-tokens:redeem', { token }, C);
    expect(late.status).toBe(409);
    expect(errorsOf(late)[0].detail).toMatch(/expired/);
    // An expired invitation does not block a new share of the same topic to the same email.
    const fresh = await share([topicCrn('quotes')]);
    expect(fresh.status).toBe(201);
    expect((await t.delete(`/cdx/v1/provider-shares/${fresh.body.id}`, P)).status).toBe(204);
    // Resend revives the expired one, with the same token.
    expect((await t.post(`/cdx/v1/provider-shares/${r.body.id}:resend`, undefined, P)).status).toBe(204);
    expect((await t.get(`/cdx/v1/provider-shares/${r.body.id}`, P)).body.status.phase).toBe('INVITED');
    const ok = await t.post('/cdx/v1/shared-tokens:redeem', { token }, C);
    expect(ok.status, ok.raw).toBe(200);
    // No subject shared: no Schema Registry credentials.
    expect(ok.body).not.toHaveProperty('schema_registry_api_key');
    expect(ok.body.resources).toEqual([{ kind: 'Topic', topic: 'quotes' }]);

    // The provider deleting a redeemed share revokes the consumer's access.
    expect((await t.delete(`/cdx/v1/provider-shares/${r.body.id}`, P)).status).toBe(204);
    expect((await t.get(`/cdx/v1/consumer-shares/${ok.body.id}`, C)).status).toBe(404);
    expect((await t.get(`/kafka/v3/clusters/${p.id}/topics/quotes`, { authorization: basic(ok.body.api_key, ok.body.secret) })).status).toBe(401);
    expect((await t.delete(`/cdx/v1/provider-shares/${r.body.id}`, P)).status).toBe(404);
  });

  it('shares of one topic to several emails share one shared resource; lists page', async () => {
    const ids: string[] = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      const r = await share([topicCrn('fills')], email);
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const srs = (await t.get(`/cdx/v1/provider-shared-resources?stream_share=${ids.join(',')}`, P)).body.data;
    expect(srs).toHaveLength(1);
    const first = await t.get(`/cdx/v1/provider-shares?shared_resource=${srs[0].id}&page_size=2`, P);
    expect(first.body.data.map((s: any) => s.id)).toEqual(ids.slice(0, 2));
    expect(first.body.metadata.total_size).toBe(3);
    const next = await t.get(first.body.metadata.next.replace('http://emulator.test', ''), P);
    expect(next.body.data.map((s: any) => s.id)).toEqual(ids.slice(2));
    expect(next.body.metadata.next).toBeUndefined();
    // Deleting one share keeps the shared resource of the others; an unredeemed share's token then answers 404.
    const gone = await share([topicCrn('other')], 'd@example.com');
    expect((await t.delete(`/cdx/v1/provider-shares/${ids[0]}`, P)).status).toBe(204);
    expect((await t.get(`/cdx/v1/provider-shared-resources/${srs[0].id}`, P)).status).toBe(200);
    expect((await t.delete(`/cdx/v1/provider-shares/${gone.body.id}`, P)).status).toBe(204);
    expect((await t.post('/cdx/v1/shared-tokens:resources', { token: tokenOf(gone) }, C)).status).toBe(404);
  });

  it('refuses Stream Sharing objects in fixtures: they exist only through the flows above', async () => {
    for (const name of ['CdxProviderShare', 'CdxProviderSharedResource', 'CdxConsumerShare', 'CdxConsumerSharedResource', 'CdxOptIn', 'CdxSharedResourceImage']) {
      const r = await t.post('/_emulator/fixtures', { organizations: [{ id: crypto.randomUUID(), resources: { [name]: [{ display_name: 'x' }] } }] });
      expect(r.status, name).toBe(400);
      expect(JSON.stringify(r.body), name).toMatch(/created (through cdx\/v1 only|with provider shares)/);
    }
  });

  it('bytes: the self-check takes them only where a binary body is declared, with a Content-Type; only images take image bodies', async () => {
    const opOf = (id: string) => t.rt.docs.operations.find((o) => o.operationId === id)!;
    const view = opOf('view_imageCdxV1ProviderSharedResource');
    const json = opOf('getCdxV1ProviderSharedResource');
    expect(t.rt.validator.checkResponse(view, 200, PNG)).toEqual([]);
    expect(t.rt.validator.checkResponse(view, 200, { not: 'bytes' })).toHaveLength(1);
    expect(t.rt.validator.checkResponse(json, 200, PNG)).toHaveLength(1);
    expect(t.rt.validator.checkResponse(view, 404, PNG)).toHaveLength(1);
    const headers = { 'x-request-id': 'r', 'x-ratelimit-limit': 1, 'x-ratelimit-remaining': 1, 'x-ratelimit-reset': 1 };
    expect(() => assertConforms(t.rt, view, 200, PNG, { ...headers, 'content-type': 'image/png' })).not.toThrow();
    expect(() => assertConforms(t.rt, view, 200, PNG, headers)).toThrow(/without their Content-Type/);
    // An operation that declares JSON keeps exact media-type matching.
    const r = await binary('POST', '/iam/v2/service-accounts', P, PNG, 'image/png');
    expect(r.status, r.raw).toBe(415);
  });

  it('answers 404 for unknown ids and 401 without credentials', async () => {
    for (const url of ['/cdx/v1/provider-shares/ss-nothere', '/cdx/v1/provider-shared-resources/sr-nothere', '/cdx/v1/consumer-shares/ss-nothere', '/cdx/v1/consumer-shared-resources/sr-nothere']) {
      const r = await t.get(url, P);
      expect(r.status, url).toBe(404);
      expect(errorsOf(r)[0].code).toBe('not_found');
    }
    expect((await t.delete('/cdx/v1/provider-shares/ss-nothere', P)).status).toBe(404);
    expect((await t.get('/cdx/v1/opt-in', { authorization: '' })).status).toBe(401);
  });
});
