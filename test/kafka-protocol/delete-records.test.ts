import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { authenticatedConnection, createTopics, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

/** DeleteRecords: the low watermark moves for every transport; the end offset never goes back. */
describe('Kafka protocol DeleteRecords', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'trimmed');
    const producer = env.kafka().producer();
    await producer.connect();
    await producer.send({ topic: 'trimmed', messages: Array.from({ length: 10 }, (_, i) => ({ value: `v${i}` })) });
    await producer.disconnect();
  });
  afterAll(() => env.close());

  const v2Offsets = async () => (await env.http('GET', `/topics/trimmed/partitions/0/offsets`, undefined, env.restAuth)).body;

  it('deletes records below an offset: ListOffsets, REST Proxy v2 and consumers start there', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    try {
      expect((await admin.fetchTopicOffsets('trimmed'))[0]).toMatchObject({ low: '0', high: '10' }); // also loads kafkajs' metadata
      await admin.deleteTopicRecords({ topic: 'trimmed', partitions: [{ partition: 0, offset: '4' }] });
      expect(await admin.fetchTopicOffsetsByTimestamp('trimmed', 0)).toEqual([{ partition: 0, offset: '4' }]);
      const [offsets] = await admin.fetchTopicOffsets('trimmed');
      expect(offsets).toMatchObject({ low: '4', high: '10' });
      expect(await v2Offsets()).toEqual({ beginning_offset: 4, end_offset: 10 });
      // A lower offset than the current start changes nothing.
      await admin.deleteTopicRecords({ topic: 'trimmed', partitions: [{ partition: 0, offset: '2' }] });
      expect((await admin.fetchTopicOffsets('trimmed'))[0]).toMatchObject({ low: '4', high: '10' });
    } finally {
      await admin.disconnect();
    }
    const consumer = env.kafka().consumer({ groupId: 'trimmed-readers' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'trimmed', fromBeginning: true });
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(`${message.offset}:${message.value}`);
          if (seen.length === 6) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(seen).toEqual(['4:v4', '5:v5', '6:v6', '7:v7', '8:v8', '9:v9']);
  });

  it('deletes every record with -1, and the next record continues the offsets', async () => {
    const raw = await authenticatedConnection(env);
    try {
      const ask = async (offset: number, topic = 'trimmed', partition = 0) => {
        raw.send(requestFrame(21, 1, 7, (w) => w.array([topic], (w, t) => w.string(t).array([partition], (w, p) => w.int32(p).int64(offset))).int32(1000)));
        const r = new Reader((await raw.frame())!);
        r.int32();
        r.int32();
        return r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), lowWatermark: r.int64(), errorCode: r.int16() })) }))[0].partitions[0];
      };
      expect(await ask(11)).toEqual({ index: 0, lowWatermark: -1, errorCode: 1 });
      expect(await ask(5, 'trimmed', 3)).toMatchObject({ errorCode: 3 });
      expect(await ask(5, 'missing')).toMatchObject({ errorCode: 3 });
      expect(await ask(-1)).toEqual({ index: 0, lowWatermark: 10, errorCode: 0 });
      expect(await v2Offsets()).toEqual({ beginning_offset: 10, end_offset: 10 });
      const produced = await env.http('POST', `/kafka/v3/clusters/${env.clusterId}/topics/trimmed/records`, { value: { type: 'STRING', data: 'after' } }, env.restAuth);
      expect(produced.body.offset).toBe(10);
      expect(await v2Offsets()).toEqual({ beginning_offset: 10, end_offset: 11 });
    } finally {
      raw.close();
    }
  });
});
