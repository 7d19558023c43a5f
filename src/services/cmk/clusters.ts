import { ApiError, badRequest, unprocessable } from '../../core/errors.js';
import { CRN_PREFIX, renderCrn } from '../../core/crn.js';
import { networkReference } from '../networking/reference.js';
import { beginTransition, observe } from '../../core/lifecycle.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Draft, HookContext, ResourceHooks } from '../../engine/hooks.js';
import { encodeSegment } from '../../core/url.js';
import { liveBootstrapHost } from './bootstrap.js';

type Config = { kind?: string; cku?: number; max_ecku?: number; zones?: string[]; encryption_key?: string };
type Ref = { id?: string; [k: string]: unknown };

/** Allowed changes of cluster type: Basic may become Standard; nothing is ever downgraded. */
const UPGRADES: Record<string, string[]> = { Basic: ['Standard'] };

/** Kinds sized in eCKUs; with HIGH availability they need at least two. */
const ELASTIC = new Set(['Standard', 'Enterprise', 'Freight']);

/** Fields of a Dedicated or Freight configuration fixed at creation. */
const IMMUTABLE_CONFIG = ['zones', 'encryption_key'] as const;

/** The sizing rules the vendor document states: MULTI_ZONE Dedicated needs 2 CKUs, HIGH needs 2 eCKUs. */
function checkSize(availability: unknown, config: Config | undefined): void {
  if (config?.kind === 'Dedicated' && availability === 'MULTI_ZONE' && (config.cku ?? 0) < 2) {
    throw badRequest('A MULTI_ZONE Dedicated cluster needs at least 2 CKUs', { pointer: '/spec/config/cku' });
  }
  if (config && ELASTIC.has(config.kind ?? '') && availability === 'HIGH' && config.max_ecku !== undefined && config.max_ecku < 2) {
    throw badRequest(`A ${config.kind} cluster with HIGH availability needs a max_ecku of at least 2`, { pointer: '/spec/config/max_ecku' });
  }
}

/**
 * The endpoints of a cluster. Kafka REST is served by the emulator itself, at its own base URL
 * (under `/kafka/v3`), so `http_endpoint` works when called. The bootstrap address is the Kafka
 * listener's port on the host the request reached the emulator by (the public URL's host when
 * set); with the listener off, a well-formed name that no client can connect to.
 */
function endpointsOf(h: HookContext, id: string, body: Record<string, unknown>) {
  const live = liveBootstrapHost(h.engine.rt, h.baseUrl);
  if (live) return { http: h.baseUrl, host: live };
  const cloud = String(getAt(body, '/spec/cloud') ?? 'aws').toLowerCase();
  const region = String(getAt(body, '/spec/region') ?? 'local');
  const host = `${id}.${region}.${cloud}.ccloud-emulator.local:9092`;
  return { http: h.baseUrl, host };
}

/**
 * The bootstrap addresses as of this request: the listener's port can change between runs (a
 * restart on another port, `--kafka-port 0`) and the host is the one this request came by, so
 * what creation stored is replaced each time the cluster is shown while the listener runs.
 */
function withLiveBootstrap(h: HookContext, _row: ResourceRow, body: Record<string, unknown>): Record<string, unknown> {
  const host = liveBootstrapHost(h.engine.rt, h.baseUrl);
  if (!host || !body.spec) return body;
  const spec = body.spec as Record<string, unknown>;
  const endpoints = (spec.endpoints ?? {}) as Record<string, Record<string, unknown>>;
  const endpointsShown = endpoints.PUBLIC ? { ...endpoints, PUBLIC: { ...endpoints.PUBLIC, kafka_bootstrap_endpoint: host } } : endpoints;
  return { ...body, spec: { ...spec, kafka_bootstrap_endpoint: `SASL_SSL://${host}`, ...(spec.endpoints ? { endpoints: endpointsShown } : {}) } };
}

/**
 * Checks the network (of the cluster's environment) and the BYOK key (of its organization) the
 * cluster names, 422 when they do not exist, and fills their references' server-side fields.
 */
