import type { ApiModule } from '../api.js';
import { apiVersionsFor } from './api-versions.js';
import { coreApis } from './core.js';
import { groupApis } from './groups.js';
import { transactionApis } from './transactions.js';

/**
 * Every API the listener answers, by key, ApiVersions included (it lists this same registry).
 * Add a module to `core.ts`, `groups.ts` or `transactions.ts`, not here.
 */
export function apiRegistry(modules: readonly ApiModule[] = [...coreApis, ...groupApis, ...transactionApis]): Map<number, ApiModule> {
  const byKey = new Map<number, ApiModule>();
  for (const m of modules) {
    if (byKey.has(m.key)) throw new Error(`Two modules for Kafka API key ${m.key} (${byKey.get(m.key)!.name}, ${m.name})`);
    byKey.set(m.key, m);
  }
  const versions = apiVersionsFor(byKey);
  byKey.set(versions.key, versions);
  return byKey;
}
