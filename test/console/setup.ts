import { request } from 'undici';
import { basic } from '../helpers.js';
import type { RunningEmulator } from '../../src/index.js';

/** What the console tests create through the API before they open the page. */
export interface Scene {
  org: string;
  env: string;
  kafka: string;
  /** A Kafka cluster created in the timed lifecycle: PROVISIONING until the clock moves. */
  slowKafka: string;
  sr: string;
  topic: string;
  subject: string;
  group: string;
  pool: string;
}

export async function call(emu: RunningEmulator, method: string, path: string, headers: Record<string, string>, body?: unknown, contentType = 'application/json') {
  const res = await request(`${emu.url}${path}`, {
    method: method as 'GET',
    headers: { ...(body === undefined ? {} : { 'content-type': contentType }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.body.text();
  const parsed = text ? JSON.parse(text) : undefined;
  // A refused record is reported inside a 200 (Kafka REST's produce).
  if (res.statusCode >= 300 || parsed?.error_code >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${text}`);
  return parsed;
}

const ORDER_SCHEMA = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'qty', type: 'int' },
  ],
});

const SHIPMENT_PROTO = 'syntax = "proto3";\npackage shop;\nmessage Shipment {\n  string id = 1;\n  int32 boxes = 2;\n}\n';
const COUNT_SCHEMA = JSON.stringify({ type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] });

const PAYMENT_SCHEMA = JSON.stringify({
  type: 'record',
  name: 'Payment',
  namespace: 'shop',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'double' },
    { name: 'currency', type: { type: 'enum', name: 'Currency', symbols: ['USD', 'EUR'] } },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'attrs', type: { type: 'map', values: 'long' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'big', type: 'long' },
  ],
});

/**
 * An environment with a Schema Registry, a provisioned Kafka cluster holding a topic of JSON, string,
 * binary and Avro records and a consumer group that lags, and a second cluster still provisioning.
 */
export async function createScene(emu: RunningEmulator): Promise<Scene> {
  const cloud = { authorization: basic(emu.apiKey, emu.apiSecret) };
  const now = { ...cloud, 'x-emulator-lifecycle': 'immediate' };
  const env = emu.environmentId;
  const sr = await call(emu, 'POST', '/srcm/v2/clusters', now, { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } });
  const cluster = (name: string, headers: Record<string, string>) =>
    call(emu, 'POST', '/cmk/v2/clusters', headers, { spec: { display_name: name, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
  const kafka = await cluster('orders-cluster', now);
  const slow = await cluster('analytics-cluster', { ...cloud, 'x-emulator-lifecycle': 'timed' });
  const pool = await call(emu, 'POST', '/fcpm/v2/compute-pools', now, { spec: { display_name: 'etl-pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env } } });
  const key = await call(emu, 'POST', '/iam/v2/api-keys', cloud, { spec: { display_name: 'orders app', owner: { id: 'u-00000' }, resource: { id: kafka.id } } });
  const auth = { authorization: basic(key.id, key.spec.secret) };
  const v3 = `/kafka/v3/clusters/${kafka.id}`;
  const topic = 'orders';
  await call(emu, 'POST', `${v3}/topics`, auth, { topic_name: topic, partitions_count: 2 });
  await call(emu, 'POST', `${v3}/topics`, auth, { topic_name: 'audit', partitions_count: 1, configs: [{ name: 'retention.ms', value: '3600000' }] });
  const produce = (record: unknown) => call(emu, 'POST', `${v3}/topics/${topic}/records`, auth, record);
  await produce({
    partition_id: 0,
    headers: [{ name: 'trace-id', value: Buffer.from('abc-123').toString('base64') }],
    key: { type: 'STRING', data: 'order-1' },
    value: { type: 'JSON', data: { item: 'espresso', qty: 2 } },
  });
  await produce({ partition_id: 0, key: { type: 'STRING', data: 'order-2' }, value: { type: 'STRING', data: 'plain text value' } });
  await produce({ partition_id: 1, value: { type: 'BINARY', data: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x01]).toString('base64') } });
  await produce({ partition_id: 1, value: { type: 'AVRO', schema: ORDER_SCHEMA, data: { id: 'avro-7', qty: 3 } } });
  // Protobuf and JSON Schema values, each under a subject of its own (a subject keeps one format).
  await call(emu, 'POST', `${v3}/topics`, auth, { topic_name: 'shipments', partitions_count: 1 });
  const ship = (record: unknown) => call(emu, 'POST', `${v3}/topics/shipments/records`, auth, record);
  await ship({ key: { type: 'STRING', data: 'pb' }, value: { type: 'PROTOBUF', subject: 'shipments-proto', schema: SHIPMENT_PROTO, data: { id: 'ship-9', boxes: 4 } } });
  await ship({ value: { type: 'PROTOBUF', subject: 'shipments-proto', data: { id: 'ship-10', boxes: 1 } } });
  await ship({ value: { type: 'JSONSCHEMA', subject: 'shipments-json', schema: COUNT_SCHEMA, data: { n: 7 } } });
  // An Avro value with a string key (which no single REST Proxy v2 consumer format reads whole).
  await call(emu, 'POST', `${v3}/topics`, auth, { topic_name: 'payments', partitions_count: 1 });
  const payment = { id: 'pay-1', amount: 12.5, currency: 'EUR', tags: ['card', 'web'], attrs: { retries: 2 }, note: { string: 'first' }, big: 1234567890123 };
  await call(emu, 'POST', `${v3}/topics/payments/records`, auth, { key: { type: 'STRING', data: 'customer-42' }, value: { type: 'AVRO', schema: PAYMENT_SCHEMA, data: payment } });
  await call(emu, 'POST', `${v3}/acls`, auth, { resource_type: 'TOPIC', resource_name: 'orders', pattern_type: 'LITERAL', principal: 'User:sa-00000', host: '*', operation: 'READ', permission: 'ALLOW' });
  // A cluster link to a cluster the emulator does not host: UNAVAILABLE.
  await call(emu, 'POST', `${v3}/links?link_name=dr-link&validate_link=false`, auth, { source_cluster_id: 'lkc-elsewhere' });
  // A schema exporter, STARTING until the clock moves.
  const srKey = await call(emu, 'POST', '/iam/v2/api-keys', cloud, { spec: { owner: { id: 'u-00000' }, resource: { id: sr.id } } });
  await call(emu, 'POST', '/exporters', { authorization: basic(srKey.id, srKey.spec.secret) }, { name: 'dr-export', subjects: [`${topic}-value`], config: { 'schema.registry.url': 'https://dr.example' } });
  // A consumer group that read the first record of each partition and committed: it lags by one on each.
  const v2 = { ...auth, 'content-type': 'application/vnd.kafka.v2+json' };
  const group = 'billing';
  const inst = await call(emu, 'POST', `/consumers/${group}`, v2, { name: 'billing-1', format: 'binary', 'auto.offset.reset': 'earliest' }, 'application/vnd.kafka.v2+json');
  const base = new URL(inst.base_uri).pathname;
  const offsets = [0, 1].map((partition) => ({ topic, partition, offset: 0 }));
  await call(emu, 'POST', `${base}/offsets`, v2, { offsets }, 'application/vnd.kafka.v2+json');
  await call(emu, 'DELETE', base, { ...auth, 'content-type': 'application/vnd.kafka.v2+json' });
  return { org: emu.organizationId, env, kafka: kafka.id, slowKafka: slow.id, sr: sr.id, topic, subject: `${topic}-value`, group, pool: pool.id };
}
