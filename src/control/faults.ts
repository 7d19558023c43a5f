import { randomUUID } from 'node:crypto';
import { seededRandom } from '../core/random.js';

/**
 * Fault injection, independent of any transport: the HTTP pipeline asks `take()` for the fault
 * that answers a request, and the Kafka protocol listener can ask the same with its own operation
 * names (`Produce`, `Fetch`, ...) and render the answer as Kafka error codes.
 */
export interface FaultSpec {
  operation_id?: string;
  method?: string;
  path_prefix?: string;
  organization_id?: string;
  api_key?: string;
  status?: number;
  /** Management: the `code` string; flat dialects: the numeric `error_code`. */
  error_code?: string | number;
  message?: string;
  retry_after_seconds?: number;
  transport?: 'reset';
  delay_ms?: number;
  /** Apply the request first (the write is stored), then answer the fault. */
  commit?: boolean;
  /** How many times the fault fires, then it is gone; unlimited when absent. */
  times?: number;
  /** Matching requests to let through before the fault starts firing. */
  after?: number;
  /** Chance (0..1) that a matching request is faulted; with `seed`, the draws repeat exactly. */
  probability?: number;
  seed?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  /** Requests that matched so far (counted before `after` and `probability`). */
  matched: number;
  /** Requests it answered so far. */
  fired: number;
  created_at: string;
}

/** What a transport knows of a request, for matching. */
export interface FaultTarget {
  operationId: string;
  method?: string;
  path?: string;
  organizationId?: string;
  apiKey?: string;
}

const SPEC_KEYS: Record<keyof FaultSpec, 'string' | 'integer' | 'number' | 'boolean' | 'code'> = {
  operation_id: 'string',
  method: 'string',
  path_prefix: 'string',
  organization_id: 'string',
  api_key: 'string',
  status: 'integer',
  error_code: 'code',
  message: 'string',
  retry_after_seconds: 'integer',
  transport: 'string',
  delay_ms: 'integer',
  commit: 'boolean',
  times: 'integer',
  after: 'integer',
  probability: 'number',
  seed: 'integer',
};

/** Why a fault spec cannot be used, or undefined when it can (the document checks types; this checks meaning). */
export function checkFault(spec: FaultSpec): { detail: string; field: string } | undefined {
  if (spec.status !== undefined && (spec.status < 400 || spec.status > 599)) return { detail: 'status must be an error status, 400 to 599', field: 'status' };
  if (spec.transport !== undefined && spec.transport !== 'reset') return { detail: 'transport must be "reset"', field: 'transport' };
  // On the Kafka protocol (method KAFKA) a numeric error_code is an answer of its own.
  const kafkaCode = spec.method === 'KAFKA' && typeof spec.error_code === 'number';
  if (spec.status === undefined && spec.transport === undefined && spec.delay_ms === undefined && !kafkaCode) {
    return { detail: 'A fault needs a status, a transport or a delay_ms (or, with method KAFKA, a numeric error_code)', field: 'status' };
  }
  if (spec.commit && spec.status === undefined && spec.transport === undefined && !kafkaCode) return { detail: 'commit needs a status or a transport to answer after the write', field: 'commit' };
  if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) return { detail: 'probability must be between 0 and 1', field: 'probability' };
  for (const f of ['times', 'after', 'delay_ms', 'retry_after_seconds'] as const) {
    const v = spec[f];
    if (v !== undefined && (!Number.isInteger(v) || v < (f === 'times' ? 1 : 0))) return { detail: `${f} must be an integer of at least ${f === 'times' ? 1 : 0}`, field: f };
  }
  if (spec.delay_ms !== undefined && spec.delay_ms > 60_000) return { detail: 'delay_ms must be at most 60000', field: 'delay_ms' };
  return undefined;
}

/**
 * Parses the `X-Emulator-Fault` header: `status=503;times=1`, the keys of a fault spec separated
 * by `;`. Throws an Error naming the bad part.
 */
export function parseFaultHeader(value: string): FaultSpec {
  const spec: Record<string, unknown> = {};
  for (const part of value.split(';').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim() as keyof FaultSpec;
    const raw = eq < 0 ? 'true' : part.slice(eq + 1).trim();
    const type = SPEC_KEYS[key];
    if (!type) throw new Error(`X-Emulator-Fault has an unknown key '${key}'`);
    if (type === 'string') spec[key] = raw;
    else if (type === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`X-Emulator-Fault: ${key} must be true or false`);
      spec[key] = raw === 'true';
    } else if (type === 'code') spec[key] = /^\d+$/.test(raw) ? Number(raw) : raw;
    else {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) throw new Error(`X-Emulator-Fault: ${key} must be a${type === 'integer' ? 'n integer' : ' number'}`);
      spec[key] = n;
    }
  }
  const problem = checkFault(spec as FaultSpec);
  if (problem) throw new Error(`X-Emulator-Fault: ${problem.detail}`);
  return spec as FaultSpec;
}

const PUBLIC_KEYS = Object.keys(SPEC_KEYS) as Array<keyof FaultSpec>;

/** The fault rules of one emulator, in the order they were added. */
export class FaultRegistry {
  private readonly rules = new Map<string, { fault: Fault; random: () => number }>();

  constructor(private readonly now: () => string) {}

  get size(): number {
    return this.rules.size;
  }

  add(spec: FaultSpec): Fault {
    const fault: Fault = { id: `fault-${randomUUID().slice(0, 8)}`, matched: 0, fired: 0, created_at: this.now() };
    for (const k of PUBLIC_KEYS) if (spec[k] !== undefined) (fault as unknown as Record<string, unknown>)[k] = spec[k];
    if (fault.method) fault.method = fault.method.toUpperCase();
    this.rules.set(fault.id, { fault, random: seededRandom(spec.seed ?? (Math.random() * 2 ** 32) >>> 0) });
    return { ...fault };
  }

  list(organizationId?: string): Fault[] {
    return [...this.rules.values()].map((r) => ({ ...r.fault })).filter((f) => organizationId === undefined || f.organization_id === organizationId);
  }

  get(id: string): Fault | undefined {
    const r = this.rules.get(id);
    return r && { ...r.fault };
  }

  remove(id: string): boolean {
    return this.rules.delete(id);
  }

  /** Removes every rule, or those of one organization; answers how many. */
  clear(organizationId?: string): number {
    let n = 0;
    for (const [id, r] of this.rules) {
      if (organizationId === undefined || r.fault.organization_id === organizationId) {
        this.rules.delete(id);
        n++;
      }
    }
    return n;
  }

  /**
   * The fault that answers this request, or undefined. Counts the match: the first rule that
   * matches and fires is used, and a rule whose `times` ran out is removed.
   */
  take(t: FaultTarget): Fault | undefined {
    if (this.rules.size === 0) return undefined;
    for (const [id, r] of this.rules) {
      const f = r.fault;
      if (f.operation_id !== undefined && f.operation_id !== t.operationId) continue;
      if (f.method !== undefined && f.method !== t.method?.toUpperCase()) continue;
      if (f.path_prefix !== undefined && !(t.path ?? '').startsWith(f.path_prefix)) continue;
      if (f.organization_id !== undefined && f.organization_id !== t.organizationId) continue;
      if (f.api_key !== undefined && f.api_key !== t.apiKey) continue;
      f.matched++;
      if (f.matched <= (f.after ?? 0)) continue;
      if (f.probability !== undefined && !(r.random() < f.probability)) continue;
      f.fired++;
      if (f.times !== undefined && f.fired >= f.times) this.rules.delete(id);
      return { ...f };
    }
    return undefined;
  }
}
