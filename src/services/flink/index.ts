import type { Engine } from '../../engine/engine.js';
import type { HandlerMap } from '../../contract/handler.js';
import { flinkRegionHandlers } from './regions.js';
import { statementHandlers } from './statements.js';

export { computePoolHooks } from './compute-pools.js';
export { statementHooks } from './statements.js';

/** fcpm/v2 regions and the Flink SQL API (sql/v1); compute pools are served by the engine. */
export function flinkHandlers(engine: Engine): HandlerMap {
  return { ...flinkRegionHandlers(engine), ...statementHandlers(engine) };
}
