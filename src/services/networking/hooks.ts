import { createHash } from 'node:crypto';
import { quotaExceeded, unprocessable } from '../../core/errors.js';
import { CRN_PREFIX } from '../../core/crn.js';
import { newId } from '../../core/ids.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Draft, HookContext, ResourceHooks } from '../../engine/hooks.js';
import { isPrivate, overlaps, parseCidr, type Cidr } from './cidr.js';
import { encodeSegment } from '../../core/url.js';

type Ref = { id?: string; environment?: string; [k: string]: unknown };
type CloudSpec = { kind?: string; [k: string]: unknown };

/** Per-network quotas (Confluent's quota codes); `quotas` in the configuration overrides them. */
export const PEERINGS_PER_NETWORK = 'peerings_per_network';
export const TGW_ATTACHMENTS_PER_NETWORK = 'tgw_attachments_per_network';
const DEFAULT_LIMITS: Record<string, number> = { [PEERINGS_PER_NETWORK]: 25, [TGW_ATTACHMENTS_PER_NETWORK]: 1 };

/** The range Confluent reserves in AWS peering and transit gateway networks when none is given. */
const DEFAULT_RESERVED_CIDR = '172.20.255.0/24';

const DOMAIN = 'ccloud-emulator.local';

/** Hex digits derived from an id: the cloud-side names of a resource are stable across reads and restarts. */
const digest = (id: string, salt: string) => createHash('sha256').update(`${salt}:${id}`).digest('hex');
const digits = (id: string, salt: string, n: number) =>
  digest(id, salt)
    .replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))
    .slice(0, n);
