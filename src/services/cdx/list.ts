import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import { pageInMemory } from '../../engine/paging.js';
import type { RequestContext, AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import { render } from './render.js';
import { allRows } from './rows.js';
import { queryFlag } from '../../engine/query.js';

/*
 * The cdx/v1 lists: their filters match fields kept in the rows' internal state and may include deleted
 * rows, so they are filtered here and paged by hand rather than by the engine's list.
 */


/** One page of rows (keyset positions are their `seq`), with the engine's tokens and links. */
export function page(engine: Engine, ctx: AuthenticatedContext, type: string, rows: ResourceRow[], filters: unknown[]) {
  const d = engine.decl(type);
  const org = ctx.caller.orgId;
  const { items, metadata } = pageInMemory(engine.rt.tokens, ctx, listIdentity([org, type, filters]), rows);
  return { status: 200, body: { api_version: 'cdx/v1', kind: `${d.kind}List`, metadata, data: items.map((r) => render(engine, r, ctx.baseUrl)) } };
}

export const includeDeleted = (ctx: RequestContext) => queryFlag(ctx.query.include_deleted);
export const visible = (engine: Engine, ctx: RequestContext, org: string, type: string) =>
  allRows(engine, org, type).filter((r) => r.deleted_at === null || includeDeleted(ctx));
