import type { RequestContext } from '../contract/handler.js';
import type { ResourceRow } from '../store/resources.js';

/**
 * A row read for a request before its handler runs (authorization reads the addressed resource to
 * know its CRN), handed to the handler so that the same row is not read twice. The handler runs in
 * the same tick, with no write in between, so the row is still what the store holds. It is taken
 * once: a later read in the same request goes to the store.
 */
interface Prefetched {
  org: string;
  type: string;
  id: string;
  /** Null when the store holds no live row of that id. */
  row: ResourceRow | null;
}

const prefetched = new WeakMap<RequestContext, Prefetched>();

/** Remembers what the store answered for a resource the request addresses. */
export function rememberRow(ctx: RequestContext, org: string, type: string, id: string, row: ResourceRow | undefined): void {
  prefetched.set(ctx, { org, type, id, row: row ?? null });
}

/** The row remembered for this request if it is the one asked for (null: none is live); undefined to read the store. */
export function takeRow(ctx: RequestContext, org: string, type: string, id: string): ResourceRow | null | undefined {
  const p = prefetched.get(ctx);
  if (!p) return undefined;
  prefetched.delete(ctx);
  return p.org === org && p.type === type && p.id === id ? p.row : undefined;
}
