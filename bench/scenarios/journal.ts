import { expectStatus } from '../lib/http.js';
import { runLoad, type LoadResult } from '../lib/load.js';
import { BOOTSTRAP, startEmulator, type Server } from '../lib/servers.js';
import type { Settings } from '../lib/settings.js';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Journal } from '../../src/control/journal.js';
import { processCpuSeconds } from '../lib/cpu.js';
import { rssMb } from '../lib/rss.js';
import { median } from '../lib/stats.js';

export interface JournalResult {
  /** Journal on (the default size) ÷ journal off, median rounds. */
  ratio: number;
  on: LoadResult;
  off: LoadResult;
  rounds: { on: number[]; off: number[] };
  journalSize: number;
  /** In process, without HTTP: µs per recorded request with a full ring, and with the journal off. */
  recordMicros: { on: number; off: number };
  /**
   * The server's CPU time per answered request (µs, median rounds; /proc, so Linux only), and the
   * ratio off ÷ on: unlike requests/s, it hardly moves with what else the machine runs.
   */
  cpuMicros?: { on: number; off: number; ratio: number };
  /** Each server's RSS after its last round (MB). */
  rss: { on?: number; off?: number };
  /**
   * What a full ring of GET-by-id entries holds, per entry, in process: bytes on the JavaScript
   * heap after a full collection (what survives a young-generation collection is copied, then
   * promoted, so these bytes are the journal's cost to the collector), and the text buffer's size.
   */
  footprint: { heapBytes: number; externalBytes: number };
}

/** A full garbage collection, from the bench's own process (no --expose-gc needed on the command line). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Bytes per entry a full ring of `size` GET-by-id entries holds, on the heap and outside it. */
function footprint(size: number, body: string): { heapBytes: number; externalBytes: number } {
  const gc = collector();
  const heapUsed = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heapUsed();
  const journal = new Journal(size);
  // Each response body its own string, as each request's is.
  for (let i = 0; i < size * 2; i++) journal.record(entryOf(i), undefined, body.slice(0, -1) + '}');
  const held = { heapBytes: (heapUsed() - before) / size, externalBytes: journal.textBufferBytes / size };
  if (journal.list({}, 1).length !== 1) throw new Error('the journal lost its entries');
  return held;
}

