import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../core/errors.js';
import { parseFaultHeader, type Fault } from '../control/faults.js';
import type { Operation } from '../openapi/types.js';
import type { Runtime } from '../runtime.js';
import type { Caller } from '../contract/handler.js';
import { faultError } from './fault-response.js';
import { record } from '../control/recording.js';

const FAULT_HEADER = 'x-emulator-fault';

/**
 * The fault that answers this request: the one its `X-Emulator-Fault` header describes, else the
 * first registered rule that matches. The control plane itself is never faulted.
 */
export function faultFor(rt: Runtime, op: Operation, req: FastifyRequest, caller: Caller | undefined): Fault | undefined {
  if (op.group === '_emulator') return undefined;
  const header = req.headers[FAULT_HEADER];
  if (typeof header === 'string' && header.trim() !== '') {
    try {
      return { ...parseFaultHeader(header), id: 'header', matched: 1, fired: 1, created_at: rt.clock.iso() };
    } catch (err) {
      throw new ApiError({ status: 400, code: 'invalid_fault', title: 'Bad Request', detail: (err as Error).message, source: { parameter: 'X-Emulator-Fault' }, errorCode: 400 });
    }
  }
  // No rule registered (the usual case): nothing to match, not even the path to cut out.
  if (rt.faults.size === 0) return undefined;
  return rt.faults.take({ operationId: op.operationId, method: op.method, path: req.url.split('?')[0], organizationId: caller?.orgId, apiKey: caller?.keyId });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Answers the fault in place of a response: drops the connection, or throws its error for the dialect to render. */
export function answerFault(rt: Runtime, fault: Fault, op: Operation, req: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (fault.transport === 'reset') {
    req.faultReset = true;
    record(rt, req, 0, [], rt.journal.enabled);
    reply.hijack();
    req.raw.socket?.destroy();
    reply.raw.destroy();
    return reply;
  }
  if (fault.status !== undefined) throw faultError(fault, op, rt.config.rateLimit);
  return undefined;
}
