import { badRequest, unprocessable } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import { ALL, PROVIDER_SHARE, PROVIDER_SHARED_RESOURCE, internal, type ProviderInternal } from './constants.js';
import { includeDeleted, page, visible } from './list.js';
import { queryValues } from '../../engine/query.js';
import { derivedFields, resolve, type Resolved } from './resolve.js';
import { allRows, insertRow, issueId } from './rows.js';

/*
 * Provider shared resources: one per topic and set of subjects, made by the first share of them
 * and kept for every later share of the same ones.
 */

/** The key by which shares of the same topic and subjects share one provider shared resource. */
const resourceKey = (r: Resolved) => JSON.stringify([r.cluster.id, r.topic, [...r.subjects].sort()]);

/** The live shared resource of the same topic and subjects, or a new one. */
export function sharedResourceFor(engine: Engine, org: string, r: Resolved, crns: string[], baseUrl: string): ResourceRow {
  const key = resourceKey(r);
  for (const row of engine.repository(PROVIDER_SHARED_RESOURCE).list({ org, limit: ALL })) {
    try {
      if (resourceKey(resolve(engine, org, (row.body as any).resources)) === key) return row;
    } catch {
      // A shared resource whose topic went away is not reused.
    }
  }
  const body = { resources: crns, display_name: r.topic, ...derivedFields(engine, org, r, baseUrl) };
  return insertRow(engine, PROVIDER_SHARED_RESOURCE, org, issueId(engine, PROVIDER_SHARED_RESOURCE), body);
}

/** Every CRN a `crn` list filter matches a shared resource by: its own, its topic's, its resources'. */
export const srCrnsOf = (row: ResourceRow | undefined) => (row ? [row.crn, String((row.body as any).crn ?? ''), ...(((row.body as any).resources as string[]) ?? [])] : []);

export const providerSharedResourceHooks: ResourceHooks = {
  beforeCreate() {
    throw badRequest('Provider shared resources are created with provider shares');
  },
  /** New resources must name a topic of the same cluster (the shares' credentials are scoped to it). */
  beforeUpdate(h, row, patch) {
    if (patch.resources === undefined) return;
    const next = resolve(h.engine, row.org_id, patch.resources);
    const current = String((row.body as any).cloud_cluster?.id ?? '');
    if (next.cluster.id !== current) throw unprocessable(`The topic must stay on the Kafka cluster '${current}'`, '/resources/0');
    Object.assign(patch, derivedFields(h.engine, row.org_id, next, h.baseUrl));
  },
};

export const providerSharedResourceHandlers = (engine: Engine): HandlerMap => ({
  listCdxV1ProviderSharedResources: (ctx) => {
    const org = ctx.caller.orgId;
    const shares = queryValues(ctx.query.stream_share);
    const crns = queryValues(ctx.query.crn);
    const wanted = new Set(allRows(engine, org, PROVIDER_SHARE).filter((s) => shares.includes(s.id)).map((s) => internal<ProviderInternal>(s).shared_resource));
    const rows = visible(engine, ctx, org, PROVIDER_SHARED_RESOURCE).filter((sr) => {
      if (shares.length && !wanted.has(sr.id)) return false;
      if (crns.length && !crns.some((c) => srCrnsOf(sr).includes(c))) return false;
      return true;
    });
    return page(engine, ctx, PROVIDER_SHARED_RESOURCE, rows, [shares, crns, includeDeleted(ctx)]);
  },
});
