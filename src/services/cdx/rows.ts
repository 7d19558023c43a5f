import { badRequest, notFound } from '../../core/errors.js';
import { renderCrn } from '../../core/crn.js';
import { newId } from '../../core/ids.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';

/*
 * Storage of Stream Sharing rows. Only cdx/v1 operations make them, writing them directly: the
 * engine's own create refuses them (the hooks below).
 */

export const internalHooks: ResourceHooks = {
  beforeCreate() {
    throw badRequest('Stream Sharing objects are created through cdx/v1 only');
  },
};

/** Every row of a type in an organization, deleted ones included, in creation order. */
export const allRows = (engine: Engine, org: string, type: string): ResourceRow[] => engine.rt.resources.allOfType(org, type);

export function issueId(engine: Engine, type: string): string {
  for (;;) {
    const id = newId(engine.decl(type).id);
    if (engine.rt.resources.reserveId(id)) return id;
  }
}

export function insertRow(engine: Engine, type: string, org: string, id: string, body: Record<string, unknown>): ResourceRow {
  const d = engine.decl(type);
  const t = engine.rt.clock.now();
  return engine.rt.resources.insert({ org_id: org, type, id, scope: '', crn: renderCrn(d.crn, { org, id }), body, lifecycle: null, created_at: t, updated_at: t });
}

export function save(engine: Engine, row: ResourceRow): void {
  row.updated_at = engine.rt.clock.now();
  engine.rt.resources.update(row);
}

/** The live row of `type` the path's `{id}` names in the caller's organization, or 404. */
export function liveRow(engine: Engine, ctx: AuthenticatedContext, type: string): ResourceRow {
  const row = engine.rt.resources.get(ctx.caller.orgId, type, ctx.params.id);
  if (!row) throw notFound(`The ${engine.decl(type).kind} '${ctx.params.id}' was not found`);
  return row;
}
