/**
 * The handler contract every transport serves through: what a handler sees of a request
 * (`RequestContext`), what it answers (`Reply`), and the caller it acts for. HTTP (src/http/) builds
 * contexts from Fastify requests; nothing here depends on a transport.
 */
import type { Operation } from '../openapi/types.js';
import type { Decision } from '../authorization/decide.js';
import type { AuthenticatedOperationId, BodyOf, OperationId } from './operations.js';

/** Who is calling: the organization every query is confined to, and the key's owner. */
export interface Caller {
  orgId: string;
  keyId: string;
  ownerId: string;
  /** The cluster a resource-specific key is scoped to (data-plane requests only). */
  resourceId?: string;
  /** The SSO groups of a user's SSO session (a Bearer token from POST /_emulator/sso/sign-in); API keys carry none. */
  ssoGroups?: string[];
}

/** What a handler sees of any request: already authenticated and validated. */
export interface RequestContextBase {
  op: Operation;
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  /** Base of every URL handed out, without a trailing slash. */
  baseUrl: string;
  requestId: string;
  /**
   * Set when the caller may see only some items of a list: which stored rows it may see (by their
   * CRN and body). Lists are filtered with it; absent means everything.
   */
  visible?: (row: { crn: string; body: Record<string, unknown>; id: string }) => boolean;
  /** Set when the caller may see only some Stream Catalog entities: which ones (a search shows only those). */
  visibleEntity?: (typeName: string, qualifiedName: string) => boolean;
  /** The principal the request acts as (`User:sa-…`), when it was authenticated. */
  principal?: string;
  /** On the data planes when authorization is enforced: decisions about the items a handler touches. */
  guard?: DataPlaneGuard;
}

/**
 * What the handler of operation `Op` sees: the body its document declares, and a caller whenever
 * the operation needs credentials (the pipeline authenticates before it dispatches). Without an
 * operation (`RequestContext`), the body is untyped and the caller optional.
 */
export type RequestContext<Op extends string = string> = RequestContextBase & {
  body: Op extends OperationId ? BodyOf<Op> : any;
} & (Op extends AuthenticatedOperationId ? { caller: Caller } : { caller?: Caller });

/** A context of an authenticated request, for helpers shared by several operations. */
export type AuthenticatedContext = RequestContext & { caller: Caller };

/** Decisions a data-plane handler asks about the items it lists or touches. */
export interface DataPlaneGuard {
  principal: string;
  /** The Kafka decision on the request's cluster, from this client's host. */
  kafka(operation: string, resourceType: string, resourceName: string): Decision;
  /** A decision on the Schema Registry cluster, one of its subjects, or its catalog. */
  registry(kind: 'subject' | 'cluster' | 'catalog', operation: string, name?: string): Decision;
  /** Throws the plane's 403 (error_code 40301) unless the decision allows. */
  require(decision: Decision): void;
}

/** Whether the request may touch a Schema Registry subject; true when authorization is off. */
export const maySubject = (ctx: RequestContext, operation: string, subject: string): boolean =>
  !ctx.guard || ctx.guard.registry('subject', operation, subject).allowed;

/** Whether the request may touch a Kafka resource; true when authorization is off. */
export const mayKafka = (ctx: RequestContext, operation: string, resourceType: string, name: string): boolean =>
  !ctx.guard || ctx.guard.kafka(operation, resourceType, name).allowed;

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | number>;
}

/**
 * The handler of operation `Op`. Declared as a method so that a handler of one operation is also
 * a handler of any request (the dispatcher hands each handler its own operation's requests).
 */
export type Handler<Op extends string = string> = { handle(ctx: RequestContext<Op>): Reply | Promise<Reply> }['handle'];

/** Handlers keyed by operationId: a key that is not an operation of the documents fails to compile. */
export type HandlerMap = { [Op in OperationId]?: Handler<Op> };

/**
 * The caller of a request to an operation that needs credentials, for code serving operations
 * it does not know by name (the engine's CRUD handlers); the pipeline authenticates before it
 * dispatches, so a missing caller is a bug, not a client error.
 */
export function callerOf(ctx: RequestContext): Caller {
  if (!ctx.caller) throw new Error(`${ctx.op.operationId} reached its handler without a caller`);
  return ctx.caller;
}

export const header = (ctx: RequestContext, name: string): string | undefined => {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
};
