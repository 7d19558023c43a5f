import type { AddressInfo } from 'node:net';
import { buildApp, type Emulator } from '../app.js';
import { defaultConfig, type Config } from '../config.js';
import { parsePolicy, type LifecyclePolicy } from '../core/lifecycle.js';
import type { EventSubscription } from './event-subscription.js';
import { EmulatorControl, type ClockControl, type Fault, type FaultSpec, type JournalEntry, type JournalFilter, type OrganizationCredentials, type PhaseChange, type RequestQuery } from './control-client.js';

export type LifecycleOption = 'immediate' | 'timed' | 'reads' | `reads=${number}` | LifecyclePolicy;

/** Options of startEmulator: any configuration setting, and the lifecycle as the CLI writes it. */
export interface StartOptions extends Partial<Omit<Config, 'lifecycle'>> {
  /** `immediate` by default, so that resources are ready at once in tests. */
  lifecycle?: LifecycleOption;
}

/** A running emulator and its controls. New capabilities (the Kafka bootstrap address) are added as fields. */
export interface RunningEmulator {
  /** The base URL clients use (the public URL when one is configured). */
  url: string;
  apiKey: string;
  apiSecret: string;
  /** The bootstrap organization and environment. */
  organizationId: string;
  environmentId?: string;
  emulator: Emulator;
  /** The Kafka listener's `host:port` (bootstrap.servers), unless started with `kafkaPort: null`. */
  kafkaBootstrap?: string;
  /** A file holding the PEM of the CA that signed the Kafka listener's certificate. */
  kafkaCaFile?: string;
  /** The control plane, unscoped; `newOrganization()` gives one scoped to a fresh organization. */
  control: EmulatorControl;
  clock: ClockControl;
  /** Wipes everything: store, journal, faults and the clock; the fixtures are loaded again. */
  reset(): Promise<void>;
  close(): Promise<void>;
  requests(filter?: RequestQuery): Promise<JournalEntry[]>;
  waitFor(filter: JournalFilter, count?: number, timeoutMs?: number): Promise<JournalEntry[]>;
  fault(rule: FaultSpec): Promise<Fault>;
  clearFaults(): Promise<number>;
  advance(id: string, to?: 'next' | 'settled'): Promise<PhaseChange>;
  fail(id: string, message?: string): Promise<PhaseChange>;
  newOrganization(displayName?: string): Promise<OrganizationCredentials & { control: EmulatorControl }>;
  /** Subscribes to resource events: `(await emu.events()).phase(id, 'PROVISIONED')`. */
  events(filter?: { kind?: string }): Promise<EventSubscription>;
}

const LOG_LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);
const INTEGER_OPTIONS = ['port', 'rateLimit', 'bodyLimit', 'journalSize'] as const;

/** Settings that have no default, so `defaultConfig()` does not list them. */
const OPTIONAL_SETTINGS = new Set(['publicUrl', 'apiKey', 'apiSecret', 'kafkaTlsCert', 'kafkaTlsKey', 'adminToken']);

/** Checks the options a plain-JS caller may get wrong; every problem is named in one error. */
export function configFromOptions(options: StartOptions): Config {
  if (options === null || typeof options !== 'object') throw new Error('startEmulator: options must be an object');
  const base = defaultConfig();
  const problems: string[] = [];
  for (const key of Object.keys(options)) if (!(key in base) && !OPTIONAL_SETTINGS.has(key)) problems.push(`'${key}' is not an option`);
  for (const key of INTEGER_OPTIONS) {
    const v = options[key];
    if (v !== undefined && (!Number.isInteger(v) || (v as number) < 0)) problems.push(`${key} must be a non-negative integer`);
  }
  if (options.port !== undefined && options.port > 65535) problems.push('port must be at most 65535');
  const kafkaPort = options.kafkaPort;
  if (kafkaPort !== undefined && kafkaPort !== null && (!Number.isInteger(kafkaPort) || kafkaPort < 0 || kafkaPort > 65535)) problems.push('kafkaPort must be a port number (0 picks a free one) or null (off)');
  if (options.logLevel !== undefined && !LOG_LEVELS.has(options.logLevel)) problems.push(`logLevel must be one of ${[...LOG_LEVELS].join(', ')}`);
  if (options.errorFormat !== undefined && options.errorFormat !== 'errors' && options.errorFormat !== 'status') problems.push("errorFormat must be 'errors' or 'status'");
  for (const key of ['db', 'host', 'fixtures', 'publicUrl', 'apiKey', 'apiSecret', 'kafkaTlsCert', 'kafkaTlsKey', 'adminToken'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string') problems.push(`${key} must be a string`);
  }
  let lifecycle: LifecyclePolicy = { mode: 'immediate', reads: base.lifecycle.reads };
  const l = options.lifecycle;
  if (typeof l === 'string') {
    const parsed = parsePolicy(l, base.lifecycle);
    if (parsed) lifecycle = parsed;
    else problems.push(`lifecycle must be 'immediate', 'timed' or 'reads=N', not '${l}'`);
  } else if (l !== undefined) {
    const ok = l && typeof l === 'object' && ['immediate', 'timed', 'reads'].includes(l.mode) && Number.isInteger(l.reads ?? base.lifecycle.reads);
    if (ok) lifecycle = { mode: l.mode, reads: Math.max(1, l.reads ?? base.lifecycle.reads) };
    else problems.push("lifecycle must be 'immediate', 'timed', 'reads=N' or { mode, reads }");
  }
  if (problems.length) throw new Error(`startEmulator: ${problems.join('; ')}`);
  return { ...base, db: ':memory:', port: 0, kafkaPort: 0, logLevel: 'silent', ...(options as Partial<Config>), lifecycle };
}

/**
 * Starts an emulator for a test runner: by default an in-memory store, a free port, the
 * `immediate` lifecycle and quiet logs. The Kafka listener starts too, on a free port unless
 * `kafkaPort` says otherwise (null: off). Any setting can be overridden.
 */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const config = configFromOptions(options);
  const emulator = await buildApp(config);
  await emulator.app.listen({ port: config.port, host: config.host });
  const kafka = await emulator.startKafka();
  const address = emulator.app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const control = new EmulatorControl(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`, undefined, config.adminToken);
  const b = emulator.bootstrap;
  return {
    url: config.publicUrl ?? control.controlUrl,
    apiKey: b?.apiKey ?? '',
    apiSecret: b?.apiSecret ?? '',
    organizationId: b?.orgId ?? '',
    environmentId: b?.environmentId,
    emulator,
    kafkaBootstrap: kafka?.bootstrap,
    kafkaCaFile: kafka?.caFile,
    control,
    clock: control.clock,
    reset: () => control.reset(),
    close: () => emulator.app.close(),
    requests: (filter) => control.requests(filter),
    waitFor: (filter, count, timeoutMs) => control.waitFor(filter, count, timeoutMs),
    fault: (rule) => control.fault(rule),
    clearFaults: () => control.clearFaults(),
    advance: (id, to) => control.advance(id, to),
    fail: (id, message) => control.fail(id, message),
    newOrganization: (displayName) => control.newOrganization(displayName),
    events: (filter) => control.events(filter),
  };
}

/** The controls of an emulator started elsewhere (a runner's global setup), by its URL. */
export const connectEmulator = (url: string, organizationId?: string, adminToken?: string) => new EmulatorControl(url.replace(/\/+$/, ''), organizationId, adminToken);
