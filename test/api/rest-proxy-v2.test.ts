import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';
import { partitionForKey } from '../../src/core/partitioner.js';

const V2 = 'application/vnd.kafka.v2+json';
const BINARY = 'application/vnd.kafka.binary.v2+json';
const JSON_V2 = 'application/vnd.kafka.json.v2+json';

describe('REST Proxy v2: produce, consumer instances, fetch, commit', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  const h = (contentType = V2) => ({ ...c.auth, 'content-type': contentType });
  beforeAll(async () => {
    t = await TestEmulator.start();
    c = await kafkaCluster(t);
    // Topics are an admin matter (Kafka REST v3); REST Proxy v2 only reads their metadata.
    for (const [name, partitions] of [['rp', 3], ['rp-json', 1], ['other', 1]] as const) t.rt.kafka.createTopic(c.id, name, partitions, 3, {}, 0);
  });
  afterAll(() => t.close());

  it('lists topics, partitions, offsets and brokers of the cluster the key is scoped to', async () => {
    expect((await t.get('/topics', c.auth)).body).toEqual(['other', 'rp', 'rp-json']);
    const topic = await t.get('/topics/rp', c.auth);
    expect(topic.headers['content-type']).toMatch(/^application\/vnd\.kafka\.v2\+json/);
    expect(topic.body.partitions).toHaveLength(3);
    expect(topic.body.partitions[0].replicas).toHaveLength(3);
    expect((await t.get('/topics/nope', c.auth)).body).toMatchObject({ error_code: 40401 });
    expect((await t.get('/topics/rp/partitions/7', c.auth)).body).toMatchObject({ error_code: 40402 });
    expect((await t.get('/brokers', c.auth)).body.brokers.length).toBeGreaterThan(0);
  });

  it('produces binary records: explicit partition, keyed, round-robin; offsets per partition', async () => {
    const r = await t.post('/topics/rp', { records: [{ key: 'a2V5', value: 'Y29uZmx1ZW50' }, { value: 'a2Fma2E=', partition: 1 }, { value: 'bG9ncw==' }] }, h(BINARY));
    expect(r.status).toBe(200);
    expect(r.body.key_schema_id).toBeNull();
    expect(r.body.offsets).toHaveLength(3);
    const keyed = partitionForKey(Buffer.from('key'), 3);
    expect(r.body.offsets[0]).toEqual({ partition: keyed, offset: 0, error_code: null, error: null });
    expect(r.body.offsets[1]).toEqual({ partition: 1, offset: keyed === 1 ? 1 : 0, error_code: null, error: null });
    const offsets = await t.get(`/topics/rp/partitions/1/offsets`, c.auth);
    expect(offsets.body.end_offset).toBeGreaterThanOrEqual(1);
    const toPartition = await t.post('/topics/rp/partitions/2', { records: [{ value: 'eA==' }] }, h(BINARY));
    expect(toPartition.body.offsets[0].partition).toBe(2);
    const notBase64 = await t.post('/topics/rp', { records: [{ value: 'not base64!' }] }, h(BINARY));
    expect(notBase64.status).toBe(422);
    // Schema formats need the environment's Schema Registry, which this one has not got.
    const avro = await t.post('/topics/rp', { value_schema: '"int"', records: [{ value: 1 }] }, h('application/vnd.kafka.avro.v2+json'));
    expect(avro.body).toMatchObject({ error_code: 40801 });
    const protobuf = await t.post('/topics/rp', { value_schema: 'syntax = "proto3";', records: [{ value: {} }] }, h('application/vnd.kafka.protobuf.v2+json'));
    expect(protobuf.body).toMatchObject({ error_code: 40801 });
  });

  it('consumes json records through a consumer instance whose base_uri works, and commits', async () => {
    await t.post('/topics/rp-json', { records: [{ key: 'k', value: { n: 1 } }, { value: [1, 2] }, { value: 53.5 }] }, h(JSON_V2));
    const created = await t.post('/consumers/g-json', { name: 'c1', format: 'json', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' }, h());
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ instance_id: 'c1', base_uri: 'http://emulator.test/consumers/g-json/instances/c1' });
    const base = new URL(created.body.base_uri).pathname;
    expect((await t.post('/consumers/g-json', { name: 'c1' }, h())).body).toMatchObject({ error_code: 40902 });
    expect((await t.post(`${base}/subscription`, { topics: ['rp-json'] }, h())).status).toBe(204);
    expect((await t.get(`${base}/subscription`, c.auth)).body).toEqual({ topics: ['rp-json'] });
    expect((await t.post(`${base}/assignments`, { partitions: [{ topic: 'rp-json', partition: 0 }] }, h())).body).toMatchObject({ error_code: 40903 });
    const wrongAccept = await t.get(`${base}/records`, { ...c.auth, accept: BINARY });
    expect(wrongAccept.body).toMatchObject({ error_code: 40601 });
    const records = await t.get(`${base}/records?timeout=0`, { ...c.auth, accept: JSON_V2 });
    expect(records.headers['content-type']).toMatch(/^application\/vnd\.kafka\.json\.v2\+json/);
    expect(records.body).toEqual([
      { topic: 'rp-json', partition: 0, offset: 0, key: 'k', value: { n: 1 } },
      { topic: 'rp-json', partition: 0, offset: 1, key: null, value: [1, 2] },
      { topic: 'rp-json', partition: 0, offset: 2, key: null, value: 53.5 },
    ]);
    expect((await t.get(`${base}/records?timeout=0`, c.auth)).body).toEqual([]);
    expect((await t.post(`${base}/offsets`, { offsets: [{ topic: 'rp-json', partition: 0, offset: 1 }] }, h())).status).toBe(200);
    expect((await t.get(`${base}/offsets`, c.auth)).body).toEqual({ offsets: [{ topic: 'rp-json', partition: 0, offset: 2, metadata: '' }] });
    // A new instance of the group starts from the commit.
    const c2 = (await t.post('/consumers/g-json', { name: 'c2', format: 'json', 'auto.offset.reset': 'earliest' }, h())).body;
    expect((await t.delete(`${base}`, c.auth)).status).toBe(204);
    expect((await t.get(`${base}/records`, c.auth)).body).toMatchObject({ error_code: 40403 });
    const base2 = new URL(c2.base_uri).pathname;
    await t.post(`${base2}/assignments`, { partitions: [{ topic: 'rp-json', partition: 0 }] }, h());
    expect((await t.get(`${base2}/records?timeout=0`, c.auth)).body.map((r: any) => r.offset)).toEqual([2]);
  });

  it('seeks, honours max_bytes, and waits up to the timeout for records', async () => {
    const inst = (await t.post('/consumers/g-seek', { format: 'binary', 'auto.offset.reset': 'latest' }, h())).body;
    expect(inst.instance_id).toMatch(/^rest-consumer-/);
    const base = new URL(inst.base_uri).pathname;
    await t.post(`${base}/assignments`, { partitions: [{ topic: 'other', partition: 0 }] }, h());
    expect((await t.get(`${base}/records?timeout=0`, c.auth)).body).toEqual([]);
    await t.post('/topics/other', { records: [{ value: 'AAAA' }, { value: 'BBBB' }, { value: 'CCCC' }] }, h(BINARY));
    const limited = await t.get(`${base}/records?timeout=0&max_bytes=4`, c.auth);
    expect(limited.body.map((r: any) => r.value)).toEqual(['AAAA']);
    expect((await t.post(`${base}/positions/beginning`, { partitions: [{ topic: 'other', partition: 0 }] }, h())).status).toBe(204);
    expect((await t.get(`${base}/records`, c.auth)).body.map((r: any) => r.offset)).toEqual([0, 1, 2]);
    await t.post(`${base}/positions`, { offsets: [{ topic: 'other', partition: 0, offset: 2 }] }, h());
    expect((await t.get(`${base}/records`, c.auth)).body.map((r: any) => r.offset)).toEqual([2]);
    await t.post(`${base}/positions/end`, { partitions: [{ topic: 'other', partition: 0 }] }, h());
    const started = Date.now();
    expect((await t.get(`${base}/records?timeout=200`, c.auth)).body).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('refuses keys of another cluster and Cloud keys', async () => {
    expect((await t.get('/topics', { authorization: c.orgAuth })).status).toBe(401);
    const other = await kafkaCluster(t);
    expect((await t.get('/topics', other.auth)).body).toEqual([]);
    expect((await t.get('/topics/rp', other.auth)).body).toMatchObject({ error_code: 40401 });
  });
});

describe('REST Proxy v2: Avro through the environment\'s Schema Registry', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('registers the schema under <topic>-value, stores the wire format, and an avro consumer reads it back', async () => {
    const c = await kafkaCluster(t);
    const sr = await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: c.org.env }, region: { id: 'sgreg-1' } } }, { authorization: c.orgAuth });
    expect(sr.status).toBe(202);
    t.rt.kafka.createTopic(c.id, 'people', 1, 3, {}, 0);
    const schema = JSON.stringify({ type: 'record', name: 'Person', fields: [{ name: 'name', type: 'string' }, { name: 'nick', type: ['null', 'string'], default: null }] });
    const avroType = { ...c.auth, 'content-type': 'application/vnd.kafka.avro.v2+json' };
    const first = await t.post('/topics/people', { value_schema: schema, records: [{ value: { name: 'Ada', nick: { string: 'ada' } } }] }, avroType);
    expect(first.status).toBe(200);
    const id = first.body.value_schema_id;
    expect(id).toBeGreaterThan(100000);
    expect(first.body.key_schema_id).toBeNull();
    const second = await t.post('/topics/people', { value_schema_id: id, records: [{ value: { name: 'Bob', nick: null } }] }, avroType);
    expect(second.body.value_schema_id).toBe(id);
    const bad = await t.post('/topics/people', { value_schema_id: id, records: [{ value: { name: 1 } }] }, avroType);
    expect(bad.status).toBe(422);

    const [stored] = t.rt.kafka.read(c.id, 'people', 0, 0, 1);
    expect(stored.value!.readUInt8(0)).toBe(0);
    expect(stored.value!.readUInt32BE(1)).toBe(id);

    const v2 = { ...c.auth, 'content-type': 'application/vnd.kafka.v2+json' };
    const inst = (await t.post('/consumers/readers', { format: 'avro', 'auto.offset.reset': 'earliest' }, v2)).body;
    const base = new URL(inst.base_uri).pathname;
    await t.post(`${base}/subscription`, { topics: ['people'] }, v2);
    const records = await t.get(`${base}/records?timeout=0`, { ...c.auth, accept: 'application/vnd.kafka.avro.v2+json' });
    expect(records.headers['content-type']).toMatch(/^application\/vnd\.kafka\.avro\.v2\+json/);
    expect(records.body.map((r: any) => r.value)).toEqual([{ name: 'Ada', nick: { string: 'ada' } }, { name: 'Bob', nick: null }]);
  });
});
