/**
 * The benchmark suite (`npm run bench`): throughput of the emulator as a ratio to a plain Fastify +
 * better-sqlite3 server started in the same run, cold start, and deep pagination. See README.md.
 */
import { cpus, platform, release } from 'node:os';
import { readSettings, type Settings } from './lib/settings.js';
import { startBaseline, startEmulator, type Server } from './lib/servers.js';
import { closeHttp } from './lib/http.js';
import { resultsDir } from './lib/paths.js';
import { statusOf, summaryTable, writeResults, type Figure } from './lib/report.js';
import { median, round } from './lib/stats.js';
import { removeTempDirs } from './lib/tmp.js';
import { runThroughput, type RssResult, type ThroughputResult } from './scenarios/throughput.js';
import { runColdStart, type ColdStartResult } from './scenarios/cold-start.js';
import { runPagination, type PaginationResult } from './scenarios/pagination.js';
import { runKafka, type KafkaResult } from './scenarios/kafka.js';
import { runSchemaRegistry, type SchemaRegistryResult } from './scenarios/schema-registry.js';
import { producersDescription, runKafkaProtocol, type KafkaProtocolResult } from './scenarios/kafka-protocol.js';
import { runJournal, type JournalResult } from './scenarios/journal.js';
import { runAuthorization, type AuthorizationResult } from './scenarios/authorization.js';

const log = (line: string) => process.stdout.write(line + '\n');

