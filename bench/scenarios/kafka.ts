/**
 * Kafka data plane: streamed produce over Kafka REST v3 and fetch over REST Proxy v2, each as a
 * ratio to better-sqlite3 inserting and selecting the same rows directly (in this process, no
 * HTTP), and the cost of fetching from the middle of a long topic against fetching from its start.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { expectStatus, http, basicAuth } from '../lib/http.js';
import { startEmulator, type Server } from '../lib/servers.js';
import { median } from '../lib/stats.js';
import { tempDir } from '../lib/tmp.js';

export interface KafkaSettings {
  records: number;
  batch: number;
  deepRecords: number;
  samples: number;
}

export interface KafkaResult {
  produce: { emulator: number; baseline: number; ratio: number };
  fetch: { emulator: number; baseline: number; ratio: number };
  deep: { records: number; loadMs: number; startMs: number; middleMs: number; ratio: number };
}

const PARTITIONS = 6;
const FETCH_BYTES = 64 * 1024;

interface Cluster {
  v3: string;
  auth: string;
}

/** A provisioned cluster in the bootstrap environment and an API key scoped to it. */
async function cluster(emu: Server): Promise<Cluster> {
  const spec = { display_name: 'bench', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: 'env-00000' } };
  const c = await expectStatus(202, 'POST', `${emu.url}/cmk/v2/clusters`, { auth: emu.auth, body: { spec }, headers: { 'x-emulator-lifecycle': 'immediate' } });
  const key = await expectStatus(202, 'POST', `${emu.url}/iam/v2/api-keys`, { auth: emu.auth, body: { spec: { owner: { id: 'u-00000' }, resource: { id: c.body.id } } } });
  return { v3: `${emu.url}/kafka/v3/clusters/${c.body.id}`, auth: basicAuth(key.body.id, key.body.spec.secret) };
}

const recordJson = (i: number) => JSON.stringify({ key: { type: 'STRING', data: `key-${i % 1000}` }, value: { type: 'JSON', data: { n: i, pad: 'x'.repeat(64) } } });

/** Produces `total` records in streamed requests of `batch` records; answers records per second. */
async function produce(c: Cluster, topic: string, from: number, total: number, batch: number): Promise<number> {
  const t0 = performance.now();
  for (let start = from; start < from + total; start += batch) {
    const body = Array.from({ length: Math.min(batch, from + total - start) }, (_, j) => recordJson(start + j)).join('\n');
    const r = await http('POST', `${c.v3}/topics/${topic}/records`, { auth: c.auth, body });
    if (r.status !== 200) throw new Error(`produce: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  return (total / (performance.now() - t0)) * 1000;
}

async function consumer(emu: Server, c: Cluster, group: string) {
  const inst = await expectStatus(200, 'POST', `${emu.url}/consumers/${group}`, { auth: c.auth, body: { format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' } });
  return new URL(inst.body.base_uri).pathname;
}

/** Fetches until `total` records were read; answers records per second. */
async function fetchAll(emu: Server, c: Cluster, base: string, topic: string, total: number): Promise<number> {
  const partitions = Array.from({ length: PARTITIONS }, (_, p) => ({ topic, partition: p }));
  await expectStatus(204, 'POST', `${emu.url}${base}/assignments`, { auth: c.auth, body: { partitions } });
  let read = 0;
  const t0 = performance.now();
  while (read < total) {
    const r = await expectStatus<unknown[]>(200, 'GET', `${emu.url}${base}/records?timeout=0&max_bytes=${FETCH_BYTES * 16}`, { auth: c.auth });
    if (!r.body.length) throw new Error(`fetch stalled after ${read} of ${total} records`);
    read += r.body.length;
  }
  return (total / (performance.now() - t0)) * 1000;
}

/** The same rows, inserted and selected with better-sqlite3 directly: the floor of both figures. */
export function baseline(total: number, batch: number): { produce: number; fetch: number; produceCpuUs: number } {
  const db = new Database(join(tempDir('kafka-baseline'), 'records.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE records (topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL, timestamp INTEGER NOT NULL, key BLOB, value BLOB,
           PRIMARY KEY (topic, partition, offset)) WITHOUT ROWID`);
  const insert = db.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?, ?)');
  const next = new Array(PARTITIONS).fill(0);
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let start = 0; start < total; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(start + batch, total); i++) {
        const p = i % PARTITIONS;
        insert.run('bench', p, next[p]++, Date.now(), Buffer.from(`key-${i % 1000}`), Buffer.from(JSON.stringify({ n: i, pad: 'x'.repeat(64) })));
      }
    })();
  }
  const produceRate = (total / (performance.now() - t0)) * 1000;
  const cpu = process.cpuUsage(cpu0);
  const produceCpuUs = (cpu.user + cpu.system) / total;
  const select = db.prepare('SELECT * FROM records WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT 500');
  t0 = performance.now();
  let read = 0;
  for (let p = 0; p < PARTITIONS; p++) {
    for (let from = 0; ; ) {
      const rows = select.all('bench', p, from) as Array<{ offset: number }>;
      if (!rows.length) break;
      read += rows.length;
      from = rows[rows.length - 1].offset + 1;
    }
  }
  const fetchRate = (read / (performance.now() - t0)) * 1000;
  db.close();
  return { produce: produceRate, fetch: fetchRate, produceCpuUs };
}

