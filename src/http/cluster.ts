import { notFound, unauthenticated } from '../core/errors.js';
import type { RequestContext } from '../contract/handler.js';
import type { ResourceRow } from '../store/resources.js';
import type { Repositories } from '../engine/repository.js';

/**
 * Finds the cluster a data-plane request addresses when its path carries no cluster id (Schema
 * Registry, Catalog, REST Proxy v2): the cluster a resource-specific API key is scoped to (a key
 * of another kind of cluster is refused with 401); otherwise the cluster whose id is the first
 * label of the Host header (`lsrc-abc12.emulator.local`); otherwise the only cluster of those
 * kinds in the caller's organization. `types` are the resource names that
 * count as clusters here (for example `SchemaRegistryCluster`).
 */
export function resolveCluster(repositories: Repositories, ctx: RequestContext, types: string[]): ResourceRow {
  const org = ctx.caller?.orgId;
  if (!org) throw notFound('No cluster can be resolved without credentials');
  if (ctx.caller?.resourceId) {
    // A key scoped to a cluster of another kind (a Kafka key on Schema Registry) opens nothing here.
    const scoped = repositories.getAny(org, types, ctx.caller.resourceId);
    if (!scoped) throw unauthenticated('The API key is not scoped to a cluster of this API');
    return scoped;
  }
  const host = ctx.headers.host;
  const label = (Array.isArray(host) ? host[0] : host)?.split('.')[0]?.split(':')[0];
  if (label) {
    const named = repositories.getAny(org, types, label);
    if (named) return named;
  }
  const all = types.flatMap((type) => repositories.of(type).list({ org, limit: 2 }));
  if (all.length === 1) return all[0];
  throw notFound(all.length ? 'Several clusters exist; address one with a key scoped to it or by its Host name' : 'No cluster exists in this organization');
}
