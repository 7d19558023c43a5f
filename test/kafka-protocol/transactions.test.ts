import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consumer, Producer } from 'kafkajs';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { decodeRecordSet } from '../../src/kafka-protocol/records/batch.js';
import { authenticatedConnection, createTopics, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Seen {
  offset: number;
  value: string;
}

/** A kafkajs consumer of one topic from the beginning, read_committed unless `readUncommitted`. */
async function startReader(env: KafkaEnv, topic: string, opts: { readUncommitted?: boolean; groupId?: string } = {}) {
  const seen: Seen[] = [];
  const consumer: Consumer = env.kafka().consumer({ groupId: opts.groupId ?? `reader-${topic}-${Math.random().toString(36).slice(2)}`, readUncommitted: opts.readUncommitted ?? false, maxWaitTimeInMs: 100, heartbeatInterval: 100, retry: { retries: 0 } });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void seen.push({ offset: Number(message.offset), value: message.value!.toString() }) });
  const until = async (pred: (s: Seen[]) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pred(seen)) {
      if (Date.now() > deadline) throw new Error(`timed out; seen ${JSON.stringify(seen)}`);
      await sleep(25);
    }
    return seen;
  };
  return { seen, until, stop: () => consumer.disconnect() };
}

async function transactionalProducer(env: KafkaEnv, transactionalId: string, transactionTimeout?: number): Promise<Producer> {
  const producer = env.kafka().producer({ transactionalId, maxInFlightRequests: 1, idempotent: true, retry: { retries: 1, initialRetryTime: 50 }, ...(transactionTimeout ? { transactionTimeout } : {}) });
  await producer.connect();
  return producer;
}

/** A raw request on an authenticated connection; answers the response body after the correlation id. */
async function rawRequest(env: KafkaEnv, apiKey: number, version: number, body: (w: import('../../src/kafka-protocol/codec/writer.js').Writer) => void): Promise<Reader> {
  const raw = await authenticatedConnection(env);
  try {
    raw.send(requestFrame(apiKey, version, 42, body));
    const r = new Reader((await raw.frame(10_000))!);
    expect(r.int32()).toBe(42);
    return r;
  } finally {
    raw.close();
  }
}

/** ListOffsets v2 latest of partition 0 with the isolation level. */
async function latestOffset(env: KafkaEnv, topic: string, isolationLevel: 0 | 1): Promise<number> {
  const r = await rawRequest(env, 2, 2, (w) => {
    w.int32(-1).int8(isolationLevel);
    w.array([topic], (w, t) => {
      w.string(t);
      w.array([0], (w, p) => w.int32(p).int64(-1));
    });
  });
  r.int32();
  const [t] = r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), errorCode: r.int16(), timestamp: r.int64(), offset: r.int64() })) }));
  expect(t.partitions[0].errorCode).toBe(0);
  return t.partitions[0].offset;
}

/** A raw Fetch v11 of partition 0 from `offset`: the last stable offset, the aborted transactions and the batches. */
async function rawFetch(env: KafkaEnv, topic: string, offset: number, isolationLevel: 0 | 1) {
  const r = await rawRequest(env, 1, 11, (w) => {
    w.int32(-1).int32(0).int32(0).int32(0x7fffffff).int8(isolationLevel).int32(0).int32(-1);
    w.array([topic], (w, t) => {
      w.string(t);
      w.array([0], (w, p) => w.int32(p).int32(-1).int64(offset).int64(-1).int32(1048576));
    });
    w.array([], () => {});
    w.string('');
  });
  r.int32();
  expect(r.int16()).toBe(0);
  r.int32();
  const [t] = r.array((r) => ({
    name: r.string(),
    partitions: r.array((r) => {
      const index = r.int32();
      const errorCode = r.int16();
      const highWatermark = r.int64();
      const lastStableOffset = r.int64();
      r.int64();
      const aborted = r.nullableArray((r) => ({ producerId: r.int64(), firstOffset: r.int64() }));
      r.int32();
      const records = r.nullableBytes();
      return { index, errorCode, highWatermark, lastStableOffset, aborted, batches: decodeRecordSet(records!) };
    }),
  }));
  return t.partitions[0];
}

