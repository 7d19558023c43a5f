/**
 * The Kafka protocol listener: kafkajs produce (batches, acks -1, producers in a worker thread by default) and
 * raw Fetch requests, each as a ratio to better-sqlite3 inserting and selecting the same rows in
 * this process, with the CPU per record of each side; the end-to-end
 * latency of one record produced and fetched; the time from spawning a fresh emulator to its
 * first produced record.
 */
import { performance } from 'node:perf_hooks';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { expectStatus } from '../lib/http.js';
import { WireClient } from '../lib/kafka-wire.js';
import { startEmulator, type Server } from '../lib/servers.js';
import { quantile } from '../lib/stats.js';
import { ownCpuSeconds, processCpuSeconds } from '../lib/cpu.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { encodeBatch } from '../../src/kafka-protocol/records/batch.js';
import { baseline } from './kafka.js';
import { IN_FLIGHT, message, producerKafka, sendBatches, type FromWorker, type ProducerWorkerData, type ToWorker } from './kafka-producer-worker.js';

export interface KafkaProtocolSettings {
  records: number;
  batch: number;
  /** kafkajs producers that share the produce figure's batches; 0: one in the bench's own thread. */
  producers: number;
  /** Where they run when there are any: worker threads or child processes. */
  placement: ProducerPlacement;
  latencySamples: number;
}

/** CPU time per record (µs) while the produce figure ran: the producers' (kafkajs, this process), the emulator's, better-sqlite3's. */
export interface ProduceCpu {
  producersUs: number;
  emulatorUs: number;
  baselineUs: number;
}

export interface KafkaProtocolResult {
  produce: { emulator: number; baseline: number; ratio: number; cpu?: ProduceCpu };
  /** Produce of record batches encoded beforehand: the broker's share alone, without kafkajs' encoding. */
  produceWire: { emulator: number; baseline: number; ratio: number };
  fetch: { emulator: number; baseline: number; ratio: number };
  latency: { p50: number; p99: number; samples: number };
  firstRecordMs: number;
}

const PARTITIONS = 6;

/** Unmeasured batches each producer sends before the clock starts. */
const WARM_UP_BATCHES = 3;

/** "2 kafkajs producers in worker threads", "1 kafkajs producer in the bench's thread", ... */
export const producersDescription = (st: Pick<KafkaProtocolSettings, 'producers' | 'placement'>) =>
  st.producers === 0
    ? "1 kafkajs producer in the bench's thread"
    : `${st.producers} kafkajs producer${st.producers === 1 ? '' : 's'} in ${st.placement === 'thread' ? 'worker threads' : 'child processes'}`;

interface Access {
  bootstrap: string;
  key: string;
  secret: string;
}

