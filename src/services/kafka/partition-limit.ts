import { repositoriesOf } from '../../engine/repository.js';
import type { Runtime } from '../../runtime.js';
import { KAFKA_CLUSTER } from './cluster.js';

/**
 * The override name of the per-cluster partition limit in the configuration's `quotas`. Confluent
 * gives this limit no quota code (it is a limit of the cluster type), so the name is the emulator's.
 */
export const PARTITIONS_PER_CLUSTER = 'partitions_per_kafka_cluster';

/*
 * Partitions before replication, by cluster type, from Confluent Cloud's "Kafka Cluster Types"
 * page (docs.confluent.io/cloud/current/clusters/cluster-types.html, "Cluster limit comparison"):
 * Basic 4,096, Standard 4,096, Enterprise 30,000, Dedicated 100,000. A Dedicated cluster holds
 * 4,500 a CKU up to that ceiling (4,500 is the per-CKU figure of the page's earlier Dedicated
 * table, unconfirmed on the current one, which gives the ceiling alone). Freight, an elastic type
 * like Enterprise, is given Enterprise's figure (the page gives none of its own).
 */
const BASIC_PARTITIONS = 4096;
const PARTITIONS_PER_CKU = 4500;
const DEDICATED_PARTITIONS = 100000;
const ELASTIC_PARTITIONS = 30000;

/** The partitions a cluster may hold in all, by its type (a `quotas` override wins). */
export function partitionLimit(rt: Runtime, cluster: string): number {
  const override = rt.config.quotas[PARTITIONS_PER_CLUSTER];
  if (override !== undefined) return override;
  const body = repositoriesOf(rt).of(KAFKA_CLUSTER).getInAnyOrg(cluster)?.body as { spec?: { config?: { kind?: string; cku?: number } }; status?: { cku?: number } } | undefined;
  const config = body?.spec?.config;
  switch (config?.kind) {
    case 'Dedicated':
      return Math.min(DEDICATED_PARTITIONS, PARTITIONS_PER_CKU * Math.max(1, body?.status?.cku ?? config.cku ?? 1));
    case 'Enterprise':
    case 'Freight':
      return ELASTIC_PARTITIONS;
    default:
      return BASIC_PARTITIONS;
  }
}
