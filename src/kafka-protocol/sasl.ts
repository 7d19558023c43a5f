import type { Runtime } from '../runtime.js';
import type { KafkaPrincipal } from './api.js';
import { KAFKA_CLUSTER } from '../services/kafka/cluster.js';

/** The one mechanism Confluent Cloud's API keys use. */
export const SASL_MECHANISMS = ['PLAIN'] as const;

export interface SaslResult {
  principal?: KafkaPrincipal;
  /** Why authentication failed, for the client's error message. */
  message?: string;
}

const FAILED = 'Authentication failed: Invalid username or password';

/**
 * SASL/PLAIN (RFC 4616): `authzid NUL username NUL password`. The username is a Kafka API key
 * (scoped to a Kafka cluster that still exists) and the password its secret, checked by the same
 * credential store as the REST data planes. Cloud API keys, other resources' keys, deleted keys
 * and wrong secrets all fail alike, as Confluent Cloud answers them.
 */
export function authenticatePlain(rt: Runtime, token: Buffer): SaslResult {
  const parts = token.toString('utf8').split('\0');
  if (parts.length !== 3) return { message: 'Authentication failed: Invalid SASL/PLAIN token' };
  const [authzid, username, password] = parts;
  if (authzid !== '' && authzid !== username) return { message: 'Authentication failed: Invalid authorization id' };
  const cred = rt.credentials.verify(username, password);
  if (!cred || !cred.resource_id) return { message: FAILED };
  const cluster = rt.resources.get(cred.org_id, KAFKA_CLUSTER, cred.resource_id);
  if (!cluster) return { message: FAILED };
  return { principal: { orgId: cred.org_id, keyId: cred.key_id, ownerId: cred.owner_id, clusterId: cred.resource_id } };
}
