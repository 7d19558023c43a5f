import { CRN_PREFIX } from '../../core/crn.js';
import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import { pageInMemory } from '../../engine/paging.js';
import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import { queryValues } from '../../engine/query.js';
import { encodeSegment } from '../../core/url.js';

export type FlinkCloud = 'AWS' | 'GCP' | 'AZURE';

export interface FlinkRegion {
  /** `<cloud>.<region>` in lower case, as in the compute pools' CRNs (`flink-region=aws.us-east-2`). */
  id: string;
  display_name: string;
  cloud: FlinkCloud;
  region_name: string;
}

const region = (cloud: FlinkCloud, region_name: string, place: string): FlinkRegion => ({
  id: `${cloud.toLowerCase()}.${region_name}`,
  display_name: `${place} (${region_name})`,
  cloud,
  region_name,
});

/**
 * The regions where Flink compute pools can be placed (`fcpm/v2`): static reference data, the
 * same for every organization, in a fixed order so that pages are stable. Every region's
 * `http_endpoint` is the emulator itself, which serves the Flink SQL API (sql/v1).
 */
export const FLINK_REGIONS: readonly FlinkRegion[] = [
  region('AWS', 'us-east-1', 'N. Virginia'),
  region('AWS', 'us-east-2', 'Ohio'),
  region('AWS', 'us-west-2', 'Oregon'),
  region('AWS', 'ca-central-1', 'Canada (Central)'),
  region('AWS', 'eu-central-1', 'Frankfurt'),
  region('AWS', 'eu-west-1', 'Ireland'),
  region('AWS', 'eu-west-2', 'London'),
  region('AWS', 'ap-south-1', 'Mumbai'),
  region('AWS', 'ap-southeast-1', 'Singapore'),
  region('AWS', 'ap-southeast-2', 'Sydney'),
  region('AWS', 'ap-northeast-1', 'Tokyo'),
  region('GCP', 'us-central1', 'Iowa'),
  region('GCP', 'us-east1', 'South Carolina'),
  region('GCP', 'us-east4', 'Northern Virginia'),
  region('GCP', 'europe-west1', 'Belgium'),
  region('GCP', 'europe-west3', 'Frankfurt'),
  region('GCP', 'asia-south1', 'Mumbai'),
  region('GCP', 'asia-southeast1', 'Singapore'),
  region('GCP', 'australia-southeast1', 'Sydney'),
  region('AZURE', 'eastus', 'Virginia'),
  region('AZURE', 'eastus2', 'Virginia'),
  region('AZURE', 'westus2', 'Washington'),
  region('AZURE', 'westeurope', 'Netherlands'),
  region('AZURE', 'northeurope', 'Ireland'),
  region('AZURE', 'centralindia', 'Pune'),
  region('AZURE', 'southeastasia', 'Singapore'),
  region('AZURE', 'australiaeast', 'New South Wales'),
];

const byId = new Map(FLINK_REGIONS.map((r) => [r.id, r]));

/** A Flink region by id (`aws.us-east-2`), or by cloud and region name. */
export const findFlinkRegion = (id: string | undefined): FlinkRegion | undefined => (id ? byId.get(id.toLowerCase()) : undefined);
export const flinkRegionOf = (cloud: unknown, regionName: unknown): FlinkRegion | undefined =>
  typeof cloud === 'string' && typeof regionName === 'string' ? byId.get(`${cloud.toLowerCase()}.${regionName}`) : undefined;

/** The catalogue has always existed: every region shows the same creation time. */
const CATALOGUE_TIME = '2023-03-01T00:00:00Z';

function render(r: FlinkRegion, org: string, baseUrl: string): Record<string, unknown> {
  const self = `${baseUrl}/fcpm/v2/regions?cloud=${r.cloud}&region_name=${encodeSegment(r.region_name)}`;
  return {
    api_version: 'fcpm/v2',
    kind: 'Region',
    id: r.id,
    metadata: { self, resource_name: `${CRN_PREFIX}organization=${org}/flink-region=${r.id}`, created_at: CATALOGUE_TIME, updated_at: CATALOGUE_TIME },
    display_name: r.display_name,
    cloud: r.cloud,
    region_name: r.region_name,
    http_endpoint: baseUrl,
  };
}

function filtersOf(ctx: RequestContext) {
  return { cloud: queryValues(ctx.query.cloud).map((c) => c.toUpperCase()), region_name: queryValues(ctx.query.region_name) };
}

/**
 * `listFcpmV2Regions`: the read-only catalogue, filtered by `cloud` and `region_name`, with the
 * engine's pagination (signed keyset tokens over the catalogue's order, first/last/prev/next).
 */
export function flinkRegionHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    listFcpmV2Regions: (ctx) => {
      const org = ctx.caller.orgId;
      const f = filtersOf(ctx);
      // Keyset positions are 1-based places in the catalogue.
      const all = FLINK_REGIONS.map((r, i) => ({ r, seq: i + 1 })).filter(
        (e) => (!f.cloud.length || f.cloud.includes(e.r.cloud)) && (!f.region_name.length || f.region_name.includes(e.r.region_name)),
      );
      const { items: page, metadata } = pageInMemory(rt.tokens, ctx, listIdentity([org, 'fcpm.v2.Region', f]), all);
      return { status: 200, body: { api_version: 'fcpm/v2', kind: 'RegionList', metadata, data: page.map((e) => render(e.r, org, ctx.baseUrl)) } };
    },
  };
}