/** A GET-by-id's entry: its own request id, as every request has. */
const entryOf = (i: number) => ({ request_id: `3f0c9a7e-5b1d-4c2e-8a6f-${i.toString(16).padStart(12, '0')}`, timeMs: Date.now(), method: 'GET', path: `/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, operation_id: 'getIamV2ServiceAccount', status: 200, organization_id: BOOTSTRAP.orgId, api_key: BOOTSTRAP.apiKey, duration_ms: 0.5, query: {} });

const GET_BY_ID_BODY = JSON.stringify({ api_version: 'iam/v2', kind: 'ServiceAccount', id: BOOTSTRAP.serviceAccountId, metadata: { self: `http://127.0.0.1:8080/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, resource_name: `crn://confluent.cloud/organization=${BOOTSTRAP.orgId}/service-account=${BOOTSTRAP.serviceAccountId}`, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }, display_name: 'bootstrap', description: 'The bootstrap service account' });

/** The cost of Journal.record itself, in process: a GET-by-id's entry and response body, the ring full. */
function recordCost(size: number): number {
  const body = JSON.stringify({ api_version: 'iam/v2', kind: 'ServiceAccount', id: BOOTSTRAP.serviceAccountId, metadata: { self: `http://127.0.0.1:8080/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, resource_name: `crn://confluent.cloud/organization=${BOOTSTRAP.orgId}/service-account=${BOOTSTRAP.serviceAccountId}`, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }, display_name: 'bootstrap', description: 'The bootstrap service account' });
  const journal = new Journal(size);
  const record = (i: number) =>
    journal.record({ request_id: `r${i}`, timeMs: Date.now(), method: 'GET', path: `/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, operation_id: 'getIamV2ServiceAccount', status: 200, organization_id: BOOTSTRAP.orgId, api_key: BOOTSTRAP.apiKey, duration_ms: 0.5, query: {} }, undefined, body);
  for (let i = 0; i < size * 2; i++) record(i);
  const n = 200_000;
  const started = process.hrtime.bigint();
  for (let i = 0; i < n; i++) record(i);
  return Number(process.hrtime.bigint() - started) / n / 1000;
}

const DEFAULT_JOURNAL_SIZE = 10_000;
const medianRound = (rs: LoadResult[]) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor((rs.length - 1) / 2)];

/**
 * The request journal's cost: GET-by-id against two emulators started the same way, one with the
 * journal at its default size and one with `--journal-size 0`. The journal-on emulator is first
 * given more requests than its ring holds, so that every measured request overwrites an entry,
 * as it does in a long test run.
 */
export async function runJournal(st: Settings, log: (line: string) => void): Promise<JournalResult> {
  const servers: Server[] = [];
  try {
    const on = await startEmulator({ args: ['--journal-size', String(DEFAULT_JOURNAL_SIZE)] });
    servers.push(on);
    const off = await startEmulator({ args: ['--journal-size', '0'] });
    servers.push(off);
    log(`  journal on ${on.url}, journal off ${off.url}`);
    const spec = (s: Server) => ({ method: 'GET' as const, path: `/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, auth: s.auth });
    // Fill the ring: keep loading until it holds its full size.
    for (let i = 0; i < 20; i++) {
      const held = await expectStatus(200, 'GET', `${on.url}/_emulator/requests?limit=${DEFAULT_JOURNAL_SIZE}`, {});
      if (held.body.data.length >= DEFAULT_JOURNAL_SIZE) break;
      await runLoad(on.url, spec(on), 1, st.connections);
    }
    const runs: { on: LoadResult[]; off: LoadResult[] } = { on: [], off: [] };
    const cpu: { on: number[]; off: number[] } = { on: [], off: [] };
    for (let round = 0; round < st.rounds; round++) {
      for (const [name, server] of round % 2 === 0 ? ([['on', on], ['off', off]] as const) : ([['off', off], ['on', on]] as const)) {
        if (st.warmupSeconds > 0) await runLoad(server.url, spec(server), st.warmupSeconds, st.connections);
        const cpuBefore = processCpuSeconds(server.spawned.proc.pid);
        const r = await runLoad(server.url, spec(server), st.seconds, st.connections);
        const cpuAfter = processCpuSeconds(server.spawned.proc.pid);
        runs[name].push(r);
        if (cpuBefore !== undefined && cpuAfter !== undefined && r.ok > 0) cpu[name].push(((cpuAfter - cpuBefore) * 1e6) / r.ok);
        const bad = r.non2xx + r.errors + r.timeouts;
        const perRequest = cpu[name].length === runs[name].length ? `  ${cpu[name].at(-1)!.toFixed(1)} µs CPU/request` : '';
        log(`  get-by-id  journal ${name.padEnd(3)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms${perRequest}` + (bad ? `  !! ${bad} failed ${JSON.stringify(r.statuses)}` : ''));
      }
    }
    const a = medianRound(runs.on);
    const b = medianRound(runs.off);
    const rss = { on: rssMb(on.spawned.proc.pid), off: rssMb(off.spawned.proc.pid) };
    const cpuMicros = cpu.on.length && cpu.off.length ? { on: median(cpu.on), off: median(cpu.off), ratio: median(cpu.off) / median(cpu.on) } : undefined;
    if (cpuMicros) log(`  CPU per request: journal on ${cpuMicros.on.toFixed(1)} µs, off ${cpuMicros.off.toFixed(1)} µs (off/on ${cpuMicros.ratio.toFixed(3)}); RSS on ${rss.on?.toFixed(0)} MB, off ${rss.off?.toFixed(0)} MB`);
    const recordMicros = { on: recordCost(DEFAULT_JOURNAL_SIZE), off: recordCost(0) };
    const held = footprint(DEFAULT_JOURNAL_SIZE, GET_BY_ID_BODY);
    log(`  a full ring holds ${held.heapBytes.toFixed(0)} bytes of heap and ${held.externalBytes.toFixed(0)} bytes outside it per entry`);
    log(`  Journal.record in process: ${recordMicros.on.toFixed(2)} µs per request with a full ring, ${recordMicros.off.toFixed(2)} µs off`);
    return { ratio: a.rps / b.rps, on: a, off: b, rounds: { on: runs.on.map((r) => r.rps), off: runs.off.map((r) => r.rps) }, journalSize: DEFAULT_JOURNAL_SIZE, recordMicros, cpuMicros, rss, footprint: held };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
