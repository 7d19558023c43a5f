import { ApiError } from '../../core/errors.js';
import { crudHandler } from '../../engine/crud.js';
import type { Engine } from '../../engine/engine.js';
import type { Handler, HandlerMap } from '../../contract/handler.js';
import { ipAddressHandlers } from './ip-addresses.js';

/**
 * Deleting a network that a Kafka cluster (cmk/v2 `spec.network`) uses is refused with 400, the
 * status Confluent's document declares for a delete it refuses (it declares no 409 there). The
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
          status: 400,
          code: 'resource_in_use',
          title: 'Bad Request',
          detail: `The network '${network.id}' is used by the Kafka cluster${clusters.length > 1 ? 's' : ''} ${names}; delete ${clusters.length > 1 ? 'them' : 'it'} first`,
        });
      }
    }
    return inner(ctx);
  };
}

/** networking/v1 beyond the engine: the guarded network delete and the IP address catalogue. */
export function networkingHandlers(engine: Engine): HandlerMap {
  const op = (id: string) => {
    const found = engine.rt.docs.operations.find((o) => o.operationId === id);
    if (!found) throw new Error(`no operation ${id}`);
    return found;
  };
  return {
    deleteNetworkingV1Network: deleteNetworkHandler(engine, crudHandler(engine, op('deleteNetworkingV1Network'))),
    ...ipAddressHandlers(engine),
  };
}
