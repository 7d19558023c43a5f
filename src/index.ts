import { buildApp, type Emulator } from './app.js';
import { defaultConfig, type Config } from './config.js';

export { buildApp, type Emulator } from './app.js';
export { loadConfig, defaultConfig, type Config } from './config.js';

export interface RunningEmulator {
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
  close(): Promise<void>;
}

/**
 * Starts an emulator for a test runner's global setup: in-memory store, a free port, quiet logs.
 * The Kafka listener starts too, on a free port unless `kafkaPort` says otherwise (null: off).
 * Any option can be overridden.
 */
export async function startEmulator(options: Partial<Config> = {}): Promise<RunningEmulator> {
  const config: Config = { ...defaultConfig(), db: ':memory:', port: 0, kafkaPort: 0, logLevel: 'silent', ...options };
  const emulator = await buildApp(config);
  const address = await emulator.app.listen({ port: config.port, host: config.host });
  const kafka = await emulator.startKafka();
  const url = config.publicUrl ?? address;
  const b = emulator.bootstrap;
  return {
    url,
    apiKey: b?.apiKey ?? '',
    apiSecret: b?.apiSecret ?? '',
    organizationId: b?.orgId ?? '',
    environmentId: b?.environmentId,
    emulator,
    kafkaBootstrap: kafka?.bootstrap,
    kafkaCaFile: kafka?.caFile,
    close: () => emulator.app.close(),
  };
}
