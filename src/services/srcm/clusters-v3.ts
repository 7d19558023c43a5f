import { crudHandler } from '../../engine/crud.js';
import type { Engine } from '../../engine/engine.js';
import type { Handler, HandlerMap } from '../../contract/handler.js';
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
 * `listSrcmV3Clusters` and `getSrcmV3Cluster`: the operations are bound to the srcm/v2 resource in
 * their document, so the engine does the reading, scoping, phases and pagination (links point at
 * the v3 path); this module only renders each cluster in the v3 shape.
 */
export function schemaRegistryClusterV3Handlers(engine: Engine): HandlerMap {
  const handlers: HandlerMap = {};
  for (const op of engine.rt.docs.operations) {
    if (op.group !== 'srcm/v3' || !op.binding) continue;
    const inner: Handler = crudHandler(engine, op);
    handlers[op.operationId] = async (ctx) => {
      const reply = await inner(ctx);
      const body = reply.body as Obj;
      if (op.binding!.action === 'list') {
        return { ...reply, body: { ...body, api_version: 'srcm/v3', data: (body.data as Obj[]).map((c) => toV3Cluster(c, ctx.baseUrl)) } };
      }
      return { ...reply, body: toV3Cluster(body, ctx.baseUrl) };
    };
  }
  return handlers;
}
