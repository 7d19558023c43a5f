/** Every knob of the benchmark suite, read once from the environment (see bench/README.md). */
export interface Settings {
  /** Seconds of measured load per scenario and server. */
  seconds: number;
  /** Seconds of unmeasured load before each measured run (JIT, lazily compiled validators). */
  warmupSeconds: number;
  connections: number;
  /** Rounds of each throughput scenario (alternating which server goes first); the median round counts. */
  rounds: number;
  coldStarts: number;
  paginationItems: number;
  paginationPageSize: number;
  /** The deep page compared with page 1. */
  paginationPage: number;
  paginationSamples: number;
  /** How the pagination items are loaded: `snapshot` (POST /_emulator/snapshot) or `fixtures` (POST /_emulator/fixtures). */
  loadMethod: 'snapshot' | 'fixtures';
  /** Sizes of the informational fixtures-load probe; empty to skip it. */
  fixturesProbe: number[];
  /** Kafka: records produced and fetched for the throughput figures, records per streamed request, records of the deep topic. */
  kafkaRecords: number;
  kafkaBatch: number;
  kafkaDeepRecords: number;
  kafkaSamples: number;
  /** Records produced and fetched one at a time for the Kafka protocol's end-to-end latency. */
  kafkaLatencySamples: number;
  /** kafkajs producers (each in its own worker thread) sharing the Kafka protocol produce figure. */
  kafkaProducers: number;
  kafkaPlacement: 'thread' | 'process';
  /** Schema Registry: distinct schemas registered and looked up, versions of the BACKWARD_TRANSITIVE subject. */
  srSchemas: number;
  srVersions: number;
  srWorkers: number;
  srWarmup: number;
  /** Scenario groups to run. */
  only: Set<string>;
  /** Exit with status 1 when a target is missed. */
  strict: boolean;
}

export const GROUPS = ['throughput', 'journal', 'cold-start', 'pagination', 'kafka', 'kafka-protocol', 'schema-registry', 'authorization'] as const;

/** BENCH_KAFKA_PLACEMENT: where the produce figure's kafkajs producers run. */
function placementOf(raw: string | undefined): 'thread' | 'process' {
  if (raw === undefined || raw === '' || raw === 'thread' || raw === 'process') return (raw || 'thread') as 'thread' | 'process';
  throw new Error(`BENCH_KAFKA_PLACEMENT must be thread or process, got '${raw}'`);
}

function num(env: NodeJS.ProcessEnv, name: string, def: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number >= ${min}, got '${raw}'`);
  return n;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const loadMethod = env.BENCH_LOAD ?? 'snapshot';
  if (loadMethod !== 'snapshot' && loadMethod !== 'fixtures') throw new Error(`BENCH_LOAD must be snapshot or fixtures, got '${loadMethod}'`);
  const only = new Set((env.BENCH_ONLY ?? GROUPS.join(',')).split(',').map((s) => s.trim()).filter(Boolean));
  for (const g of only) if (!(GROUPS as readonly string[]).includes(g)) throw new Error(`BENCH_ONLY: unknown group '${g}' (${GROUPS.join(', ')})`);
  const probe = (env.BENCH_FIXTURES_PROBE ?? '2000,4000').split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '0');
  return {
    seconds: num(env, 'BENCH_SECONDS', 5, 1),
    warmupSeconds: num(env, 'BENCH_WARMUP_SECONDS', 1, 0),
    connections: Math.round(num(env, 'BENCH_CONNECTIONS', 10, 1)),
    rounds: Math.round(num(env, 'BENCH_ROUNDS', 1, 1)),
    coldStarts: Math.round(num(env, 'BENCH_COLD_STARTS', 5, 1)),
    paginationItems: Math.round(num(env, 'BENCH_PAGINATION_ITEMS', 100_000, 1)),
    paginationPageSize: Math.round(num(env, 'BENCH_PAGINATION_PAGE_SIZE', 100, 1)),
    paginationPage: Math.round(num(env, 'BENCH_PAGINATION_PAGE', 1000, 2)),
    paginationSamples: Math.round(num(env, 'BENCH_PAGINATION_SAMPLES', 50, 1)),
    loadMethod,
    fixturesProbe: probe.map((s) => {
      const n = Number(s);
      if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_FIXTURES_PROBE must be a list of positive integers, got '${s}'`);
      return n;
    }),
    kafkaRecords: Math.round(num(env, 'BENCH_KAFKA_RECORDS', 50_000, 1)),
    kafkaBatch: Math.round(num(env, 'BENCH_KAFKA_BATCH', 1000, 1)),
    kafkaDeepRecords: Math.round(num(env, 'BENCH_KAFKA_DEEP_RECORDS', 1_000_000, 2)),
    kafkaSamples: Math.round(num(env, 'BENCH_KAFKA_SAMPLES', 30, 1)),
    kafkaLatencySamples: Math.round(num(env, 'BENCH_KAFKA_LATENCY_SAMPLES', 200, 1)),
    kafkaProducers: Math.round(num(env, 'BENCH_KAFKA_PRODUCERS', 1, 0)),
    kafkaPlacement: placementOf(env.BENCH_KAFKA_PLACEMENT),
    srSchemas: Math.round(num(env, 'BENCH_SR_SCHEMAS', 2000, 1)),
    srVersions: Math.round(num(env, 'BENCH_SR_VERSIONS', 1000, 1)),
    srWorkers: Math.round(num(env, 'BENCH_SR_WORKERS', 8, 1)),
    srWarmup: Math.round(num(env, 'BENCH_SR_WARMUP', 1000, 0)),
    only,
    strict: env.BENCH_STRICT === '1' || env.BENCH_STRICT === 'true',
  };
}