function completeReferences(h: HookContext, d: Draft): void {
  const network = getAt(d.body, '/spec/network') as Ref | undefined;
  if (network?.id) {
    if (h.engine.repository('Network').get(d.org, network.id)?.scope !== d.scope) {
      throw unprocessable(`The network '${network.id}' does not exist in the environment '${d.scope}'`, '/spec/network/id');
    }
    setAt(d.body, '/spec/network', networkReference(h.baseUrl, d.org, d.scope, network.id));
  }
  const byok = getAt(d.body, '/spec/byok') as Ref | undefined;
  if (byok?.id) {
    if (!h.engine.repository('ByokKey').get(d.org, byok.id)) throw unprocessable(`The BYOK key '${byok.id}' does not exist`, '/spec/byok/id');
    setAt(d.body, '/spec/byok', {
      id: byok.id,
      related: `${h.baseUrl}/byok/v1/keys/${encodeSegment(byok.id)}`,
      resource_name: `${CRN_PREFIX}organization=${d.org}/key=${byok.id}`,
    });
  }
}

/**
 * A Dedicated cluster's CKU change: the declared `resize` transition of its phase graph (back to
 * PROVISIONING on the lifecycle clock); `status.cku` keeps the count in effect while it runs and
 * takes `spec.config.cku` when the cluster enters PROVISIONED again (the `cku-in-effect` hook). A
 * cluster still provisioning picks the new count up when it settles; a FAILED one keeps its
 * status. The hook cannot see the request's lifecycle header, so the change runs under the
 * configured lifecycle mode.
 */
function startResize(h: HookContext, row: ResourceRow, patch: Record<string, unknown>, cku: number): void {
  const lifecycle = h.decl.lifecycle;
  if (!lifecycle || !row.lifecycle) return;
  const resizing = beginTransition(row.lifecycle, lifecycle, 'resize', h.engine.rt.config.lifecycle, h.now);
  if (!resizing) return;
  const seen = observe(resizing, lifecycle, h.now, false);
  row.lifecycle = seen.state;
  setAt(patch, lifecycle.field, seen.phase);
  if (seen.state.stage === 'settled') setAt(patch, '/status/cku', cku);
}

/**
 * Kafka clusters (cmk/v2): endpoints filled in at create, type changes limited to upgrades, sizing
 * rules, CKU changes of Dedicated clusters on the lifecycle clock, deletion protection, and a
 * deleted cluster's topics and records dropped with it (its API keys, client quotas and ksqlDB
 * clusters go by the declared cascade).
 */
