import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap } from '../../contract/handler.js';
import { connectorHandlers, connectorHooks } from './connectors.js';
import { customPluginHooks, managedPluginHandlers, presignedUrlHandlers } from './plugins.js';

/**
 * connect/v1: connectors (by name, under an environment and a Kafka cluster, kept as
 * ConnectConnector resources), managed connector plugins, presigned upload URLs. Custom connector
 * plugins are a declared resource served by the engine, with the hooks below.
 */
export function connectHandlers(engine: Engine): HandlerMap {
  return { ...connectorHandlers(engine), ...managedPluginHandlers(engine), ...presignedUrlHandlers(engine) };
}

export const connectHooks: Record<string, ResourceHooks> = {
  'connect.connector': connectorHooks,
  'connect.custom-plugin': customPluginHooks,
};
