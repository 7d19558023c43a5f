import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partitionForKey } from '../../src/core/partitioner.js';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';

/** Kafka REST v3 on a cluster provisioned through cmk/v2, with a key scoped to that cluster. */
describe('Kafka REST v3: topics, partitions, configs, produce', () => {
  let t: TestEmulator;
  let cluster: string;
  let auth: Record<string, string>;
  let base: string;
  beforeAll(async () => {
    t = await TestEmulator.start();
    const c = await kafkaCluster(t);
    cluster = c.id;
    auth = c.auth;
    base = `/kafka/v3/clusters/${cluster}`;
  });
  afterAll(() => t.close());

  it('describes the cluster with absolute related links', async () => {
    const r = await t.get(base, auth);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'KafkaCluster', cluster_id: cluster, metadata: { resource_name: `crn:///kafka=${cluster}` } });
    expect(r.body.topics.related).toBe(`http://emulator.test${base}/topics`);
  });

  it('creates a topic (201), refuses a duplicate (40002), dry-runs with validate_only (200)', async () => {
    const c = await t.post(`${base}/topics`, { topic_name: 'orders', partitions_count: 3, configs: [{ name: 'cleanup.policy', value: 'compact' }] }, auth);
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ kind: 'KafkaTopic', topic_name: 'orders', partitions_count: 3, replication_factor: 3, is_internal: false });
    expect(c.body.metadata.resource_name).toBe(`crn:///kafka=${cluster}/topic=orders`);
    const dup = await t.post(`${base}/topics`, { topic_name: 'orders' }, auth);
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({ error_code: 40002, message: "Topic 'orders' already exists." });
    const dry = await t.post(`${base}/topics`, { topic_name: 'dry', validate_only: true }, auth);
    expect(dry.status).toBe(200);
    expect(dry.body.partitions_count).toBe(6);
    expect((await t.get(`${base}/topics/dry`, auth)).status).toBe(404);
    const list = await t.get(`${base}/topics`, auth);
    expect(list.body).toMatchObject({ kind: 'KafkaTopicList', metadata: { next: null } });
    expect(list.body.data.map((x: any) => x.topic_name)).toEqual(['orders']);
  });

  it('answers a body that does not fit its schema with 400, as Kafka REST does', async () => {
    const r = await t.post(`${base}/topics`, { topic_name: 5 }, auth);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error_code: 400 });
  });

  it('refuses an illegal name, a replication factor other than 3 and an unknown config', async () => {
    expect((await t.post(`${base}/topics`, { topic_name: 'bad name' }, auth)).body.error_code).toBe(40002);
    expect((await t.post(`${base}/topics`, { topic_name: 'rf', replication_factor: 2 }, auth)).body.error_code).toBe(40002);
    expect((await t.post(`${base}/topics`, { topic_name: 'cfg', configs: [{ name: 'no.such.config', value: '1' }] }, auth)).body.error_code).toBe(40002);
  });

  it('partitions only grow', async () => {
    await t.post(`${base}/topics`, { topic_name: 'grow', partitions_count: 2 }, auth);
    const same = await t.patch(`${base}/topics/grow`, { partitions_count: 2 }, auth);
    expect(same.body).toEqual({ error_code: 40002, message: 'Topic already has 2 partitions.' });
    expect((await t.patch(`${base}/topics/grow`, { partitions_count: 1 }, auth)).status).toBe(400);
    const up = await t.patch(`${base}/topics/grow`, { partitions_count: 4 }, auth);
    expect(up.status).toBe(200);
    expect(up.body.partitions_count).toBe(4);
    const parts = await t.get(`${base}/topics/grow/partitions`, auth);
    expect(parts.body.data.map((p: any) => p.partition_id)).toEqual([0, 1, 2, 3]);
    expect((await t.get(`${base}/topics/grow/partitions/3`, auth)).body).toMatchObject({ kind: 'KafkaPartition', partition_id: 3 });
    expect((await t.get(`${base}/topics/grow/partitions/4`, auth)).body.error_code).toBe(40403);
  });

  it('reports configs with their source and synonyms; alters, resets and batch-alters them', async () => {
    await t.post(`${base}/topics`, { topic_name: 'cfgs', configs: [{ name: 'retention.ms', value: '1000' }] }, auth);
    const one = await t.get(`${base}/topics/cfgs/configs/retention.ms`, auth);
    expect(one.body).toMatchObject({ kind: 'KafkaTopicConfig', value: '1000', is_default: false, source: 'DYNAMIC_TOPIC_CONFIG' });
    expect(one.body.synonyms.map((s: any) => s.source)).toEqual(['DYNAMIC_TOPIC_CONFIG', 'DEFAULT_CONFIG']);
    expect((await t.put(`${base}/topics/cfgs/configs/cleanup.policy`, { value: 'compact' }, auth)).status).toBe(204);
    expect((await t.get(`${base}/topics/cfgs/configs/cleanup.policy`, auth)).body.value).toBe('compact');
    expect((await t.delete(`${base}/topics/cfgs/configs/retention.ms`, auth)).status).toBe(204);
    expect((await t.get(`${base}/topics/cfgs/configs/retention.ms`, auth)).body).toMatchObject({ value: '604800000', source: 'DEFAULT_CONFIG', is_default: true });
    const batch = await t.post(`${base}/topics/cfgs/configs:alter`, { data: [{ name: 'retention.ms', value: '5' }, { name: 'cleanup.policy', operation: 'DELETE' }] }, auth);
    expect(batch.status).toBe(204);
    const all = await t.get(`${base}/topics/cfgs/configs`, auth);
    const byName = Object.fromEntries(all.body.data.map((c: any) => [c.name, c.value]));
    expect(byName).toMatchObject({ 'retention.ms': '5', 'cleanup.policy': 'delete' });
    // A batch with one bad entry changes nothing.
    const bad = await t.post(`${base}/topics/cfgs/configs:alter`, { data: [{ name: 'retention.ms', value: '9' }, { name: 'nope', value: '1' }] }, auth);
    expect(bad.status).toBe(400);
    expect((await t.get(`${base}/topics/cfgs/configs/retention.ms`, auth)).body.value).toBe('5');
    const every = await t.get(`${base}/topics/-/configs`, auth);
    expect(new Set(every.body.data.map((c: any) => c.topic_name))).toContain('cfgs');
  });

  it('produces records: keyed records go where murmur2 sends them, offsets count per partition', async () => {
    await t.post(`${base}/topics`, { topic_name: 'events', partitions_count: 4 }, auth);
    const r1 = await t.post(`${base}/topics/events/records`, { key: { type: 'STRING', data: 'user-1' }, value: { type: 'JSON', data: { n: 1 } } }, auth);
    expect(r1.status).toBe(200);
    const expected = partitionForKey(Buffer.from('user-1'), 4);
    expect(r1.body).toMatchObject({ error_code: 200, cluster_id: cluster, topic_name: 'events', partition_id: expected, offset: 0, key: { type: 'STRING', size: 6 }, value: { type: 'JSON', size: 7 } });
    const r2 = await t.post(`${base}/topics/events/records`, { key: { type: 'STRING', data: 'user-1' }, value: { type: 'BINARY', data: 'AAEC' } }, auth);
    expect(r2.body).toMatchObject({ partition_id: expected, offset: 1, value: { type: 'BINARY', size: 3 } });
    const explicit = await t.post(`${base}/topics/events/records`, { partition_id: (expected + 1) % 4, value: { type: 'STRING', data: 'x' }, timestamp: '2021-02-05T19:14:42Z' }, auth);
    expect(explicit.body).toMatchObject({ partition_id: (expected + 1) % 4, offset: 0, timestamp: '2021-02-05T19:14:42.000Z' });
    expect(t.rt.kafka.read(cluster, 'events', expected, 0, 10).map((r) => r.value!.toString('base64'))).toEqual([Buffer.from('{"n":1}').toString('base64'), 'AAEC']);
  });

  it('reports a bad record inside a 200, and takes a stream of records answered in order', async () => {
    await t.post(`${base}/topics`, { topic_name: 'stream', partitions_count: 1 }, auth);
    const bad = await t.post(`${base}/topics/stream/records`, { value: { type: 'BINARY', data: 'not base64!' } }, auth);
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ error_code: 400 });
    const outOfRange = await t.post(`${base}/topics/stream/records`, { partition_id: 5, value: { data: 1 } }, auth);
    expect(outOfRange.body.error_code).toBe(40403);
    const body = [1, 2, 3].map((n) => JSON.stringify({ value: { type: 'JSON', data: n } })).join('\n');
    const streamed = await t.request('POST', `${base}/topics/stream/records`, body, { ...auth, 'content-type': 'application/json' });
    expect(streamed.status).toBe(200);
    const reports = streamed.raw.split('\n').map((l) => JSON.parse(l));
    expect(reports.map((r) => r.offset)).toEqual([0, 1, 2]);
  });

  it('refuses a single record whose header is not base64 with HTTP 400, and only that record in a stream', async () => {
    await t.post(`${base}/topics`, { topic_name: 'headers', partitions_count: 1 }, auth);
    const single = await t.post(`${base}/topics/headers/records`, { value: { data: 1 }, headers: [{ name: 'h', value: 'not base64!' }] }, auth);
    expect(single.status, single.raw).toBe(400);
    expect(single.body).toMatchObject({ error_code: 400, message: expect.stringContaining('base64') });
    const good = { value: { data: 2 }, headers: [{ name: 'h', value: 'AAEC' }] };
    const body = [good, { value: { data: 3 }, headers: [{ name: 'h', value: '%%' }] }, good].map((r) => JSON.stringify(r)).join('\n');
    const streamed = await t.request('POST', `${base}/topics/headers/records`, body, { ...auth, 'content-type': 'application/json' });
    expect(streamed.status).toBe(200);
    expect(streamed.raw.split('\n').map((l) => JSON.parse(l).error_code)).toEqual([200, 400, 200]);
    expect(t.rt.kafka.read(cluster, 'headers', 0, 0, 10).map((r) => r.headers)).toEqual([[{ name: 'h', value: 'AAEC' }], [{ name: 'h', value: 'AAEC' }]]);
  });

  it('answers unknown topics with 404 40403, and deleting a topic drops its records', async () => {
    expect((await t.get(`${base}/topics/nope`, auth)).body).toEqual({ error_code: 40403, message: 'This server does not host this topic-partition.' });
    expect((await t.post(`${base}/topics/nope/records`, { value: { data: 1 } }, auth)).status).toBe(404);
    await t.post(`${base}/topics`, { topic_name: 'gone', partitions_count: 1 }, auth);
    await t.post(`${base}/topics/gone/records`, { value: { data: 1 } }, auth);
    expect((await t.delete(`${base}/topics/gone`, auth)).status).toBe(204);
    expect((await t.get(`${base}/topics/gone`, auth)).status).toBe(404);
    expect(t.rt.kafka.read(cluster, 'gone', 0, 0, 10)).toEqual([]);
  });

  it('refuses a record larger than the topic\'s max.message.bytes per record (413), storing the others', async () => {
    await t.post(`${base}/topics`, { topic_name: 'small', partitions_count: 1, configs: [{ name: 'max.message.bytes', value: '1000' }] }, auth);
    const big = { value: { type: 'STRING', data: 'x'.repeat(1001) } };
    const fits = { value: { type: 'STRING', data: 'x'.repeat(990) }, headers: [{ name: 'h', value: 'AAAA' }] };
    const over = { value: { type: 'STRING', data: 'x'.repeat(990) }, headers: [{ name: 'h', value: Buffer.alloc(12).toString('base64') }] };
    const r = await t.request('POST', `${base}/topics/small/records`, [big, fits, over].map((x) => JSON.stringify(x)).join('\n'), auth);
    const reports = r.raw.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.map((x) => x.error_code)).toEqual([413, 200, 413]);
    expect(reports[0].message).toBe('The request included a message larger than the maximum message size the server can accept.');
    expect(t.rt.kafka.endOffset(cluster, 'small', 0)).toBe(1);
  });
});