export const clusterHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const config = getAt(d.body, '/spec/config') as Config | undefined;
    checkSize(getAt(d.body, '/spec/availability'), config);
    completeReferences(h, d);
    const { http, host } = endpointsOf(h, d.id, d.body);
    setAt(d.body, '/spec/http_endpoint', http);
    setAt(d.body, '/spec/api_endpoint', http);
    setAt(d.body, '/spec/kafka_bootstrap_endpoint', `SASL_SSL://${host}`);
    setAt(d.body, '/spec/endpoints', { PUBLIC: { http_endpoint: http, kafka_bootstrap_endpoint: host, connection_type: 'PUBLIC' } });
    if (config?.kind === 'Dedicated') setAt(d.body, '/status/cku', config.cku);
  },

  beforeUpdate(h, row, patch) {
    const current = getAt(row.body, '/spec/config') as Config;
    const next = getAt(patch, '/spec/config') as Config | undefined;
    const availability = getAt(patch, '/spec/availability') ?? getAt(row.body, '/spec/availability');
    if (next && next.kind !== current.kind && !(UPGRADES[current.kind ?? ''] ?? []).includes(next.kind ?? '')) {
      throw badRequest(`A ${current.kind} cluster cannot be changed to ${next.kind}; only Basic can be upgraded, to Standard`, { pointer: '/spec/config/kind' });
    }
    if (next && next.kind === current.kind) {
      for (const field of IMMUTABLE_CONFIG) {
        if (next[field] !== undefined && JSON.stringify(next[field]) !== JSON.stringify(current[field])) {
          throw badRequest(`The field 'spec.config.${field}' cannot be changed after creation`, { pointer: `/spec/config/${field}` });
        }
      }
    }
    const merged: Config = next ? { ...current, ...next } : current;
    checkSize(availability, merged);
    if (merged.kind === 'Dedicated' && current.kind === 'Dedicated' && merged.cku !== current.cku) startResize(h, row, patch, merged.cku!);
  },

  onRender: withLiveBootstrap,

  phases: {
    /** PROVISIONED (after creation or a resize): a Dedicated cluster's CKU count is in effect. */
    'cku-in-effect'(_h, row) {
      const config = getAt(row.body, '/spec/config') as Config | undefined;
      if (config?.kind === 'Dedicated') setAt(row.body, '/status/cku', config.cku);
    },
  },

  beforeDelete(_h, row) {
    if (getAt(row.body, '/spec/deletion_protection') === true) {
      throw new ApiError({ status: 409, code: 'deletion_protected', title: 'Conflict', detail: `The cluster '${row.id}' has deletion protection enabled; turn it off first` });
    }
  },

  afterDelete(h, row) {
    h.engine.rt.kafka.deleteCluster(row.id);
    h.engine.rt.groups.dropClusters(new Set([row.id]));
  },
};

// ---- kafka-quotas/v1 client quotas ----------------------------------------------------------

/** The principal that stands for every service account without a quota of its own. */
const DEFAULT_PRINCIPAL = '<default>';
const PRINCIPAL_KINDS = ['ServiceAccount', 'IdentityPool'];

/**
 * `<default>` as an object reference: Confluent's document requires `related` and `resource_name`
 * on every principal, so it is rendered as the service account it stands for (its name escaped).
 */
function defaultPrincipal(h: HookContext, org: string): Ref {
  const escaped = encodeURIComponent(DEFAULT_PRINCIPAL);
  return { id: DEFAULT_PRINCIPAL, related: `${h.baseUrl}/iam/v2/service-accounts/${escaped}`, resource_name: renderCrn('organization={org}/service-account={id}', { org, id: escaped }) };
}

/** Each principal must be `<default>`, a service account or an identity pool (422 otherwise). */
function resolvePrincipals(h: HookContext, org: string, principals: Ref[]): Ref[] {
  return principals.map((p, i) => {
    if (p.id === DEFAULT_PRINCIPAL) return defaultPrincipal(h, org);
    const target = typeof p.id === 'string' ? h.engine.repositories.getAny(org, PRINCIPAL_KINDS, p.id) : undefined;
    if (!target) throw unprocessable(`The principal '${p.id ?? ''}' is not '<default>', a service account or an identity pool`, `/spec/principals/${i}/id`);
    const ref = h.engine.reference(target, h.baseUrl);
    return { id: target.id, related: ref.related, resource_name: ref.resource_name };
  });
}

/**
 * Client quotas (kafka-quotas/v1): the cluster must be in the quota's environment, and every
 * principal must exist (or be `<default>`). They live here, next to the clusters they belong to.
 */
export const clientQuotaHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const cluster = getAt(d.body, '/spec/cluster') as Ref;
    const env = getAt(d.body, '/spec/environment/id');
    if (cluster.environment !== env) {
      throw unprocessable(`The Kafka cluster '${cluster.id}' is not in the environment '${String(env)}'`, '/spec/cluster/id');
    }
    setAt(d.body, '/spec/principals', resolvePrincipals(h, d.org, getAt(d.body, '/spec/principals') as Ref[]));
  },

  beforeUpdate(h, row, patch) {
    const principals = getAt(patch, '/spec/principals') as Ref[] | undefined;
    if (principals) setAt(patch, '/spec/principals', resolvePrincipals(h, row.org_id, principals));
  },
};
