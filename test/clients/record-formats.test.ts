import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';

const ORDER_PROTO = 'syntax = "proto3";\npackage shop;\nmessage Order {\n  string id = 1;\n  int32 qty = 2;\n}\n';
const COUNT_SCHEMA = JSON.stringify({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });

/**
 * Protobuf and JSON Schema records in Confluent's wire format, over HTTP: what the emulator writes
 * a real Schema Registry client reads, and (JSON Schema) what that client writes the emulator reads.
 */
describe('record formats against @kafkajs/confluent-schema-registry', () => {
  let emu: RunningEmulator;
  let kafka: Record<string, string>;
  let v3: string;
  let registry: SchemaRegistry;

  async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
    const res = await request(`${emu.url}${path}`, { method: method as 'GET', headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
  }

  /** The raw bytes of every record of a topic, through a REST Proxy v2 binary consumer. */
  async function rawValues(topic: string): Promise<Buffer[]> {
    const v2 = { ...kafka, 'content-type': 'application/vnd.kafka.v2+json' };
    const inst = (await call('POST', `/consumers/raw-${topic}`, v2, { format: 'binary', 'auto.offset.reset': 'earliest' })).body;
    const base = new URL(inst.base_uri).pathname;
    await call('POST', `${base}/subscription`, v2, { topics: [topic] });
    const records = await call('GET', `${base}/records?timeout=0`, { ...kafka, accept: 'application/vnd.kafka.binary.v2+json' });
    return records.body.map((r: { value: string }) => Buffer.from(r.value, 'base64'));
  }

  /** Every record of a topic decoded by the emulator, through a REST Proxy v2 consumer of `format`. */
  async function decodedValues(topic: string, format: string): Promise<unknown[]> {
    const v2 = { ...kafka, 'content-type': 'application/vnd.kafka.v2+json' };
    const inst = (await call('POST', `/consumers/${format}-${topic}`, v2, { format, 'auto.offset.reset': 'earliest' })).body;
    const base = new URL(inst.base_uri).pathname;
    await call('POST', `${base}/subscription`, v2, { topics: [topic] });
    const records = await call('GET', `${base}/records?timeout=0`, { ...kafka, accept: `application/vnd.kafka.${format}.v2+json` });
    expect(records.status).toBe(200);
    return records.body.map((r: { value: unknown }) => r.value);
  }

  beforeAll(async () => {
    emu = await startEmulator();
    const cloud = { authorization: basic(emu.apiKey, emu.apiSecret), 'x-emulator-lifecycle': 'immediate' };
    const env = { id: emu.environmentId };
    const sr = await call('POST', '/srcm/v2/clusters', cloud, { spec: { package: 'ESSENTIALS', environment: env, region: { id: 'sgreg-1' } } });
    const cluster = await call('POST', '/cmk/v2/clusters', cloud, { spec: { display_name: 'formats', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: env } });
    const keyFor = async (id: string) => (await call('POST', '/iam/v2/api-keys', cloud, { spec: { owner: { id: 'u-00000' }, resource: { id } } })).body;
    const srKey = await keyFor(sr.body.id);
    const kafkaKey = await keyFor(cluster.body.id);
    kafka = { authorization: basic(kafkaKey.id, kafkaKey.spec.secret) };
    registry = new SchemaRegistry({ host: emu.url, auth: { username: srKey.id, password: srKey.spec.secret } });
    v3 = `/kafka/v3/clusters/${cluster.body.id}`;
    for (const topic of ['pb-out', 'js-out', 'js-in']) await call('POST', `${v3}/topics`, kafka, { topic_name: topic, partitions_count: 1 });
  });
  afterAll(() => emu.close());

  // Only one way for Protobuf: this client writes no message indexes after the schema id, so
  // Confluent's own deserializers (and the emulator) cannot read what it encodes.
  it('Protobuf: the client decodes what Kafka REST produced', async () => {
    const produced = await call('POST', `${v3}/topics/pb-out/records`, kafka, { value: { type: 'PROTOBUF', schema: ORDER_PROTO, data: { id: 'o-1', qty: 3 } } });
    expect(produced.body.error_code).toBe(200);
    const [bytes] = await rawValues('pb-out');
    expect((await registry.decode(bytes)).toJSON()).toEqual({ id: 'o-1', qty: 3 });
  });

  it('JSON Schema: the client decodes what Kafka REST produced, and the emulator decodes what the client encoded', async () => {
    const produced = await call('POST', `${v3}/topics/js-out/records`, kafka, { value: { type: 'JSONSCHEMA', schema: COUNT_SCHEMA, data: { n: 7 } } });
    expect(produced.body.error_code).toBe(200);
    const [bytes] = await rawValues('js-out');
    expect(await registry.decode(bytes)).toEqual({ n: 7 });

    const id = await registry.getLatestSchemaId('js-out-value');
    const encoded = await registry.encode(id, { n: 8 });
    expect((await call('POST', `${v3}/topics/js-in/records`, kafka, { value: { type: 'BINARY', data: encoded.toString('base64') } })).body.error_code).toBe(200);
    expect(await decodedValues('js-in', 'jsonschema')).toEqual([{ n: 8 }]);
  });
});
