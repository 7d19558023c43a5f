import { expectStatus } from '../lib/http.js';
import { runLoad, type LoadResult, type LoadSpec } from '../lib/load.js';
import { BOOTSTRAP, type Server } from '../lib/servers.js';
import type { Settings } from '../lib/settings.js';
import { rssMb } from '../lib/rss.js';
import { processCpuSeconds } from '../lib/cpu.js';

export interface ThroughputResult {
  scenario: string;
  /** The median round of each server. */
  baseline: LoadResult;
  emulator: LoadResult;
  /** emulator rps / baseline rps (median rounds). */
  ratio: number;
  /** Requests per second of every round, in order. */
  rounds: { baseline: number[]; emulator: number[] };
  /** Server CPU time per answered request in µs (median of the rounds), when /proc tells. */
  cpuPerRequestUs: { baseline?: number; emulator?: number };
}

/** Resident set sizes in MB: idle after start (before any request), and after every scenario's load. */
export interface RssResult {
  emulator: { idle?: number; loaded?: number };
  baseline: { idle?: number; loaded?: number };
}

interface Scenario {
  name: string;
  spec: (s: Server) => LoadSpec;
}

/** Items each server holds before the runs, so that a page of 10 is a full page. */
const SEED = 100;

/** Bodies with a display_name never sent before in this run. */
function uniqueNames(prefix: string): () => string {
  const run = Math.random().toString(36).slice(2, 8);
  let n = 0;
  return () => JSON.stringify({ display_name: `${prefix}-${run}-${n++}`, description: 'created by the benchmark' });
}

const SCENARIOS: Scenario[] = [
  { name: 'get-by-id', spec: (s) => ({ method: 'GET', path: `/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, auth: s.auth }) },
  { name: 'list', spec: (s) => ({ method: 'GET', path: '/iam/v2/service-accounts?page_size=10', auth: s.auth }) },
  // Last: it grows the table the other two read. display_name must be unique (else 409).
  {
    name: 'create',
    spec: (s) => ({ method: 'POST', path: '/iam/v2/service-accounts', auth: s.auth, body: uniqueNames(`bench-${s.name}`) }),
  },
];

async function seed(s: Server): Promise<void> {
  for (let i = 0; i < SEED; i++) {
    await expectStatus(201, 'POST', `${s.url}/iam/v2/service-accounts`, { auth: s.auth, body: { display_name: `seed-${i}`, description: 'seeded by the benchmark' } });
  }
  // Both routes answer before anything is measured.
  await expectStatus(200, 'GET', `${s.url}/iam/v2/service-accounts/${BOOTSTRAP.serviceAccountId}`, { auth: s.auth });
  const list = await expectStatus(200, 'GET', `${s.url}/iam/v2/service-accounts?page_size=10`, { auth: s.auth });
  if (list.body.data.length !== 10) throw new Error(`${s.name}: a page of 10 came back with ${list.body.data.length} items`);
}

const medianOf = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : undefined);

const medianRound = (rs: LoadResult[]) => [...rs].sort((a, b) => a.rps - b.rps)[Math.floor((rs.length - 1) / 2)];

/**
 * GET-by-id, list and create against both servers, `rounds` times (the server that goes first
 * alternates), each measured run preceded by a warm-up on the same route.
 */
export async function runThroughput(
  baseline: Server,
  emulator: Server,
  st: Settings,
  log: (line: string) => void,
): Promise<{ results: ThroughputResult[]; rss: RssResult }> {
  // Idle: started, nothing asked yet; a moment lets start-up garbage be collected as it would be.
  await new Promise((r) => setTimeout(r, 1000));
  const rss: RssResult = { emulator: { idle: rssMb(emulator.spawned.proc.pid) }, baseline: { idle: rssMb(baseline.spawned.proc.pid) } };
  log(`  idle RSS: emulator ${rss.emulator.idle?.toFixed(0) ?? '?'} MB, baseline ${rss.baseline.idle?.toFixed(0) ?? '?'} MB`);
  await seed(baseline);
  await seed(emulator);
  const results: ThroughputResult[] = [];
  for (const sc of SCENARIOS) {
    const specs = new Map([baseline, emulator].map((s) => [s.name, sc.spec(s)]));
    const runs: Record<Server['name'], LoadResult[]> = { baseline: [], emulator: [] };
    const cpu: Record<Server['name'], number[]> = { baseline: [], emulator: [] };
    for (let round = 0; round < st.rounds; round++) {
      for (const server of round % 2 === 0 ? [baseline, emulator] : [emulator, baseline]) {
        const spec = specs.get(server.name)!;
        if (st.warmupSeconds > 0) await runLoad(server.url, spec, st.warmupSeconds, st.connections);
        const pid = server.spawned.proc.pid;
        const cpuBefore = processCpuSeconds(pid);
        const r = await runLoad(server.url, spec, st.seconds, st.connections);
        const cpuAfter = processCpuSeconds(pid);
        runs[server.name].push(r);
        const answered = r.ok + r.non2xx;
        if (cpuBefore !== undefined && cpuAfter !== undefined && answered > 0) cpu[server.name].push(((cpuAfter - cpuBefore) * 1e6) / answered);
        const bad = r.non2xx + r.errors + r.timeouts;
        log(
          `  ${sc.name.padEnd(10)} ${server.name.padEnd(9)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms` +
            (cpu[server.name].length === runs[server.name].length ? `  CPU ${cpu[server.name].at(-1)!.toFixed(0)} µs/req` : '') +
            (bad ? `  !! non-2xx ${r.non2xx} errors ${r.errors} timeouts ${r.timeouts} ${JSON.stringify(r.statuses)}` : ''),
        );
      }
    }
    const b = medianRound(runs.baseline);
    const e = medianRound(runs.emulator);
    results.push({
      scenario: sc.name,
      baseline: b,
      emulator: e,
      ratio: e.rps / b.rps,
      rounds: { baseline: runs.baseline.map((r) => r.rps), emulator: runs.emulator.map((r) => r.rps) },
      cpuPerRequestUs: { baseline: medianOf(cpu.baseline), emulator: medianOf(cpu.emulator) },
    });
  }
  rss.emulator.loaded = rssMb(emulator.spawned.proc.pid);
  rss.baseline.loaded = rssMb(baseline.spawned.proc.pid);
  log(`  RSS after the load: emulator ${rss.emulator.loaded?.toFixed(0) ?? '?'} MB, baseline ${rss.baseline.loaded?.toFixed(0) ?? '?'} MB`);
  return { results, rss };
}
