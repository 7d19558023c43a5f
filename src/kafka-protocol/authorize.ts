import type { Session } from './api.js';
import { ErrorCode } from './error-codes.js';

/** Kafka ACL operations the protocol asks about. */
export type KafkaOperation = 'Read' | 'Write' | 'Create' | 'Delete' | 'Alter' | 'Describe' | 'DescribeConfigs' | 'AlterConfigs' | 'IdempotentWrite' | 'ClusterAction';

/** Kafka ACL resource types the protocol asks about. */
export type KafkaResourceType = 'Topic' | 'Group' | 'Cluster' | 'TransactionalId';

/**
 * The one authorization question every topic, group and cluster access of the protocol asks.
 * Today it allows everything; the authorization decision shared with the REST data planes plugs in
 * here. A refusal maps to the error code of `authorizationError`.
 */
export function authorize(session: Session, operation: KafkaOperation, resourceType: KafkaResourceType, resourceName: string): boolean {
  void session;
  void operation;
  void resourceType;
  void resourceName;
  return true;
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
