import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceHooks } from '../../engine/hooks.js';

/** Storage per Confluent Streaming Unit, in GB. */
const STORAGE_PER_CSU = 125;

/**
 * ksqlDB clusters (ksqldbcm/v2): the status fields the server fills in. The ksqlDB data plane is
 * not emulated, so the endpoint is a well-formed name under a domain no client can reach, rather
 * than a URL of this emulator that would answer 404.
 */
export const ksqlClusterHooks: ResourceHooks = {
  beforeCreate(_h, d) {
    const suffix = d.id.replace(/^lksqlc-/, '');
    setAt(d.body, '/status/http_endpoint', `https://pksqlc-${suffix}.ksqldb.ccloud-emulator.local:443`);
    setAt(d.body, '/status/is_paused', false);
    setAt(d.body, '/status/storage', Number(getAt(d.body, '/spec/csu') ?? 1) * STORAGE_PER_CSU);
    setAt(d.body, '/status/topic_prefix', `pksqlc-${suffix}`);
  },
};
