import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { encodeBatch } from '../../src/kafka-protocol/records/batch.js';
import { RawConnection, authenticatedConnection, createTopics, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

const batch = (values: string[], baseOffset = 0): Buffer => {
  const w = new Writer();
  encodeBatch(
    w,
    values.map((v, i) => ({ offset: baseOffset + i, timestamp: 1_700_000_000_000, key: null, value: Buffer.from(v), headers: [] })),
  );
  return Buffer.from(w.toBuffer());
};

/** Produce v7 of one record set to partition 0; answers the partition's error code. */
async function rawProduce(raw: RawConnection, topic: string, records: Buffer, correlationId = 50): Promise<number> {
  raw.send(
    requestFrame(0, 7, correlationId, (w) => {
      w.nullableString(null).int16(-1).int32(5000);
      w.array([topic], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).bytes(records)));
    }),
  );
  const r = new Reader((await raw.frame())!);
  expect(r.int32()).toBe(correlationId);
  const [t] = r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), errorCode: r.int16(), baseOffset: r.int64(), t: r.int64(), start: r.int64() })) }));
  return t.partitions[0].errorCode;
}

describe('Kafka listener: bad input harms only its own connection', () => {
  let env: KafkaEnv;
  let bystander: RawConnection;
  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'fuzz');
    bystander = await authenticatedConnection(env);
  });
  afterAll(async () => {
    bystander.close();
    await env.close();
  });

  /** The authenticated bystander connection still gets answers. */
  async function bystanderAlive() {
    bystander.send(requestFrame(18, 2, 99));
    const r = new Reader((await bystander.frame())!);
    expect(r.int32()).toBe(99);
    expect(r.int16()).toBe(0);
  }

  const endOffset = async () => (await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/fuzz/partitions/0`, undefined, env.restAuth)).status;

  it('closes on a frame larger than the limit, a negative size, a truncated header and an unknown API key', async () => {
    const oversized = await RawConnection.open(env.port);
    const size = Buffer.alloc(4);
    size.writeInt32BE(200 * 1024 * 1024);
    oversized.send(size);
    expect(await oversized.waitClosed()).toBe(true);

    const negative = await RawConnection.open(env.port);
    negative.send(Buffer.from([0xff, 0xff, 0xff, 0xf0, 1, 2, 3]));
    expect(await negative.waitClosed()).toBe(true);

    const truncated = await RawConnection.open(env.port);
    truncated.send(Buffer.from([0, 0, 0, 3, 0, 18, 0])); // a header cut after 3 bytes
    expect(await truncated.waitClosed()).toBe(true);

    const unknown = await RawConnection.open(env.port);
    expect(await rawAuthenticate(unknown, env.key, env.secret)).toBe(0);
    unknown.send(requestFrame(999, 0, 3));
    expect(await unknown.waitClosed()).toBe(true);

    const lying = await RawConnection.open(env.port);
    expect(await rawAuthenticate(lying, env.key, env.secret)).toBe(0);
    // Metadata v1 whose topic array claims a billion entries.
    lying.send(requestFrame(3, 1, 4, (w) => w.int32(1_000_000_000)));
    expect(await lying.waitClosed()).toBe(true);

    await bystanderAlive();
  });

  it('survives garbage', async () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let i = 0; i < 40; i++) {
      const raw = await RawConnection.open(env.port);
      if (i % 2 === 0) expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
      const body = Buffer.from(Array.from({ length: Math.floor(random() * 200) }, () => Math.floor(random() * 256)));
      const apiKey = [0, 1, 2, 3, 18, 19, 20, 32, 36, 37][i % 10];
      raw.send(requestFrame(apiKey, Math.floor(random() * 12), i, (w) => w.raw(body)));
      raw.send(Buffer.from(Array.from({ length: 20 }, () => Math.floor(random() * 256))));
      await Promise.race([raw.frame(500).catch(() => undefined), raw.waitClosed(500)]);
      raw.close();
    }
    await bystanderAlive();
  });

  it('answers CORRUPT_MESSAGE for a CRC mismatch and stores nothing of a set with one bad batch', async () => {
    const raw = await RawConnection.open(env.port);
    expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
    const corrupt = batch(['a', 'b']);
    corrupt[corrupt.length - 1] ^= 0xff;
    expect(await rawProduce(raw, 'fuzz', corrupt)).toBe(2);
    expect(await rawProduce(raw, 'fuzz', Buffer.concat([batch(['good-1', 'good-2']), corrupt]), 51)).toBe(2);
    const truncated = batch(['x', 'y', 'z']).subarray(0, 70);
    expect(await rawProduce(raw, 'fuzz', truncated, 52)).toBe(2);
    const oldFormat = batch(['old']);
    oldFormat[16] = 1; // magic 1
    expect(await rawProduce(raw, 'fuzz', oldFormat, 53)).toBe(43);
    const offsets = await env.kafka().admin();
    await offsets.connect();
    expect((await offsets.fetchTopicOffsets('fuzz'))[0].high).toBe('0');
    expect(await rawProduce(raw, 'fuzz', batch(['fine']), 54)).toBe(0);
    expect((await offsets.fetchTopicOffsets('fuzz'))[0].high).toBe('1');
    await offsets.disconnect();
    raw.close();
    expect(await endOffset()).toBe(200);
    await bystanderAlive();
  });

  it('answers UNKNOWN_TOPIC_OR_PARTITION and MESSAGE_TOO_LARGE without storing', async () => {
    const raw = await RawConnection.open(env.port);
    expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
    expect(await rawProduce(raw, 'no-such-topic', batch(['x']))).toBe(3);
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'small', numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '100' }] }] });
    expect(await rawProduce(raw, 'small', batch(['y'.repeat(200)]), 60)).toBe(10);
    expect((await admin.fetchTopicOffsets('small'))[0].high).toBe('0');
    await admin.disconnect();
    raw.close();
  });
});