/** Median time of fetching a page of records from an offset of a one-partition topic. */
async function timedFetch(emu: Server, c: Cluster, base: string, topic: string, offset: number, samples: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    await expectStatus(204, 'POST', `${emu.url}${base}/positions`, { auth: c.auth, body: { offsets: [{ topic, partition: 0, offset }] } });
    const r = await expectStatus<unknown[]>(200, 'GET', `${emu.url}${base}/records?timeout=0&max_bytes=${FETCH_BYTES}`, { auth: c.auth });
    if (!r.body.length) throw new Error(`no records at offset ${offset}`);
    times.push(r.ms);
  }
  return median(times);
}

export async function runKafka(st: KafkaSettings, log: (line: string) => void): Promise<KafkaResult> {
  const emu = await startEmulator({ args: ['--lifecycle', 'immediate'] });
  try {
    const c = await cluster(emu);
    await expectStatus(201, 'POST', `${c.v3}/topics`, { auth: c.auth, body: { topic_name: 'bench', partitions_count: PARTITIONS } });
    await produce(c, 'bench', 0, Math.min(st.batch, st.records), st.batch); // warm-up
    const produceRate = await produce(c, 'bench', st.batch, st.records, st.batch);
    const fetchRate = await fetchAll(emu, c, await consumer(emu, c, 'bench-fetch'), 'bench', st.records);
    const base = baseline(st.records, st.batch);
    log(`  produce: emulator ${produceRate.toFixed(0)} records/s, better-sqlite3 ${base.produce.toFixed(0)} records/s`);
    log(`  fetch:   emulator ${fetchRate.toFixed(0)} records/s, better-sqlite3 ${base.fetch.toFixed(0)} records/s`);

    await expectStatus(201, 'POST', `${c.v3}/topics`, { auth: c.auth, body: { topic_name: 'deep', partitions_count: 1 } });
    const t0 = performance.now();
    await produce(c, 'deep', 0, st.deepRecords, 5000);
    const loadMs = performance.now() - t0;
    log(`  loaded ${st.deepRecords.toLocaleString('en-US')} records into one partition in ${(loadMs / 1000).toFixed(1)} s`);
    const reader = await consumer(emu, c, 'bench-deep');
    await expectStatus(204, 'POST', `${emu.url}${reader}/assignments`, { auth: c.auth, body: { partitions: [{ topic: 'deep', partition: 0 }] } });
    const startMs = await timedFetch(emu, c, reader, 'deep', 0, st.samples);
    const middleMs = await timedFetch(emu, c, reader, 'deep', Math.floor(st.deepRecords / 2), st.samples);
    log(`  fetch from offset 0: median ${startMs.toFixed(2)} ms; from the middle: median ${middleMs.toFixed(2)} ms`);
    return {
      produce: { emulator: produceRate, baseline: base.produce, ratio: produceRate / base.produce },
      fetch: { emulator: fetchRate, baseline: base.fetch, ratio: fetchRate / base.fetch },
      deep: { records: st.deepRecords, loadMs, startMs, middleMs, ratio: middleMs / startMs },
    };
  } finally {
    await emu.stop();
  }
}

