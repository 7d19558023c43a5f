import { badRequest, notFound } from '../../core/errors.js';
import { renderCrn } from '../../core/crn.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import { PROVIDER_SHARE, internal, type ProviderInternal } from './constants.js';

/*
 * Storage of Stream Sharing rows. Only cdx/v1 operations make them, writing them through their
 * kinds' repositories: the engine's own create refuses them (the hooks below).
 */

export const internalHooks: ResourceHooks = {
  beforeCreate() {
    throw badRequest('Stream Sharing objects are created through cdx/v1 only');
  },
};

/** Every row of a type in an organization, deleted ones included, in creation order. */
export const allRows = (engine: Engine, org: string, type: string): ResourceRow[] => engine.repository(type).all(org);

export const issueId = (engine: Engine, type: string): string => engine.repository(type).issueId();

/** Stores a new row; `internal` is what the API never shows (links between the two sides of a share). */
export function insertRow(engine: Engine, type: string, org: string, id: string, body: Record<string, unknown>, internal?: object): ResourceRow {
  const crn = renderCrn(engine.decl(type).crn, { org, id });
  return engine.repository(type).insert({ org, id, crn, body, internal: internal as Record<string, unknown> | undefined });
}

/** The live provider shares of a shared resource (a link kept in their internal state). */
export const sharesOf = (engine: Engine, org: string, sharedResource: string): ResourceRow[] =>
  engine.repository(PROVIDER_SHARE).list({ org }).filter((s) => internal<ProviderInternal>(s).shared_resource === sharedResource);

export function save(engine: Engine, row: ResourceRow): void {
  engine.repository(row.type).touch(row);
}

/** The live row of `type` the path's `{id}` names in the caller's organization, or 404. */
export function liveRow(engine: Engine, ctx: AuthenticatedContext, type: string): ResourceRow {
  const row = engine.repository(type).get(ctx.caller.orgId, ctx.params.id);
  if (!row) throw notFound(`The ${engine.decl(type).kind} '${ctx.params.id}' was not found`);
  return row;
}
