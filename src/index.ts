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
  close(): Promise<void>;
}

/**
 * Starts an emulator for a test runner's global setup: in-memory store, a free port, quiet logs.
 * Any option can be overridden.
 */
export async function startEmulator(options: Partial<Config> = {}): Promise<RunningEmulator> {
  const config: Config = { ...defaultConfig(), db: ':memory:', port: 0, logLevel: 'silent', ...options };
  const emulator = await buildApp(config);
  const address = await emulator.app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl ?? address;
  const b = emulator.bootstrap;
  return {
    url,
    apiKey: b?.apiKey ?? '',
    apiSecret: b?.apiSecret ?? '',
    organizationId: b?.orgId ?? '',
    environmentId: b?.environmentId,
    emulator,
    close: () => emulator.app.close(),
  };
}
