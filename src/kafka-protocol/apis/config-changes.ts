import type { AuthenticatedSession } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import type { ConfigChange } from '../../services/kafka/topic-admin.js';
import { topicAdminOf } from './topic-admin-of.js';
import { topicErrorOf } from './topic-errors.js';

/** One resource of an AlterConfigs or IncrementalAlterConfigs request. */
export interface ConfigResourceChanges {
  type: number;
  name: string;
  changes: ConfigChange[];
}

export interface ConfigResourceResult {
  errorCode: number;
  errorMessage: string | null;
  type: number;
  name: string;
}

export const TOPIC_RESOURCE = 2;
export const BROKER_RESOURCE = 4;

/**
 * Applies one resource's config changes through the topic rules Kafka REST v3 uses. Topics only:
 * Confluent Cloud's broker configs are not changed by clients over the protocol.
 */
export function applyConfigChanges(session: AuthenticatedSession, res: ConfigResourceChanges, options: { replace: boolean; validateOnly: boolean }): ConfigResourceResult {
  const base = { type: res.type, name: res.name };
  if (res.type === BROKER_RESOURCE) {
    if (!authorize(session, 'AlterConfigs', 'Cluster', 'kafka-cluster')) return { ...base, errorCode: authorizationError('Cluster'), errorMessage: null };
    return { ...base, errorCode: ErrorCode.POLICY_VIOLATION, errorMessage: 'Broker configs cannot be altered over the Kafka protocol on Confluent Cloud.' };
  }
  if (res.type !== TOPIC_RESOURCE) return { ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Resource type ${res.type} is not supported` };
  if (!authorize(session, 'AlterConfigs', 'Topic', res.name)) return { ...base, errorCode: authorizationError('Topic'), errorMessage: null };
  const rt = session.runtime;
  const topic = rt.kafka.topic(session.principal.clusterId, res.name);
  if (!topic) return { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${res.name}' does not exist` };
  try {
    topicAdminOf(rt).alterConfigs(session.principal.clusterId, topic, res.changes, options);
    return { ...base, errorCode: ErrorCode.NONE, errorMessage: null };
  } catch (err) {
    return { ...base, ...topicErrorOf(err) };
  }
}
