import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, notImplemented } from '../core/errors.js';
import type { Operation } from '../openapi/types.js';
import type { Runtime } from '../runtime.js';
import type { Caller, Handler, HandlerMap, Reply, RequestContext } from '../contract/handler.js';
import { authenticate } from './auth.js';
import { headersFor } from './rate-limit.js';
import { JsonSequence } from './json-sequence.js';
import { answerFault, faultFor, sleep } from './faults.js';
import type { Fault } from '../control/faults.js';
import { authorizeManagement } from './authorize.js';
import { authorizeDataPlane } from './authorize-data.js';
import { checkFieldSizes } from './field-sizes.js';
import { routeOperations } from './operation-router.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The operation the request was routed to (undefined for a path no operation serves). */
    operation?: Operation;
    /** Who called, once authenticated (the journal and the request log read it). */
    caller?: Caller;
    /** The id of the fault that answered this request, if one did. */
    faultId?: string;
    /** The connection was dropped by a `transport: reset` fault. */
    faultReset?: boolean;
  }
}

/** The base of every URL handed out: the configured public URL, else the request's own origin. */
export function baseUrlOf(rt: Runtime, req: FastifyRequest): string {
  return rt.config.publicUrl ?? `${req.protocol}://${req.headers.host ?? `${rt.config.host}:${rt.config.port}`}`;
}

/** Query parameters the operation declares; the rest are ignored, as Confluent's MUST IGNORE rule says. */
function declaredQuery(names: string[], query: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!query) return out;
  for (const name of names) {
    if (query[name] !== undefined) out[name] = query[name];
  }
  return out;
}

/** The path of a request URL, without its query. */
const pathOf = (url: string) => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

/** Kafka REST, the Stream Catalog and the STS token exchange answer a body that does not fit its schema with 400, not 422. */
const BODY_ERROR_IS_400 = new Set(['kafka/v3', 'catalog/v1', 'sts/v1']);
function asGroupError(op: Operation, err: unknown): unknown {
  if (err instanceof ApiError && err.status === 422 && BODY_ERROR_IS_400.has(op.group)) {
    return new ApiError({ status: 400, code: 'bad_request', title: 'Bad Request', detail: err.detail, errorCode: 400 });
  }
  return asDeclaredStatus(op, err);
}

/**
 * An invalid body is 422 for most management operations, but some declare only 400 for it
 * (creating a role binding): answer the status the operation's document declares.
 */
function asDeclaredStatus(op: Operation, err: unknown): unknown {
  if (err instanceof ApiError && err.status === 422 && !op.responses['422'] && op.responses['400']) {
    return new ApiError({ status: 400, code: err.code, title: 'Bad Request', detail: err.detail, source: err.source, errorCode: 400, headers: err.headers, more: err.more });
  }
  return err;
}

/** The values of a streamed body, for the operations that declare streaming; a 400 elsewhere. */
function streamedBodies(op: Operation, sequence: JsonSequence): unknown[] {
  if (op.raw['x-emulator-streaming'] === true) return sequence.values;
  throw new ApiError({ status: 400, code: 'invalid_json', title: 'Bad Request', detail: 'The request body must be a single JSON value', errorCode: 400 });
}

/** Whether a declared media type covers the one sent: exactly, or as a declared wildcard (`image/*` covers `image/png`). */
const covers = (declared: string, sent: string) => declared === sent || (declared.endsWith('/*') && sent.startsWith(declared.slice(0, -1)) && sent.length > declared.length - 1);

/** A body in a media type the operation does not declare is refused, as the real services do. */
function checkMediaType(op: Operation, contentType: string | undefined): void {
  const declared = Object.keys((op.raw.requestBody as { content?: Record<string, unknown> } | undefined)?.content ?? {});
  const sent = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (declared.length && !declared.some((d) => covers(d.toLowerCase(), sent))) {
    throw new ApiError({ status: 415, code: 'unsupported_media_type', title: 'Unsupported Media Type', detail: `The request body must be ${declared.join(' or ')}`, errorCode: 415 });
  }
}