const uuidOf = (id: string, salt: string) => {
  const h = digest(id, salt);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

// ---- networks -------------------------------------------------------------------------------

const AWS_DIRECTIONS: Record<string, string> = {
  northeast: 'ne', southeast: 'se', northwest: 'nw', southwest: 'sw', north: 'n', south: 's', east: 'e', west: 'w', central: 'c',
};

/** The three zones Confluent would choose: AWS AZ ids (`use1-az1`), GCP zones (`us-central1-a`), Azure's `1`, `2`, `3`. */
function defaultZones(cloud: string, region: string): string[] {
  if (cloud === 'AZURE') return ['1', '2', '3'];
  if (cloud === 'GCP') return ['a', 'b', 'c'].map((z) => `${region}-${z}`);
  const [area = region, direction = '', n = ''] = region.split('-');
  const code = `${area}${AWS_DIRECTIONS[direction] ?? direction.slice(0, 1)}${n}`;
  return [1, 2, 3].map((i) => `${code}-az${i}`);
}

function checkBlock(value: unknown, prefix: number, pointer: string): Cidr {
  const c = parseCidr(value);
  if (!c || c.prefix !== prefix) throw unprocessable(`'${String(value)}' is not an IPv4 CIDR block of size /${prefix}`, pointer);
  return c;
}

/** The rules of the create request that the schema cannot express (422 with the failing field). */
function validateNetwork(body: Record<string, unknown>): void {
  const cloud = String(getAt(body, '/spec/cloud'));
  const types = (getAt(body, '/spec/connection_types') as string[]) ?? [];
  const routed = types.includes('PEERING') || types.includes('TRANSITGATEWAY');
  if (types.includes('TRANSITGATEWAY') && cloud !== 'AWS') {
    throw unprocessable(`TRANSITGATEWAY networks exist on AWS only, not on ${cloud}`, '/spec/connection_types');
  }
  const cidr = getAt(body, '/spec/cidr');
  if (cidr !== undefined) checkBlock(cidr, 16, '/spec/cidr');
  else if (routed) throw unprocessable('A /16 CIDR block (spec.cidr) is required for PEERING and TRANSITGATEWAY networks', '/spec/cidr');
  const reserved = getAt(body, '/spec/reserved_cidr');
  if (reserved !== undefined) {
    if (cloud !== 'AWS' || !routed) {
      throw unprocessable('spec.reserved_cidr applies only to AWS networks with PEERING or TRANSITGATEWAY', '/spec/reserved_cidr');
    }
    const r = checkBlock(reserved, 24, '/spec/reserved_cidr');
    if (cidr !== undefined && overlaps(r, parseCidr(cidr)!)) throw unprocessable('spec.reserved_cidr overlaps spec.cidr', '/spec/reserved_cidr');
  }
  const zonesInfo = getAt(body, '/spec/zones_info') as Array<{ zone_id?: string; cidr?: string }> | undefined;
  zonesInfo?.forEach((z, i) => {
    if (!z.zone_id) throw unprocessable('Each zone needs a zone_id', `/spec/zones_info/${i}/zone_id`);
    if (z.cidr !== undefined) checkBlock(z.cidr, 27, `/spec/zones_info/${i}/cidr`);
  });
}

/** The cloud side of a network, known once it is READY. */
function cloudOf(row: ResourceRow): Record<string, unknown> {
  const id = row.id;
  const region = String(getAt(row.body, '/spec/region'));
  const zones = (getAt(row.body, '/spec/zones') as string[]) ?? [];
  const privateLink = ((getAt(row.body, '/spec/connection_types') as string[]) ?? []).includes('PRIVATELINK');
  const byZone = (f: (zone: string) => string) => Object.fromEntries(zones.map((z) => [z, f(z)]));
  switch (getAt(row.body, '/spec/cloud')) {
    case 'GCP': {
      const project = `cc-emulator-${digest(id, 'project').slice(0, 8)}`;
      const out: Record<string, unknown> = { kind: 'GcpNetwork', project, vpc_network: `network-${id}` };
      if (privateLink) out.private_service_connect_service_attachments = byZone((z) => `projects/${project}/regions/${region}/serviceAttachments/${id}-service-attachment-${z}`);
      return out;
    }
    case 'AZURE': {
      const subscription = uuidOf(id, 'subscription');
      const group = `/subscriptions/${subscription}/resourceGroups/rg-${id}/providers/Microsoft.Network`;
      const out: Record<string, unknown> = { kind: 'AzureNetwork', vnet: `${group}/virtualNetworks/vnet-${id}`, subscription };
      if (privateLink) {
        out.private_link_service_aliases = byZone((z) => `s-${id}-privatelink-${z}.${uuidOf(id, z)}.${region}.azure.privatelinkservice`);
        out.private_link_service_resource_ids = byZone((z) => `${group}/privateLinkServices/s-${id}-privatelink-${z}`);
      }
      return out;
    }
    default: {
      const out: Record<string, unknown> = { kind: 'AwsNetwork', vpc: `vpc-${digest(id, 'vpc').slice(0, 17)}`, account: digits(id, 'account', 12) };
      if (privateLink) out.private_link_endpoint_service = `com.amazonaws.vpce.${region}.vpce-svc-${digest(id, 'vpce').slice(0, 17)}`;
      return out;
    }
  }
}

const gatewayRef = (h: HookContext, org: string, env: string, id: string) => ({
  id,
  environment: env,
  related: `${h.baseUrl}/networking/v1/gateways/${encodeSegment(id)}`,
  resource_name: `${CRN_PREFIX}organization=${org}/environment=${env}/gateway=${id}`,
  api_version: 'networking/v1',
  kind: 'Gateway',
});

function newGatewayId(h: HookContext): string {
  for (;;) {
    const id = newId({ prefix: 'gw-', length: 6 });
    if (h.engine.repositories.reserveId(id)) return id;
  }
}

/** The failure a resource created with `X-Emulator-Outcome: failed` reports. */
function markFailed(row: ResourceRow): void {
  setAt(row.body, '/status/error_code', 'insufficient_capacity');
  setAt(row.body, '/status/error_message', 'Could not provision cloud resources');
}

/**
 * Networks: the create rules, defaults (zones, reserved CIDR, DNS resolution), a gateway for DNS
 * forwarders, the PrivateLink DNS domain, and the cloud side once READY. Its DNS forwarders go
 * with it (peerings and transit gateway attachments go by the declared cascade). The refusal to
 * delete a network that a Kafka cluster uses is the delete handler's (handlers.ts), so that
 * deleting the whole environment still takes both.
 */
export const networkHooks: ResourceHooks = {
  beforeCreate(h, d) {
    validateNetwork(d.body);
    const cloud = String(getAt(d.body, '/spec/cloud'));
    const region = String(getAt(d.body, '/spec/region'));
    const types = getAt(d.body, '/spec/connection_types') as string[];
    const privateLink = types.includes('PRIVATELINK');
    if (getAt(d.body, '/spec/zones') === undefined) {
      const info = getAt(d.body, '/spec/zones_info') as Array<{ zone_id: string }> | undefined;
      setAt(d.body, '/spec/zones', info ? info.map((z) => z.zone_id) : defaultZones(cloud, region));
    }
    if (cloud === 'AWS' && (types.includes('PEERING') || types.includes('TRANSITGATEWAY')) && getAt(d.body, '/spec/reserved_cidr') === undefined) {
      setAt(d.body, '/spec/reserved_cidr', DEFAULT_RESERVED_CIDR);
    }
    if (privateLink && getAt(d.body, '/spec/dns_config') === undefined) setAt(d.body, '/spec/dns_config', { resolution: 'CHASED_PRIVATE' });
    setAt(d.body, '/spec/gateway', gatewayRef(h, d.org, d.scope, newGatewayId(h)));
    setAt(d.body, '/status/supported_connection_types', [...types]);
    // Confluent documents these as the types requested for use with the network (at least one).
    setAt(d.body, '/status/active_connection_types', [...types]);
    if (privateLink) {
      const domain = `${d.id}.${region}.${cloud.toLowerCase()}.${DOMAIN}`;
      setAt(d.body, '/status/dns_domain', domain);
      const zones = getAt(d.body, '/spec/zones') as string[];
      setAt(d.body, '/status/zonal_subdomains', Object.fromEntries(zones.map((z) => [z, `${z}.${domain}`])));
    }
  },

  onPhase(h, row, phase) {
    if (phase === h.decl.lifecycle?.ready) setAt(row.body, '/status/cloud', cloudOf(row));
    if (phase === h.decl.lifecycle?.failed) markFailed(row);
  },

  afterDelete(h, row) {
    const gateway = getAt(row.body, '/spec/gateway/id');
    if (typeof gateway !== 'string') return;
    const decl = h.engine.decl('DnsForwarder');
    for (const f of h.engine.repository(decl.name).where(row.org_id, '/spec/gateway/id', gateway)) {
      h.engine.delete(decl, f, h.baseUrl, { mode: 'immediate', reads: 1 });
    }
  },
};

// ---- peerings and transit gateway attachments --------------------------------------------------

/** The network a connection names: in the connection's environment, READY, offering the connection type. */
function connectionNetwork(h: HookContext, d: Draft, type: 'PEERING' | 'TRANSITGATEWAY'): ResourceRow {
  const ref = getAt(d.body, '/spec/network') as Ref;
  const stored = h.engine.repository('Network').get(d.org, String(ref.id));
  const network = stored && h.engine.observeRow(h.engine.decl('Network'), stored, h.baseUrl);
  if (!network || network.scope !== d.scope) throw unprocessable(`The network '${ref.id}' is not in the environment '${d.scope}'`, '/spec/network/id');
  const phase = getAt(network.body, '/status/phase');
  if (phase !== 'READY') throw unprocessable(`The network '${network.id}' is ${String(phase)}, not READY`, '/spec/network/id');
  if (!((getAt(network.body, '/spec/connection_types') as string[]) ?? []).includes(type)) {
    throw unprocessable(`The network '${network.id}' does not support ${type} connections`, '/spec/network/id');
  }
  setAt(d.body, '/spec/network', { id: network.id, environment: network.scope, related: ref.related, resource_name: network.crn });
  return network;
}

function checkPerNetworkQuota(h: HookContext, d: Draft, network: ResourceRow, quota: string): void {
  const limit = h.engine.rt.config.quotas[quota] ?? DEFAULT_LIMITS[quota];
  if (h.engine.repository(h.decl.name).where(d.org, '/spec/network/id', network.id).length >= limit) throw quotaExceeded(quota);
}

/** Each route a valid IPv4 block, private, overlapping neither the network nor another route. */
/**
 * Routes are IPv4 CIDR blocks. A peering's are private and overlap neither the network nor each
 * other; a transit gateway attachment's are only CIDR blocks: they commonly cover every private
 * range (Confluent's own example routes 10.0.0.0/8, which holds the network's block), so
 * Confluent applies no overlap rule to them.
 */
function checkRoutes(routes: unknown, pointer: string, network: ResourceRow, peering: boolean): void {
  if (!Array.isArray(routes)) return;
  const netCidr = parseCidr(getAt(network.body, '/spec/cidr'));
  const seen: Cidr[] = [];
  routes.forEach((r, i) => {
    const c = parseCidr(r);
    if (!c) throw unprocessable(`'${String(r)}' is not an IPv4 CIDR block`, `${pointer}/${i}`);
    if (!peering) return;
    if (!isPrivate(c)) throw unprocessable(`The route '${String(r)}' is not a private address range`, `${pointer}/${i}`);
    if (netCidr && overlaps(c, netCidr)) throw unprocessable(`The route '${String(r)}' overlaps the network's CIDR block`, `${pointer}/${i}`);
    if (seen.some((s) => overlaps(s, c))) throw unprocessable(`The route '${String(r)}' overlaps another route`, `${pointer}/${i}`);
    seen.push(c);
  });
}

const PEERING_KIND: Record<string, string> = { AWS: 'AwsPeering', GCP: 'GcpPeering', AZURE: 'AzurePeering' };

const connectionCrn = (d: Draft, segment: string) =>
  `${CRN_PREFIX}organization=${d.org}/environment=${d.scope}/network=${String(getAt(d.body, '/spec/network/id'))}/${segment}=${d.id}`;

/** Peerings: the network's rules, the per-network quota, private non-overlapping AWS routes. */
export const peeringHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const network = connectionNetwork(h, d, 'PEERING');
    const cloud = String(getAt(network.body, '/spec/cloud'));
    const kind = (getAt(d.body, '/spec/cloud') as CloudSpec).kind;
    if (kind !== PEERING_KIND[cloud]) throw unprocessable(`The network '${network.id}' is on ${cloud}: spec.cloud must be ${PEERING_KIND[cloud]}, not ${kind}`, '/spec/cloud/kind');
    if (kind === 'AwsPeering') checkRoutes(getAt(d.body, '/spec/cloud/routes'), '/spec/cloud/routes', network, true);
    if (kind === 'GcpPeering' && getAt(d.body, '/spec/cloud/import_custom_routes') === undefined) setAt(d.body, '/spec/cloud/import_custom_routes', false);
    checkPerNetworkQuota(h, d, network, PEERINGS_PER_NETWORK);
  },
  crn: (_h, d) => connectionCrn(d, 'peering'),
  onPhase(h, row, phase) {
    if (phase === h.decl.lifecycle?.failed) markFailed(row);
  },
};

