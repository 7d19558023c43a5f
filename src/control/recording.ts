import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Runtime } from '../runtime.js';
import { nearestPath } from './nearest-path.js';
import { operationOf } from '../http/pipeline.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** performance.now() when the request arrived. */
    startedAt: number;
    /** The response body as sent, when the journal wants it. */
    responseText?: string;
    /** Already journaled (a dropped connection is journaled when it is dropped). */
    journaled: boolean;
    /** The JSON text a single-value JSON body was parsed from (the journal keeps it instead of the value). */
    bodyText?: string;
  }
}

/**
 * Records every request once it is answered: in the journal (GET /_emulator/requests), and as
 * one log line at `info` (method, path, operationId, status, duration, request id, organization;
 * never a header or a body, so never a secret). The control plane's own requests, and the console's,
 * are logged but not journaled, so that reading the journal does not fill it.
 */
export function registerRecording(app: FastifyInstance, rt: Runtime): void {
  const documentedPaths = rt.docs.operations.filter((op) => op.group !== '_emulator').flatMap((op) => [op.path, ...op.aliases.map((a) => a.to + op.path.slice(a.from.length))]);
  app.decorateRequest('startedAt', 0);
  app.decorateRequest('responseText', undefined);
  app.decorateRequest('journaled', false);

  // The console's reads (made with its in-memory keys) are the emulator looking at itself, like the
  // control plane's: a console left open would otherwise fill the journal with its polling.
  const journaled = (req: FastifyRequest) => {
    const op = operationOf(req);
    if (req.caller && rt.credentials.isEphemeral(req.caller.keyId)) return false;
    return rt.journal.enabled && (op ? op.group !== '_emulator' : req.is404);
  };

  app.decorateRequest('bodyText', undefined);
  // Callback hooks, not async ones: no promise per request and per hook.
  app.addHook('onRequest', (req, _reply, done) => {
    req.startedAt = performance.now();
    done();
  });
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (typeof payload === 'string' && journaled(req)) req.responseText = payload;
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    record(rt, req, reply.statusCode, documentedPaths, journaled(req));
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    record(rt, req, 0, documentedPaths, journaled(req));
    done();
  });
}

/** Levels at which the request line is written (above them, its fields are not even gathered). */
const LOGS_INFO = new Set(['trace', 'debug', 'info']);

/** The query of a request without one: shared, never written to (the journal only reads entries). */
const NO_QUERY: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

const hasKeys = (o: unknown) => {
  for (const _ in o as object) return true;
  return false;
};

/** Journals and logs one request; a dropped connection (status 0) too. Safe to call twice. */
export function record(rt: Runtime, req: FastifyRequest, status: number, documentedPaths: string[], toJournal: boolean): void {
  if (req.journaled) return;
  req.journaled = true;
  const op = operationOf(req);
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const durationMs = Math.round((performance.now() - req.startedAt) * 100) / 100;
  const org = req.caller?.orgId ?? null;
  if (LOGS_INFO.has(req.log.level)) {
    req.log.info({ method: req.method, path, operation_id: op?.operationId ?? null, status, duration_ms: durationMs, request_id: req.id, organization_id: org }, 'request completed');
  }
  if (!toJournal) return;
  rt.journal.record(
    {
      request_id: req.id,
      timeMs: rt.clock.now(),
      method: req.method,
      path,
      operation_id: op?.operationId ?? null,
      status,
      organization_id: org,
      api_key: req.caller?.keyId ?? null,
      duration_ms: durationMs,
      // Kept as sent (Fastify's parsed query, which nothing writes to): the journal redacts it when read.
      query: hasKeys(req.query) ? (req.query as Record<string, unknown>) : NO_QUERY,
      hint: op ? undefined : nearestPath(documentedPaths, path),
      fault_id: req.faultId,
    },
    req.body,
    req.responseText,
    req.bodyText,
  );
}
