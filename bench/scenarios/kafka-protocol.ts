/**
 * The Kafka protocol listener: kafkajs produce (batches, acks -1) and raw Fetch requests, each as a
 * ratio to better-sqlite3 inserting and selecting the same rows in this process; the end-to-end
 * latency of one record produced and fetched; the time from spawning a fresh emulator to its
 * first produced record.
 */
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { expectStatus } from '../lib/http.js';
import { WireClient } from '../lib/kafka-wire.js';
import { startEmulator, type Server } from '../lib/servers.js';
import { quantile } from '../lib/stats.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { encodeBatch } from '../../src/kafka-protocol/records/batch.js';
import { baseline } from './kafka.js';

export interface KafkaProtocolSettings {
  records: number;
  batch: number;
  latencySamples: number;
}

export interface KafkaProtocolResult {
  produce: { emulator: number; baseline: number; ratio: number };
  /** Produce of record batches encoded beforehand: the broker's share alone, without kafkajs' encoding. */
  produceWire: { emulator: number; baseline: number; ratio: number };
  fetch: { emulator: number; baseline: number; ratio: number };
  latency: { p50: number; p99: number; samples: number };
  firstRecordMs: number;
}

const PARTITIONS = 6;

interface Access {
  bootstrap: string;
  key: string;
  secret: string;
}

/** A cluster in the bootstrap environment and a Kafka API key scoped to it. */
async function access(emu: Server): Promise<Access> {
  const spec = { display_name: 'bench', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: 'env-00000' } };
  const c = await expectStatus(202, 'POST', `${emu.url}/cmk/v2/clusters`, { auth: emu.auth, body: { spec }, headers: { 'x-emulator-lifecycle': 'immediate' } });
  const key = await expectStatus(202, 'POST', `${emu.url}/iam/v2/api-keys`, { auth: emu.auth, body: { spec: { owner: { id: 'u-00000' }, resource: { id: c.body.id } } } });
  if (!emu.kafka) throw new Error('the emulator printed no Kafka bootstrap address');
  return { bootstrap: emu.kafka, key: key.body.id, secret: key.body.spec.secret };
}

const kafkaOf = (a: Access) =>
  new Kafka({ clientId: 'bench', brokers: [a.bootstrap], sasl: { mechanism: 'plain', username: a.key, password: a.secret }, logLevel: logLevel.NOTHING });

/** Creates topics through the admin client, as an application would. */
async function createTopics(kafka: Kafka, topics: Array<{ topic: string; numPartitions: number }>): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics });
  await admin.disconnect();
}

const message = (i: number) => ({ key: `key-${i % 1000}`, value: JSON.stringify({ n: i, pad: 'x'.repeat(64) }) });

/** Batches kept in flight at once, as a producer with several partitions' batches ready does. */
const IN_FLIGHT = 4;

async function produceAll(producer: Producer, topic: string, from: number, total: number, batch: number): Promise<number> {
  const t0 = performance.now();
  const starts: number[] = [];
  for (let start = from; start < from + total; start += batch) starts.push(start);
  const send = async () => {
    for (let start = starts.shift(); start !== undefined; start = starts.shift()) {
      const messages = Array.from({ length: Math.min(batch, from + total - start) }, (_, j) => message(start + j));
      await producer.send({ topic, acks: -1, messages });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, send));
  return (total / (performance.now() - t0)) * 1000;
}

/** Each request's record sets, one batch per partition (record i goes to partition i % PARTITIONS, as in the baseline). */
function encodedRequests(from: number, total: number, batch: number): Buffer[][] {
  const requests: Buffer[][] = [];
  const now = Date.now();
  for (let start = from; start < from + total; start += batch) {
    const perPartition: Array<Array<{ offset: number; timestamp: number; key: Buffer; value: Buffer; headers: [] }>> = Array.from({ length: PARTITIONS }, () => []);
    for (let i = start; i < Math.min(start + batch, from + total); i++) {
      const m = message(i);
      const list = perPartition[i % PARTITIONS];
      list.push({ offset: list.length, timestamp: now, key: Buffer.from(m.key), value: Buffer.from(m.value), headers: [] });
    }
    requests.push(
      perPartition.map((records) => {
        const w = new Writer(64 * 1024);
        encodeBatch(w, records);
        return Buffer.from(w.toBuffer());
      }),
    );
  }
  return requests;
}