describe('Kafka REST v3: ACLs', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  let acls: string;
  const acl = (over: Record<string, string> = {}) => ({ resource_type: 'TOPIC', resource_name: 'orders', pattern_type: 'LITERAL', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW', ...over });
  beforeAll(async () => {
    t = await TestEmulator.start();
    c = await kafkaCluster(t);
    acls = `/kafka/v3/clusters/${c.id}/acls`;
  });
  afterAll(() => t.close());

  it('creates concrete ACLs (201, empty body), idempotently, and refuses filters as ACLs', async () => {
    const r = await t.post(acls, acl(), c.auth);
    expect(r.status).toBe(201);
    expect(r.raw).toBe('');
    expect((await t.post(acls, acl(), c.auth)).status).toBe(201);
    expect((await t.post(acls, acl({ operation: 'ANY' }), c.auth)).status).toBe(400);
    expect((await t.post(acls, acl({ pattern_type: 'MATCH' }), c.auth)).status).toBe(400);
    expect((await t.post(acls, acl({ resource_type: 'CLUSTER', resource_name: 'x' }), c.auth)).body).toMatchObject({ error_code: 40002 });
    const batch = await t.post(`${acls}:batch`, { data: [acl({ resource_name: 'ord', pattern_type: 'PREFIXED' }), acl({ resource_name: '*' }), acl({ resource_name: 'other' })] }, c.auth);
    expect(batch.status).toBe(201);
    const all = await t.get(acls, c.auth);
    expect(all.body.kind).toBe('KafkaAclList');
    expect(all.body.data).toHaveLength(4);
    expect(all.body.data[0].metadata.self).toContain(`${acls}?resource_type=TOPIC`);
  });

  it('lists with MATCH semantics: literal, wildcard and prefixes that apply to a resource', async () => {
    const match = await t.get(`${acls}?resource_type=TOPIC&resource_name=orders&pattern_type=MATCH`, c.auth);
    expect(match.body.data.map((a: any) => `${a.pattern_type}:${a.resource_name}`).sort()).toEqual(['LITERAL:*', 'LITERAL:orders', 'PREFIXED:ord']);
    const literal = await t.get(`${acls}?resource_name=orders&pattern_type=LITERAL`, c.auth);
    expect(literal.body.data).toHaveLength(1);
    expect((await t.get(`${acls}?principal=User:nobody`, c.auth)).body.data).toEqual([]);
  });

  it('deletes the matching ACLs and answers them', async () => {
    const del = await t.delete(`${acls}?resource_type=TOPIC&pattern_type=ANY&operation=ANY&permission=ANY&resource_name=other`, c.auth);
    expect(del.status).toBe(200);
    expect(del.body.data.map((a: any) => a.resource_name)).toEqual(['other']);
    expect(del.body.kind).toBeUndefined();
    expect((await t.get(acls, c.auth)).body.data).toHaveLength(3);
    expect((await t.delete(`${acls}?resource_type=TOPIC&pattern_type=ANY&operation=ANY`, c.auth)).status).toBe(400);
  });
});

describe('Kafka REST v3: clusters, brokers and replicas', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  let v3: string;
  beforeAll(async () => {
    t = await TestEmulator.start();
    c = await kafkaCluster(t);
    v3 = `/kafka/v3/clusters/${c.id}`;
    await t.post(`${v3}/topics`, { topic_name: 'r', partitions_count: 2 }, c.auth);
    await t.post(`${v3}/topics/r/records`, { partition_id: 1, value: { data: 1 } }, c.auth);
  });
  afterAll(() => t.close());

  it('lists the cluster the key is scoped to, also under /v3', async () => {
    const list = await t.get('/kafka/v3/clusters', c.auth);
    expect(list.body.data.map((x: any) => x.cluster_id)).toEqual([c.id]);
    expect((await t.get(`/v3/clusters/${c.id}/topics`, c.auth)).body.data.map((x: any) => x.topic_name)).toEqual(['r']);
  });

  it('has three brokers, a replica of every partition on each, led by one', async () => {
    expect((await t.get(`${v3}/brokers`, c.auth)).body.data.map((b: any) => b.broker_id)).toEqual([0, 1, 2]);
    expect((await t.get(`${v3}/brokers/7`, c.auth)).status).toBe(404);
    const replicas = (await t.get(`${v3}/topics/r/partitions/1/replicas`, c.auth)).body.data;
    expect(replicas.filter((r: any) => r.is_leader).map((r: any) => r.broker_id)).toEqual([1]);
    const partition = (await t.get(`${v3}/topics/r/partitions/1`, c.auth)).body;
    expect(partition.leader.related).toBe(`http://emulator.test${v3}/topics/r/partitions/1/replicas/1`);
    expect((await t.get(`${v3}/topics/r/partitions/1/replicas/1`, c.auth)).body).toMatchObject({ is_leader: true, is_in_sync: true });
    expect((await t.get(`${v3}/brokers/0/partition-replicas`, c.auth)).body.data).toHaveLength(2);
  });

  it('reports replica log offsets from the stored records', async () => {
    const statuses = (await t.get(`${v3}/topics/r/partitions/1/replica-status`, c.auth)).body.data;
    expect(statuses).toHaveLength(3);
    expect(statuses.every((s: any) => s.log_end_offset === 1 && s.log_start_offset === 0)).toBe(true);
    expect((await t.get(`${v3}/topics/-/partitions/-/replica-status`, c.auth)).body.data).toHaveLength(6);
    expect((await t.get(`${v3}/topics/r/partitions/-/replica-status`, c.auth)).body.data).toHaveLength(6);
  });
});

