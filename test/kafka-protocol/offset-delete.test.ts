import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { authenticatedConnection, createTopics, requestFrame, startKafkaEnv, type KafkaEnv, type RawConnection } from './support.js';

/** OffsetDelete: committed offsets of some partitions go, unless the group consumes the topic. */
describe('Kafka protocol OffsetDelete', () => {
  let env: KafkaEnv;
  let raw: RawConnection;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, { topic: 'od-a', numPartitions: 2 }, 'od-b');
    raw = await authenticatedConnection(env);
    // OffsetCommit v2 outside any generation, as an admin tool commits.
    const commits: Array<[string, Array<[number, number]>]> = [['od-a', [[0, 5], [1, 7]]], ['od-b', [[0, 3]]]];
    raw.send(requestFrame(8, 2, 4, (w) => w.string('od').int32(-1).string('').int64(-1).array(commits, (w, [name, parts]) => w.string(name).array(parts, (w, [p, o]) => w.int32(p).int64(o).nullableString(null)))));
    expect(await raw.frame()).toBeDefined();
  });
  afterAll(async () => {
    raw?.close();
    await env.close();
  });

  const offsetDelete = async (groupId: string, topics: Array<[string, number[]]>) => {
    raw.send(requestFrame(47, 0, 5, (w) => w.string(groupId).array(topics, (w, [name, parts]) => w.string(name).array(parts, (w, p) => w.int32(p)))));
    const r = new Reader((await raw.frame())!);
    r.int32();
    const errorCode = r.int16();
    r.int32();
    return { errorCode, topics: r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), errorCode: r.int16() })) })) };
  };
  /** OffsetFetch v1 of od-a's and od-b's partitions: `topic -> offsets`. */
  const committed = async (groupId: string) => {
    const topics: Array<[string, number[]]> = [['od-a', [0, 1]], ['od-b', [0]]];
    raw.send(requestFrame(9, 1, 6, (w) => w.string(groupId).array(topics, (w, [name, parts]) => w.string(name).array(parts, (w, p) => w.int32(p)))));
    const r = new Reader((await raw.frame())!);
    r.int32();
    return r.array((r) => [r.string(), r.array((r) => { r.int32(); const offset = r.int64(); r.nullableString(); r.int16(); return offset; }).join(',')]);
  };

  it('deletes the committed offsets asked for and keeps the others', async () => {
    expect(await offsetDelete('od', [['od-a', [0]], ['missing', [0]]])).toEqual({
      errorCode: 0,
      topics: [
        { name: 'od-a', partitions: [{ index: 0, errorCode: 0 }] },
        { name: 'missing', partitions: [{ index: 0, errorCode: 3 }] },
      ],
    });
    expect(await committed('od')).toEqual([
      ['od-a', '-1,7'],
      ['od-b', '3'],
    ]);
    expect((await offsetDelete('nobody', [['od-a', [0]]])).errorCode).toBe(69);
  });

  it('refuses the partitions of a topic the group consumes (GROUP_SUBSCRIBED_TO_TOPIC)', async () => {
    const consumer = env.kafka().consumer({ groupId: 'od-live' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'od-a', fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({ eachMessage: async () => {} });
    await joined;
    try {
      expect(await offsetDelete('od-live', [['od-a', [0]], ['od-b', [0]]])).toEqual({
        errorCode: 0,
        topics: [
          { name: 'od-a', partitions: [{ index: 0, errorCode: 86 }] },
          { name: 'od-b', partitions: [{ index: 0, errorCode: 0 }] },
        ],
      });
    } finally {
      await consumer.disconnect();
    }
  });
});