/** Transit gateway attachments: AWS networks only, one per network by default, the AWS attachment id once READY. */
export const transitGatewayAttachmentHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const network = connectionNetwork(h, d, 'TRANSITGATEWAY');
    const arn = getAt(d.body, '/spec/cloud/ram_share_arn');
    if (typeof arn !== 'string' || !/^arn:aws:ram:[a-z0-9-]+:\d{12}:resource-share\/\S+$/.test(arn)) {
      throw unprocessable(`'${String(arn)}' is not the ARN of an AWS RAM resource share`, '/spec/cloud/ram_share_arn');
    }
    const tgw = getAt(d.body, '/spec/cloud/transit_gateway_id');
    if (typeof tgw !== 'string' || !/^tgw-[0-9a-f]+$/.test(tgw)) throw unprocessable(`'${String(tgw)}' is not a transit gateway id (tgw-...)`, '/spec/cloud/transit_gateway_id');
    checkRoutes(getAt(d.body, '/spec/cloud/routes'), '/spec/cloud/routes', network, false);
    checkPerNetworkQuota(h, d, network, TGW_ATTACHMENTS_PER_NETWORK);
  },
  crn: (_h, d) => connectionCrn(d, 'transit-gateway-attachment'),
  onPhase(h, row, phase) {
    if (phase === h.decl.lifecycle?.ready) {
      setAt(row.body, '/status/cloud', { kind: 'AwsTransitGatewayAttachmentStatus', transit_gateway_attachment_id: `tgw-attach-${digest(row.id, 'tgw-attach').slice(0, 17)}` });
    }
    if (phase === h.decl.lifecycle?.failed) markFailed(row);
  },
};

// ---- DNS forwarders ---------------------------------------------------------------------------

/** DNS forwarders: the gateway must be that of a network of the forwarder's environment. */
export const dnsForwarderHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const id = String((getAt(d.body, '/spec/gateway') as Ref).id ?? '');
    const network = h.engine.repository('Network').where(d.org, '/spec/gateway/id', id, d.scope)[0];
    if (!network) throw unprocessable(`The gateway '${id}' is not the gateway of a network in the environment '${d.scope}'`, '/spec/gateway/id');
    const ref = gatewayRef(h, d.org, d.scope, id);
    setAt(d.body, '/spec/gateway', { id, environment: d.scope, related: ref.related, resource_name: ref.resource_name });
  },
  crn: (_h, d) => `${CRN_PREFIX}organization=${d.org}/environment=${d.scope}/gateway=${String(getAt(d.body, '/spec/gateway/id'))}/dns-forwarder=${d.id}`,
  onPhase(h, row, phase) {
    if (phase === h.decl.lifecycle?.failed) markFailed(row);
  },
};