describe('Kafka REST v3: dynamic broker configs', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  let v3: string;
  beforeAll(async () => {
    t = await TestEmulator.start();
    c = await kafkaCluster(t);
    v3 = `/kafka/v3/clusters/${c.id}`;
  });
  afterAll(() => t.close());

  it('lists only dynamic cluster-wide configs; set, read, reset', async () => {
    expect((await t.get(`${v3}/broker-configs`, c.auth)).body.data).toEqual([]);
    expect((await t.put(`${v3}/broker-configs/num.partitions`, { value: '3' }, c.auth)).status).toBe(204);
    const listed = (await t.get(`${v3}/broker-configs`, c.auth)).body.data;
    expect(listed.map((x: any) => [x.name, x.value, x.source])).toEqual([['num.partitions', '3', 'DYNAMIC_DEFAULT_BROKER_CONFIG']]);
    expect((await t.put(`${v3}/broker-configs/min.insync.replicas`, { value: '1' }, c.auth)).body).toMatchObject({ error_code: 40002 });
    expect((await t.delete(`${v3}/broker-configs/num.partitions`, c.auth)).status).toBe(204);
    expect((await t.get(`${v3}/broker-configs/num.partitions`, c.auth)).body).toMatchObject({ value: '6', is_default: true, source: 'DEFAULT_CONFIG' });
  });

  it('a broker’s own value wins over the cluster-wide one, which wins over the default', async () => {
    await t.post(`${v3}/broker-configs:alter`, { data: [{ name: 'log.retention.ms', value: '1000' }] }, c.auth);
    await t.post(`${v3}/brokers/1/configs:alter`, { data: [{ name: 'log.retention.ms', value: '5' }] }, c.auth);
    const b1 = (await t.get(`${v3}/brokers/1/configs/log.retention.ms`, c.auth)).body;
    expect(b1).toMatchObject({ value: '5', source: 'DYNAMIC_BROKER_CONFIG' });
    expect(b1.synonyms.map((s: any) => s.source)).toEqual(['DYNAMIC_BROKER_CONFIG', 'DYNAMIC_DEFAULT_BROKER_CONFIG', 'DEFAULT_CONFIG']);
    expect((await t.get(`${v3}/brokers/0/configs/log.retention.ms`, c.auth)).body).toMatchObject({ value: '1000', source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' });
    await t.delete(`${v3}/brokers/1/configs/log.retention.ms`, c.auth);
    expect((await t.get(`${v3}/brokers/1/configs/log.retention.ms`, c.auth)).body.value).toBe('1000');
    await t.put(`${v3}/brokers/2/configs/num.partitions`, { value: '4' }, c.auth);
    const all = (await t.get(`${v3}/brokers/-/configs`, c.auth)).body.data;
    expect(all.find((x: any) => x.broker_id === 2 && x.name === 'num.partitions').value).toBe('4');
    expect((await t.get(`${v3}/brokers/2/configs`, c.auth)).body.data.length).toBeGreaterThan(1);
  });
});

describe('Kafka REST v3: consumer assignments and reassignments', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  let v3: string;
  beforeAll(async () => {
    t = await TestEmulator.start();
    c = await kafkaCluster(t);
    v3 = `/kafka/v3/clusters/${c.id}`;
    await t.post(`${v3}/topics`, { topic_name: 'a', partitions_count: 4 }, c.auth);
    const v2 = { ...c.auth, 'content-type': 'application/vnd.kafka.v2+json' };
    for (const name of ['m1', 'm2']) {
      const inst = (await t.post('/consumers/grp', { name }, v2)).body;
      await t.post(`${new URL(inst.base_uri).pathname}/subscription`, { topics: ['a'] }, v2);
    }
  });
  afterAll(() => t.close());

  it('shares the partitions of a subscribed topic out between the group’s members', async () => {
    const m1 = (await t.get(`${v3}/consumer-groups/grp/consumers/m1/assignments`, c.auth)).body.data.map((a: any) => a.partition_id);
    const m2 = (await t.get(`${v3}/consumer-groups/grp/consumers/m2/assignments`, c.auth)).body.data.map((a: any) => a.partition_id);
    expect([...m1, ...m2].sort()).toEqual([0, 1, 2, 3]);
    expect(m1).toHaveLength(2);
    const one = await t.get(`${v3}/consumer-groups/grp/consumers/m1/assignments/a/partitions/${m1[0]}`, c.auth);
    expect(one.body).toMatchObject({ kind: 'KafkaConsumerAssignment', consumer_id: 'm1', topic_name: 'a' });
    expect((await t.get(`${v3}/consumer-groups/grp/consumers/m1/assignments/a/partitions/${m2[0]}`, c.auth)).status).toBe(404);
  });

  it('never has a reassignment in progress', async () => {
    expect((await t.get(`${v3}/topics/-/partitions/-/reassignment`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/topics/a/partitions/-/reassignment`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/topics/a/partitions/0/reassignment`, c.auth)).status).toBe(404);
  });
});

