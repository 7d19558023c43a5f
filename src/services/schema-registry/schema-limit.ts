import type { Runtime } from '../../runtime.js';
import { srError } from './errors.js';

/**
 * The schema versions a Schema Registry holds (Confluent Cloud's limit per environment, which
 * `GET /config`'s `maxSchemas` reports). Confluent gives it no quota code, so its override name in
 * the configuration's `quotas` is the emulator's.
 */
export const SCHEMAS_PER_REGISTRY = 'schemas_per_schema_registry';
/**
 * 20,000 schema versions, soft-deleted ones included until hard-deleted: the Advanced package's
 * figure in Confluent Cloud's "Stream Governance Packages" page
 * (docs.confluent.io/cloud/current/stream-governance/packages.html: "Number of data contracts
 * included", Essentials 100, Advanced 20,000). Essentials' 100 is a free allowance there, charged
 * beyond rather than refused, so the one refusal the emulator makes is at 20,000 for either package.
 */
const DEFAULT_MAX_SCHEMAS = 20000;

export const maxSchemas = (rt: Runtime): number => rt.config.quotas[SCHEMAS_PER_REGISTRY] ?? DEFAULT_MAX_SCHEMAS;

/** Refuses a new version when the registry already holds its limit (soft-deleted versions count until hard-deleted). */
export function checkSchemaLimit(rt: Runtime, cluster: string): void {
  const limit = maxSchemas(rt);
  if (rt.schemaRegistry.versionCount(cluster) >= limit) {
    throw srError(422, 42205, `Register operation not permitted: the schema limit of ${limit} for this Schema Registry has been reached`);
  }
}
