import { ApiError, conflict, notFound, unprocessable } from '../core/errors.js';
import type { Engine } from '../engine/engine.js';
import type { HandlerMap, RequestContext } from '../contract/handler.js';
import { checkFault, type FaultSpec } from './faults.js';
import type { JournalFilter } from './journal.js';

const FAULT_KEYS = new Set([
  'operation_id', 'method', 'path_prefix', 'organization_id', 'api_key', 'status', 'error_code', 'message',
  'retry_after_seconds', 'transport', 'delay_ms', 'commit', 'times', 'after', 'probability', 'seed',
]);

/** The journal filters of a query string or a wait body (already validated by the document). */
function journalFilter(from: Record<string, unknown>): JournalFilter {
  const f: JournalFilter = {};
  for (const key of ['operation_id', 'method', 'organization_id', 'path_prefix'] as const) if (typeof from[key] === 'string') f[key] = from[key] as string;
  if (from.status !== undefined) f.status = Number(from.status);
  return f;
}

const orgFilter = (ctx: RequestContext) => (typeof ctx.query.organization_id === 'string' ? ctx.query.organization_id : undefined);

/** The request journal and fault injection of the control plane (documented in openapi/emulator.yaml). */
export function journalAndFaultHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    listEmulatorRequests: (ctx) => ({ status: 200, body: { data: rt.journal.list(journalFilter(ctx.query), Number(ctx.query.limit ?? 100)) } }),

    clearEmulatorRequests: (ctx) => ({ status: 200, body: { deleted: rt.journal.clear(journalFilter(ctx.query)) } }),

    waitForEmulatorRequests: async (ctx) => {
      if (!rt.journal.enabled) throw conflict('The journal is off (--journal-size 0): there is nothing to wait for');
      const body = ctx.body ?? {};
      const count = body.count ?? 1;
      const timeoutMs = body.timeout_ms ?? 5000;
      const data = await rt.journal.wait(journalFilter(body), count, timeoutMs);
      if (!data) {
        throw new ApiError({ status: 408, code: 'request_timeout', title: 'Request Timeout', detail: `Fewer than ${count} matching requests were journaled within ${timeoutMs} ms` });
      }
      return { status: 200, body: { count: data.length, data } };
    },

    createEmulatorFault: (ctx) => {
      const spec = (ctx.body ?? {}) as FaultSpec;
      const unknown = Object.keys(spec).find((k) => !FAULT_KEYS.has(k));
      if (unknown) throw unprocessable(`'${unknown}' is not a property of a fault`, `/${unknown}`);
      const problem = checkFault(spec);
      if (problem) throw unprocessable(problem.detail, `/${problem.field}`);
      return { status: 201, body: rt.faults.add(spec) };
    },

    listEmulatorFaults: (ctx) => ({ status: 200, body: { data: rt.faults.list(orgFilter(ctx)) } }),

    clearEmulatorFaults: (ctx) => ({ status: 200, body: { deleted: rt.faults.clear(orgFilter(ctx)) } }),

    deleteEmulatorFault: (ctx) => {
      if (!rt.faults.remove(ctx.params.id)) throw notFound(`The fault '${ctx.params.id}' was not found`);
      return { status: 204 };
    },
  };
}