describe('Kafka REST v3: Avro records through the environment\'s Schema Registry', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('encodes with a schema given inline, by id or by the subject\'s latest version; refuses per record without a registry', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    await t.post(`${v3}/topics`, { topic_name: 'avro', partitions_count: 1 }, c.auth);
    const schema = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'n', type: 'int' }] });
    const none = await t.post(`${v3}/topics/avro/records`, { value: { type: 'AVRO', schema, data: { n: 1 } } }, c.auth);
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ error_code: 40801 });

    await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: c.org.env }, region: { id: 'sgreg-1' } } }, { authorization: c.orgAuth });
    const inline = await t.post(`${v3}/topics/avro/records`, { value: { type: 'AVRO', schema, data: { n: 1 } } }, c.auth);
    expect(inline.body).toMatchObject({ error_code: 200, value: { type: 'AVRO' } });
    const latest = await t.post(`${v3}/topics/avro/records`, { value: { type: 'AVRO', data: { n: 2 } } }, c.auth);
    expect(latest.body).toMatchObject({ error_code: 200, offset: 1 });
    const [first] = t.rt.kafka.read(c.id, 'avro', 0, 0, 1);
    const id = first.value!.readUInt32BE(1);
    expect((await t.post(`${v3}/topics/avro/records`, { value: { schema_id: id, data: { n: 3 } } }, c.auth)).body.error_code).toBe(200);
    expect((await t.post(`${v3}/topics/avro/records`, { value: { schema_id: id, data: { n: 'x' } } }, c.auth)).body.error_code).toBe(42205);
    expect((await t.post(`${v3}/topics/avro/records`, { value: { type: 'PROTOBUF', data: {} } }, c.auth)).body.error_code).toBe(400);
  });
});

