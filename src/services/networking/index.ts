import type { ResourceHooks } from '../../engine/hooks.js';
import { dnsForwarderHooks, networkHooks, peeringHooks, transitGatewayAttachmentHooks } from './hooks.js';

export { networkingHandlers } from './handlers.js';

/** The hooks of the networking/v1 resources, by the names their declarations give. */
export const networkingHooks: Record<string, ResourceHooks> = {
  'networking.network': networkHooks,
  'networking.peering': peeringHooks,
  'networking.transit-gateway-attachment': transitGatewayAttachmentHooks,
  'networking.dns-forwarder': dnsForwarderHooks,
};