async function throughput(st: Settings): Promise<{ results: ThroughputResult[]; rss: RssResult }> {
  log(`\n== throughput: ${st.rounds} round(s) of ${st.seconds} s per server, ${st.connections} connections, ${st.warmupSeconds} s warm-up ==`);
  const servers: Server[] = [];
  try {
    servers.push(await startBaseline());
    servers.push(await startEmulator({ args: ['--quotas', 'service_accounts_per_org=1000000'] }));
    log(`  baseline ${servers[0].url}, emulator ${servers[1].url}`);
    const run = await runThroughput(servers[0], servers[1], st, log);
    for (const r of run.results) log(`  ${r.scenario}: emulator/baseline = ${r.ratio.toFixed(2)}`);
    return run;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** Emulator ÷ baseline requests/s each throughput scenario must reach (issue 14's table). */
const THROUGHPUT_TARGETS: Record<string, number> = { 'get-by-id': 0.8, list: 0.7, create: 0.5 };

/** Server CPU per request beside the rates: steadier than req/s on a busy machine. */
function cpuDetail(cpu: ThroughputResult['cpuPerRequestUs']): string {
  if (cpu.baseline === undefined || cpu.emulator === undefined) return '';
  return `; CPU per request emulator ${cpu.emulator.toFixed(0)} µs, baseline ${cpu.baseline.toFixed(0)} µs (baseline ÷ emulator ${(cpu.baseline / cpu.emulator).toFixed(2)})`;
}

const recordRate = (n: number) => `${n.toFixed(0)} records/s`;

function figuresOf(st: Settings, tpRun?: { results: ThroughputResult[]; rss: RssResult }, cold?: ColdStartResult, pg?: PaginationResult, kafka?: KafkaResult, sr?: SchemaRegistryResult, kp?: KafkaProtocolResult, journal?: JournalResult, authz?: AuthorizationResult): Figure[] {
  const figures: Figure[] = [];
  const tp = tpRun?.results;
  for (const r of tp ?? []) {
    const bad = r.emulator.non2xx + r.emulator.errors + r.emulator.timeouts + r.baseline.non2xx + r.baseline.errors + r.baseline.timeouts;
    figures.push({
      name: `${r.scenario} emulator/baseline`,
      value: round(r.ratio, 3),
      unit: '',
      target: THROUGHPUT_TARGETS[r.scenario] !== undefined ? { op: '>=', value: THROUGHPUT_TARGETS[r.scenario] } : undefined,
      detail:
        `emulator ${r.emulator.rps.toFixed(0)} req/s (p50 ${r.emulator.p50} ms, p99 ${r.emulator.p99} ms), ` +
        `baseline ${r.baseline.rps.toFixed(0)} req/s (p50 ${r.baseline.p50} ms, p99 ${r.baseline.p99} ms)` +
        cpuDetail(r.cpuPerRequestUs) +
        (bad ? `; ${bad} failed requests` : ''),
    });
  }
  const rss = tpRun?.rss;
  if (rss?.emulator.idle !== undefined) {
    figures.push({
      name: 'idle RSS after start',
      value: Math.round(rss.emulator.idle),
      unit: 'MB',
      target: { op: '<', value: 120 },
      detail: `emulator before any request; baseline ${rss.baseline.idle?.toFixed(0) ?? '?'} MB`,
    });
  }
  if (rss?.emulator.loaded !== undefined) {
    figures.push({
      name: 'RSS after the load',
      value: Math.round(rss.emulator.loaded),
      unit: 'MB',
      detail: `emulator after the throughput scenarios; baseline ${rss.baseline.loaded?.toFixed(0) ?? '?'} MB`,
    });
  }
  if (journal) {
    figures.push({
      name: 'get-by-id journal on/off',
      value: round(journal.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.9 },
      detail: `journal of ${journal.journalSize.toLocaleString('en-US')} ${journal.on.rps.toFixed(0)} req/s (p50 ${journal.on.p50} ms), --journal-size 0 ${journal.off.rps.toFixed(0)} req/s (p50 ${journal.off.p50} ms)`,
    });
    figures.push({
      name: 'journal record (in process)',
      value: round(journal.recordMicros.on, 2),
      unit: 'µs',
      detail: `per request with a full ring of ${journal.journalSize.toLocaleString('en-US')}; ${journal.recordMicros.off.toFixed(2)} µs with the journal off`,
    });
    figures.push({
      name: 'journal heap per entry',
      value: Math.round(journal.footprint.heapBytes),
      unit: 'B',
      detail: `a full ring of ${journal.journalSize.toLocaleString('en-US')} GET-by-id entries, in process, after a full collection; ${journal.footprint.externalBytes.toFixed(0)} B per entry outside the heap`,
    });
    if (journal.cpuMicros) {
      figures.push({
        name: 'journal CPU/request off/on',
        value: round(journal.cpuMicros.ratio, 3),
        unit: '',
        detail: `server CPU per GET-by-id: journal on ${journal.cpuMicros.on.toFixed(1)} µs, off ${journal.cpuMicros.off.toFixed(1)} µs (median rounds); RSS after: on ${journal.rss.on?.toFixed(0) ?? '?'} MB, off ${journal.rss.off?.toFixed(0) ?? '?'} MB`,
      });
    }
  }
  if (cold) {
    figures.push({
      name: 'cold start (median)',
      value: round(cold.median, 0),
      unit: 'ms',
      target: { op: '<', value: 400 },
      detail: `${cold.samples.length} starts: ${cold.samples.map((n) => n.toFixed(0)).join(', ')} ms; baseline median ${cold.baselineMedian.toFixed(0)} ms`,
    });
    if (cold.cpu.length) {
      figures.push({
        name: 'cold start CPU (median)',
        value: round(median(cold.cpu), 0),
        unit: 'ms',
        detail: `CPU time used by the first healthy answer: ${cold.cpu.map((n) => n.toFixed(0)).join(', ')} ms; baseline median ${median(cold.baselineCpu).toFixed(0)} ms`,
      });
    }
    if (cold.rss.length) {
      figures.push({
        name: 'idle RSS after a cold start',
        value: Math.round(median(cold.rss)),
        unit: 'MB',
        target: { op: '<', value: 120 },
        detail: `a second after the first healthy answer, fresh store; baseline ${median(cold.baselineRss).toFixed(0)} MB`,
      });
    }
  }
  if (pg) {
    figures.push({
      name: `page ${pg.page} / page 1`,
      value: round(pg.ratio, 3),
      unit: '',
      target: { op: '<=', value: 2 },
      detail: `page_size ${pg.pageSize}, ${pg.items.toLocaleString('en-US')} items: page 1 ${pg.page1.medianMs.toFixed(2)} ms, page ${pg.page} ${pg.deep.medianMs.toFixed(2)} ms (medians of ${st.paginationSamples})`,
    });
    figures.push({
      name: `load ${pg.items.toLocaleString('en-US')} items`,
      value: round(pg.load.totalMs, 0),
      unit: 'ms',
      detail: `by ${pg.load.method === 'snapshot' ? 'POST /_emulator/snapshot' : 'POST /_emulator/fixtures'} (request ${pg.load.requestMs.toFixed(0)} ms, ${(pg.load.bytes / 1e6).toFixed(1)} MB)`,
    });
    for (const p of pg.fixturesProbe) {
      figures.push({
        name: `fixtures load ${p.items.toLocaleString('en-US')} items`,
        value: round(p.ms, 0),
        unit: 'ms',
        detail: `${((p.items / p.ms) * 1000).toFixed(0)} items/s through POST /_emulator/fixtures`,
      });
    }
  }
  if (kafka) {
    figures.push({
      name: 'v3 streamed produce / sqlite insert',
      value: round(kafka.produce.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.25 },
      detail: `emulator ${recordRate(kafka.produce.emulator)}, better-sqlite3 ${recordRate(kafka.produce.baseline)} (${st.kafkaRecords.toLocaleString('en-US')} records, ${st.kafkaBatch} per request)`,
    });
    figures.push({
      name: 'v2 fetch / sqlite select',
      value: round(kafka.fetch.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.25 },
      detail: `emulator ${recordRate(kafka.fetch.emulator)}, better-sqlite3 ${recordRate(kafka.fetch.baseline)}`,
    });
    figures.push({
      name: 'fetch middle / fetch start',
      value: round(kafka.deep.ratio, 3),
      unit: '',
      target: { op: '<=', value: 2 },
      detail: `${kafka.deep.records.toLocaleString('en-US')} records in one partition (loaded in ${(kafka.deep.loadMs / 1000).toFixed(1)} s): start ${kafka.deep.startMs.toFixed(2)} ms, middle ${kafka.deep.middleMs.toFixed(2)} ms`,
    });
  }
  if (kp) {
    figures.push({
      name: 'protocol produce / sqlite insert',
      value: round(kp.produce.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.5 },
      detail: `kafkajs ${recordRate(kp.produce.emulator)} (${producersDescription({ producers: st.kafkaProducers, placement: st.kafkaPlacement })}, batches of ${st.kafkaBatch}, acks -1), better-sqlite3 ${recordRate(kp.produce.baseline)}`,
    });
    const cpu = kp.produce.cpu;
    if (cpu) {
      figures.push({
        name: 'protocol produce CPU: insert / emulator',
        value: round(cpu.baselineUs / cpu.emulatorUs, 3),
        unit: '',
        detail: `CPU per record: emulator ${cpu.emulatorUs.toFixed(1)} µs, better-sqlite3 insert ${cpu.baselineUs.toFixed(1)} µs, kafkajs producers ${cpu.producersUs.toFixed(1)} µs`,
      });
    }
    figures.push({
      name: 'protocol produce (pre-encoded) / insert',
      value: round(kp.produceWire.ratio, 3),
      unit: '',
      detail: `Produce v8 of batches encoded beforehand ${recordRate(kp.produceWire.emulator)}: the broker without kafkajs' own encoding`,
    });
    figures.push({
      name: 'protocol fetch / sqlite select',
      value: round(kp.fetch.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.5 },
      detail: `Fetch v11 ${recordRate(kp.fetch.emulator)}, better-sqlite3 ${recordRate(kp.fetch.baseline)}`,
    });
    figures.push({ name: 'protocol one record end-to-end p50', value: round(kp.latency.p50, 2), unit: 'ms', detail: `produce (acks -1) -> long-polling fetch, ${kp.latency.samples} samples` });
    figures.push({ name: 'protocol one record end-to-end p99', value: round(kp.latency.p99, 2), unit: 'ms' });
    figures.push({ name: 'fresh start -> first produced record', value: round(kp.firstRecordMs, 0), unit: 'ms', detail: 'spawn, cluster and key over REST, CreateTopics, Produce' });
  }
  if (sr) {
    figures.push({
      name: 'SR register+lookup / sqlite',
      value: round(sr.throughput.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.25 },
      detail: `emulator ${sr.throughput.emulator.toFixed(0)} pairs/s over HTTP from ${sr.throughput.workers} clients, better-sqlite3 ${sr.throughput.baseline.toFixed(0)} pairs/s in process (${st.srSchemas.toLocaleString('en-US')} schemas)`,
    });
    const cpu = sr.throughput.cpu;
    if (cpu.emulatorUs !== undefined) {
      figures.push({
        name: 'SR CPU per pair: sqlite / emulator',
        value: round(cpu.baselineUs / cpu.emulatorUs, 3),
        unit: '',
        detail: `emulator ${cpu.emulatorUs.toFixed(0)} µs per register+lookup with ${sr.throughput.workers} clients (${sr.sequential.cpu.emulatorUs?.toFixed(0) ?? '?'} µs one at a time), the clients ${cpu.clientsUs.toFixed(0)} µs, better-sqlite3 ${cpu.baselineUs.toFixed(0)} µs`,
      });
    }
    figures.push({
      name: 'SR register+lookup one at a time / sqlite',
      value: round(sr.sequential.ratio, 3),
      unit: '',
      detail: `emulator ${sr.sequential.emulator.toFixed(0)} pairs/s, one request at a time (latency-bound)`,
    });
    figures.push({
      name: `SR register of version ${sr.transitive.versions} (BACKWARD_TRANSITIVE)`,
      value: round(sr.transitive.lastTenMedianMs, 1),
      unit: 'ms',
      detail: `median of the last ten registers; version 1 ${sr.transitive.firstMs.toFixed(1)} ms; all ${sr.transitive.versions} versions in ${(sr.transitive.totalMs / 1000).toFixed(1)} s`,
    });
  }
  if (authz) {
    figures.push({
      name: 'get-by-id authorization enforce/off',
      value: round(authz.ratio, 3),
      unit: '',
      target: { op: '>=', value: 0.9 },
      detail: `enforce ${authz.enforce.rps.toFixed(0)} req/s (p50 ${authz.enforce.p50} ms), off ${authz.off.rps.toFixed(0)} req/s (p50 ${authz.off.p50} ms)`,
    });
    figures.push({
      name: 'authorization of a GET-by-id (in process)',
      value: round(authz.decideMicros.admin, 2),
      unit: 'µs',
      detail: `for the OrganizationAdmin; ${authz.decideMicros.bound.toFixed(2)} µs through a narrower binding (cached decision)`,
    });
  }
  return figures;
}

async function main() {
  const st = readSettings();
  log(`ccloud-emulator benchmarks: node ${process.version}, ${platform()} ${release()}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`);
  const tp = st.only.has('throughput') ? await throughput(st) : undefined;

  let journal: JournalResult | undefined;
  if (st.only.has('journal')) {
    log(`\n== journal: GET-by-id with the request journal at its default size against --journal-size 0, ${st.rounds} round(s) of ${st.seconds} s ==`);
    journal = await runJournal(st, log);
    log(`  journal on/off = ${journal.ratio.toFixed(3)}`);
  }

  let cold: ColdStartResult | undefined;
  if (st.only.has('cold-start')) {
    log(`\n== cold start: ${st.coldStarts} spawns, spawn -> first 200 of GET /_emulator/health ==`);
    cold = await runColdStart(st.coldStarts, log);
  }

  let pg: PaginationResult | undefined;
  if (st.only.has('pagination')) {
    log(`\n== deep pagination: ${st.paginationItems.toLocaleString('en-US')} service accounts, page_size ${st.paginationPageSize}, page 1 vs page ${st.paginationPage} ==`);
    pg = await runPagination(st, log);
  }

  let kafka: KafkaResult | undefined;
  if (st.only.has('kafka')) {
    log(`\n== kafka: streamed produce over v3 and fetch over v2 against better-sqlite3; fetching from the middle of ${st.kafkaDeepRecords.toLocaleString('en-US')} records ==`);
    kafka = await runKafka({ records: st.kafkaRecords, batch: st.kafkaBatch, deepRecords: st.kafkaDeepRecords, samples: st.kafkaSamples }, log);
  }

  let kp: KafkaProtocolResult | undefined;
  if (st.only.has('kafka-protocol')) {
    log(`\n== kafka protocol: kafkajs produce and raw fetch against better-sqlite3, one-record latency, fresh start to first record ==`);
    kp = await runKafkaProtocol({ records: st.kafkaRecords, batch: st.kafkaBatch, producers: st.kafkaProducers, placement: st.kafkaPlacement, latencySamples: st.kafkaLatencySamples }, log);
  }

  let sr: SchemaRegistryResult | undefined;
  if (st.only.has('schema-registry')) {
    log(`\n== schema registry: register and look up ${st.srSchemas.toLocaleString('en-US')} schemas against better-sqlite3; ${st.srVersions.toLocaleString('en-US')} versions under BACKWARD_TRANSITIVE ==`);
    sr = await runSchemaRegistry({ schemas: st.srSchemas, versions: st.srVersions, workers: st.srWorkers, warmup: st.srWarmup, rounds: st.rounds }, log);
  }

  let authz: AuthorizationResult | undefined;
  if (st.only.has('authorization')) {
    log(`\n== authorization: GET-by-id with --authorization enforce against off, ${st.rounds} round(s) of ${st.seconds} s ==`);
    authz = await runAuthorization(st, log);
    log(`  enforce/off = ${authz.ratio.toFixed(3)}`);
  }

  const figures = figuresOf(st, tp, cold, pg, kafka, sr, kp, journal, authz);
  log('\n== summary ==\n' + summaryTable(figures));
  const path = writeResults(resultsDir, figures, {
    environment: { node: process.version, platform: platform(), release: release(), cpus: cpus().length, cpu: cpus()[0]?.model },
    settings: { ...st, only: [...st.only] },
    throughput: tp,
    cold_start: cold,
    pagination: pg,
    kafka,
    schema_registry: sr,
    kafka_protocol: kp,
    journal,
    authorization: authz,
  });
  log(`\nwritten to ${path}`);
  await closeHttp();
  removeTempDirs();
  if (st.strict && figures.some((f) => statusOf(f) === 'MISS')) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
