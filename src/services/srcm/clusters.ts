import { unprocessable } from '../../core/errors.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { findSrRegion, srRegionCrn, srRegionUrl } from './regions.js';

/** The resource name of Schema Registry clusters, as `openapi/srcm-v2.yaml` declares it. */
export const SR_CLUSTER = 'SchemaRegistryCluster';

/** Package changes allowed on PATCH: ESSENTIALS may become ADVANCED; nothing is ever downgraded. */
const UPGRADES: Record<string, string[]> = { ESSENTIALS: ['ADVANCED'] };

/**
 * Schema Registry clusters (srcm/v2): the region must exist in the regions catalogue and offer
 * the package; the references are filled in as Confluent renders them (`id`, `related`,
 * `resource_name`); `http_endpoint` is the emulator's own base URL, which serves the Schema
 * Registry data plane (the cluster is resolved from the API key's scope, the Host name or the only
 * cluster); the package can only be upgraded.
 */
export const schemaRegistryClusterHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const regionId = getAt(d.body, '/spec/region/id') as string | undefined;
    const region = findSrRegion(regionId);
    if (!region) throw unprocessable(`The referenced object '${regionId ?? ''}' at '/spec/region' does not exist`, '/spec/region/id');
    const pkg = String(getAt(d.body, '/spec/package'));
    if (!(region.packages as string[]).includes(pkg)) {
      throw unprocessable(`The package ${pkg} is not available in the region ${region.id} (${region.region_name}); it offers ${region.packages.join(', ')}`, '/spec/package');
    }
    setAt(d.body, '/spec/region', { id: region.id, related: srRegionUrl(h.baseUrl, region.id), resource_name: srRegionCrn(h.org, region.id) });
    const env = getAt(d.body, '/spec/environment') as Record<string, unknown>;
    setAt(d.body, '/spec/environment', { id: env.id, related: env.related, resource_name: env.resource_name });
    setAt(d.body, '/spec/http_endpoint', h.baseUrl);
  },

  /** A deleted cluster's subjects, schemas and settings go with it, and its Stream Catalog. */
  afterDelete(h, row) {
    h.engine.rt.schemaRegistry.deleteCluster(row.id);
    h.engine.rt.catalog.deleteCluster(row.id);
  },

  beforeUpdate(_h, row, patch) {
    const next = getAt(patch, '/spec/package') as string | undefined;
    const current = getAt(row.body, '/spec/package') as string;
    if (next === undefined || next === current) return;
    if (!(UPGRADES[current] ?? []).includes(next)) {
      throw unprocessable(`A Schema Registry cluster cannot be downgraded from ${current} to ${next}`, '/spec/package');
    }
    const region = findSrRegion(getAt(row.body, '/spec/region/id') as string | undefined);
    if (region && !(region.packages as string[]).includes(next)) {
      throw unprocessable(`The package ${next} is not available in the region ${region.id} (${region.region_name})`, '/spec/package');
    }
  },
};