/** Sends requests encoded beforehand, IN_FLIGHT at a time; answers records per second. */
async function produceEncoded(client: WireClient, topic: string, requests: Buffer[][], total: number): Promise<number> {
  const queue = [...requests];
  const t0 = performance.now();
  const send = async () => {
    for (let sets = queue.shift(); sets; sets = queue.shift()) {
      const codes = await client.produce(topic, sets);
      if (codes.some((c) => c !== 0)) throw new Error(`produce failed: ${codes.join(',')}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, send));
  return (total / (performance.now() - t0)) * 1000;
}

async function fetchAll(client: WireClient, topic: string, total: number): Promise<number> {
  const offsets = new Array(PARTITIONS).fill(0);
  let read = 0;
  const t0 = performance.now();
  while (read < total) {
    const parts = await client.fetch(topic, offsets);
    const got = parts.reduce((n, p) => n + p.records, 0);
    if (!got) throw new Error(`fetch stalled after ${read} of ${total} records`);
    read += got;
    parts.forEach((p, i) => (offsets[i] = p.next));
  }
  return (read / (performance.now() - t0)) * 1000;
}

/** One record produced (acks -1) and fetched by a waiting long-poll, `samples` times; ms. */
async function latencies(producer: Producer, client: WireClient, samples: number): Promise<number[]> {
  const times: number[] = [];
  let offset = 0;
  for (let i = 0; i < samples + 5; i++) {
    const t0 = performance.now();
    const fetched = client.fetch('latency', [offset], 5000);
    await producer.send({ topic: 'latency', acks: -1, messages: [{ value: `ping-${i}` }] });
    const [p] = await fetched;
    if (!p.records) throw new Error('latency fetch returned nothing');
    offset = p.next;
    if (i >= 5) times.push(performance.now() - t0);
  }
  return times;
}

/** Spawn -> cluster, key and topic over the APIs -> first record acknowledged, on a fresh store. */
async function timeToFirstRecord(): Promise<number> {
  const t0 = performance.now();
  const emu = await startEmulator({ args: ['--lifecycle', 'immediate'] });
  try {
    const a = await access(emu);
    const kafka = kafkaOf(a);
    await createTopics(kafka, [{ topic: 'first', numPartitions: 1 }]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'first', acks: -1, messages: [{ value: 'hello' }] });
    const ms = performance.now() - t0;
    await producer.disconnect();
    return ms;
  } finally {
    await emu.stop();
  }
}

export async function runKafkaProtocol(st: KafkaProtocolSettings, log: (line: string) => void): Promise<KafkaProtocolResult> {
  const emu = await startEmulator({ args: ['--lifecycle', 'immediate'] });
  try {
    const a = await access(emu);
    const kafka = kafkaOf(a);
    await createTopics(kafka, [{ topic: 'bench', numPartitions: PARTITIONS }, { topic: 'latency', numPartitions: 1 }]);
    const producer = kafka.producer();
    await producer.connect();
    await produceAll(producer, 'bench', 0, Math.min(st.batch, st.records), st.batch); // warm-up
    const produceRate = await produceAll(producer, 'bench', st.batch, st.records, st.batch);
    const client = await WireClient.open(a.bootstrap, a.key, a.secret);
    const fetchRate = await fetchAll(client, 'bench', st.records);
    await createTopics(kafka, [{ topic: 'bench-wire', numPartitions: PARTITIONS }]);
    const wireRate = await produceEncoded(client, 'bench-wire', encodedRequests(0, st.records, st.batch), st.records);
    const base = baseline(st.records, st.batch);
    log(`  produce: protocol ${produceRate.toFixed(0)} records/s, better-sqlite3 ${base.produce.toFixed(0)} records/s`);
    log(`  produce of batches encoded beforehand: protocol ${wireRate.toFixed(0)} records/s`);
    log(`  fetch:   protocol ${fetchRate.toFixed(0)} records/s, better-sqlite3 ${base.fetch.toFixed(0)} records/s`);
    const times = await latencies(producer, client, st.latencySamples);
    const latency = { p50: quantile(times, 0.5), p99: quantile(times, 0.99), samples: times.length };
    log(`  one record produced -> fetched: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
    client.close();
    await producer.disconnect();
    const firstRecordMs = await timeToFirstRecord();
    log(`  fresh start -> first produced record: ${firstRecordMs.toFixed(0)} ms`);
    return {
      produce: { emulator: produceRate, baseline: base.produce, ratio: produceRate / base.produce },
      produceWire: { emulator: wireRate, baseline: base.produce, ratio: wireRate / base.produce },
      fetch: { emulator: fetchRate, baseline: base.fetch, ratio: fetchRate / base.fetch },
      latency,
      firstRecordMs,
    };
  } finally {
    await emu.stop();
  }
}
