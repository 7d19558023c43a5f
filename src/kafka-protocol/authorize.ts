import type { Session } from './api.js';
import { ErrorCode } from './error-codes.js';
import { principalOf } from '../authorization/decide.js';

/** Kafka ACL operations the protocol asks about. */
export type KafkaOperation = 'Read' | 'Write' | 'Create' | 'Delete' | 'Alter' | 'Describe' | 'DescribeConfigs' | 'AlterConfigs' | 'IdempotentWrite' | 'ClusterAction';

/** Kafka ACL resource types the protocol asks about. */
export type KafkaResourceType = 'Topic' | 'Group' | 'Cluster' | 'TransactionalId';

/**
 * The one authorization question every topic, group and cluster access of the protocol asks: the
 * same Kafka decision as the REST data planes (role bindings and ACLs, a DENY ACL winning), for the
 * key's owner from the client's host. With `--authorization off` everything is allowed. A refusal
 * maps to the error code of `authorizationError`.
 */
export function authorize(session: Session, operation: KafkaOperation, resourceType: KafkaResourceType, resourceName: string): boolean {
  const rt = session.runtime;
  const p = session.principal;
  if (rt.config.authorization === 'off' || !p) return true;
  return rt.authorizer.decideKafka({
    orgId: p.orgId,
    clusterId: p.clusterId,
    principal: principalOf(p.ownerId),
    host: session.remoteHost,
    operation,
    resourceType,
    resourceName,
  }).allowed;
}

/** The Kafka error answering a refusal on a resource of that type. */
export function authorizationError(resourceType: KafkaResourceType): number {
  switch (resourceType) {
    case 'Topic':
      return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
    case 'Group':
      return ErrorCode.GROUP_AUTHORIZATION_FAILED;
    case 'TransactionalId':
      return ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED;
    default:
      return ErrorCode.CLUSTER_AUTHORIZATION_FAILED;
  }
}
