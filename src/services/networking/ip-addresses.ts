import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import { pageInMemory } from '../../engine/paging.js';
import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import { queryValues } from '../../engine/query.js';

export interface IpAddress {
  ip_prefix: string;
  cloud: 'AWS' | 'GCP' | 'AZURE' | 'ANY';
  region: string;
  services: Array<'KAFKA' | 'CONNECT' | 'EXTERNAL_OAUTH'>;
  address_type: 'INGRESS' | 'EGRESS';
}

const REGIONS: Array<[IpAddress['cloud'], string]> = [
  ['AWS', 'us-east-1'],
  ['AWS', 'us-east-2'],
  ['AWS', 'us-west-2'],
  ['AWS', 'eu-west-1'],
  ['AWS', 'eu-central-1'],
  ['AWS', 'ap-southeast-1'],
  ['GCP', 'us-central1'],
  ['GCP', 'us-east4'],
  ['GCP', 'europe-west1'],
  ['AZURE', 'eastus'],
  ['AZURE', 'westus2'],
  ['AZURE', 'westeurope'],
];

/**
 * /28 blocks carved in order out of the three documentation ranges of RFC 5737 (192.0.2.0/24,
 * 198.51.100.0/24, 203.0.113.0/24): well-formed prefixes that route nowhere, so nothing mistakes
 * the catalogue for Confluent's real addresses.
 */
function* blocks(): Generator<string> {
  for (const net of ['192.0.2', '198.51.100', '203.0.113']) for (let i = 0; i < 16; i++) yield `${net}.${i * 16}/28`;
}

/**
 * The IP address catalogue (`networking/v1/ip-addresses`): per region, the egress addresses of
 * managed connectors, the egress addresses of Kafka (cluster linking) and the ingress addresses of
 * Kafka; and one range of any cloud for external OAuth. The same for every organization, in a
 * fixed order.
 */
export const IP_ADDRESSES: readonly IpAddress[] = (() => {
  const next = blocks();
  const out: IpAddress[] = [];
  for (const [cloud, region] of REGIONS) {
    out.push({ ip_prefix: next.next().value as string, cloud, region, services: ['CONNECT'], address_type: 'EGRESS' });
    out.push({ ip_prefix: next.next().value as string, cloud, region, services: ['KAFKA'], address_type: 'EGRESS' });
    out.push({ ip_prefix: next.next().value as string, cloud, region, services: ['KAFKA'], address_type: 'INGRESS' });
  }
  out.push({ ip_prefix: next.next().value as string, cloud: 'ANY', region: 'global', services: ['EXTERNAL_OAUTH'], address_type: 'EGRESS' });
  return out;
})();

interface Filters {
  cloud: string[];
  region: string[];
  services: string[];
  address_type: string[];
}

const filtersOf = (ctx: RequestContext): Filters => ({
  cloud: queryValues(ctx.query.cloud),
  region: queryValues(ctx.query.region),
  services: queryValues(ctx.query.services),
  address_type: queryValues(ctx.query.address_type),
});

function matches(a: IpAddress, f: Filters): boolean {
  if (f.cloud.length && !f.cloud.includes(a.cloud)) return false;
  if (f.region.length && !f.region.includes(a.region)) return false;
  if (f.services.length && !a.services.some((s) => f.services.includes(s))) return false;
  if (f.address_type.length && !f.address_type.includes(a.address_type)) return false;
  return true;
}

const render = (a: IpAddress) => ({ api_version: 'networking/v1', kind: 'IpAddress', ...a, services: [...a.services] });

/** `listNetworkingV1IpAddresses`: the catalogue with the engine's pagination (keyset tokens over its fixed order). */
export function ipAddressHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    listNetworkingV1IpAddresses: (ctx) => {
      const f = filtersOf(ctx);
      const identity = listIdentity([ctx.caller.orgId, 'networking.v1.IpAddress', f]);
      const all = IP_ADDRESSES.map((address, i) => ({ address, seq: i + 1 })).filter((e) => matches(e.address, f));
      const { items: page, metadata } = pageInMemory(rt.tokens, ctx, identity, all);
      return { status: 200, body: { api_version: 'networking/v1', kind: 'IpAddressList', metadata, data: page.map((e) => render(e.address)) } };
    },
  };
}
