import { randomUUID } from 'node:crypto';
import type { ApiError } from '../core/errors.js';
import type { Dialect } from '../openapi/types.js';

export type ErrorFormat = 'errors' | 'status';

export interface ErrorContext {
  dialect: Dialect;
  format: ErrorFormat;
  requestId: string;
  path: string;
  timestamp: string;
}

/**
 * Renders an ApiError in the error body of its API group:
 * - management: `{"errors":[{id, status (a string), code, title, detail, source}]}`
 * - flat (Kafka REST, REST Proxy, Schema Registry, Catalog): `{"error_code": 40401, "message": "..."}`
 * - connect: `{"error": {"code": 404, "message": "..."}}`
 * The management dialect has an opt-in newer format, `{status, error: {code, message, ...}, requestId}`.
 */
export function renderError(err: ApiError, ctx: ErrorContext): unknown {
  switch (ctx.dialect) {
    case 'flat':
      return { error_code: err.errorCode ?? err.status, message: err.detail };
    case 'connect':
      return { error: { code: err.status, message: err.detail } };
    default:
      return ctx.format === 'status' ? statusFormat(err, ctx) : errorsFormat(err);
  }
}

function errorsFormat(err: ApiError) {
  const entry = (detail: string, source?: ApiError['source']) => {
    const e: Record<string, unknown> = { id: randomUUID(), status: String(err.status), code: err.code, title: err.title, detail };
    if (source) e.source = source;
    return e;
  };
  return { errors: [entry(err.detail, err.source), ...err.more.map((m) => entry(m.detail, m.source))] };
}

function statusFormat(err: ApiError, ctx: ErrorContext) {
  const details = err.more.length ? err.more.map((m) => m.detail).join('; ') : undefined;
  const pointer = err.source?.pointer ?? err.source?.parameter;
  return {
    status: err.status,
    error: {
      code: err.code.toUpperCase(),
      message: err.detail.replace(/\.$/, ''),
      ...(details ? { details } : {}),
      timestamp: ctx.timestamp,
      path: ctx.path,
      ...(pointer ? { suggestion: `Check the value of '${pointer}' and try again.` } : {}),
    },
    requestId: ctx.requestId,
  };
}
