import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressionTypes } from 'kafkajs';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { decodeRecordSet } from '../../src/kafka-protocol/records/batch.js';
import { partitionForKey } from '../../src/core/partitioner.js';
import { RawConnection, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

/** A raw Fetch v11 of one partition; answers its error code, high watermark and decoded records. */
async function rawFetch(env: KafkaEnv, topic: string, partition: number, offset: number, opts: { maxWaitMs?: number; minBytes?: number; maxBytes?: number } = {}) {
  const raw = await RawConnection.open(env.port);
  try {
    expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
    raw.send(
      requestFrame(1, 11, 7, (w) => {
        w.int32(-1).int32(opts.maxWaitMs ?? 0).int32(opts.minBytes ?? 1).int32(0x7fffffff).int8(0).int32(0).int32(-1);
        w.array([topic], (w, t) => {
          w.string(t);
          w.array([partition], (w, p) => w.int32(p).int32(-1).int64(offset).int64(-1).int32(opts.maxBytes ?? 1048576));
        });
        w.array([], () => {});
        w.string('');
      }),
    );
    const r = new Reader((await raw.frame(10_000))!);
    expect(r.int32()).toBe(7);
    r.int32(); // throttle
    expect(r.int16()).toBe(0);
    r.int32(); // session
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => {
        const index = r.int32();
        const errorCode = r.int16();
        const highWatermark = r.int64();
        r.int64();
        r.int64();
        r.array(() => {});
        r.int32();
        const records = r.nullableBytes();
        return { index, errorCode, highWatermark, records };
      }),
    }));
    const p = topics[0].partitions[0];
    expect(p.records).not.toBeNull();
    const batches = decodeRecordSet(p.records!);
    const records = batches.flatMap((b) => b.records.map((rec, i) => ({ ...rec, offset: b.baseOffset + i, logAppendTime: (b.attributes & 0x08) !== 0 })));
    return { errorCode: p.errorCode, highWatermark: p.highWatermark, records };
  } finally {
    raw.close();
  }
}

