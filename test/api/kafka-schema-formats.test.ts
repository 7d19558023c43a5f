import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import protobuf from 'protobufjs';
import { basic, TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';

const ORDER_PROTO = `syntax = "proto3";
package shop;
message Order {
  string id = 1;
  int64 total = 2;
  Status status = 3;
  repeated string tags = 4;
  Line line = 5;
  enum Status { NEW = 0; PAID = 1; }
}
message Line { string sku = 1; int32 qty = 2; }
`;

const COUNT_SCHEMA = JSON.stringify({ title: 'Count', type: 'object', properties: { n: { type: 'integer' } }, required: ['n'], additionalProperties: false });

/** Protobuf and JSON Schema keys and values on Kafka REST v3 and REST Proxy v2, in Confluent's wire format. */
describe('Kafka data planes: Protobuf and JSON Schema records', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  let v3: string;
  let srAuth: Record<string, string>;
  const v2 = () => ({ ...c.auth, 'content-type': 'application/vnd.kafka.v2+json' });

  /** Reads a topic from the start through a new REST Proxy v2 consumer of `format`. */
  async function consume(topic: string, format: string) {
    const inst = (await t.post(`/consumers/g-${topic}-${format}`, { format, 'auto.offset.reset': 'earliest' }, v2())).body;
    const base = new URL(inst.base_uri).pathname;
    await t.post(`${base}/subscription`, { topics: [topic] }, v2());
    return t.get(`${base}/records?timeout=0`, { ...c.auth, accept: `application/vnd.kafka.${format}.v2+json` });
  }

  beforeAll(async () => {
    t = await TestEmulator.start();
    c = await kafkaCluster(t);
    v3 = `/kafka/v3/clusters/${c.id}`;
    const sr = await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: c.org.env }, region: { id: 'sgreg-1' } } }, { authorization: c.orgAuth });
    expect(sr.status).toBe(202);
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: c.org.user }, resource: { id: sr.body.id } } }, { authorization: c.orgAuth });
    srAuth = { authorization: basic(key.body.id, key.body.spec.secret) };
    for (const topic of ['orders', 'counts', 'v2orders', 'v2counts', 'indexed']) await t.post(`${v3}/topics`, { topic_name: topic, partitions_count: 1 }, c.auth);
  });
  afterAll(() => t.close());

  it('v3 PROTOBUF: registers the schema, frames the record with message indexes, and a protobuf consumer reads it back', async () => {
    const order = { id: 'o-1', total: '1250', status: 'PAID', tags: ['gift'], line: { sku: 'A1', qty: 2 } };
    const r = await t.post(`${v3}/topics/orders/records`, { value: { type: 'PROTOBUF', schema: ORDER_PROTO, data: order } }, c.auth);
    expect(r.body).toMatchObject({ error_code: 200, value: { type: 'PROTOBUF' } });

    const [stored] = t.rt.kafka.read(c.id, 'orders', 0, 0, 1);
    const id = stored.value!.readUInt32BE(1);
    expect(stored.value![0]).toBe(0);
    expect(stored.value![5]).toBe(0); // message indexes [0]: the first message, written as one 0
    const Order = protobuf.parse(ORDER_PROTO, { keepCase: true }).root.lookupType('shop.Order');
    expect(Order.toObject(Order.decode(stored.value!.subarray(6)), { longs: String, enums: String })).toEqual(order);
    expect(r.body.value.size).toBe(stored.value!.length);

    const subject = await t.get('/subjects/orders-value/versions/latest', srAuth);
    expect(subject.body).toMatchObject({ id, schemaType: 'PROTOBUF' });

    const read = await consume('orders', 'protobuf');
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toMatch(/^application\/vnd\.kafka\.protobuf\.v2\+json/);
    expect(read.body[0].value).toEqual(order);
  });

  it('v3 PROTOBUF: refuses unknown fields and values of the wrong type per record (42205), and a schema of another format (400)', async () => {
    const bad = [{ id: 'o', nope: 1 }, { id: 7 }, { total: 'many' }, { status: 'LOST' }, { line: { qty: 'two' } }, { tags: 'gift' }];
    for (const data of bad) {
      const r = await t.post(`${v3}/topics/orders/records`, { value: { type: 'PROTOBUF', data } }, c.auth);
      expect(r.status).toBe(200);
      expect(r.body.error_code, JSON.stringify(data)).toBe(42205);
    }
    const asJson = await t.post(`${v3}/topics/orders/records`, { value: { type: 'JSONSCHEMA', data: { id: 'o' } } }, c.auth);
    expect(asJson.body.error_code).toBe(400);
    expect(asJson.body.message).toMatch(/PROTOBUF schema, not JSONSCHEMA/);
  });

  it('v3 JSONSCHEMA: validates against the schema, stores the JSON text after the header, and a jsonschema consumer reads it', async () => {
    const ok = await t.post(`${v3}/topics/counts/records`, { value: { type: 'JSONSCHEMA', schema: COUNT_SCHEMA, data: { n: 3 } } }, c.auth);
    expect(ok.body).toMatchObject({ error_code: 200, value: { type: 'JSONSCHEMA' } });
    const [stored] = t.rt.kafka.read(c.id, 'counts', 0, 0, 1);
    expect(stored.value!.subarray(5).toString('utf8')).toBe('{"n":3}');
    for (const data of [{ n: 'x' }, {}, { n: 1, extra: true }]) {
      expect((await t.post(`${v3}/topics/counts/records`, { value: { type: 'JSONSCHEMA', data } }, c.auth)).body.error_code).toBe(42205);
    }
    const read = await consume('counts', 'jsonschema');
    expect(read.body.map((x: any) => x.value)).toEqual([{ n: 3 }]);
  });

  it('v3: the subject by RECORD_NAME and TOPIC_RECORD_NAME strategies, and a schema by subject and version', async () => {
    const byRecord = await t.post(`${v3}/topics/counts/records`, { value: { type: 'JSONSCHEMA', schema: COUNT_SCHEMA, subject_name_strategy: 'RECORD_NAME', data: { n: 4 } } }, c.auth);
    expect(byRecord.body.error_code).toBe(200);
    const byTopicRecord = await t.post(`${v3}/topics/orders/records`, { value: { type: 'PROTOBUF', schema: ORDER_PROTO, subject_name_strategy: 'TOPIC_RECORD_NAME', data: { id: 'o-2' } } }, c.auth);
    expect(byTopicRecord.body.error_code).toBe(200);
    const subjects = (await t.get('/subjects', srAuth)).body;
    expect(subjects).toEqual(expect.arrayContaining(['Count', 'orders-shop.Order']));
    const versioned = await t.post(`${v3}/topics/counts/records`, { value: { subject: 'Count', schema_version: 1, data: { n: 5 } } }, c.auth);
    expect(versioned.body).toMatchObject({ error_code: 200, value: { type: 'JSONSCHEMA' } });
    const noName = await t.post(`${v3}/topics/counts/records`, { value: { type: 'JSONSCHEMA', schema: '{"type":"object"}', subject_name_strategy: 'RECORD_NAME', data: {} } }, c.auth);
    expect(noName.body.error_code).toBe(400);
  });

  it('v2: produces protobuf and jsonschema with inline schemas or ids, and refuses data that does not match (42205)', async () => {
    const pb = { ...c.auth, 'content-type': 'application/vnd.kafka.protobuf.v2+json' };
    const first = await t.post('/topics/v2orders', { value_schema: ORDER_PROTO, records: [{ value: { id: 'a', tags: ['x', 'y'] } }] }, pb);
    expect(first.status).toBe(200);
    const again = await t.post('/topics/v2orders', { value_schema_id: first.body.value_schema_id, records: [{ value: { id: 'b', status: 1 } }] }, pb);
    expect(again.body.offsets[0]).toMatchObject({ offset: 1 });
    expect((await t.post('/topics/v2orders', { value_schema_id: first.body.value_schema_id, records: [{ value: { id: 1 } }] }, pb)).status).toBe(422);
    const read = await consume('v2orders', 'protobuf');
    expect(read.body.map((x: any) => x.value)).toEqual([
      { id: 'a', total: '0', status: 'NEW', tags: ['x', 'y'], line: null },
      { id: 'b', total: '0', status: 'PAID', tags: [], line: null },
    ]);

    const js = { ...c.auth, 'content-type': 'application/vnd.kafka.jsonschema.v2+json' };
    const counted = await t.post('/topics/v2counts', { value_schema: COUNT_SCHEMA, records: [{ value: { n: 1 } }, { value: { n: 2 } }] }, js);
    expect(counted.status).toBe(200);
    expect((await t.post('/topics/v2counts', { value_schema_id: counted.body.value_schema_id, records: [{ value: { n: 'one' } }] }, js)).status).toBe(422);
    const wrongFormat = await t.post('/topics/v2counts', { value_schema_id: counted.body.value_schema_id, records: [{ value: { n: 3 } }] }, pb);
    expect(wrongFormat.status).toBe(422);
    expect((await consume('v2counts', 'jsonschema')).body.map((x: any) => x.value)).toEqual([{ n: 1 }, { n: 2 }]);
    // A consumer of another format cannot read these records.
    expect((await consume('v2counts', 'protobuf')).body).toMatchObject({ error_code: 50002 });
  });

  it('v2: decodes a record whose message indexes name a nested or later message type', async () => {
    const pb = { ...c.auth, 'content-type': 'application/vnd.kafka.protobuf.v2+json' };
    const produced = await t.post('/topics/indexed', { value_schema: ORDER_PROTO, records: [{ value: { id: 'first' } }] }, pb);
    const id = produced.body.value_schema_id;
    const Line = protobuf.parse(ORDER_PROTO, { keepCase: true }).root.lookupType('shop.Line');
    const header = Buffer.alloc(5);
    header.writeUInt32BE(id, 1);
    // Indexes [1] (the second top-level message): count 1 and index 1, each a zigzag varint (2, 2).
    const value = Buffer.concat([header, Buffer.from([2, 2]), Buffer.from(Line.encode(Line.fromObject({ sku: 'Z9', qty: 5 })).finish())]);
    t.rt.kafka.append(c.id, 'indexed', [{ partition: 0, timestamp: 0, key: null, value, headers: [] }]);
    const read = await consume('indexed', 'protobuf');
    expect(read.body.map((x: any) => x.value)).toEqual([{ id: 'first', total: '0', status: 'NEW', tags: [], line: null }, { sku: 'Z9', qty: 5 }]);
  });
});
