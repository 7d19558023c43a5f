import type { Caller } from '../http/auth.js';
import type { Operation } from '../openapi/types.js';

/** What a handler sees of a request: already authenticated and validated. */
export interface RequestContext {
  op: Operation;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: any;
  headers: Record<string, string | string[] | undefined>;
  /** Present on every operation that requires credentials. */
  caller?: Caller;
  /** Base of every URL handed out, without a trailing slash. */
  baseUrl: string;
  requestId: string;
  /**
   * Set when the caller may see only some items of a list: which stored rows it may see (by their
   * CRN and body). Lists are filtered with it; absent means everything.
   */
  visible?: (row: { crn: string; body: Record<string, unknown>; id: string }) => boolean;
  /** The principal the request acts as (`User:sa-…`), when it was authenticated. */
  principal?: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | number>;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** Handlers keyed by operationId. */
export type HandlerMap = Record<string, Handler>;

export const header = (ctx: RequestContext, name: string): string | undefined => {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