/** A cluster in the bootstrap environment and a Kafka API key scoped to it. */
export async function access(emu: Server): Promise<Access> {
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

/** Where the produce figure's kafkajs producers run. */
export type ProducerPlacement = 'thread' | 'process';

/** One producer outside the bench's thread: a worker thread or a child process. */
interface Member {
  post(m: ToWorker): void;
  onMessage(fn: (m: FromWorker) => void): () => void;
  onFailure(fn: (err: Error) => void): () => void;
  exited: Promise<unknown>;
  /** A child process's id (its CPU is read from /proc); undefined for a thread (counted in this process). */
  pid?: number;
}

function startMember(placement: ProducerPlacement, data: ProducerWorkerData): Member {
  const script = new URL('./kafka-producer-worker.js', import.meta.url);
  if (placement === 'thread') {
    const w = new Worker(script, { workerData: data });
    return {
      post: (m) => w.postMessage(m),
      onMessage: (fn) => (w.on('message', fn), () => w.off('message', fn)),
      onFailure: (fn) => (w.on('error', fn), () => w.off('error', fn)),
      exited: new Promise((resolve) => w.once('exit', resolve)),
    };
  }
  const c = fork(fileURLToPath(script), [JSON.stringify(data)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const failed = (fn: (err: Error) => void) => (code: number | null) => code && fn(new Error(`producer process exited with ${code}`));
  return {
    post: (m) => c.send(m),
    onMessage: (fn) => (c.on('message', fn), () => c.off('message', fn)),
    onFailure: (fn) => {
      const onExit = failed(fn);
      c.on('error', fn).on('exit', onExit);
      return () => c.off('error', fn).off('exit', onExit);
    },
    exited: new Promise((resolve) => c.once('exit', resolve)),
    pid: c.pid,
  };
}

/**
 * The produce figure's kafkajs producers: `count` worker threads or child processes, each with its
 * own connection, or with a count of 0 one producer in the bench's own thread. The batches are
 * dealt out round-robin; `produce` settles when every producer has had all its batches acknowledged.
 */
export class ProducerPool {
  private constructor(
    private readonly members: Member[],
    private readonly inThread?: { producer: Producer; data: ProducerWorkerData },
  ) {}

  static async start(a: Access, topic: string, count: number, placement: ProducerPlacement, batch: number, end: number): Promise<ProducerPool> {
    const data: ProducerWorkerData = { bootstrap: a.bootstrap, key: a.key, secret: a.secret, topic, partitions: PARTITIONS, batch, end };
    if (count === 0) {
      const producer = producerKafka(data).producer();
      await producer.connect();
      return new ProducerPool([], { producer, data });
    }
    const members = Array.from({ length: count }, () => startMember(placement, data));
    const pool = new ProducerPool(members);
    await Promise.all(members.map((m) => pool.next(m, 'ready')));
    return pool;
  }

  private next(m: Member, kind: FromWorker['kind']): Promise<void> {
    return new Promise((resolve, reject) => {
      const offFailure = m.onFailure(reject);
      const offMessage = m.onMessage((msg) => {
        offMessage();
        offFailure();
        if (msg.kind === kind) resolve();
        else reject(new Error(msg.kind === 'error' ? `producer: ${msg.message}` : `producer answered ${msg.kind}, not ${kind}`));
      });
    });
  }

  /** CPU seconds of the producers that run as child processes (threads count in this process's own). */
  childCpuSeconds(): number {
    return this.members.reduce((n, m) => n + (m.pid === undefined ? 0 : (processCpuSeconds(m.pid) ?? 0)), 0);
  }

  /** Sends the batches starting at `starts`; answers records per second from the first send to the last acknowledgement. */
  async produce(starts: number[], records: number): Promise<number> {
    const t0 = performance.now();
    if (this.inThread) {
      await sendBatches(this.inThread.producer, this.inThread.data, starts);
    } else {
      const shares = this.members.map((_, i) => starts.filter((_, j) => j % this.members.length === i));
      await Promise.all(
        this.members.map((m, i) => {
          const done = this.next(m, 'done');
          m.post({ kind: 'produce', starts: shares[i] });
          return done;
        }),
      );
    }
    return (records / (performance.now() - t0)) * 1000;
  }

  async stop(): Promise<void> {
    if (this.inThread) await this.inThread.producer.disconnect();
    await Promise.all(
      this.members.map((m) => {
        m.post({ kind: 'stop' });
        return m.exited;
      }),
    );
  }
}

/** Record numbers at which the batches of `[from, from + total)` start. */
export const batchStarts = (from: number, total: number, batch: number) => Array.from({ length: Math.ceil(total / batch) }, (_, i) => from + i * batch);

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
    // Unmeasured batches per producer first (connections, metadata, and kafkajs' code optimised by
    // the JIT, which each thread or process does on its own), then the measured ones.
    const warmUp = Math.max(1, st.producers) * WARM_UP_BATCHES * st.batch;
    const pool = await ProducerPool.start(a, 'bench', st.producers, st.placement, st.batch, warmUp + st.records);
    await pool.produce(batchStarts(0, warmUp, st.batch), warmUp);
    const producersCpu = () => ownCpuSeconds() + pool.childCpuSeconds();
    const [ownBefore, emuBefore] = [producersCpu(), processCpuSeconds(emu.spawned.proc.pid)];
    const produceRate = await pool.produce(batchStarts(warmUp, st.records, st.batch), st.records);
    const [ownAfter, emuAfter] = [producersCpu(), processCpuSeconds(emu.spawned.proc.pid)];
    await pool.stop();
    const client = await WireClient.open(a.bootstrap, a.key, a.secret);
    const fetchRate = await fetchAll(client, 'bench', st.records);
    await createTopics(kafka, [{ topic: 'bench-wire', numPartitions: PARTITIONS }]);
    const wireRate = await produceEncoded(client, 'bench-wire', encodedRequests(0, st.records, st.batch), st.records);
    const base = baseline(st.records, st.batch);
    const perRecordUs = (seconds: number) => (seconds / st.records) * 1e6;
    const cpu: ProduceCpu | undefined =
      emuBefore === undefined || emuAfter === undefined
        ? undefined
        : { producersUs: perRecordUs(ownAfter - ownBefore), emulatorUs: perRecordUs(emuAfter - emuBefore), baselineUs: base.produceCpuUs };
    log(`  produce: protocol ${produceRate.toFixed(0)} records/s (${producersDescription(st)}), better-sqlite3 ${base.produce.toFixed(0)} records/s`);
    if (cpu) log(`  produce CPU per record: kafkajs producers ${cpu.producersUs.toFixed(1)} µs, emulator ${cpu.emulatorUs.toFixed(1)} µs (better-sqlite3 insert ${cpu.baselineUs.toFixed(1)} µs)`);
    log(`  produce of batches encoded beforehand: protocol ${wireRate.toFixed(0)} records/s`);
    log(`  fetch:   protocol ${fetchRate.toFixed(0)} records/s, better-sqlite3 ${base.fetch.toFixed(0)} records/s`);
    const producer = kafka.producer();
    await producer.connect();
    const times = await latencies(producer, client, st.latencySamples);
    const latency = { p50: quantile(times, 0.5), p99: quantile(times, 0.99), samples: times.length };
    log(`  one record produced -> fetched: p50 ${latency.p50.toFixed(2)} ms, p99 ${latency.p99.toFixed(2)} ms`);
    client.close();
    await producer.disconnect();
    const firstRecordMs = await timeToFirstRecord();
    log(`  fresh start -> first produced record: ${firstRecordMs.toFixed(0)} ms`);
    return {
      produce: { emulator: produceRate, baseline: base.produce, ratio: produceRate / base.produce, cpu },
      produceWire: { emulator: wireRate, baseline: base.produce, ratio: wireRate / base.produce },
      fetch: { emulator: fetchRate, baseline: base.fetch, ratio: fetchRate / base.fetch },
      latency,
      firstRecordMs,
    };
  } finally {
    await emu.stop();
  }
}