describe('Kafka protocol: transactions', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'committed', 'aborted', 'offsets-in', 'fenced', 'open', 'rest-read', 'expired', 'unadded');
  });
  afterAll(() => env.close());

  it('a committed transaction is visible to a read_committed consumer, without its marker', async () => {
    const producer = await transactionalProducer(env, 'tx-commit');
    const txn = await producer.transaction();
    await txn.send({ topic: 'committed', messages: [{ value: 'one' }, { value: 'two' }] });
    await txn.commit();
    await producer.disconnect();
    const reader = await startReader(env, 'committed');
    expect(await reader.until((s) => s.length >= 2)).toEqual([
      { offset: 0, value: 'one' },
      { offset: 1, value: 'two' },
    ]);
    await sleep(200);
    expect(reader.seen).toHaveLength(2);
    await reader.stop();
    // The COMMIT marker takes an offset, as in Kafka.
    expect(await latestOffset(env, 'committed', 0)).toBe(3);
    const fetched = await rawFetch(env, 'committed', 0, 1);
    expect(fetched.batches.map((b) => ({ count: b.records.length, transactional: b.transactional, control: b.control }))).toEqual([
      { count: 2, transactional: true, control: false },
      { count: 1, transactional: true, control: true },
    ]);
    expect(fetched.batches[1].records[0].key).toEqual(Buffer.from([0, 0, 0, 1])); // COMMIT
  });

  it('an aborted transaction is dropped by read_committed consumers, shown to read_uncommitted ones, and offsets advance past the marker', async () => {
    const producer = await transactionalProducer(env, 'tx-abort');
    const aborted = await producer.transaction();
    await aborted.send({ topic: 'aborted', messages: [{ value: 'a1' }, { value: 'a2' }, { value: 'a3' }] });
    await aborted.abort();
    const committed = await producer.transaction();
    await committed.send({ topic: 'aborted', messages: [{ value: 'kept' }] });
    await committed.commit();
    await producer.disconnect();

    const fetched = await rawFetch(env, 'aborted', 0, 1);
    expect(fetched.aborted).toEqual([{ producerId: fetched.batches[0].producerId, firstOffset: 0 }]);
    expect(fetched.highWatermark).toBe(6);

    const committedReader = await startReader(env, 'aborted');
    const uncommittedReader = await startReader(env, 'aborted', { readUncommitted: true });
    expect(await committedReader.until((s) => s.length >= 1)).toEqual([{ offset: 4, value: 'kept' }]);
    expect(await uncommittedReader.until((s) => s.length >= 4)).toEqual([
      { offset: 0, value: 'a1' },
      { offset: 1, value: 'a2' },
      { offset: 2, value: 'a3' },
      { offset: 4, value: 'kept' },
    ]);
    await sleep(200);
    expect(committedReader.seen).toHaveLength(1);
    await Promise.all([committedReader.stop(), uncommittedReader.stop()]);
    // Both markers count: 3 aborted, ABORT, 1 kept, COMMIT.
    expect(await latestOffset(env, 'aborted', 1)).toBe(6);
    const v2 = await env.http('GET', '/topics/aborted/partitions/0/offsets', undefined, env.restAuth);
    expect(v2.body).toEqual({ beginning_offset: 0, end_offset: 6 });
  });

  it("sendOffsets and commit make the offsets the group's committed ones (over Kafka REST v3 lag); before the commit the group has none", async () => {
    const plain = env.kafka().producer();
    await plain.connect();
    await plain.send({ topic: 'offsets-in', messages: [{ value: 'x' }, { value: 'y' }, { value: 'z' }] });
    await plain.disconnect();
    const admin = env.kafka({ extra: { retry: { retries: 3, initialRetryTime: 50 } } }).admin();
    await admin.connect();
    const producer = await transactionalProducer(env, 'tx-offsets');
    const txn = await producer.transaction();
    await txn.send({ topic: 'committed', messages: [{ value: 'derived' }] });
    await txn.sendOffsets({ consumerGroupId: 'txn-group', topics: [{ topic: 'offsets-in', partitions: [{ partition: 0, offset: '2' }] }] });
    const before = await admin.fetchOffsets({ groupId: 'txn-group', topics: ['offsets-in'] });
    expect(before[0].partitions[0].offset).toBe('-1');
    await txn.commit();
    await producer.disconnect();
    const after = await admin.fetchOffsets({ groupId: 'txn-group', topics: ['offsets-in'] });
    expect(after[0].partitions[0].offset).toBe('2');
    await admin.disconnect();
    const lags = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/consumer-groups/txn-group/lags`, undefined, env.restAuth);
    expect(lags.status, JSON.stringify(lags.body)).toBe(200);
    expect(lags.body.data.map((l: any) => [l.topic_name, l.partition_id, l.current_offset, l.log_end_offset, l.lag])).toEqual([['offsets-in', 0, 2, 3, 1]]);
  });

  it('an aborted transaction leaves its offsets uncommitted', async () => {
    const producer = await transactionalProducer(env, 'tx-offsets-aborted');
    const txn = await producer.transaction();
    await txn.sendOffsets({ consumerGroupId: 'txn-group-aborted', topics: [{ topic: 'offsets-in', partitions: [{ partition: 0, offset: '3' }] }] });
    await txn.abort();
    await producer.disconnect();
    const admin = env.kafka({ extra: { retry: { retries: 3, initialRetryTime: 50 } } }).admin();
    await admin.connect();
    expect((await admin.fetchOffsets({ groupId: 'txn-group-aborted', topics: ['offsets-in'] }))[0].partitions[0].offset).toBe('-1');
    await admin.disconnect();
  });

  it('a second producer with the same transactional id fences the first and aborts its open transaction', async () => {
    const first = await transactionalProducer(env, 'tx-fence');
    const stale = await first.transaction();
    await stale.send({ topic: 'fenced', messages: [{ value: 'from the first' }] });
    const second = await transactionalProducer(env, 'tx-fence');
    const txn = await second.transaction();
    await txn.send({ topic: 'fenced', messages: [{ value: 'from the second' }] });
    await txn.commit();
    await expect(stale.send({ topic: 'fenced', messages: [{ value: 'late' }] })).rejects.toMatchObject({ type: 'INVALID_PRODUCER_EPOCH' });
    await expect(stale.commit()).rejects.toMatchObject({ type: 'INVALID_PRODUCER_EPOCH' });
    await Promise.all([first.disconnect(), second.disconnect()]);
    const reader = await startReader(env, 'fenced');
    expect(await reader.until((s) => s.length >= 1)).toEqual([{ offset: 2, value: 'from the second' }]);
    await sleep(200);
    expect(reader.seen).toHaveLength(1);
    await reader.stop();
    // The first producer's record, the ABORT that fenced it, the second's record and its COMMIT.
    expect(await latestOffset(env, 'fenced', 0)).toBe(4);
  });

  it('an open transaction holds read_committed consumers at the last stable offset until it commits', async () => {
    const producer = await transactionalProducer(env, 'tx-open');
    const txn = await producer.transaction();
    await txn.send({ topic: 'open', messages: [{ value: 'pending-1' }, { value: 'pending-2' }] });
    const plain = env.kafka().producer();
    await plain.connect();
    await plain.send({ topic: 'open', messages: [{ value: 'plain' }] });
    await plain.disconnect();

    expect(await latestOffset(env, 'open', 1)).toBe(0);
    expect(await latestOffset(env, 'open', 0)).toBe(3);
    const held = await rawFetch(env, 'open', 0, 1);
    expect([held.lastStableOffset, held.highWatermark, held.batches.length]).toEqual([0, 3, 0]);

    const committedReader = await startReader(env, 'open');
    const uncommittedReader = await startReader(env, 'open', { readUncommitted: true });
    await uncommittedReader.until((s) => s.length >= 3);
    await sleep(300);
    expect(committedReader.seen).toEqual([]);
    await txn.commit();
    await producer.disconnect();
    expect((await committedReader.until((s) => s.length >= 3)).map((s) => s.value)).toEqual(['pending-1', 'pending-2', 'plain']);
    await Promise.all([committedReader.stop(), uncommittedReader.stop()]);
    expect(await latestOffset(env, 'open', 1)).toBe(4);
  });

  it('REST readers (REST Proxy v2 consumers, the emulator record listing) never show control records', async () => {
    const producer = await transactionalProducer(env, 'tx-rest');
    const aborted = await producer.transaction();
    await aborted.send({ topic: 'rest-read', messages: [{ value: 'dropped?' }] });
    await aborted.abort();
    const txn = await producer.transaction();
    await txn.send({ topic: 'rest-read', messages: [{ value: 'r1' }, { value: 'r2' }] });
    await txn.commit();
    await producer.disconnect();

    const inst = '/consumers/rest-txn/instances/c1';
    expect((await env.http('POST', '/consumers/rest-txn', { name: 'c1', format: 'binary', 'auto.offset.reset': 'earliest' }, env.restAuth)).status).toBe(200);
    expect((await env.http('POST', `${inst}/assignments`, { partitions: [{ topic: 'rest-read', partition: 0 }] }, env.restAuth)).status).toBe(204);
    const records = await env.http('GET', `${inst}/records`, undefined, env.restAuth);
    expect(records.status).toBe(200);
    // REST Proxy's consumer reads uncommitted (the Java client's default): the aborted record shows, the markers never.
    expect((records.body as any[]).map((r) => [r.offset, Buffer.from(r.value, 'base64').toString()])).toEqual([
      [0, 'dropped?'],
      [2, 'r1'],
      [3, 'r2'],
    ]);
    // The position moved past the last marker: committing it points after the COMMIT.
    expect((await env.http('POST', `${inst}/offsets`, undefined, env.restAuth)).status).toBe(200);
    const committed = await env.http('GET', `${inst}/offsets`, { partitions: [{ topic: 'rest-read', partition: 0 }] }, env.restAuth);
    expect(committed.body.offsets[0].offset).toBe(5);

    const listing = await env.http('GET', `/_emulator/kafka/clusters/${env.clusterId}/topics/rest-read/records?partition=0`, undefined, env.cloudAuth);
    expect(listing.status, JSON.stringify(listing.body)).toBe(200);
    expect(listing.body.data.map((r: any) => r.offset)).toEqual([0, 2, 3]);
  });

  it('a transaction open past its timeout is aborted by the emulator and its producer fenced', async () => {
    const producer = await transactionalProducer(env, 'tx-expire', 300);
    const txn = await producer.transaction();
    await txn.send({ topic: 'expired', messages: [{ value: 'too slow' }] });
    expect(await latestOffset(env, 'expired', 1)).toBe(0);
    await sleep(700);
    expect(await latestOffset(env, 'expired', 1)).toBe(2);
    await expect(txn.commit()).rejects.toMatchObject({ type: 'INVALID_PRODUCER_EPOCH' });
    await producer.disconnect();
    const fetched = await rawFetch(env, 'expired', 0, 1);
    expect(fetched.aborted).toHaveLength(1);
    expect(fetched.batches[1].control).toBe(true);
    expect(fetched.batches[1].records[0].key).toEqual(Buffer.from([0, 0, 0, 0])); // ABORT
  });

  it('refuses a transaction timeout above transaction.max.timeout.ms', async () => {
    const r = await rawRequest(env, 22, 1, (w) => w.nullableString('tx-long').int32(900_001));
    r.int32();
    expect(r.int16()).toBe(50); // INVALID_TRANSACTION_TIMEOUT
  });

  it('answers INVALID_TXN_STATE to a transactional batch for a partition not added, and to EndTxn with no transaction open', async () => {
    const init = await rawRequest(env, 22, 1, (w) => w.nullableString('tx-raw').int32(60_000));
    init.int32();
    expect(init.int16()).toBe(0);
    const producerId = init.int64();
    const epoch = init.int16();
    const end = await rawRequest(env, 26, 1, (w) => w.string('tx-raw').int64(producerId).int16(epoch).boolean(true));
    end.int32();
    expect(end.int16()).toBe(48);
    const stale = await rawRequest(env, 26, 2, (w) => w.string('tx-raw').int64(producerId).int16(epoch - 1 < 0 ? epoch + 1 : epoch - 1).boolean(true));
    stale.int32();
    expect(stale.int16()).toBe(90); // PRODUCER_FENCED from EndTxn v2 on
    // A hand-built transactional batch for a partition never added to the transaction is refused.
    const { Writer } = await import('../../src/kafka-protocol/codec/writer.js');
    const { encodeBatch } = await import('../../src/kafka-protocol/records/batch.js');
    const bw = new Writer(256);
    encodeBatch(bw, [{ offset: 0, timestamp: Date.now(), key: null, value: Buffer.from('v'), headers: [] }], false, undefined, { producerId, producerEpoch: epoch, transactional: true, control: false });
    const produced = await rawRequest(env, 0, 7, (w) => {
      w.nullableString('tx-raw').int16(-1).int32(5000);
      w.array(['unadded'], (w, t) => {
        w.string(t);
        w.array([0], (w, p) => w.int32(p).nullableBytes(bw.toBuffer()));
      });
    });
    const [t] = produced.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), errorCode: r.int16(), baseOffset: r.int64(), logAppendTime: r.int64(), logStartOffset: r.int64() })) }));
    expect(t.partitions[0].errorCode).toBe(48);
    expect(await latestOffset(env, 'unadded', 0)).toBe(0);
  });

  it('AddPartitionsToTxn fails as a whole for an unknown partition; TxnOffsetCommit needs the group added first', async () => {
    const init = await rawRequest(env, 22, 1, (w) => w.nullableString('tx-raw-2').int32(60_000));
    init.int32();
    expect(init.int16()).toBe(0);
    const producerId = init.int64();
    const epoch = init.int16();
    const added = await rawRequest(env, 24, 1, (w) => {
      w.string('tx-raw-2').int64(producerId).int16(epoch);
      w.array(['unadded', 'no-such-topic'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p)));
    });
    added.int32();
    const results = added.array((r) => ({ name: r.string(), partitions: r.array((r) => [r.int32(), r.int16()]) }));
    expect(results).toEqual([
      { name: 'unadded', partitions: [[0, 55]] }, // OPERATION_NOT_ATTEMPTED
      { name: 'no-such-topic', partitions: [[0, 3]] },
    ]);
    const committed = await rawRequest(env, 28, 2, (w) => {
      w.string('tx-raw-2').string('some-group').int64(producerId).int16(epoch);
      w.array(['unadded'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(1).int32(-1).nullableString(null)));
    });
    committed.int32();
    const [topic] = committed.array((r) => ({ name: r.string(), partitions: r.array((r) => [r.int32(), r.int16()]) }));
    expect(topic.partitions).toEqual([[0, 48]]);
  });
});

describe('Kafka protocol: transactional state across a restart', () => {
  it("keeps a transactional id's producer id and epoch; the transaction the old process left open blocks read_committed until the next InitProducerId aborts it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'txn-restart-'));
    const db = join(dir, 'store.db');
    try {
      const first = await startKafkaEnv({ db });
      await createTopics(first, 'persisted');
      const producer = await transactionalProducer(first, 'tx-restart');
      const txn = await producer.transaction();
      await txn.send({ topic: 'persisted', messages: [{ value: 'left open' }] });
      const before = await rawFetch(first, 'persisted', 0, 0);
      const { producerId, producerEpoch } = before.batches[0];
      await producer.disconnect();
      await first.close();

      const second = await startKafkaEnv({ db });
      const again: KafkaEnv = { ...second, key: first.key, secret: first.secret, clusterId: first.clusterId };
      try {
        expect(await latestOffset(again, 'persisted', 1)).toBe(0);
        const init = await rawRequest(again, 22, 1, (w) => w.nullableString('tx-restart').int32(60_000));
        init.int32();
        expect([init.int16(), init.int64(), init.int16()]).toEqual([0, producerId, producerEpoch + 1]);
        // The record and the ABORT marker; nothing left open.
        expect(await latestOffset(again, 'persisted', 1)).toBe(2);
        expect((await rawFetch(again, 'persisted', 0, 1)).aborted).toEqual([{ producerId, firstOffset: 0 }]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Kafka protocol: transactions on a mirror topic', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'mirrored');
  });
  afterAll(() => env.close());

  it('a mirror copies the source offsets with their markers: its readers skip them and read_committed drops the aborted records', async () => {
    const dst = await env.newCluster();
    const dstEnv: KafkaEnv = { ...env, clusterId: dst.clusterId, key: dst.key, secret: dst.secret, restAuth: `Basic ${Buffer.from(`${dst.key}:${dst.secret}`).toString('base64')}` };
    const v3 = `/kafka/v3/clusters/${dst.clusterId}`;
    const link = await env.http('POST', `${v3}/links?link_name=from-src`, { source_cluster_id: env.clusterId }, dstEnv.restAuth);
    expect(link.status, JSON.stringify(link.body)).toBe(204);
    const mirror = await env.http('POST', `${v3}/links/from-src/mirrors`, { source_topic_name: 'mirrored' }, dstEnv.restAuth);
    expect(mirror.status, JSON.stringify(mirror.body)).toBe(204);

    const producer = await transactionalProducer(env, 'tx-mirrored');
    const aborted = await producer.transaction();
    await aborted.send({ topic: 'mirrored', messages: [{ value: 'gone' }] });
    await aborted.abort();
    const txn = await producer.transaction();
    await txn.send({ topic: 'mirrored', messages: [{ value: 'kept' }] });
    await txn.commit();
    await producer.disconnect();

    const fetched = await rawFetch(dstEnv, 'mirrored', 0, 1);
    expect(fetched.highWatermark).toBe(4);
    expect(fetched.aborted).toEqual([{ producerId: fetched.batches[0].producerId, firstOffset: 0 }]);
    expect(fetched.batches.map((b) => [b.transactional, b.control])).toEqual([
      [true, false],
      [true, true],
      [true, false],
      [true, true],
    ]);
    const listing = await env.http('GET', `/_emulator/kafka/clusters/${dst.clusterId}/topics/mirrored/records?partition=0`, undefined, env.cloudAuth);
    expect(listing.body.data.map((r: any) => r.offset)).toEqual([0, 2]);
  });
});
