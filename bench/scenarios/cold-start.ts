import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { http } from '../lib/http.js';
import { startBaseline, startEmulator, type Server } from '../lib/servers.js';
import { median } from '../lib/stats.js';
import { rssMb } from '../lib/rss.js';
import { processCpuSeconds } from '../lib/cpu.js';
import { tempDir } from '../lib/tmp.js';

export interface ColdStartResult {
  /** ms from spawn to the first 200 of GET /_emulator/health, one per start. */
  samples: number[];
  median: number;
  /** ms from spawn to the printed URL, one per start. */
  toUrl: number[];
  /** The same measure for the baseline (spawn to its first 200), for reference. */
  baselineMedian: number;
  /**
   * CPU time (user + system, ms) the emulator had used when it first answered, one per start: unlike
   * the wall time it hardly depends on what else the machine runs. Empty without /proc.
   */
  cpu: number[];
  baselineCpu: number[];
  /** Resident set size (MB) a second after the first answer, before any other request. */
  rss: number[];
  baselineRss: number[];
}

const IDLE_AFTER_MS = 1000;

/** Polls url until it answers 200; returns performance.now() at that answer. */
async function firstOk(url: string, auth?: string, timeoutMs = 30_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      const r = await http('GET', url, { auth });
      if (r.status === 200) return performance.now();
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

interface Start {
  total: number;
  toUrl: number;
  cpu?: number;
  rss?: number;
}

async function once(start: () => Promise<Server>, path: string): Promise<Start> {
  const server = await start();
  try {
    const ok = await firstOk(server.url + path, server.name === 'baseline' ? server.auth : undefined);
    const cpuSeconds = processCpuSeconds(server.spawned.proc.pid);
    const cpu = cpuSeconds === undefined ? undefined : cpuSeconds * 1000;
    await new Promise((r) => setTimeout(r, IDLE_AFTER_MS));
    const rss = rssMb(server.spawned.proc.pid);
    return { total: ok - server.spawned.spawnedAt, toUrl: server.spawned.urlAt - server.spawned.spawnedAt, cpu, rss };
  } finally {
    await server.stop();
  }
}

/**
 * Spawns the emulator CLI `runs` times, each with a fresh database (so the fixtures are loaded
 * and every document parsed), and measures spawn -> first 200 of GET /_emulator/health.
 */
export async function runColdStart(runs: number, log: (line: string) => void): Promise<ColdStartResult> {
  const samples: number[] = [];
  const toUrl: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const db = join(tempDir('cold'), 'bench.db');
    const r = await once(() => startEmulator({ db }), '/_emulator/health');
    samples.push(r.total);
    toUrl.push(r.toUrl);
    if (r.cpu !== undefined) cpu.push(r.cpu);
    if (r.rss !== undefined) rss.push(r.rss);
    const extra = r.cpu === undefined ? '' : `, ${r.cpu.toFixed(0)} ms CPU, ${r.rss?.toFixed(0) ?? '?'} MB idle`;
    log(`  emulator start ${i + 1}: ${r.total.toFixed(0)} ms to healthy (${r.toUrl.toFixed(0)} ms to the printed URL${extra})`);
  }
  const base: Start[] = [];
  for (let i = 0; i < runs; i++) base.push(await once(startBaseline, '/iam/v2/service-accounts/sa-00000'));
  const baselineCpu = base.flatMap((b) => (b.cpu === undefined ? [] : [b.cpu]));
  const baselineRss = base.flatMap((b) => (b.rss === undefined ? [] : [b.rss]));
  log(`  baseline starts: ${base.map((b) => b.total.toFixed(0)).join(', ')} ms` + (baselineCpu.length ? ` (CPU ${baselineCpu.map((n) => n.toFixed(0)).join(', ')} ms)` : ''));
  return { samples, median: median(samples), toUrl, baselineMedian: median(base.map((b) => b.total)), cpu, baselineCpu, rss, baselineRss };
}
