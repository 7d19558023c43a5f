/**
 * Schema Registry data plane: register-and-lookup throughput as a ratio to better-sqlite3 storing
 * and finding the same schemas directly (in this process, no HTTP), measured with several
 * concurrent clients (the throughput figure) and with one request at a time (latency-bound, shown
 * beside it), and the time of one register
 * when a subject under BACKWARD_TRANSITIVE already has hundreds of versions, every one of which
 * the new version is checked against.
 */
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ownCpuSeconds, processCpuSeconds } from '../lib/cpu.js';
import { basicAuth, expectStatus } from '../lib/http.js';
import { startEmulator, type Server } from '../lib/servers.js';
import { median } from '../lib/stats.js';
import { tempDir } from '../lib/tmp.js';

export interface SchemaRegistrySettings {
  /** Distinct schemas registered then looked up for the throughput figure. */
  schemas: number;
  /** Versions of the BACKWARD_TRANSITIVE subject. */
  versions: number;
  /** Concurrent clients of the throughput figure, each registering and looking up its own subjects. */
  workers: number;
  /** Unmeasured pairs first (the emulator's code is still being compiled by V8 for the first thousand or so). */
  warmup: number;
  /** Rounds of each measured run, alternating which goes first; the median counts. */
  rounds: number;
}

/** Pairs per second of one way of loading the registry, and the baseline's in the same run. */
export interface SrThroughput {
  emulator: number;
  baseline: number;
  ratio: number;
  /** CPU time per pair in µs: the emulator's (from /proc, absent elsewhere), the bench clients' and better-sqlite3's. */
  cpu: { emulatorUs?: number; clientsUs: number; baselineUs: number };
}

export interface SchemaRegistryResult {
  /** `workers` clients at once: the throughput figure. */
  throughput: SrThroughput & { workers: number };
  /** One request at a time: the latency of a register plus a lookup, inverted. */
  sequential: SrThroughput;
  transitive: { versions: number; totalMs: number; firstMs: number; lastMs: number; lastTenMedianMs: number };
}

const SR_JSON = { 'content-type': 'application/vnd.schemaregistry.v1+json' };

/**
 * An Avro record of a dozen fields: an id, ten longs, and one optional field named by `version`,
 * so that each version is a new schema that a reader of any version can resolve (the optional
 * field has a default; a field it does not know is skipped).
 */
function avroSchema(name: string, version: number): string {
  const fields = [
    { name: 'id', type: 'string' },
    ...Array.from({ length: 10 }, (_, i) => ({ name: `n${i}`, type: 'long', default: 0 })),
    { name: `v${version}`, type: ['null', 'int'], default: null },
  ];
  return JSON.stringify({ type: 'record', name, namespace: 'bench', fields });
}

/** A Schema Registry cluster in the bootstrap environment and an API key scoped to it. */
async function registry(emu: Server): Promise<{ url: string; auth: string }> {
  const body = { spec: { package: 'ESSENTIALS', environment: { id: 'env-00000' }, region: { id: 'sgreg-1' } } };
  const c = await expectStatus(202, 'POST', `${emu.url}/srcm/v2/clusters`, { auth: emu.auth, body, headers: { 'x-emulator-lifecycle': 'immediate' } });
  const key = await expectStatus(202, 'POST', `${emu.url}/iam/v2/api-keys`, { auth: emu.auth, body: { spec: { owner: { id: 'u-00000' }, resource: { id: c.body.id } } } });
  return { url: emu.url, auth: basicAuth(key.body.id, key.body.spec.secret) };
}

type Send = (path: string, body: string) => Promise<{ id: number }>;

/**
 * Registers schema `i` under its own subject, then looks it up and checks that the ids agree. The
 * request body is serialised once for both requests (the clients' CPU counts against the server's
 * on a small machine).
 */
async function registerAndLookupOne(send: Send, prefix: string, i: number): Promise<void> {
  const subject = `${prefix}-${i}-value`;
  const body = JSON.stringify({ schema: avroSchema(`R${i}`, 1) });
  const reg = await send(`/subjects/${subject}/versions`, body);
  const found = await send(`/subjects/${subject}`, body);
  if (found.id !== reg.id) throw new Error(`lookup of ${subject} answered id ${found.id}, registered ${reg.id}`);
}

