import { repositoriesOf } from '../../engine/repository.js';
import type { Runtime } from '../../runtime.js';
import { KAFKA_CLUSTER } from './cluster.js';

/**
 * The override name of the per-cluster partition limit in the configuration's `quotas`. Confluent
 * gives this limit no quota code (it is a limit of the cluster type), so the name is the emulator's.
 */
export const PARTITIONS_PER_CLUSTER = 'partitions_per_kafka_cluster';

/** Partitions (before replication) a Basic or Standard cluster holds. */
const BASIC_PARTITIONS = 4096;
/** Dedicated clusters hold 4,500 partitions per CKU. */
const PARTITIONS_PER_CKU = 4500;
/** Enterprise and Freight clusters scale up to this many partitions. */
const ELASTIC_PARTITIONS = 30000;

/** The partitions a cluster may hold in all, by its type (a `quotas` override wins). */
export function partitionLimit(rt: Runtime, cluster: string): number {
  const override = rt.config.quotas[PARTITIONS_PER_CLUSTER];
  if (override !== undefined) return override;
  const body = repositoriesOf(rt).of(KAFKA_CLUSTER).getInAnyOrg(cluster)?.body as { spec?: { config?: { kind?: string; cku?: number } }; status?: { cku?: number } } | undefined;
  const config = body?.spec?.config;
  switch (config?.kind) {
    case 'Dedicated':
      return PARTITIONS_PER_CKU * Math.max(1, body?.status?.cku ?? config.cku ?? 1);
    case 'Enterprise':
    case 'Freight':
      return ELASTIC_PARTITIONS;
    default:
      return BASIC_PARTITIONS;
  }
}