/** The operation a request was routed to, if any (the error handler and the journal read it). */
export const operationOf = (req: FastifyRequest): Operation | undefined => req.operation;

/**
 * Serves every operation of the documents (and their aliases) from one catch-all route that
 * dispatches through a router built once from the documents' paths (operation-router.ts): one
 * Fastify route per operation made registration a quarter of a cold start. Routes registered
 * elsewhere (docs, console, /openapi.json) are more specific and win; a path or method no operation
 * serves goes to the not-found handler, and HEAD runs the GET operation without its body, as with
 * Fastify's own routes. Every request goes through the same steps: authenticate, count against the
 * rate limit, validate against the operation, dispatch by operationId (501 when nothing implements
 * it), and in self-check mode verify the response against the document.
 */
export function registerOperations(app: FastifyInstance, rt: Runtime, handlers: Map<string, Handler>, maxParamLength: number): void {
  const router = routeOperations(rt.docs.operations, maxParamLength, (op, alias) => ({ op, serve: serve(rt, op, handlers.get(op.operationId), alias) }));
  app.decorateRequest('operation', undefined);
  app.route({
    // HEAD is added by Fastify (exposeHeadRoute) and answered by the GET operations.
    method: app.supportedMethods.filter((m) => m !== 'HEAD'),
    url: '/*',
    handler: (req, reply) => {
      const match = router.find(req.method === 'HEAD' ? 'GET' : req.method, req.url);
      if (!match) return reply.callNotFound();
      req.operation = match.target.op;
      req.params = match.params;
      return match.target.serve(req, reply);
    },
  });
}

type Alias = Operation['aliases'][number];

/**
 * The Fastify handler of one operation, under its own path or an alias. It is synchronous as long
 * as the request is (a delay fault or a handler answering a promise makes it asynchronous): no
 * promise per request for Fastify to wait on, and errors thrown reach the error handler all the same.
 */
function serve(rt: Runtime, op: Operation, handler: Handler | undefined, alias?: Alias) {
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const method = op.method.toLowerCase();
  const bodyErrorStatus = op.responses['422'] ? 422 : 400;

  /** After a fault's delay, if any: validate, authorize, run the handler, answer. */
  const proceed = (req: FastifyRequest, reply: FastifyReply, caller: Caller | undefined, fault: Fault | undefined): FastifyReply | Promise<FastifyReply> | undefined => {
    if (fault && !fault.commit && answerFault(rt, fault, op, req, reply)) return reply;
    if (req.body !== undefined) checkMediaType(op, req.headers['content-type']);
    const query = declaredQuery(queryNames, req.query as Record<string, unknown> | undefined);
    // The validator matches the document's path, so an alias is validated as the canonical path.
    const url = pathOf(req.url);
    const path = alias ? alias.from + url.slice(alias.to.length) : url;
    const request = { method, path, headers: req.headers, query, body: req.body };
    try {
      checkFieldSizes(req.body instanceof JsonSequence ? req.body.values : req.body, bodyErrorStatus);
      if (req.body instanceof JsonSequence) rt.validator.validateStreamedRequest(op, request, streamedBodies(op, req.body));
      else rt.validator.validateRequest(op, request);
    } catch (err) {
      throw asGroupError(op, err);
    }
    if (!handler) throw notImplemented(op.operationId);
    const ctx: RequestContext = {
      op,
      params: req.params as Record<string, string>,
      query,
      body: req.body,
      headers: req.headers,
      caller,
      baseUrl: baseUrlOf(rt, req),
      requestId: req.id,
    };
    authorizeManagement(rt, op, ctx);
    // Only the data planes (the flat dialect) look at the client's address, which Fastify works out on each read.
    if (op.dialect === 'flat') authorizeDataPlane(rt, op, ctx, req.ip);
    let result: Reply | Promise<Reply>;
    try {
      result = handler(ctx);
    } catch (err) {
      throw asDeclaredStatus(op, err);
    }
    const answer = (r: Reply) => (fault?.commit && answerFault(rt, fault, op, req, reply) ? reply : send(rt, op, reply, r));
    if (result instanceof Promise) {
      return result.then(answer, (err: unknown) => {
        throw asDeclaredStatus(op, err);
      });
    }
    answer(result);
    // Answered: nothing for Fastify to send (a reply returned would be sent again).
    return undefined;
  };

  return (req: FastifyRequest, reply: FastifyReply) => {
    let caller: Caller | undefined;
    if (op.security.length) {
      const clusterId = (req.params as Record<string, string | undefined>).cluster_id;
      caller = authenticate(op.security, req.headers.authorization, rt.credentials, clusterId, rt.accessTokens);
      if (rt.rateLimiter.enabled) {
        // Only the management APIs tell the client about its limit; Kafka REST's 429 is bare.
        const announce = op.dialect === 'management';
        const state = rt.rateLimiter.take(caller.keyId, announce);
        if (announce) reply.headers(headersFor(state));
      }
      req.caller = caller;
    }
    // An injected fault: a delay first, then (unless it commits the write first) its answer.
    const fault = faultFor(rt, op, req, caller);
    if (fault) {
      req.faultId = fault.id;
      if (fault.delay_ms) return sleep(fault.delay_ms).then(() => proceed(req, reply, caller, fault) ?? reply);
    }
    return proceed(req, reply, caller, fault);
  };
}

