import type { RequestContext } from '../contract/handler.js';
import type { ResourceRow } from '../store/resources.js';

/**
 * A row read for a request before its handler runs (authorization reads the addressed resource to
 * know its CRN), handed to the handler so that the same row is not read twice. It is handed only
 * while no write to the resource table happened since it was read (a service handler may bring
 * the row up to date before the generic read), and only once: a later read goes to the store.
 */
interface Prefetched {
  org: string;
  type: string;
  id: string;
  /** Null when the store holds no live row of that id. */
  row: ResourceRow | null;
  /** The store's write count when it was read. */
  writes: number;
}

const prefetched = new WeakMap<RequestContext, Prefetched>();

/** Remembers what the store answered for a resource the request addresses. */
export function rememberRow(ctx: RequestContext, org: string, type: string, id: string, row: ResourceRow | undefined, writes: number): void {
  prefetched.set(ctx, { org, type, id, row: row ?? null, writes });
}

/** The row remembered for this request if it is the one asked for (null: none is live); undefined to read the store. */
export function takeRow(ctx: RequestContext, org: string, type: string, id: string, writes: number): ResourceRow | null | undefined {
  const p = prefetched.get(ctx);
  if (!p) return undefined;
  prefetched.delete(ctx);
  return p.writes === writes && p.org === org && p.type === type && p.id === id ? p.row : undefined;
}
