import { notFound } from '../../core/errors.js';
import { CRN_PREFIX } from '../../core/crn.js';
import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import { pageInMemory } from '../../engine/paging.js';
import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import { queryValues } from '../../engine/query.js';
import { encodeSegment } from '../../core/url.js';

export type Cloud = 'AWS' | 'GCP' | 'AZURE';
export type Package = 'ESSENTIALS' | 'ADVANCED';

export interface SrRegion {
  id: string;
  display_name: string;
  cloud: Cloud;
  region_name: string;
  packages: Package[];
}

const BOTH: Package[] = ['ESSENTIALS', 'ADVANCED'];
const ADVANCED_ONLY: Package[] = ['ADVANCED'];

const region = (n: number, cloud: Cloud, region_name: string, place: string, packages = BOTH): SrRegion => ({
  id: `sgreg-${n}`,
  display_name: `${place} (${region_name})`,
  cloud,
  region_name,
  packages,
});

/**
 * The Schema Registry regions (`srcm/v2`): static reference data, the same for every
 * organization. `sgreg-1` is Ohio (us-east-2) as in Confluent's quick start; the rest follow in a
 * fixed order, so ids and pages are stable. A few regions offer only the ADVANCED package.
 */
export const SR_REGIONS: readonly SrRegion[] = [
  region(1, 'AWS', 'us-east-2', 'Ohio'),
  region(2, 'AWS', 'us-east-1', 'N. Virginia'),
  region(3, 'AWS', 'us-west-2', 'Oregon'),
  region(4, 'AWS', 'ca-central-1', 'Canada (Central)'),
  region(5, 'AWS', 'eu-central-1', 'Frankfurt'),
  region(6, 'AWS', 'eu-west-1', 'Ireland'),
  region(7, 'AWS', 'eu-west-2', 'London'),
  region(8, 'AWS', 'ap-south-1', 'Mumbai'),
  region(9, 'AWS', 'ap-southeast-1', 'Singapore'),
  region(10, 'AWS', 'ap-southeast-2', 'Sydney'),
  region(11, 'AWS', 'ap-northeast-1', 'Tokyo', ADVANCED_ONLY),
  region(12, 'AWS', 'sa-east-1', 'Sao Paulo', ADVANCED_ONLY),
  region(13, 'GCP', 'us-central1', 'Iowa'),
  region(14, 'GCP', 'us-east1', 'South Carolina'),
  region(15, 'GCP', 'us-east4', 'Northern Virginia'),
  region(16, 'GCP', 'us-west1', 'Oregon'),
  region(17, 'GCP', 'europe-west1', 'Belgium'),
  region(18, 'GCP', 'europe-west3', 'Frankfurt'),
  region(19, 'GCP', 'asia-southeast1', 'Singapore'),
  region(20, 'GCP', 'australia-southeast1', 'Sydney', ADVANCED_ONLY),
  region(21, 'AZURE', 'eastus', 'Virginia'),
  region(22, 'AZURE', 'eastus2', 'Virginia', ADVANCED_ONLY),
  region(23, 'AZURE', 'westus2', 'Washington'),
  region(24, 'AZURE', 'westeurope', 'Netherlands'),
  region(25, 'AZURE', 'northeurope', 'Ireland'),
  region(26, 'AZURE', 'southeastasia', 'Singapore'),
  region(27, 'AZURE', 'australiaeast', 'New South Wales', ADVANCED_ONLY),
];

const byId = new Map(SR_REGIONS.map((r, i) => [r.id, { region: r, seq: i + 1 }]));

export const findSrRegion = (id: string | undefined): SrRegion | undefined => (id ? byId.get(id)?.region : undefined);

export const srRegionUrl = (baseUrl: string, id: string) => `${baseUrl}/srcm/v2/regions/${encodeSegment(id)}`;
export const srRegionCrn = (org: string, id: string) => `${CRN_PREFIX}organization=${org}/region=${id}`;

/** The catalogue has always existed: every region shows the same creation time. */
const CATALOGUE_TIME = '2022-05-01T00:00:00Z';

function render(r: SrRegion, org: string, baseUrl: string): Record<string, unknown> {
  return {
    api_version: 'srcm/v2',
    kind: 'Region',
    id: r.id,
    metadata: { self: srRegionUrl(baseUrl, r.id), resource_name: srRegionCrn(org, r.id), created_at: CATALOGUE_TIME, updated_at: CATALOGUE_TIME },
    spec: { display_name: r.display_name, cloud: r.cloud, region_name: r.region_name, packages: [...r.packages] },
  };
}

interface RegionFilters {
  cloud: string[];
  region_name: string[];
  packages: string[];
}

function filtersOf(ctx: RequestContext): RegionFilters {
  return { cloud: queryValues(ctx.query['spec.cloud']), region_name: queryValues(ctx.query['spec.region_name']), packages: queryValues(ctx.query['spec.packages']) };
}

function matches(r: SrRegion, f: RegionFilters): boolean {
  if (f.cloud.length && !f.cloud.includes(r.cloud)) return false;
  if (f.region_name.length && !f.region_name.includes(r.region_name)) return false;
  if (f.packages.length && !r.packages.some((p) => f.packages.includes(p))) return false;
  return true;
}



/**
 * `listSrcmV2Regions` and `getSrcmV2Region`: a read-only catalogue served from memory, with the
 * engine's pagination (signed keyset tokens over the catalogue's fixed order, `first/last/prev/
 * next/total_size`), so a token from another list or organization is refused with 400.
 */
export function srcmRegionHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    listSrcmV2Regions: (ctx) => {
      const org = ctx.caller.orgId;
      const f = filtersOf(ctx);
      const identity = listIdentity([org, 'srcm.v2.Region', f]);
      // Keyset positions are 1-based places in the catalogue.
      const all = SR_REGIONS.map((region, i) => ({ region, seq: i + 1 })).filter((e) => matches(e.region, f));
      const { items: page, metadata } = pageInMemory(rt.tokens, ctx, identity, all);
      return { status: 200, body: { api_version: 'srcm/v2', kind: 'RegionList', metadata, data: page.map((e) => render(e.region, org, ctx.baseUrl)) } };
    },

    getSrcmV2Region: (ctx) => {
      const r = findSrRegion(ctx.params.id);
      if (!r) throw notFound(`The Region '${ctx.params.id}' was not found`);
      return { status: 200, body: render(r, ctx.caller.orgId, ctx.baseUrl) };
    },
  };
}
