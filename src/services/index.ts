import type { ResourceHooks } from '../engine/hooks.js';
import type { Engine } from '../engine/engine.js';
import type { HandlerMap } from '../contract/handler.js';
import { AREAS } from './areas.js';

/** Code hooks of standard resources, by the name their declaration gives in `hooks:`: every area's. */
export const resourceHooks: Record<string, ResourceHooks> = Object.assign({}, ...AREAS.map((a) => a.hooks ?? {}));

/** Hand-written handlers for operations beyond CRUD, keyed by operationId: every area's. */
export function serviceHandlers(engine: Engine): HandlerMap {
  return Object.assign({}, ...AREAS.map((a) => a.handlers?.(engine) ?? {}));
}