function send(rt: Runtime, op: Operation, reply: FastifyReply, result: Reply) {
  // A stream (the control plane's event stream) is text whose end is not known yet.
  if (result.body instanceof Readable) return reply.code(result.status).headers(result.headers ?? {}).send(result.body);
  const bodies = result.body instanceof JsonSequence ? result.body.values : [result.body];
  if (rt.config.selfCheck) {
    for (const body of bodies) assertConforms(rt, op, result.status, body, { ...reply.getHeaders(), ...(result.headers ?? {}) });
  }
  reply.code(result.status);
  if (result.headers) reply.headers(result.headers);
  if (result.body === undefined) return reply.send();
  // A streamed answer is one JSON value per line, in the order of the request's values.
  if (result.body instanceof JsonSequence) return reply.type('application/json').send(bodies.map((b) => JSON.stringify(b)).join('\n'));
  // A JSON answer is serialised here, once, with the media type Fastify would give it: Fastify
  // then sends the text as it is (no content-type parsing, no serialisation hooks).
  if (isJsonValue(result.body) && !reply.hasHeader('content-type')) return reply.header('content-type', JSON_UTF8).send(JSON.stringify(result.body));
  return reply.send(result.body);
}

const JSON_UTF8 = 'application/json; charset=utf-8';
/** An object or array that Fastify would answer as JSON (bytes and streams are sent as they are). */
const isJsonValue = (body: unknown): body is object => typeof body === 'object' && body !== null && !(body instanceof Uint8Array) && !(body instanceof Readable);

/**
 * Self-check (tests turn it on): a response that its document does not declare is a defect of
 * the emulator, reported as a 500 that names the drift so that no test can pass over it.
 */
export function assertConforms(rt: Runtime, op: Operation, status: number, body: unknown, headers: Record<string, unknown>): void {
  const problems = rt.validator.checkResponse(op, status, body);
  if (Buffer.isBuffer(body) && !headers['content-type']) problems.push(`${op.operationId} ${status} answers bytes without their Content-Type`);
  const declared = op.responses[String(status)];
  for (const [name, h] of Object.entries<Record<string, unknown>>(declared?.headers ?? {})) {
    const key = name.toLowerCase();
    const expected =
      h.required === true ||
      key === 'x-request-id' ||
      (key === 'location' && (status === 201 || status === 202)) ||
      (key.startsWith('x-ratelimit-') && rt.rateLimiter.enabled && status < 300);
    if (expected && headers[key] === undefined) problems.push(`${op.operationId} ${status} lacks the declared header ${name}`);
  }
  if (problems.length) {
    throw new ApiError({ status: 500, code: 'self_check_failed', title: 'Response Does Not Match Its Document', detail: problems.join('; ') });
  }
}
