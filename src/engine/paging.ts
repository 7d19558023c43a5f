import type { Cursor, PageTokens } from '../core/pagination.js';
import type { Operation } from '../openapi/types.js';
import type { RequestContext } from '../contract/handler.js';
import { encodeSegment } from '../core/url.js';

/** The page_size default and maximum an operation declares (worked out once per operation). */
const bounds = new WeakMap<Operation, { def: number; max: number }>();
function pageSizeBounds(op: Operation): { def: number; max: number } {
  let b = bounds.get(op);
  if (!b) {
    const schema = op.parameters.find((p) => p.in === 'query' && p.name === 'page_size')?.schema ?? {};
    b = { def: schema.default ?? 10, max: schema.maximum ?? 100 };
    bounds.set(op, b);
  }
  return b;
}

/**
 * The position a list request asks for: the cursor of its page_token (checked against the list's
 * identity, 400 otherwise), or the first page at the requested page_size, which is honoured only
 * on the first request.
 */
export function cursorOf(tokens: PageTokens, ctx: RequestContext, identity: string): Cursor {
  const { def, max } = pageSizeBounds(ctx.op);
  const token = ctx.query.page_token as string | undefined;
  if (token) return tokens.decode(token, identity);
  const size = ctx.query.page_size === undefined ? def : Math.min(max, Math.max(1, Number(ctx.query.page_size)));
  return { list: identity, size };
}

/** Where a page sits in its list, by the keyset positions (`seq`) of its first and last items. */
export interface PagePosition {
  first?: number;
  last?: number;
  hasPrev: boolean;
  hasNext: boolean;
  total: number;
}

/** `metadata` of a list page: absolute `first`, `last`, `prev`, `next` links and `total_size`. */
export function listMetadata(tokens: PageTokens, ctx: RequestContext, cursor: Cursor, p: PagePosition): Record<string, unknown> {
  const link = (c?: Omit<Cursor, 'list' | 'size'>) => listUrl(ctx, c && tokens.encode({ list: cursor.list, size: cursor.size, ...c }));
  const metadata: Record<string, unknown> = { first: link(), last: link({ last: true }) };
  if (p.hasPrev && p.first !== undefined) metadata.prev = link({ before: p.first });
  if (p.hasNext && p.last !== undefined) metadata.next = link({ after: p.last });
  metadata.total_size = p.total;
  return metadata;
}

/** An absolute link to this list, with its filters and, optionally, a page token. */
function listUrl(ctx: RequestContext, pageToken?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(ctx.query)) {
    if (k === 'page_token' || v === undefined) continue;
    if (pageToken && k === 'page_size') continue;
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
  }
  if (pageToken) params.set('page_token', pageToken);
  const qs = params.toString();
  const path = ctx.op.path.includes('{') ? ctx.op.path.replace(/\{(\w+)\}/g, (_, p: string) => encodeSegment(ctx.params[p] ?? '')) : ctx.op.path;
  return `${ctx.baseUrl}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * One page of a list held in memory (a read-only catalogue, or rows gathered by hand) in a fixed
 * order, with the engine's keyset tokens and list metadata. `seq` is each item's keyset
 * position: increasing along the list and stable between requests.
 */
export function pageInMemory<T extends { seq: number }>(tokens: PageTokens, ctx: RequestContext, identity: string, all: T[]): { items: T[]; metadata: Record<string, unknown> } {
  const cursor = cursorOf(tokens, ctx, identity);
  const size = cursor.size;
  let items: T[];
  if (cursor.last) items = all.slice(Math.max(0, all.length - size));
  else if (cursor.before !== undefined) {
    const before = all.filter((e) => e.seq < cursor.before!);
    items = before.slice(Math.max(0, before.length - size));
  } else items = all.filter((e) => cursor.after === undefined || e.seq > cursor.after).slice(0, size);
  const first = items[0]?.seq;
  const last = items[items.length - 1]?.seq;
  const hasPrev = first !== undefined ? all.some((e) => e.seq < first) : cursor.after !== undefined;
  const hasNext = last !== undefined && all.some((e) => e.seq > last);
  return { items, metadata: listMetadata(tokens, ctx, cursor, { first, last, hasPrev, hasNext, total: all.length }) };
}
