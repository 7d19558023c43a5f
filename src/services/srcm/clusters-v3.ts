import type { ResourceHooks } from '../../engine/hooks.js';
import { findSrRegion } from './regions.js';
import { encodeSegment } from '../../core/url.js';

type Obj = Record<string, any>;

/**
 * A Schema Registry cluster in the srcm/v3 shape, from its srcm/v2 rendering: the region becomes
 * the cloud region name with the cloud beside it, and the catalog and private endpoints appear;
 * every endpoint is the cluster's `http_endpoint`, the emulator itself.
 */
export function toV3Cluster(v2: Obj, baseUrl: string): Obj {
  const spec: Obj = v2.spec ?? {};
  const region = findSrRegion(spec.region?.id);
  const http: string = spec.http_endpoint ?? baseUrl;
  const env: Obj = spec.environment ?? {};
  const out: Obj = {
    display_name: spec.display_name,
    package: spec.package,
    http_endpoint: http,
    catalog_http_endpoint: http,
    private_http_endpoint: http,
    private_networking_config: { regional_endpoints: region ? { [region.region_name]: http } : {} },
    cloud: region?.cloud,
    region: region?.region_name,
    environment: { id: env.id, related: env.related, resource_name: env.resource_name },
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return {
    api_version: 'srcm/v3',
    kind: 'Cluster',
    id: v2.id,
    metadata: { ...v2.metadata, self: `${baseUrl}/srcm/v3/clusters/${encodeSegment(v2.id)}` },
    spec: out,
    status: v2.status,
  };
}

/**
 * The view `SchemaRegistryClusterV3` (openapi/srcm-v3.yaml): `listSrcmV3Clusters` and
 * `getSrcmV3Cluster` are served by the engine, which reads, scopes, advances phases and pages the
 * srcm/v2 resource; this hook only reshapes each cluster's rendering.
 */
export const schemaRegistryClusterV3Hooks: ResourceHooks = {
  render: (h, rendered) => toV3Cluster(rendered, h.baseUrl),
};
