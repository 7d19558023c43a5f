import { quotaExceeded, unprocessable } from '../../core/errors.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceHooks } from '../../engine/hooks.js';

/** Storage per Confluent Streaming Unit, in GB. */
const STORAGE_PER_CSU = 125;

/** ksqlDB clusters per Kafka cluster (Confluent's quota code); `quotas` in the configuration overrides it. */
/** The quota of ksqlDB clusters per Kafka cluster, enforced here and reported by service-quota/v1. */
export const APPS_PER_CLUSTER = 'ksql.limits.max_apps_per_cluster';
export const DEFAULT_APPS_PER_CLUSTER = 10;

/**
 * ksqlDB clusters (ksqldbcm/v2): the Kafka cluster must be in the cluster's environment, the
 * per-Kafka-cluster quota, and the status fields the server fills in. The ksqlDB data plane is
 * not emulated, so the endpoint is a well-formed name under a domain no client can reach, rather
 * than a URL of this emulator that would answer 404.
 */
export const ksqlClusterHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const kafka = getAt(d.body, '/spec/kafka_cluster') as { id: string; environment?: string };
    if (kafka.environment !== d.scope) {
      throw unprocessable(`The Kafka cluster '${kafka.id}' is not in the environment '${d.scope}'`, '/spec/kafka_cluster/id');
    }
    const limit = h.engine.rt.config.quotas[APPS_PER_CLUSTER] ?? DEFAULT_APPS_PER_CLUSTER;
    if (h.engine.repository(h.decl.name).where(d.org, '/spec/kafka_cluster/id', kafka.id).length >= limit) {
      throw quotaExceeded(APPS_PER_CLUSTER);
    }
    const suffix = d.id.replace(/^lksqlc-/, '');
    setAt(d.body, '/status/http_endpoint', `https://pksqlc-${suffix}.ksqldb.ccloud-emulator.local:443`);
    setAt(d.body, '/status/is_paused', false);
    setAt(d.body, '/status/storage', Number(getAt(d.body, '/spec/csu') ?? 1) * STORAGE_PER_CSU);
    setAt(d.body, '/status/topic_prefix', `pksqlc-${suffix}`);
  },
};
