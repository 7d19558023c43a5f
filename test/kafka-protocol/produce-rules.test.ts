import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import CRC32C from 'crc-32/crc32c.js';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { encodeBatch } from '../../src/kafka-protocol/records/batch.js';
import { RawConnection, authenticatedConnection, createTopics, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

/** A batch of string values; with a producer id, an idempotent producer's batch (id, epoch 0, base sequence). */
function batch(values: string[], producer?: { id: number; sequence: number }): Buffer {
  const w = new Writer();
  encodeBatch(w, values.map((v, i) => ({ offset: i, timestamp: 1_700_000_000_000, key: null, value: Buffer.from(v), headers: [] })));
  const b = Buffer.from(w.toBuffer());
  if (producer) {
    b.writeBigInt64BE(BigInt(producer.id), 43);
    b.writeInt16BE(0, 51);
    b.writeInt32BE(producer.sequence, 53);
    b.writeUInt32BE(CRC32C.buf(b.subarray(21)) >>> 0, 17);
  }
  return b;
}

interface Answer {
  name: string;
  partitions: Array<{ index: number; errorCode: number; baseOffset: number }>;
}

let correlation = 100;

/** Produce v8 (acks -1) of record sets by topic and partition; answers every partition's result. */
async function produce(raw: RawConnection, topics: Array<[string, Array<[number, Buffer]>]>): Promise<Answer[]> {
  const id = ++correlation;
  raw.send(
    requestFrame(0, 8, id, (w) => {
      w.nullableString(null).int16(-1).int32(5000);
      w.array(topics, (w, [name, parts]) => w.string(name).array(parts, (w, [index, set]) => w.int32(index).bytes(set)));
    }),
  );
  const r = new Reader((await raw.frame())!);
  expect(r.int32()).toBe(id);
  return r.array((r) => ({
    name: r.string(),
    partitions: r.array((r) => {
      const p = { index: r.int32(), errorCode: r.int16(), baseOffset: r.int64() };
      r.int64();
      r.int64();
      r.array(() => undefined);
      r.nullableString();
      return p;
    }),
  }));
}

describe('Kafka Produce: per-topic lookups, mirror topics and idempotent retries', () => {
  let env: KafkaEnv;
  let raw: RawConnection;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, { topic: 'spread', numPartitions: 3 }, 'retried');
    raw = await authenticatedConnection(env);
  });
  afterAll(async () => {
    raw.close();
    await env.close();
  });

  it('answers each partition of a request with its own base offset, and an unknown topic beside a known one', async () => {
    const answer = await produce(raw, [
      ['spread', [[0, batch(['a', 'b'])], [2, batch(['c'])], [1, batch(['d', 'e', 'f'])], [7, batch(['g'])]]],
      ['nowhere', [[0, batch(['h'])]]],
    ]);
    expect(answer).toEqual([
      { name: 'spread', partitions: [{ index: 0, errorCode: 0, baseOffset: 0 }, { index: 2, errorCode: 0, baseOffset: 0 }, { index: 1, errorCode: 0, baseOffset: 0 }, { index: 7, errorCode: 3, baseOffset: -1 }] },
      { name: 'nowhere', partitions: [{ index: 0, errorCode: 3, baseOffset: -1 }] },
    ]);
    const again = await produce(raw, [['spread', [[0, batch(['i'])], [1, batch(['j'])]]]]);
    expect(again[0].partitions.map((p) => p.baseOffset)).toEqual([2, 3]);
  });

  it("stores an idempotent producer's retried batch once and answers the retry with the first base offset", async () => {
    const first = await produce(raw, [['retried', [[0, batch(['x', 'y'], { id: 4242, sequence: 0 })]]]]);
    const retry = await produce(raw, [['retried', [[0, batch(['x', 'y'], { id: 4242, sequence: 0 })]]]]);
    const next = await produce(raw, [['retried', [[0, batch(['z'], { id: 4242, sequence: 2 })]]]]);
    expect([first, retry, next].map((a) => a[0].partitions[0])).toEqual([
      { index: 0, errorCode: 0, baseOffset: 0 },
      { index: 0, errorCode: 0, baseOffset: 0 },
      { index: 0, errorCode: 0, baseOffset: 2 },
    ]);
    const admin = env.kafka().admin();
    await admin.connect();
    expect((await admin.fetchTopicOffsets('retried'))[0].high).toBe('3');
    await admin.disconnect();
  });

  it('refuses records for a mirror topic (INVALID_REQUEST, nothing stored) and feeds the mirror from its source', async () => {
    const dst = await env.newCluster();
    const dstAuth = `Basic ${Buffer.from(`${dst.key}:${dst.secret}`).toString('base64')}`;
    await createTopics(env, 'orders');
    const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="${env.key}" password="${env.secret}";`;
    const link = await env.http('POST', `/kafka/v3/clusters/${dst.clusterId}/links?link_name=from-src`, { source_cluster_id: env.clusterId, configs: [{ name: 'sasl.jaas.config', value: jaas }] }, dstAuth);
    expect(link.status, JSON.stringify(link.body)).toBe(204);
    const mirror = await env.http('POST', `/kafka/v3/clusters/${dst.clusterId}/links/from-src/mirrors`, { source_topic_name: 'orders' }, dstAuth);
    expect(mirror.status, JSON.stringify(mirror.body)).toBe(204);

    const onDst = await RawConnection.open(env.port);
    expect(await rawAuthenticate(onDst, dst.key, dst.secret)).toBe(0);
    const refused = await produce(onDst, [['orders', [[0, batch(['not here'])]]]]);
    expect(refused[0].partitions[0]).toMatchObject({ errorCode: 42, baseOffset: -1 });
    onDst.close();

    const fed = await produce(raw, [['orders', [[0, batch(['one', 'two'])]]]]);
    expect(fed[0].partitions[0]).toMatchObject({ errorCode: 0, baseOffset: 0 });
    const lags = await env.http('GET', `/kafka/v3/clusters/${dst.clusterId}/links/from-src/mirrors/orders`, undefined, dstAuth);
    expect(lags.body.mirror_lags.map((l: { last_source_fetch_offset: number }) => l.last_source_fetch_offset)).toEqual([2]);
    // The mirror holds the source's two records, not the one refused.
    const admin = env.kafka({ username: dst.key, password: dst.secret }).admin();
    await admin.connect();
    expect((await admin.fetchTopicOffsets('orders'))[0].high).toBe('2');
    await admin.disconnect();
  });
});
