import { CRN_PREFIX } from '../../core/crn.js';
import { unprocessable } from '../../core/errors.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { Repositories } from '../../engine/repository.js';
import { FLINK_REGIONS, flinkRegionOf } from './regions.js';
import { networkReference } from '../networking/reference.js';

export const COMPUTE_POOL = 'FlinkComputePool';
export const STATEMENT = 'FlinkStatement';

/**
 * The CFUs a pool has allocated: one per RUNNING statement in it, at most its max_cfu (the
 * emulator runs no Flink job, so this counts statements rather than measuring load).
 */
function allocatedCfu(repos: Repositories, org: string, poolId: string, maxCfu: number): number {
  const running = repos.of(STATEMENT).where(org, '/spec/compute_pool_id', poolId).filter((r) => getAt(r.body, '/status/phase') === 'RUNNING').length;
  return Math.min(maxCfu, running);
}

/** Brings a PROVISIONED pool's `status.current_cfu` up to date after its statements changed phase. */
export function refreshCurrentCfu(repos: Repositories, org: string, poolId: string): void {
  const pools = repos.of(COMPUTE_POOL);
  const pool = pools.get(org, poolId);
  if (!pool || getAt(pool.body, '/status/phase') !== 'PROVISIONED') return;
  const cfu = allocatedCfu(repos, org, poolId, Number(getAt(pool.body, '/spec/max_cfu') ?? 0));
  if (getAt(pool.body, '/status/current_cfu') === cfu) return;
  setAt(pool.body, '/status/current_cfu', cfu);
  pools.save(pool);
}

/**
 * Flink compute pools (fcpm/v2): the cloud and region must be a Flink region of the catalogue,
 * the CRN names the pool's Flink region, `spec.http_endpoint` is the emulator itself (which
 * serves the Flink SQL API), and `status.current_cfu` is 0 until the pool is PROVISIONED, then
 * one per RUNNING statement of the pool, at most `max_cfu`.
 */
export const computePoolHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const cloud = getAt(d.body, '/spec/cloud');
    const region = getAt(d.body, '/spec/region');
    if (!flinkRegionOf(cloud, region)) {
      const offered = FLINK_REGIONS.filter((r) => r.cloud === cloud).map((r) => r.region_name);
      throw unprocessable(`Flink is not available in the ${String(cloud)} region '${String(region)}'; the regions are: ${offered.join(', ')}`, '/spec/region');
    }
    const network = getAt(d.body, '/spec/network') as { id?: string } | undefined;
    if (network?.id) {
      if (h.engine.repository('Network').get(d.org, network.id)?.scope !== d.scope) {
        throw unprocessable(`The network '${network.id}' does not exist in the environment '${d.scope}'`, '/spec/network/id');
      }
      setAt(d.body, '/spec/network', networkReference(h.baseUrl, d.org, d.scope, network.id));
    }
    setAt(d.body, '/spec/http_endpoint', h.baseUrl);
    setAt(d.body, '/status/current_cfu', 0);
  },

  crn(_h, d) {
    const region = flinkRegionOf(getAt(d.body, '/spec/cloud'), getAt(d.body, '/spec/region'))!;
    return `${CRN_PREFIX}organization=${d.org}/environment=${d.scope}/flink-region=${region.id}/compute-pool=${d.id}`;
  },

  beforeUpdate(h, row, patch) {
    // A larger or smaller max_cfu applies at once; the allocation follows it.
    const maxCfu = getAt(patch, '/spec/max_cfu');
    if (typeof maxCfu === 'number' && getAt(row.body, '/status/phase') === 'PROVISIONED') {
      setAt(row.body, '/status/current_cfu', allocatedCfu(h.engine.repositories, row.org_id, row.id, maxCfu));
    }
  },

  onPhase(h, row, phase) {
    if (phase === 'PROVISIONED') {
      setAt(row.body, '/status/current_cfu', allocatedCfu(h.engine.repositories, row.org_id, row.id, Number(getAt(row.body, '/spec/max_cfu') ?? 0)));
    }
  },
};