describe('Kafka REST v3: a settled, balanced cluster (Confluent Platform operations)', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('reports the balancer enabled and balanced, no broker task or removal, one cell', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    expect((await t.get(`${v3}/balancer`, c.auth)).body).toMatchObject({ kind: 'KafkaBalancerStatus', status: 'ENABLED' });
    expect((await t.get(`${v3}/balancer/any-uneven-load`, c.auth)).body).toMatchObject({ status: 'BALANCED' });
    expect((await t.get(`${v3}/brokers/-/tasks`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/brokers/-/tasks/remove-broker`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/brokers/1/tasks`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/brokers/9/tasks`, c.auth)).status).toBe(404);
    expect((await t.get(`${v3}/brokers/1/tasks/remove-broker`, c.auth)).status).toBe(404);
    expect((await t.get(`${v3}/remove-broker-tasks`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/remove-broker-tasks/1`, c.auth)).status).toBe(404);
    expect((await t.get(`${v3}/cells`, c.auth)).body.cells[0].brokers).toEqual([0, 1, 2]);
  });

  it('removes brokers as a remove-broker task that runs on the clock and fails: two brokers cannot hold replication factor 3', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    const started = await t.request('DELETE', `${v3}/brokers/1?should_shutdown=false`, undefined, c.auth);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'KafkaBrokerRemoval', broker_id: 1, broker_task: { related: `http://emulator.test${v3}/brokers/1/tasks/remove-broker` } });

    const running = await t.get(`${v3}/brokers/1/tasks/remove-broker`, c.auth);
    expect(running.body).toMatchObject({ task_type: 'remove-broker', task_status: 'IN_PROGRESS', shutdown_scheduled: false, error_code: null });
    expect(running.body.sub_task_statuses.partition_reassignment_status).toBe('IN_PROGRESS');
    expect((await t.get(`${v3}/remove-broker-tasks/1`, c.auth)).body).toMatchObject({ partition_reassignment_status: 'IN_PROGRESS', broker_shutdown_status: 'PENDING' });
    // Asking again while it runs answers the same task.
    expect((await t.request('DELETE', `${v3}/brokers/1`, undefined, c.auth)).status).toBe(202);
    expect((await t.get(`${v3}/brokers/1/tasks/remove-broker`, c.auth)).body.created_at).toBe(running.body.created_at);

    await t.post('/_emulator/clock/advance', { seconds: 6 });
    const failed = await t.get(`${v3}/brokers/1/tasks/remove-broker`, c.auth);
    expect(failed.body).toMatchObject({ task_status: 'FAILED', error_code: 400, sub_task_statuses: { partition_reassignment_status: 'FAILED', broker_shutdown_status: 'CANCELED' } });
    expect(failed.body.error_message).toMatch(/replication factor 3/);
    expect((await t.get(`${v3}/remove-broker-tasks`, c.auth)).body.data).toMatchObject([{ broker_id: 1, partition_reassignment_status: 'FAILED' }]);
    // The broker stays in service.
    expect((await t.get(`${v3}/brokers`, c.auth)).body.data.map((b: any) => b.broker_id)).toEqual([0, 1, 2]);

    const several = await t.post(`${v3}/brokers:delete`, { broker_ids: [0, 2] }, c.auth);
    expect(several.status).toBe(202);
    expect(several.body.data.map((r: any) => r.broker_id)).toEqual([0, 2]);
    expect((await t.get(`${v3}/brokers/-/tasks`, c.auth)).body.data.map((x: any) => [x.broker_id, x.task_status])).toEqual([[0, 'IN_PROGRESS'], [1, 'FAILED'], [2, 'IN_PROGRESS']]);
    expect((await t.get(`${v3}/brokers/-/tasks/add-broker`, c.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3}/brokers/-/tasks/move-broker`, c.auth)).status).toBe(400);

    expect((await t.request('DELETE', `${v3}/brokers/7`, undefined, c.auth)).body).toMatchObject({ error_code: 404 });
    const unknownInBatch = await t.post(`${v3}/brokers:delete`, { broker_ids: [0, 7] }, c.auth);
    expect(unknownInBatch.status).toBe(404);
  });

  it('unregisters a known broker (202) and answers 404102 for an unknown one', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    const ok = await t.post(`${v3}/brokers/2:unregister`, undefined, c.auth);
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual({ cluster_id: c.id, broker_id: 2 });
    const unknown = await t.post(`${v3}/brokers/9:unregister`, undefined, c.auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error_code: 404102, message: 'The given broker ID was not registered in the cluster.' });
  });

  it('stores broker replica exclusions; deleting an absent one is 404 with the per-broker results', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    const created = await t.post(`${v3}/broker-replica-exclusions:create`, { data: [{ broker_id: 1, reason: 'maintenance' }] }, c.auth);
    expect(created.status).toBe(201);
    expect(created.body.data[0]).toMatchObject({ broker_id: 1, exclusion: 'SET', error_code: null });
    expect((await t.get(`${v3}/broker-replica-exclusions`, c.auth)).body.data.map((e: any) => e.broker_id)).toEqual([1]);
    expect((await t.get(`${v3}/broker-replica-exclusions/1`, c.auth)).body.reason).toBe('maintenance');
    expect((await t.post(`${v3}/broker-replica-exclusions:create`, { data: [{ broker_id: -10, reason: 'x' }] }, c.auth)).body).toEqual({ error_code: 400, message: 'The given broker id -10 is invalid' });
    const deleted = await t.post(`${v3}/broker-replica-exclusions:delete`, { data: [{ broker_id: 1, reason: 'done' }, { broker_id: 2, reason: 'done' }] }, c.auth);
    expect(deleted.status).toBe(404);
    expect(deleted.body.data.map((e: any) => e.error_code)).toEqual([null, 404]);
    expect((await t.get(`${v3}/broker-replica-exclusions/1`, c.auth)).status).toBe(404);
  });
});
