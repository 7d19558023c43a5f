import type { HandlerMap } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { attachmentHandlers } from './attachments.js';
import { entityHandlers } from './entity-ops.js';
import { searchHandlers } from './search.js';
import { typeHandlers } from './types.js';

/**
 * Stream Catalog v1 (catalog/v1): the catalog of a Schema Registry cluster, at its endpoint under
 * `/catalog/v1`. Type definitions (types.ts), tags and business metadata on entities
 * (attachments.ts), entity reads and updates (entity-ops.ts), search (search.ts). Entities are
 * derived from Schema Registry and Kafka state (entities.ts).
 */
export function catalogHandlers(rt: Runtime): HandlerMap {
  return {
    ...typeHandlers(rt),
    ...attachmentHandlers(rt),
    ...entityHandlers(rt),
    ...searchHandlers(rt),
  };
}
