import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { TestEmulator, errorsOf } from '../helpers.js';
import { kafkaCluster, schemaRegistry } from '../support/clusters.js';
import { startEmulator, type RunningEmulator } from '../../src/index.js';

type Cluster = Awaited<ReturnType<typeof kafkaCluster>>;

/** `sasl.jaas.config` authenticating a link with the cluster's own API key. */
function jaasOf(c: Cluster): string {
  const [key, secret] = Buffer.from(c.auth.authorization.slice('Basic '.length), 'base64').toString().split(/:(.*)/s);
  return `org.apache.kafka.common.security.plain.PlainLoginModule required username="${key}" password="${secret}";`;
}

/** Each input that once answered a 5xx or left its dialect, answered now as Confluent would. */
describe('robustness: inputs that used to break the emulator', () => {
  let t: TestEmulator;
  let k: Cluster;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  const v3 = () => `/kafka/v3/clusters/${k.id}`;

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 3 } });
    k = await kafkaCluster(t);
    sr = await schemaRegistry(t);
  });
  afterAll(() => t.close());

  it('refuses a Schema Registry reference without a subject with 422 42201 on register, lookup and both compatibility checks', async () => {
    expect((await t.post('/subjects/refs/versions', { schema: '"string"' }, sr.auth)).status).toBe(200);
    const body = { schema: '"string"', references: [{ name: 'r', version: 1 }] };
    for (const url of ['/subjects/refs/versions', '/subjects/refs', '/compatibility/subjects/refs/versions/latest', '/compatibility/subjects/refs/versions']) {
      const r = await t.post(url, body, sr.auth);
      expect(r.status, `${url}: ${r.raw}`).toBe(422);
      expect(r.body.error_code).toBe(42201);
      expect(r.body.message).toMatch(/reference/);
    }
  });

  it('answers every mirror action on a lone-surrogate topic name with a per-topic result, not a 500', async () => {
    const other = await kafkaCluster(t);
    const link = await t.post(`${v3()}/links?link_name=surrogates`, { source_cluster_id: other.id, configs: [{ name: 'sasl.jaas.config', value: jaasOf(other) }] }, k.auth);
    expect(link.status, link.raw).toBe(204);
    for (const action of ['promote', 'failover', 'pause', 'resume', 'reverse-and-start-mirror', 'reverse-and-pause-mirror']) {
      const r = await t.post(`${v3()}/links/surrogates/mirrors:${action}`, { mirror_topic_names: ['\ud800'] }, k.auth);
      expect(r.status, `${action}: ${r.raw}`).toBe(200);
      expect(r.body.data[0].mirror_topic_name).toBe('\ud800');
      expect(r.body.data[0].error_code).toBe(40403);
    }
  });

  it('filters a list by 1,000 values (an expression SQLite could not hold as 1,000 placeholders)', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `crn://confluent.cloud/x-${i}`);
    const r = await t.get(`/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(many.join(','))}`);
    expect(r.status, r.raw.slice(0, 300)).toBe(200);
    const keys = await t.get(`/iam/v2/api-keys?spec.owner=${Array.from({ length: 5000 }, (_, i) => `sa-${i}`).join(',')}`);
    expect(keys.status, keys.raw.slice(0, 300)).toBe(200);
  });

  it('round-trips a topic and a subject with the longest names Confluent allows', async () => {
    const topic = 't'.repeat(249);
    expect((await t.post(`${v3()}/topics`, { topic_name: topic, partitions_count: 1 }, k.auth)).status).toBe(201);
    expect((await t.get(`${v3()}/topics/${topic}`, k.auth)).body.topic_name).toBe(topic);
    const produced = await t.post(`${v3()}/topics/${topic}/records`, { value: { type: 'JSON', data: 1 } }, k.auth);
    expect(produced.status, produced.raw).toBe(200);
    expect((await t.get(`${v3()}/topics/${topic}/configs`, k.auth)).status).toBe(200);
    expect((await t.delete(`${v3()}/topics/${topic}`, k.auth)).status).toBe(204);
    expect((await t.get(`${v3()}/topics/${topic}`, k.auth)).status).toBe(404);

    const subject = `${'s'.repeat(1000)}-value`;
    expect((await t.post(`/subjects/${subject}/versions`, { schema: '"string"' }, sr.auth)).status).toBe(200);
    expect((await t.get(`/subjects/${subject}/versions/latest`, sr.auth)).body.subject).toBe(subject);
    expect((await t.delete(`/subjects/${subject}`, sr.auth)).status).toBe(200);
  });

  it('answers a topic name past 249 characters with Kafka REST 404, in a URL of 8 KiB', async () => {
    const r = await t.get(`${v3()}/topics/${'x'.repeat(8 * 1024 - 60)}`, k.auth);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ error_code: 40403 });
  });

  it("answers Fastify's own refusals in the dialect of the path's group", async () => {
    const flat = await t.get(`${v3()}/topics/%E0%A4%A`, k.auth);
    expect(flat.status).toBe(400);
    expect(flat.body).toEqual({ error_code: 400, message: expect.stringMatching(/URL/) });
    expect(flat.headers['x-request-id']).toBeDefined();
    const management = await t.get('/org/v2/environments/%FF');
    expect(management.status).toBe(400);
    expect(errorsOf(management)[0]).toMatchObject({ status: '400', code: 'invalid_url' });
    const connect = await t.get(`/connect/v1/environments/${t.env}/clusters/lkc-x/connectors/%ED%A0%80`);
    expect(connect.status).toBe(400);
    expect(connect.body).toEqual({ error: { code: 400, message: expect.any(String) } });
  });

  it('answers unknown REST Proxy and Kafka REST sub-paths in their dialect', async () => {
    for (const url of ['/topics/orders/bogus', '/consumers/g/instances/i/bogus', '/brokers/1/bogus', `${v3()}/bogus/path`, '/subjects/s/versions/1/bogus']) {
      const r = await t.get(url, k.auth);
      expect(r.status, url).toBe(404);
      expect(r.body, url).toEqual({ error_code: 404, message: expect.any(String) });
    }
    expect(errorsOf(await t.get('/org/v2/bogus'))[0].status).toBe('404');
  });
});

describe('robustness: errors before any route, over a socket', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  /** A raw request, so that headers past Node's limit can be sent. */
  function raw(path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${emu.url}${path}`, { headers }, (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers 431 in the dialect of the path', async () => {
    const big = { 'x-padding': 'p'.repeat(20_000) };
    const flat = await raw('/kafka/v3/clusters/lkc-1/topics', big);
    expect(flat).toEqual({ status: 431, body: { error_code: 431, message: expect.any(String) } });
    const management = await raw('/org/v2/environments', big);
    expect(management.status).toBe(431);
    expect(management.body.errors[0]).toMatchObject({ status: '431', code: 'request_header_fields_too_large' });
  });

  it('accepts a URL of 8 KiB', async () => {
    const auth = { authorization: 'Basic ' + Buffer.from(`${emu.apiKey}:${emu.apiSecret}`).toString('base64') };
    const r = await raw(`/org/v2/environments?display_name=${'d'.repeat(8 * 1024)}`, auth);
    expect(r.status).toBe(200);
  });
});
