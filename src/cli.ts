// The command line's program: run by dist/src/cli.js (src/launcher.ts), which loads it from the
// bundle scripts/bundle-cli.mjs builds.
import { ConfigError, HELP, loadConfig, type Config } from './config.js';

// The emulator itself (documents, store, services) loads only once the configuration is known to
// be good, so that a bad flag is answered at once.
const loadEmulator = () => Promise.all([import('./app.js'), import('./store/db.js')]);

/** Exit code for a configuration the emulator cannot start with. */
const BAD_CONFIG = 2;
/** How long a stop waits for open requests (a long-polling consumer fetch, ...) before exiting anyway. */
const STOP_GRACE_MS = 3000;

const fail = (message: string, code = BAD_CONFIG): never => {
  process.stderr.write(`ccloud-emulator: ${message}\n`);
  process.exit(code);
};

/**
 * A start-up failure the user can fix, in one line; undefined for a defect of the emulator.
 * `portFlag` names the listener that failed: the HTTP port or the Kafka port.
 */
function explain(err: unknown, config: Config, StoreOpenError: Function, portFlag: 'port' | 'kafka-port'): string | undefined {
  if (err instanceof ConfigError || err instanceof StoreOpenError) return (err as Error).message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const port = portFlag === 'port' ? config.port : config.kafkaPort;
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} on ${config.host} is in use (choose another with --${portFlag}, or --${portFlag} 0 for a free one)`;
    case 'EACCES':
      return `no permission to listen on port ${port} on ${config.host}`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on host ${config.host}: it is not an address of this machine`;
  }
  return undefined;
}

/** Runs the command line; true once the emulator listens, false when it only printed (help, version). */
async function run(): Promise<boolean> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return false;
  }
  if (args.includes('--version') || args.includes('-v')) {
    const { VERSION } = await import('./app.js');
    process.stdout.write(`${VERSION}\n`);
    return false;
  }
  let config: Config;
  try {
    config = loadConfig(args, process.env, (warning) => process.stderr.write(`ccloud-emulator: warning: ${warning}\n`));
  } catch (err) {
    return fail(err instanceof ConfigError ? err.message : String(err));
  }
  const [{ buildApp, VERSION }, { StoreOpenError }] = await loadEmulator();
  let started: Awaited<ReturnType<typeof buildApp>>;
  let address: string;
  let kafka: Awaited<ReturnType<typeof started.startKafka>>;
  let listening: 'port' | 'kafka-port' = 'port';
  try {
    started = await buildApp(config);
    address = await started.app.listen({ port: config.port, host: config.host });
    listening = 'kafka-port';
    kafka = await started.startKafka();
  } catch (err) {
    const reason = explain(err, config, StoreOpenError, listening);
    if (reason) return fail(reason);
    throw err;
  }
  const { app, bootstrap } = started;
  const url = config.publicUrl ?? address;
  const lines = [
    `ccloud-emulator ${VERSION} listening on ${url}`,
    `  console:       ${url}/ui/`,
    `  docs:          ${url}/docs`,
    `  store:         ${config.db === ':memory:' ? ':memory: (ends with the process)' : config.db}`,
  ];
  if (kafka) lines.push(`  kafka:         ${kafka.bootstrap} (SASL_SSL or SASL_PLAINTEXT, PLAIN with a Kafka API key)`, `  kafka CA:      ${kafka.caFile}`);
  else lines.push('  kafka:         off');
  if (bootstrap) {
    lines.push(
      `  organization:  ${bootstrap.orgId}`,
      `  environment:   ${bootstrap.environmentId ?? '-'}`,
      `  user:          ${bootstrap.userId ?? '-'}`,
      `  service acct:  ${bootstrap.serviceAccountId ?? '-'}`,
      `  api key:       ${bootstrap.apiKey ?? '(not printed: this store was created with other credentials; pass its --api-key and --api-secret)'}`,
      `  api secret:    ${bootstrap.apiSecret ?? '(unknown)'}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');

  let closing = false;
  const stop = async () => {
    // A second signal while closing stops at once.
    if (closing) process.exit(0);
    closing = true;
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return true;
}

/** The command line, its failures to start reported and exited with. */
export function main(): Promise<boolean> {
  return run().catch((err) => {
    process.stderr.write(`ccloud-emulator failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
