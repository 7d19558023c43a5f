import { ApiError, badRequest } from '../../core/errors.js';
import { listIdentity } from '../../core/pagination.js';
import { crudHandler } from '../../engine/crud.js';
import type { Engine } from '../../engine/engine.js';
import { cursorOf, listMetadata } from '../../engine/paging.js';
import type { Handler, HandlerMap, RequestContext } from '../../engine/types.js';
import type { FieldFilter, ListQuery, ResourceRow } from '../../store/resources.js';
import type { ResourceDecl } from '../../openapi/types.js';
import { ipAddressHandlers } from './ip-addresses.js';
import { values } from './query.js';


/** List parameters that match an element of an array field (a network with any of the connection types asked for). */
const ARRAY_FILTERS: Record<string, Record<string, string>> = {
  Network: { 'spec.connection_types': '/spec/connection_types' },
};

function filtersOf(decl: ResourceDecl, ctx: RequestContext): FieldFilter[] {
  const filters: FieldFilter[] = [];
  for (const [name, f] of Object.entries(decl.filters)) {
    const v = values(ctx.query[name]);
    if (v.length) filters.push({ pointer: f.pointer, values: v, match: f.match });
  }
  // An array is stored as JSON text: an element matches as its quoted JSON string inside it.
  for (const [name, pointer] of Object.entries(ARRAY_FILTERS[decl.name] ?? {})) {
    const v = values(ctx.query[name]);
    if (v.length) filters.push({ pointer, values: v.map((x) => JSON.stringify(x)), match: 'contains' });
  }
  return filters;
}

/**
 * The list of a networking resource, as the generic engine serves lists, with two additions:
 * phases are brought up to date before filtering (so `status.phase=READY` finds a network whose
 * provisioning completed since it was last read, and a finished deletion is not counted), and
 * array filters (`spec.connection_types`).
 */
function listHandler(engine: Engine, decl: ResourceDecl): Handler {
  const rt = engine.rt;
  return (ctx) => {
    const org = ctx.caller!.orgId;
    const scope = ctx.query.environment;
    if (typeof scope !== 'string' || scope === '') throw badRequest("Missing the environment: the 'environment' query parameter", { parameter: 'environment' });
    const q: ListQuery = { org, type: decl.name, scope, filters: [], limit: -1 };
    for (const row of rt.resources.list(q)) if (row.lifecycle && row.lifecycle.stage !== 'settled') engine.observeRow(decl, row, ctx.baseUrl);

    q.filters = filtersOf(decl, ctx);
    const identity = listIdentity([org, decl.name, scope, q.filters]);
    const cursor = cursorOf(rt.tokens, ctx, identity);
    const size = cursor.size;
    return rt.tx(() => {
      let rows: ResourceRow[];
      if (cursor.last) rows = rt.resources.list({ ...q, descending: true, limit: size }).reverse();
      else if (cursor.before !== undefined) rows = rt.resources.list({ ...q, before: cursor.before, descending: true, limit: size }).reverse();
      else rows = rt.resources.list({ ...q, after: cursor.after, limit: size });
      const first = rows[0]?.seq;
      const last = rows[rows.length - 1]?.seq;
      const hasPrev = first !== undefined ? rt.resources.exists(q, 'before', first) : cursor.after !== undefined;
      const hasNext = last !== undefined && rt.resources.exists(q, 'after', last);
      const metadata = listMetadata(rt.tokens, ctx, cursor, { first, last, hasPrev, hasNext, total: rt.resources.count(q) });
      const data = rows.map((r) => engine.render(decl, r, ctx.baseUrl));
      return { status: 200, body: { api_version: decl.api_version, kind: `${decl.kind}List`, metadata, data } };
    });
  };
}

/**
 * Deleting a network that a Kafka cluster (cmk/v2 `spec.network`) uses is refused with 409. The
 * check lives here rather than in a delete hook so that deleting the environment, which takes
 * both the clusters and the network, is not refused.
 */
function deleteNetworkHandler(engine: Engine, inner: Handler): Handler {
  return (ctx) => {
    const env = ctx.query.environment;
    const network = engine.rt.resources.get(ctx.caller!.orgId, 'Network', ctx.params.id);
    if (network && network.scope === env) {
      const clusters = engine.rt.resources.whereField(network.org_id, 'KafkaCluster', '/spec/network/id', network.id);
      if (clusters.length) {
        const names = clusters.map((c) => `'${c.id}'`).join(', ');
        throw new ApiError({
          status: 409,
          code: 'resource_in_use',
          title: 'Conflict',
          detail: `The network '${network.id}' is used by the Kafka cluster${clusters.length > 1 ? 's' : ''} ${names}; delete ${clusters.length > 1 ? 'them' : 'it'} first`,
        });
      }
    }
    return inner(ctx);
  };
}

/** networking/v1: lists with phase catch-up and array filters, the guarded network delete, the IP address catalogue. */
export function networkingHandlers(engine: Engine): HandlerMap {
  const op = (id: string) => {
    const found = engine.rt.docs.operations.find((o) => o.operationId === id);
    if (!found) throw new Error(`no operation ${id}`);
    return found;
  };
  return {
    listNetworkingV1Networks: listHandler(engine, engine.decl('Network')),
    listNetworkingV1Peerings: listHandler(engine, engine.decl('Peering')),
    listNetworkingV1TransitGatewayAttachments: listHandler(engine, engine.decl('TransitGatewayAttachment')),
    listNetworkingV1DnsForwarders: listHandler(engine, engine.decl('DnsForwarder')),
    deleteNetworkingV1Network: deleteNetworkHandler(engine, crudHandler(engine, op('deleteNetworkingV1Network'))),
    ...ipAddressHandlers(engine),
  };
}
