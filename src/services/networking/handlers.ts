import type { Engine } from '../../engine/engine.js';
import type { HandlerMap } from '../../contract/handler.js';
import { ipAddressHandlers } from './ip-addresses.js';

/**
 * networking/v1 beyond the engine: the IP address catalogue. (A network a Kafka cluster uses
 * cannot be deleted: `referenced_by` with `on_delete: restrict` in openapi/networking-v1.yaml.)
 */
export function networkingHandlers(engine: Engine): HandlerMap {
  return ipAddressHandlers(engine);
}
