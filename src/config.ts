import type { LifecyclePolicy } from './core/lifecycle.js';
import { parsePolicy } from './core/lifecycle.js';
import { existsSync } from 'node:fs';

/** The emulator's one typed configuration. Precedence: flags, then CCLOUD_EMULATOR_* variables, then defaults. */
export interface Config {
  port: number;
  host: string;
  /** Base of every URL the emulator hands out; derived from the request's Host header when unset. */
  publicUrl?: string;
  /** SQLite file, or `:memory:`. */
  db: string;
  /** Fixtures loaded into an empty store at start-up. */
  fixtures: string;
  lifecycle: LifecyclePolicy;
  /** Requests per key per minute; 0 disables rate limiting. */
  rateLimit: number;
  /** Overrides of the bootstrap Cloud API key from the fixtures. */
  apiKey?: string;
  apiSecret?: string;
  logLevel: string;
  /** `errors` (Confluent's `errors[]`) or `status` (the newer `{status, error}` format). */
  errorFormat: 'errors' | 'status';
  /** Check every response against its operation and fail loudly on drift (tests turn this on). */
  selfCheck: boolean;
  /** Extra folders of OpenAPI documents (tests use this to declare a resource without code). */
  extraDocuments: string[];
  /** Maximum request body in bytes. */
  bodyLimit: number;
  /** Quota limits by name (`service_accounts_per_org=5000`), overriding the documents' defaults. */
  quotas: Record<string, number>;
  /** The Kafka protocol listener's port (0 picks a free one); null turns the listener off. */
  kafkaPort: number | null;
  /** PEM files of one's own certificate (with its chain) and key for the Kafka listener's TLS. */
  kafkaTlsCert?: string;
  kafkaTlsKey?: string;
  /** Requests the journal keeps (GET /_emulator/requests); 0 turns it off. */
  journalSize: number;
  /** `enforce`: role bindings and ACLs decide every request; `off`: any valid key may do anything. */
  authorization: 'enforce' | 'off';
  /** When set, the control plane (`/_emulator`) needs `Authorization: Bearer <token>`. */
  adminToken?: string;
}

export const defaultConfig = (): Config => ({
  port: 8080,
  host: '127.0.0.1',
  db: './data/ccloud-emulator.db',
  fixtures: '',
  lifecycle: { mode: 'timed', reads: 3 },
  rateLimit: 10_000,
  logLevel: 'info',
  errorFormat: 'errors',
  selfCheck: false,
  extraDocuments: [],
  bodyLimit: 1024 * 1024,
  quotas: {},
  kafkaPort: 9092,
  journalSize: 10_000,
  authorization: 'enforce',
});

const ENV_PREFIX = 'CCLOUD_EMULATOR_';
const KEYS: Record<string, keyof Config> = {
  PORT: 'port',
  HOST: 'host',
  PUBLIC_URL: 'publicUrl',
  DB: 'db',
  FIXTURES: 'fixtures',
  LIFECYCLE: 'lifecycle',
  RATE_LIMIT: 'rateLimit',
  API_KEY: 'apiKey',
  API_SECRET: 'apiSecret',
  LOG_LEVEL: 'logLevel',
  ERROR_FORMAT: 'errorFormat',
  SELF_CHECK: 'selfCheck',
  BODY_LIMIT: 'bodyLimit',
  QUOTAS: 'quotas',
  KAFKA_PORT: 'kafkaPort',
  KAFKA_TLS_CERT: 'kafkaTlsCert',
  KAFKA_TLS_KEY: 'kafkaTlsKey',
  JOURNAL_SIZE: 'journalSize',
  AUTHORIZATION: 'authorization',
  ADMIN_TOKEN: 'adminToken',
};

/** `--public-url` -> `PUBLIC_URL`. */
const flagToKey = (flag: string) => flag.replace(/^--/, '').replace(/-/g, '_').toUpperCase();

/** A configuration the emulator cannot start with: the CLI prints its message on one line and exits with 2. */
export class ConfigError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Flags, then CCLOUD_EMULATOR_* variables, then defaults. An unknown flag is refused; an unknown
 * variable is only a warning, since test suites set variables of their own under the same prefix
 * (CCLOUD_EMULATOR_URL, ...).
 */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv, warn: (message: string) => void = () => {}): Config {
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || value === undefined) continue;
    const key = name.slice(ENV_PREFIX.length);
    if (KEYS[key]) raw[key] = value;
    else warn(`ignoring ${name}: not a setting of the emulator`);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new ConfigError(`unexpected argument ${arg}`);
    const eq = arg.indexOf('=');
    if (eq > 0) raw[flagToKey(arg.slice(0, eq))] = arg.slice(eq + 1);
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) raw[flagToKey(arg)] = argv[++i];
    else raw[flagToKey(arg)] = 'true';
  }
  const config = applySettings(defaultConfig(), raw);
  if ((config.kafkaTlsCert === undefined) !== (config.kafkaTlsKey === undefined)) throw new ConfigError('KAFKA_TLS_CERT and KAFKA_TLS_KEY go together');
  return config;
}