describe('Kafka protocol: topics, produce and fetch with kafkajs', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
  });
  afterAll(() => env.close());

  it('creates, lists and deletes topics with the admin client; they appear in Kafka REST v3', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    try {
      expect(await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] })).toBe(true);
      expect(await admin.listTopics()).toContain('orders');
      const v3 = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/orders`, undefined, env.restAuth);
      expect(v3.status).toBe(200);
      expect(v3.body.partitions_count).toBe(3);
      const cfg = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/orders/configs/retention.ms`, undefined, env.restAuth);
      expect(cfg.body.value).toBe('3600000');
      // validate_only creates nothing; a replication factor other than 3 is refused as v3 refuses it.
      await admin.createTopics({ validateOnly: true, waitForLeaders: false, topics: [{ topic: 'dry-run', numPartitions: 1 }] });
      expect(await admin.listTopics()).not.toContain('dry-run');
      const refused = await admin.createTopics({ topics: [{ topic: 'rf1', numPartitions: 1, replicationFactor: 1 }] }).catch((e) => e);
      expect(refused.errors[0]).toMatchObject({ type: 'INVALID_REPLICATION_FACTOR', topic: 'rf1' });
      await expect(admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 1 }] })).resolves.toBe(false);
      await admin.createPartitions({ topicPartitions: [{ topic: 'orders', count: 4 }] });
      expect((await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/orders`, undefined, env.restAuth)).body.partitions_count).toBe(4);
      const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: 'orders', configNames: ['retention.ms', 'cleanup.policy'] }] });
      const entries = Object.fromEntries(described.resources[0].configEntries.map((e) => [e.configName, e.configValue]));
      expect(entries).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'delete' });
      await admin.deleteTopics({ topics: ['orders'] });
      expect(await admin.listTopics()).not.toContain('orders');
      expect((await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/orders`, undefined, env.restAuth)).status).toBe(404);
    } finally {
      await admin.disconnect();
    }
  });

  it('Metadata does not auto-create topics and names the cluster and its one broker', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    try {
      await expect(admin.fetchTopicMetadata({ topics: ['no-such-topic'] })).rejects.toThrow(/does not host this topic-partition/);
      expect(await admin.listTopics()).not.toContain('no-such-topic');
      const cluster = await admin.describeCluster();
      expect(cluster.clusterId).toBe(env.clusterId);
      expect(cluster.brokers).toEqual([{ nodeId: 0, host: env.host, port: env.port }]);
      expect(cluster.controller).toBe(0);
    } finally {
      await admin.disconnect();
    }
  });

  it('puts keyed records on the murmur2 partition and they are fetched back with keys, headers and timestamps', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'keyed', numPartitions: 6 }] });
    await admin.disconnect();
    const producer = env.kafka().producer();
    await producer.connect();
    const messages = Array.from({ length: 30 }, (_, i) => ({ key: `key-${i}`, value: `value-${i}`, headers: { h: `hv-${i}` }, timestamp: String(1_700_000_000_000 + i) }));
    const acks = await producer.send({ topic: 'keyed', acks: -1, messages });
    await producer.disconnect();
    expect(acks.every((a) => a.errorCode === 0)).toBe(true);
    for (let p = 0; p < 6; p++) {
      const expected = messages.filter((m) => partitionForKey(Buffer.from(m.key), 6) === p);
      const fetched = await rawFetch(env, 'keyed', p, 0);
      expect(fetched.highWatermark).toBe(expected.length);
      expect(fetched.records.map((r) => r.key!.toString())).toEqual(expected.map((m) => m.key));
      expect(fetched.records.map((r) => r.value!.toString())).toEqual(expected.map((m) => m.value));
      expect(fetched.records.map((r) => r.headers[0].value!.toString())).toEqual(expected.map((m) => m.headers.h));
      expect(fetched.records.map((r) => r.timestamp)).toEqual(expected.map((m) => Number(m.timestamp)));
    }
    const offsets = await (async () => {
      const a = env.kafka().admin();
      await a.connect();
      try {
        return { latest: await a.fetchTopicOffsets('keyed'), byTime: await a.fetchTopicOffsetsByTimestamp('keyed', 1_700_000_000_015) };
      } finally {
        await a.disconnect();
      }
    })();
    for (const o of offsets.latest) expect(Number(o.high)).toBe(messages.filter((m) => partitionForKey(Buffer.from(m.key), 6) === o.partition).length);
    for (const o of offsets.byTime) {
      const inPartition = messages.filter((m) => partitionForKey(Buffer.from(m.key), 6) === o.partition);
      const first = inPartition.findIndex((m) => Number(m.timestamp) >= 1_700_000_000_015);
      expect(Number(o.offset)).toBe(first === -1 ? inPartition.length : first);
    }
  });

  it('produces with gzip and LogAppendTime topics stamp the broker time', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'stamped', numPartitions: 1, configEntries: [{ name: 'message.timestamp.type', value: 'LogAppendTime' }] }] });
    await admin.disconnect();
    const producer = env.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'stamped', compression: CompressionTypes.GZIP, messages: [{ value: 'a', timestamp: '1000' }, { value: 'b', timestamp: '2000' }] });
    await producer.disconnect();
    const fetched = await rawFetch(env, 'stamped', 0, 0);
    expect(fetched.records.map((r) => r.value!.toString())).toEqual(['a', 'b']);
    expect(fetched.records.every((r) => r.logAppendTime && r.timestamp > 1_000_000_000_000)).toBe(true);
  });

  it('long-polls a fetch until a record arrives, and answers OFFSET_OUT_OF_RANGE past the end', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'polled', numPartitions: 1 }] });
    await admin.disconnect();
    const started = Date.now();
    const pending = rawFetch(env, 'polled', 0, 0, { maxWaitMs: 5000, minBytes: 1 });
    await new Promise((r) => setTimeout(r, 200));
    const produced = await env.http('POST', `/kafka/v3/clusters/${env.clusterId}/topics/polled/records`, { value: { type: 'STRING', data: 'late' } }, env.restAuth);
    expect(produced.status).toBe(200);
    const fetched = await pending;
    expect(Date.now() - started).toBeLessThan(4000);
    expect(fetched.records.map((r) => r.value!.toString())).toEqual(['"late"'.slice(1, -1)]);
    const immediate = Date.now();
    expect((await rawFetch(env, 'polled', 0, 1, { maxWaitMs: 5000, minBytes: 0 })).records).toEqual([]);
    expect(Date.now() - immediate).toBeLessThan(2500); // min_bytes 0 answers at once
    const empty = await rawFetch(env, 'polled', 0, 1, { maxWaitMs: 100 });
    expect(empty.records).toEqual([]);
    expect((await rawFetch(env, 'polled', 0, 5)).errorCode).toBe(1);
  });
});