/** Pairs per second of a load, and the CPU time per pair of the emulator and of the clients. */
interface LoadRun {
  rate: number;
  emulatorUs?: number;
  clientsUs: number;
}

/**
 * Registers `count` schemas (one subject each) and looks each one up, with `workers` clients
 * taking the next schema as they finish one (each client has its own keep-alive connection);
 * answers pairs per second and the CPU time per pair of the emulator (`pid`) and of the clients.
 */
async function registerAndLookup(sr: { url: string; auth: string }, count: number, prefix: string, workers: number, pid?: number): Promise<LoadRun> {
  const pool = new Pool(sr.url, { connections: workers, pipelining: 1 });
  const headers = { ...SR_JSON, authorization: sr.auth };
  const send: Send = async (path, body) => {
    const res = await pool.request({ method: 'POST', path, headers, body });
    const text = await res.body.text();
    if (res.statusCode !== 200) throw new Error(`POST ${path}: expected 200, got ${res.statusCode}: ${text.slice(0, 500)}`);
    return JSON.parse(text);
  };
  let next = 0;
  const cpu0 = { emulator: processCpuSeconds(pid), clients: ownCpuSeconds() };
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let i = next++; i < count; i = next++) await registerAndLookupOne(send, prefix, i);
      }),
    );
    const rate = (count / (performance.now() - t0)) * 1000;
    const emulatorCpu = processCpuSeconds(pid);
    const perPair = (seconds: number) => (seconds * 1e6) / count;
    return {
      rate,
      emulatorUs: emulatorCpu !== undefined && cpu0.emulator !== undefined ? perPair(emulatorCpu - cpu0.emulator) : undefined,
      clientsUs: perPair(ownCpuSeconds() - cpu0.clients),
    };
  } finally {
    await pool.close();
  }
}