function applySettings(config: Config, raw: Record<string, string>): Config {
  for (const [key, value] of Object.entries(raw)) {
    const field = KEYS[key];
    if (!field) {
      if (key === 'HELP' || key === 'VERSION') continue;
      throw new ConfigError(`unknown flag --${key.toLowerCase().replace(/_/g, '-')} (see --help)`);
    }
    switch (field) {
      case 'port':
      case 'rateLimit':
      case 'bodyLimit':
      case 'journalSize': {
        const n = Number(value);
        if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new ConfigError(`${key} must be a non-negative integer, not ${JSON.stringify(value)}`);
        if (field === 'port' && n > 65535) throw new ConfigError(`PORT must be between 0 and 65535, not ${n}`);
        if (field === 'bodyLimit' && n === 0) throw new ConfigError('BODY_LIMIT must be at least 1 byte');
        config[field] = n;
        break;
      }
      case 'host':
        if (!HOST.test(value)) throw new ConfigError(`HOST must be a host name or an IP address, not ${JSON.stringify(value)}`);
        config.host = value;
        break;
      case 'logLevel':
        if (!LOG_LEVELS.includes(value)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(value)}`);
        config.logLevel = value;
        break;
      case 'fixtures':
        if (value !== '' && value !== 'none' && !existsSync(value)) throw new ConfigError(`FIXTURES: no file at ${value}`);
        config.fixtures = value;
        break;
      case 'db':
        if (value.trim() === '') throw new ConfigError('DB must be a file path or :memory:');
        config.db = value;
        break;
      case 'lifecycle': {
        const policy = parsePolicy(value, config.lifecycle);
        if (!policy) throw new ConfigError(`LIFECYCLE must be immediate, timed or reads[=N]`);
        config.lifecycle = policy;
        break;
      }
      case 'errorFormat':
        if (value !== 'errors' && value !== 'status') throw new ConfigError('ERROR_FORMAT must be errors or status');
        config.errorFormat = value;
        break;
      case 'selfCheck':
        if (!['true', 'false', '1', '0'].includes(value)) throw new ConfigError(`SELF_CHECK must be true or false, not ${JSON.stringify(value)}`);
        config.selfCheck = value === 'true' || value === '1';
        break;
      case 'authorization':
        if (value !== 'enforce' && value !== 'off') throw new ConfigError(`AUTHORIZATION must be enforce or off, not ${JSON.stringify(value)}`);
        config.authorization = value;
        break;
      case 'quotas':
        config.quotas = parseQuotas(value);
        break;
      case 'kafkaPort': {
        if (value === 'off') {
          config.kafkaPort = null;
          break;
        }
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`KAFKA_PORT must be a port number, 0 or off, not ${JSON.stringify(value)}`);
        config.kafkaPort = n;
        break;
      }
      case 'publicUrl':
        config.publicUrl = publicUrlOf(value);
        break;
      default:
        (config as any)[field] = value;
    }
  }
  return config;
}

/** A host name (RFC 1123 labels), an IPv4 address or an IPv6 address. */
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*|\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]?)$/;

/** An absolute http(s) URL with no query or fragment, without its trailing slashes. */
function publicUrlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http:// or https:// URL, not ${JSON.stringify(value)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL without credentials, query or fragment, not ${JSON.stringify(value)}`);
  }
  return value.replace(/\/+$/, '');
}

/** `a=1,b=2` -> { a: 1, b: 2 }. */
function parseQuotas(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const pair of value.split(',').filter(Boolean)) {
    const [name, limit] = pair.split('=');
    const n = Number(limit);
    if (!name || limit === undefined || limit.trim() === '' || !Number.isInteger(n) || n < 0) throw new ConfigError(`QUOTAS must look like name=limit,name=limit, not ${JSON.stringify(value)}`);
    out[name.trim()] = n;
  }
  return out;
}

export const HELP = `ccloud-emulator: a local emulator of the Confluent Cloud APIs

Flags (or CCLOUD_EMULATOR_<NAME> environment variables):
  --port N            port to listen on (0 picks a free one)          [8080]
  --host H            interface to bind                               [127.0.0.1]
  --public-url URL    base of the URLs handed out                     [from the Host header]
  --db PATH           SQLite file, or :memory: for a store that ends  [./data/ccloud-emulator.db]
                      with the process
  --fixtures FILE     fixtures loaded into an empty store             [fixtures/default.json]
  --lifecycle MODE    immediate | timed | reads[=N]                   [timed]
  --rate-limit N      requests per key per minute, 0 for none         [10000]
  --api-key ID        bootstrap Cloud API key id
  --api-secret S      bootstrap Cloud API key secret
  --log-level L       fatal | error | warn | info | debug | silent    [info]
  --error-format F    errors | status                                 [errors]
  --quotas LIST       quota overrides, e.g. environments_per_org=5    [the documents' limits]
  --body-limit BYTES  largest request body accepted                   [1048576]
  --self-check B      true: check every response against its document [false]
  --kafka-port N      Kafka protocol port (SASL_SSL and SASL_PLAINTEXT),
                      0 picks a free one, off disables it              [9092]
  --kafka-tls-cert F  PEM certificate (and chain) for the Kafka port   [generated, kept in the store]
  --kafka-tls-key F   PEM private key of --kafka-tls-cert
  --journal-size N    requests kept by GET /_emulator/requests, 0: off [10000]
  --authorization M   enforce | off: role bindings and ACLs decide    [enforce]
  --admin-token T     Bearer token the control plane /_emulator needs [none]
  --version           print the version and exit
  --help              print this help and exit
`;
