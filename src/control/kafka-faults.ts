import type { Fault, FaultRegistry } from './faults.js';

/** What the Kafka protocol listener does with a fault: answer an error code, wait, or drop the connection. */
export interface KafkaFaultAction {
  fault: Fault;
  /** The Kafka error code to answer; undefined when the fault is only a delay or a disconnect. */
  errorCode?: number;
  delayMs: number;
  disconnect: boolean;
  /** For THROTTLING_QUOTA_EXCEEDED: `throttle_time_ms`, from `retry_after_seconds`. */
  throttleTimeMs: number;
}

/** The Kafka error a client would meet where the HTTP APIs answer this status. */
const KAFKA_CODE_FOR_STATUS: Record<number, number> = {
  400: 42, // INVALID_REQUEST
  401: 58, // SASL_AUTHENTICATION_FAILED
  403: 29, // TOPIC_AUTHORIZATION_FAILED
  404: 3, // UNKNOWN_TOPIC_OR_PARTITION
  408: 7, // REQUEST_TIMED_OUT
  429: 89, // THROTTLING_QUOTA_EXCEEDED
  500: -1, // UNKNOWN_SERVER_ERROR
  503: 6, // NOT_LEADER_OR_FOLLOWER (retriable)
  504: 7, // REQUEST_TIMED_OUT
};

/**
 * The fault for one Kafka protocol request, by its API name (`Produce`, `Fetch`, ...) as the
 * rule's `operation_id`, with method `KAFKA`: a numeric `error_code` of a rule is a Kafka error
 * code as it is; else its status maps to the nearest Kafka error.
 */
export function kafkaFault(faults: FaultRegistry, request: { apiName: string; organizationId?: string; apiKey?: string; topic?: string }): KafkaFaultAction | undefined {
  const fault = faults.take({ operationId: request.apiName, method: 'KAFKA', path: request.topic, organizationId: request.organizationId, apiKey: request.apiKey });
  if (!fault) return undefined;
  const errorCode = typeof fault.error_code === 'number' ? fault.error_code : fault.status !== undefined ? (KAFKA_CODE_FOR_STATUS[fault.status] ?? -1) : undefined;
  return {
    fault,
    errorCode,
    delayMs: fault.delay_ms ?? 0,
    disconnect: fault.transport === 'reset',
    throttleTimeMs: errorCode === 89 ? (fault.retry_after_seconds ?? 1) * 1000 : 0,
  };
}