/** The same schemas stored and found by fingerprint with better-sqlite3 directly: the floor (pairs/s and CPU µs per pair). */
function baseline(count: number): { rate: number; cpuUs: number } {
  const db = new Database(join(tempDir('sr-baseline'), 'schemas.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE schemas (id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, schema TEXT NOT NULL);
           CREATE TABLE versions (subject TEXT NOT NULL, version INTEGER NOT NULL, schema_id INTEGER NOT NULL, PRIMARY KEY (subject, version)) WITHOUT ROWID;`);
  const byFingerprint = db.prepare('SELECT id FROM schemas WHERE fingerprint = ?');
  const insertSchema = db.prepare('INSERT INTO schemas (fingerprint, schema) VALUES (?, ?)');
  const insertVersion = db.prepare('INSERT INTO versions VALUES (?, 1, ?)');
  const lookup = db.prepare('SELECT v.version, s.id FROM schemas s JOIN versions v ON v.schema_id = s.id WHERE s.fingerprint = ? AND v.subject = ?');
  const fingerprint = (schema: string) => createHash('sha256').update(JSON.stringify(JSON.parse(schema))).digest('hex');
  const cpu0 = ownCpuSeconds();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const subject = `base-${i}-value`;
    const schema = avroSchema(`R${i}`, 1);
    db.transaction(() => {
      const fp = fingerprint(schema);
      const id = (byFingerprint.get(fp) as { id: number } | undefined)?.id ?? Number(insertSchema.run(fp, schema).lastInsertRowid);
      insertVersion.run(subject, id);
    })();
    if (!lookup.get(fingerprint(schema), subject)) throw new Error(`baseline lookup of ${subject} found nothing`);
  }
  const rate = (count / (performance.now() - t0)) * 1000;
  const cpuUs = ((ownCpuSeconds() - cpu0) * 1e6) / count;
  db.close();
  return { rate, cpuUs };
}

/** Registers versions 1..n of one subject under BACKWARD_TRANSITIVE, timing each register. */
async function transitive(sr: { url: string; auth: string }, versions: number, log: (line: string) => void) {
  const subject = 'bench-transitive-value';
  await expectStatus(200, 'PUT', `${sr.url}/config/${subject}`, { auth: sr.auth, body: { compatibility: 'BACKWARD_TRANSITIVE' }, headers: SR_JSON });
  const times: number[] = [];
  for (let v = 1; v <= versions; v++) {
    const r = await expectStatus(200, 'POST', `${sr.url}/subjects/${subject}/versions`, { auth: sr.auth, body: { schema: avroSchema('Long', v) }, headers: SR_JSON });
    times.push(r.ms);
    if (v % 250 === 0) log(`  version ${v}: ${r.ms.toFixed(1)} ms`);
  }
  const latest = await expectStatus(200, 'GET', `${sr.url}/subjects/${subject}/versions/latest`, { auth: sr.auth });
  if (latest.body.version !== versions) throw new Error(`expected version ${versions}, the subject is at ${latest.body.version}`);
  return { versions, totalMs: times.reduce((a, b) => a + b, 0), firstMs: times[0], lastMs: times[times.length - 1], lastTenMedianMs: median(times.slice(-10)) };
}

/** The median run by rate. */
const medianRun = <T extends { rate: number }>(runs: T[]): T => [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];

export async function runSchemaRegistry(st: SchemaRegistrySettings, log: (line: string) => void): Promise<SchemaRegistryResult> {
  const emu = await startEmulator({ args: ['--lifecycle', 'immediate'] });
  try {
    const sr = await registry(emu);
    const pid = emu.spawned.proc.pid;
    if (st.warmup > 0) await registerAndLookup(sr, st.warmup, 'warm', st.workers);
    const cpuLine = (run: LoadRun) => `CPU per pair: emulator ${run.emulatorUs?.toFixed(0) ?? '?'} µs, clients ${run.clientsUs.toFixed(0)} µs`;
    const concurrentRuns: LoadRun[] = [];
    const sequentialRuns: LoadRun[] = [];
    const baselineRuns: Array<{ rate: number; cpuUs: number }> = [];
    for (let round = 0; round < st.rounds; round++) {
      const concurrent = () => registerAndLookup(sr, st.schemas, `bench${round}`, st.workers, pid);
      const sequential = () => registerAndLookup(sr, st.schemas, `sequential${round}`, 1, pid);
      // Alternate which goes first: the first run of a round meets a registry with fewer versions.
      const [first, second] = round % 2 === 0 ? [concurrent, sequential] : [sequential, concurrent];
      const a = await first();
      const b = await second();
      const [c, q] = round % 2 === 0 ? [a, b] : [b, a];
      concurrentRuns.push(c);
      sequentialRuns.push(q);
      baselineRuns.push(baseline(st.schemas));
      const base = baselineRuns[baselineRuns.length - 1];
      log(`  round ${round + 1}: ${st.workers} clients ${c.rate.toFixed(0)} pairs/s (${cpuLine(c)}); one at a time ${q.rate.toFixed(0)} pairs/s (${cpuLine(q)}); better-sqlite3 ${base.rate.toFixed(0)} pairs/s (${base.cpuUs.toFixed(0)} µs per pair)`);
    }
    const concurrent = medianRun(concurrentRuns);
    const sequential = medianRun(sequentialRuns);
    const base = medianRun(baselineRuns);
    const cpuOf = (run: LoadRun) => ({ emulatorUs: run.emulatorUs, clientsUs: run.clientsUs, baselineUs: base.cpuUs });
    log(`  register + lookup, median of ${st.rounds}: ${st.workers} clients ${concurrent.rate.toFixed(0)} pairs/s, one at a time ${sequential.rate.toFixed(0)} pairs/s, better-sqlite3 ${base.rate.toFixed(0)} pairs/s`);
    const t = await transitive(sr, st.versions, log);
    log(`  BACKWARD_TRANSITIVE: version ${t.versions} took ${t.lastMs.toFixed(1)} ms (median of the last ten ${t.lastTenMedianMs.toFixed(1)} ms); all ${t.versions} in ${(t.totalMs / 1000).toFixed(1)} s`);
    return {
      throughput: { emulator: concurrent.rate, baseline: base.rate, ratio: concurrent.rate / base.rate, cpu: cpuOf(concurrent), workers: st.workers },
      sequential: { emulator: sequential.rate, baseline: base.rate, ratio: sequential.rate / base.rate, cpu: cpuOf(sequential) },
      transitive: t,
    };
  } finally {
    await emu.stop();
  }
}
