import { STATUS_CODES } from 'node:http';
import { ApiError } from '../core/errors.js';
import type { Fault } from '../control/faults.js';
import type { Operation } from '../openapi/types.js';

/** The `code` Confluent's management APIs send with each error status. */
const MANAGEMENT_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'user_unauthenticated',
  402: 'quota_exceeded',
  403: 'user_unauthorized',
  404: 'not_found',
  409: 'resource_already_exists',
  422: 'invalid_configuration',
  429: 'too_many_requests',
  500: 'internal_server_error',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

/**
 * The error a fault answers, as an ApiError so that the operation's own dialect renders it: the
 * management `errors[]` (status as a string and the code Confluent uses for it), the flat
 * `{error_code, message}` of Kafka REST, REST Proxy, Schema Registry and the Catalog (the HTTP
 * status as `error_code` unless the fault names another, such as 50003), or Connect's `{error}`.
 * A 429 carries `Retry-After`, and on management APIs the rate-limit headers too (Kafka REST's
 * 429 is bare but for Retry-After); any status carries `Retry-After` when the fault sets it.
 */
export function faultError(fault: Fault, op: Operation, rateLimit: number): ApiError {
  const status = fault.status ?? 500;
  const title = STATUS_CODES[status] ?? 'Error';
  const code = typeof fault.error_code === 'string' ? fault.error_code : (MANAGEMENT_CODES[status] ?? title.toLowerCase().replace(/[^a-z]+/g, '_'));
  const headers: Record<string, string | number> = {};
  const retryAfter = fault.retry_after_seconds ?? (status === 429 ? 1 : undefined);
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  if (status === 429 && op.dialect === 'management') {
    headers['x-ratelimit-limit'] = rateLimit;
    headers['x-ratelimit-remaining'] = 0;
    headers['x-ratelimit-reset'] = retryAfter ?? 1;
  }
  return new ApiError({
    status,
    code,
    title,
    detail: fault.message ?? `${title} (injected by the emulator's fault ${fault.id})`,
    errorCode: typeof fault.error_code === 'number' ? fault.error_code : status,
    headers,
  });
}
