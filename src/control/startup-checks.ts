import { ConfigError, type Config } from '../config.js';
import type { Runtime } from '../runtime.js';
import type { Bootstrap } from './fixtures.js';
import { APPS_PER_CLUSTER } from '../services/ksqldb/clusters.js';
import { PARTITIONS_PER_CLUSTER } from '../services/kafka/partition-limit.js';
import { SCHEMAS_PER_REGISTRY } from '../services/schema-registry/schema-limit.js';
import { PEERINGS_PER_NETWORK, TGW_ATTACHMENTS_PER_NETWORK } from '../services/networking/hooks.js';

/** Every quota name the emulator enforces: those declared on resources, and those services count themselves. */
export function knownQuotaNames(rt: Runtime): Set<string> {
  const names = new Set<string>([APPS_PER_CLUSTER, PEERINGS_PER_NETWORK, TGW_ATTACHMENTS_PER_NETWORK, PARTITIONS_PER_CLUSTER, SCHEMAS_PER_REGISTRY]);
  for (const decl of rt.docs.resources.values()) for (const quota of decl.quotas) names.add(quota.name);
  return names;
}

/** A quota override that names no quota would be silently ignored: refuse it at start-up. */
export function checkQuotaNames(rt: Runtime, config: Config): void {
  const known = knownQuotaNames(rt);
  const unknown = Object.keys(config.quotas).filter((name) => !known.has(name));
  if (unknown.length) throw new ConfigError(`QUOTAS: unknown quota ${unknown.join(', ')} (known: ${[...known].sort().join(', ')})`);
}

/**
 * The bootstrap Cloud API key printed at start-up must work. A new store gets it from the
 * fixtures (with `--api-key`/`--api-secret` applied). On an existing store:
 * - credentials that authenticate are printed as they are;
 * - `--api-secret` for the store's bootstrap key (the fixtures' key, or `--api-key`) replaces its secret;
 * - `--api-key` naming a key the store does not have is refused: keys are created when a store is;
 * - without flags, credentials the store does not know are not printed.
 */
export function reconcileBootstrapKey(rt: Runtime, config: Config, bootstrap: Bootstrap | undefined, storeWasEmpty: boolean): Bootstrap | undefined {
  if (storeWasEmpty || !bootstrap?.apiKey || !bootstrap.apiSecret) return bootstrap;
  if (rt.credentials.verify(bootstrap.apiKey, bootstrap.apiSecret)) return bootstrap;
  const row = rt.db.prepare('SELECT org_id, owner_id, resource_id, deleted_at FROM credentials WHERE key_id = ?').get(bootstrap.apiKey) as
    | { org_id: string; owner_id: string; resource_id: string | null; deleted_at: number | null }
    | undefined;
  const usable = row && row.deleted_at === null && row.resource_id === null && row.org_id === bootstrap.orgId;
  if (config.apiSecret !== undefined && usable) {
    rt.credentials.add({ key_id: bootstrap.apiKey, org_id: row.org_id, owner_id: row.owner_id, resource_id: null }, config.apiSecret);
    return bootstrap;
  }
  if (config.apiKey !== undefined || config.apiSecret !== undefined) {
    throw new ConfigError(
      usable
        ? `--api-key ${bootstrap.apiKey}: the store at ${config.db} has this key with another secret; give --api-secret to replace it`
        : `--api-key ${bootstrap.apiKey}: the store at ${config.db} has no such live Cloud API key of its bootstrap organization; the bootstrap key is made when a store is created (use a new --db, or --db :memory:)`,
    );
  }
  return { ...bootstrap, apiKey: undefined, apiSecret: undefined };
}
