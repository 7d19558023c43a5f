import { ErrorCode } from '../error-codes.js';
import { TopicError, type TopicErrorKind } from '../../services/kafka/topic-admin.js';

const CODES: Record<TopicErrorKind, number> = {
  INVALID_TOPIC: ErrorCode.INVALID_TOPIC_EXCEPTION,
  TOPIC_EXISTS: ErrorCode.TOPIC_ALREADY_EXISTS,
  INVALID_PARTITIONS: ErrorCode.INVALID_PARTITIONS,
  INVALID_REPLICATION_FACTOR: ErrorCode.INVALID_REPLICATION_FACTOR,
  INVALID_CONFIG: ErrorCode.INVALID_CONFIG,
  UNKNOWN_TOPIC: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
  MIRROR_TOPIC: ErrorCode.INVALID_REQUEST,
  POLICY_VIOLATION: ErrorCode.POLICY_VIOLATION,
};

/** The Kafka error code and message of a topic rule's refusal; other errors propagate. */
export function topicErrorOf(err: unknown): { errorCode: number; errorMessage: string } {
  if (err instanceof TopicError) return { errorCode: CODES[err.kind], errorMessage: err.message };
  throw err;
}
