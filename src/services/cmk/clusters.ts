import { ApiError, badRequest } from '../../core/errors.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { Draft, HookContext, ResourceHooks } from '../../engine/hooks.js';

type Config = { kind?: string; cku?: number };

/** Allowed changes of cluster type: Basic may become Standard; nothing is ever downgraded. */
const UPGRADES: Record<string, string[]> = { Basic: ['Standard'] };

/** Dedicated multi-zone clusters need at least two CKUs. */
function checkCku(availability: unknown, config: Config | undefined, pointer: string): void {
  if (config?.kind === 'Dedicated' && availability === 'MULTI_ZONE' && (config.cku ?? 0) < 2) {
    throw badRequest('A MULTI_ZONE Dedicated cluster needs at least 2 CKUs', { pointer });
  }
}

/**
 * The endpoints of a cluster. Kafka REST is served by the emulator itself, at its own base URL,
 * so `http_endpoint` works when called; the Kafka protocol is not emulated, so the bootstrap
 * address is a well-formed name that no client can connect to.
 */
function endpointsOf(h: HookContext, d: Draft) {
  const cloud = String(getAt(d.body, '/spec/cloud') ?? 'aws').toLowerCase();
  const region = String(getAt(d.body, '/spec/region') ?? 'local');
  const bootstrap = `SASL_SSL://${d.id}.${region}.${cloud}.ccloud-emulator.local:9092`;
  return { http: h.baseUrl, bootstrap };
}

/**
 * Kafka clusters (cmk/v2): endpoints filled in at create, type changes limited to upgrades, CKU
 * changes of Dedicated clusters, deletion protection, and a deleted cluster's topics and records
 * dropped with it (its API keys go by the declared cascade).
 */
export const clusterHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const config = getAt(d.body, '/spec/config') as Config | undefined;
    checkCku(getAt(d.body, '/spec/availability'), config, '/spec/config/cku');
    const { http, bootstrap } = endpointsOf(h, d);
    setAt(d.body, '/spec/http_endpoint', http);
    setAt(d.body, '/spec/api_endpoint', http);
    setAt(d.body, '/spec/kafka_bootstrap_endpoint', bootstrap);
    setAt(d.body, '/spec/endpoints', { PUBLIC: { http_endpoint: http, kafka_bootstrap_endpoint: bootstrap, connection_type: 'PUBLIC' } });
    if (config?.kind === 'Dedicated') setAt(d.body, '/status/cku', config.cku);
  },

  beforeUpdate(_h, row, patch) {
    const next = getAt(patch, '/spec/config') as Config | undefined;
    if (!next) return;
    const current = getAt(row.body, '/spec/config') as Config;
    if (next.kind && next.kind !== current.kind && !(UPGRADES[current.kind ?? ''] ?? []).includes(next.kind)) {
      throw badRequest(`A ${current.kind} cluster cannot be changed to ${next.kind}`, { pointer: '/spec/config/kind' });
    }
    const kind = next.kind ?? current.kind;
    if (kind === 'Dedicated') {
      const merged = { ...current, ...next };
      checkCku(getAt(patch, '/spec/availability') ?? getAt(row.body, '/spec/availability'), merged, '/spec/config/cku');
      setAt(patch, '/status/cku', merged.cku);
    }
  },

  beforeDelete(_h, row) {
    if (getAt(row.body, '/spec/deletion_protection') === true) {
      throw new ApiError({ status: 409, code: 'deletion_protected', title: 'Conflict', detail: `The cluster '${row.id}' has deletion protection enabled; turn it off first` });
    }
  },

  afterDelete(h, row) {
    h.engine.rt.kafka.deleteCluster(row.id);
  },
};
