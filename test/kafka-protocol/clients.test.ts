import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompressionCodecs, CompressionTypes } from 'kafkajs';
import * as snappy from 'snappyjs';
import * as lz4 from 'lz4js';
import { startKafkaEnv, type KafkaEnv } from './support.js';

/** snappy in the xerial framing the Java client writes: magic, versions, then sized blocks. */
function xerialSnappy(data: Buffer): Buffer {
  const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
  const parts = [header];
  for (let at = 0; at < data.length || at === 0; at += 32 * 1024) {
    const block = Buffer.from(snappy.compress(data.subarray(at, at + 32 * 1024)));
    const size = Buffer.alloc(4);
    size.writeInt32BE(block.length);
    parts.push(size, block);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

/** A zstd frame of raw (stored) blocks: valid zstd that every decoder must accept. */
function zstdRawFrame(data: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUInt32LE(0xfd2fb528, 0);
  head[4] = 0xa0; // single segment, 4-byte content size, no checksum, no dictionary
  head.writeUInt32LE(data.length, 5);
  const parts = [head];
  const BLOCK = 128 * 1024;
  for (let at = 0; ; at += BLOCK) {
    const chunk = data.subarray(at, at + BLOCK);
    const last = at + BLOCK >= data.length ? 1 : 0;
    const bh = (chunk.length << 3) | (0 << 1) | last;
    parts.push(Buffer.from([bh & 0xff, (bh >> 8) & 0xff, (bh >> 16) & 0xff]), chunk);
    if (last) break;
  }
  return Buffer.concat(parts);
}

const codec = (compress: (b: Buffer) => Buffer) => () => ({
  compress: async (encoder: { buffer: Buffer }) => compress(encoder.buffer),
  decompress: async () => {
    throw new Error('not used: the emulator serves fetches uncompressed');
  },
});

describe('Kafka protocol with kafkajs clients', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
    CompressionCodecs[CompressionTypes.Snappy] = codec(xerialSnappy);
    CompressionCodecs[CompressionTypes.LZ4] = codec((b) => Buffer.from(lz4.compress(b)));
    CompressionCodecs[CompressionTypes.ZSTD] = codec(zstdRawFrame);
    const admin = env.kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'codecs', numPartitions: 1 }, { topic: 'tls', numPartitions: 2 }] });
    await admin.disconnect();
  });
  afterAll(() => env.close());

  it('stores records produced with every codec, readable over REST Proxy v2', async () => {
    const producer = env.kafka().producer();
    await producer.connect();
    const codecs = [CompressionTypes.None, CompressionTypes.GZIP, CompressionTypes.Snappy, CompressionTypes.LZ4, CompressionTypes.ZSTD];
    for (const compression of codecs) {
      await producer.send({ topic: 'codecs', compression, messages: [{ key: `k${compression}`, value: `codec-${compression}-`.repeat(50) }, { value: `second-${compression}` }] });
    }
    await producer.disconnect();
    const offsets = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/codecs/partitions/0`, undefined, env.restAuth);
    expect(offsets.status).toBe(200);
    // REST Proxy v2: a consumer instance reads what the protocol produced.
    const base = `/kafka/v3/clusters/${env.clusterId}`;
    void base;
    const group = 'rest-readers';
    const created = await env.http('POST', `/consumers/${group}`, { name: 'r1', format: 'binary', 'auto.offset.reset': 'earliest' }, env.restAuth);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const inst = `/consumers/${group}/instances/r1`;
    expect((await env.http('POST', `${inst}/assignments`, { partitions: [{ topic: 'codecs', partition: 0 }] }, env.restAuth)).status).toBe(204);
    const records = await env.http('GET', `${inst}/records`, undefined, env.restAuth);
    expect(records.status, JSON.stringify(records.body)).toBe(200);
    const values = (records.body as Array<{ value: string; key: string | null; offset: number }>).map((r) => Buffer.from(r.value, 'base64').toString());
    expect(values).toEqual(codecs.flatMap((c) => [`codec-${c}-`.repeat(50), `second-${c}`]));
    expect((records.body as any[]).map((r) => r.offset)).toEqual(values.map((_, i) => i));
  });

  it('connects over SASL_SSL trusting the served CA, by name and by address', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const kafka = env.kafka({ ssl: true, extra: { brokers: [`${host}:${env.port}`] } });
      const producer = kafka.producer();
      await producer.connect();
      const [ack] = await producer.send({ topic: 'tls', acks: -1, messages: [{ key: 'k', value: `over tls to ${host}` }] });
      expect(ack.errorCode).toBe(0);
      await producer.disconnect();
      const admin = kafka.admin();
      await admin.connect();
      expect((await admin.describeCluster()).brokers[0].host).toBe(host);
      await admin.disconnect();
    }
  });

  it('refuses TLS clients that do not trust the CA', async () => {
    const kafka = env.kafka({ extra: { ssl: { rejectUnauthorized: true }, brokers: [`localhost:${env.port}`] } });
    const admin = kafka.admin();
    await expect(admin.connect()).rejects.toThrow(/self.signed|certificate|unable to verify/i);
  });

  it('refuses a wrong secret, a Cloud API key and a Schema Registry key', async () => {
    const sr = await env.http('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env.envId }, region: { id: 'sgreg-1' } } });
    const srKey = await env.http('POST', '/iam/v2/api-keys', { spec: { owner: { id: 'u-00000' }, resource: { id: sr.body.id } } });
    for (const [username, password] of [
      [env.key, 'not-the-secret'],
      [env.emu.apiKey, env.emu.apiSecret],
      [srKey.body.id, srKey.body.spec.secret],
      ['no-such-key', 'x'],
    ]) {
      const admin = env.kafka({ username, password }).admin();
      await expect(admin.connect()).rejects.toThrow(/SASL PLAIN authentication failed|Authentication failed/i);
    }
  });

  it('a key decides the cluster: another cluster key sees only its own topics; a deleted key stops working', async () => {
    const other = await env.newCluster();
    const admin = env.kafka({ username: other.key, password: other.secret }).admin();
    await admin.connect();
    expect(await admin.listTopics()).toEqual([]);
    expect((await admin.describeCluster()).clusterId).toBe(other.clusterId);
    await admin.disconnect();
    expect((await env.http('DELETE', `/iam/v2/api-keys/${other.key}`)).status).toBe(204);
    await expect(env.kafka({ username: other.key, password: other.secret }).admin().connect()).rejects.toThrow(/authentication failed/i);
  });
});

describe('records produced over Kafka REST v3, consumed with a kafkajs consumer', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
  });
  afterAll(() => env.close());

  it('keeps keys, headers, timestamps, partitions and offsets', async () => {
    const v3 = `/kafka/v3/clusters/${env.clusterId}`;
    expect((await env.http('POST', `${v3}/topics`, { topic_name: 'from-rest', partitions_count: 3 }, env.restAuth)).status).toBe(201);
    const sent = [];
    for (let i = 0; i < 9; i++) {
      const r = await env.http(
        'POST',
        `${v3}/topics/from-rest/records`,
        {
          key: { type: 'STRING', data: `k${i}` },
          value: { type: 'STRING', data: `v${i}` },
          headers: [{ name: 'trace', value: Buffer.from(`t${i}`).toString('base64') }],
          timestamp: new Date(1_700_000_000_000 + i * 1000).toISOString(),
        },
        env.restAuth,
      );
      expect(r.body.error_code).toBe(200);
      sent.push({ key: `k${i}`, value: `v${i}`, trace: `t${i}`, timestamp: String(1_700_000_000_000 + i * 1000), partition: r.body.partition_id, offset: String(r.body.offset) });
    }
    const consumer = env.kafka().consumer({ groupId: 'rest-to-protocol', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'from-rest', fromBeginning: true });
    const received: typeof sent = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} records`)), 20_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          received.push({ key: message.key!.toString(), value: message.value!.toString(), trace: message.headers!.trace!.toString(), timestamp: message.timestamp, partition, offset: message.offset });
          if (received.length === sent.length) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
    await consumer.disconnect();
    const order = (a: (typeof sent)[number], b: (typeof sent)[number]) => a.key.localeCompare(b.key);
    expect(received.sort(order)).toEqual(sent.sort(order));
  }, 30_000);
});
