import { join } from 'node:path';
import { baselineServer, emulatorCli } from './paths.js';
import { spawnServer, type Spawned } from './spawn.js';
import { basicAuth } from './http.js';
import { tempDir } from './tmp.js';

/** A running server under test and the Authorization header its management routes accept. */
export interface Server {
  name: 'emulator' | 'baseline';
  url: string;
  auth: string;
  /** The emulator's bootstrap organization id (the baseline uses the same one). */
  orgId: string;
  /** The emulator's Kafka listener (`host:port`), from its banner. */
  kafka?: string;
  spawned: Spawned;
  stop(): Promise<void>;
}

/** The bootstrap credentials of fixtures/default.json; the baseline accepts the same ones. */
export const BOOTSTRAP = {
  orgId: '11111111-1111-4111-8111-111111111111',
  serviceAccountId: 'sa-00000',
  apiKey: 'EMULATORCLOUDKEY',
  apiSecret: 'emulator-cloud-secret-0000000000000000000000000000000000000000000',
};

const line = (out: string, label: string) => new RegExp(`^\\s*${label}:\\s*(\\S+)\\s*$`, 'm').exec(out)?.[1];

export interface EmulatorOptions {
  /** SQLite file; a fresh temporary one when absent. */
  db?: string;
  /** Flags after the defaults (later flags win). */
  args?: string[];
  timeoutMs?: number;
}

/**
 * `node dist/src/cli.js --port 0 --db <tmp> --rate-limit 0 ...`, then the printed banner is read:
 * the URL, and the bootstrap API key and secret for Basic auth.
 */
export async function startEmulator(o: EmulatorOptions = {}): Promise<Server> {
  const db = o.db ?? join(tempDir('emulator'), 'bench.db');
  const args = ['--port', '0', '--kafka-port', '0', '--db', db, '--rate-limit', '0', '--log-level', 'warn', ...(o.args ?? [])];
  const spawned = await spawnServer(emulatorCli, args, { urlPattern: /ccloud-emulator \S+ listening on (\S+)/, timeoutMs: o.timeoutMs });
  // The banner is written in one write; wait for its last line all the same.
  for (let i = 0; i < 100 && !line(spawned.stdout(), 'api secret'); i++) await new Promise((r) => setTimeout(r, 10));
  const out = spawned.stdout();
  const key = line(out, 'api key') ?? BOOTSTRAP.apiKey;
  const secret = line(out, 'api secret') ?? BOOTSTRAP.apiSecret;
  const kafka = /^\s*kafka:\s*(\S+:\d+)\s/m.exec(out)?.[1];
  return {
    name: 'emulator',
    url: spawned.url,
    kafka,
    auth: basicAuth(key, secret),
    orgId: line(out, 'organization') ?? BOOTSTRAP.orgId,
    spawned,
    stop: spawned.stop,
  };
}

/** `node dist/bench/baseline-server.js --port 0 --dir <tmp>`: plain Fastify + better-sqlite3. */
export async function startBaseline(): Promise<Server> {
  const args = ['--port', '0', '--dir', tempDir('baseline'), '--api-key', BOOTSTRAP.apiKey, '--api-secret', BOOTSTRAP.apiSecret];
  const spawned = await spawnServer(baselineServer, args, { urlPattern: /baseline listening on (\S+)/ });
  return {
    name: 'baseline',
    url: spawned.url,
    auth: basicAuth(BOOTSTRAP.apiKey, BOOTSTRAP.apiSecret),
    orgId: BOOTSTRAP.orgId,
    spawned,
    stop: spawned.stop,
  };
}
