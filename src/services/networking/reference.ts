import { CRN_PREFIX } from '../../core/crn.js';
import { encodeSegment } from '../../core/url.js';

/**
 * The environment-scoped reference to a network that a Kafka cluster or a Flink compute pool
 * carries in `spec.network`, completed from the id the client sent.
 */
export function networkReference(baseUrl: string, org: string, env: string, id: string) {
  return {
    id,
    environment: env,
    related: `${baseUrl}/networking/v1/networks/${encodeSegment(id)}`,
    resource_name: `${CRN_PREFIX}organization=${org}/environment=${env}/network=${id}`,
  };
}
