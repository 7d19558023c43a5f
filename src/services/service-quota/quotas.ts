import { badRequest, invalidFilter, notFound } from '../../core/errors.js';
import { CRN_PREFIX } from '../../core/crn.js';
import { listIdentity } from '../../core/pagination.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Engine } from '../../engine/engine.js';
import { pageInMemory } from '../../engine/paging.js';
import { fieldEquals } from '../../engine/repository.js';
import type { HandlerMap, RequestContext, AuthenticatedContext } from '../../contract/handler.js';
import { PIPELINE_QUOTAS } from '../sd/pipelines.js';
import { APPS_PER_CLUSTER, DEFAULT_APPS_PER_CLUSTER } from '../ksqldb/clusters.js';
import { encodeSegment } from '../../core/url.js';

const API_VERSION = 'service-quota/v1';

/** The scopes quotas apply to, as Confluent lists them; the emulator enforces quotas in the first, second and fourth. */
export const SCOPES = ['ORGANIZATION', 'ENVIRONMENT', 'NETWORK', 'KAFKA_CLUSTER', 'SERVICE_ACCOUNT', 'USER_ACCOUNT'] as const;
type Scope = (typeof SCOPES)[number];

/** What a quota is counted against: the organization, one of its environments, or one of its Kafka clusters. */
interface Target {
  org: string;
  env?: ResourceRow;
  cluster?: ResourceRow;
  /** Keyset position of the target: 0 for the organization, else the row's seq. */
  seq: number;
}

/** A quota the emulator enforces: its code (the name `quotas` in the configuration overrides), scope, default and usage. */
interface QuotaDef {
  id: string;
  scope: 'ORGANIZATION' | 'ENVIRONMENT' | 'KAFKA_CLUSTER';
  display_name: string;
  default_limit: number;
  usage(engine: Engine, t: Target): number;
}

const NAMES: Record<string, string> = {
  environments_per_org: 'Environments Per Organization',
  kafka_clusters_per_environment: 'Kafka Clusters Per Environment',
  service_accounts_per_org: 'Service Accounts Per Organization',
  api_keys_per_org: 'API Keys Per Organization',
  ip_groups_per_org: 'IP Groups Per Organization',
  ip_filters_per_org: 'IP Filters Per Organization',
  group_mappings_per_org: 'SSO Group Mappings Per Organization',
  'byok.max_keys.per_org': 'BYOK Keys Per Organization',
  [PIPELINE_QUOTAS.perOrg.name]: 'Pipelines Per Organization',
  [PIPELINE_QUOTAS.perCluster.name]: 'Pipelines Per Kafka Cluster',
  [APPS_PER_CLUSTER]: 'ksqlDB Clusters Per Kafka Cluster',
};

/** `kafka_clusters_per_environment` -> `Kafka Clusters Per Environment`, for quotas without a name above. */
const nameOf = (code: string) =>
  NAMES[code] ??
  code
    .split(/[._]/)
    .map((w) => ({ org: 'Organization', env: 'Environment', max: '' })[w] ?? w.charAt(0).toUpperCase() + w.slice(1))
    .filter(Boolean)
    .join(' ');

/** Live resources of a type whose body field equals a value, in the organization. */
const countWhere = (engine: Engine, org: string, type: string, pointer: string, value: string) =>
  engine.repository(type).count({ org, filters: [fieldEquals(pointer, value)] });

/**
 * Every quota the emulator enforces, in a fixed order: the `quota:` declarations of the documents
 * (counted per organization, or per environment for environment-scoped resources, as the engine
 * counts them), then the quotas that code enforces (ksqlDB clusters and pipelines per Kafka
 * cluster, pipelines per organization).
 */
function quotaDefs(engine: Engine): QuotaDef[] {
  const resources = engine.rt.docs.resources;
  const defs: QuotaDef[] = [];
  for (const decl of resources.values()) {
    // Quotas counted per organization or per Kafka cluster are listed below, with their scopes.
    const quota = decl.quotas.find((q) => q.per === 'scope');
    if (!quota || decl.parent) continue;
    const type = decl.name;
    defs.push({
      id: quota.name,
      scope: decl.scope ? 'ENVIRONMENT' : 'ORGANIZATION',
      display_name: nameOf(quota.name),
      default_limit: quota.limit,
      usage: (e, t) => e.repository(type).count({ org: t.org, scope: decl.scope ? t.env!.id : '' }),
    });
  }
  if (resources.has('KsqlCluster')) {
    defs.push({
      id: APPS_PER_CLUSTER,
      scope: 'KAFKA_CLUSTER',
      display_name: nameOf(APPS_PER_CLUSTER),
      default_limit: DEFAULT_APPS_PER_CLUSTER,
      usage: (e, t) => countWhere(e, t.org, 'KsqlCluster', '/spec/kafka_cluster/id', t.cluster!.id),
    });
  }
  if (resources.has('Pipeline')) {
    const { perOrg, perCluster } = PIPELINE_QUOTAS;
    defs.push(
      {
        id: perOrg.name,
        scope: 'ORGANIZATION',
        display_name: nameOf(perOrg.name),
        default_limit: perOrg.limit,
        usage: (e, t) => e.repository('Pipeline').count({ org: t.org, limit: 0 }),
      },
      { id: perCluster.name, scope: 'KAFKA_CLUSTER', display_name: nameOf(perCluster.name), default_limit: perCluster.limit, usage: (e, t) => countWhere(e, t.org, 'Pipeline', '/spec/kafka_cluster/id', t.cluster!.id) },
    );
  }
  return defs;
}

const str = (v: unknown) => (v === undefined || v === '' ? undefined : String(v));

/** `organization` -> `ORGANIZATION`, `kafka-cluster` -> `KAFKA_CLUSTER`; 400 for a scope that is not one of SCOPES. */
function scopeOf(raw: unknown): Scope {
  const scope = String(raw).trim().toUpperCase().replace(/-/g, '_');
  if (!(SCOPES as readonly string[]).includes(scope)) throw invalidFilter('scope', `Unknown scope '${String(raw)}'; the scopes are ${SCOPES.join(', ')}`);
  return scope as Scope;
}

/**
 * The service quotas (service-quota/v1): scopes, and the quotas applied to the organization, its
 * environments and its Kafka clusters, with their limits (the configuration's `quotas` over the
 * defaults) and their usage counted from the store. Read-only catalogues served by hand with the
 * engine's pagination, like srcm/v2 regions.
 */
export function serviceQuotaHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  const defs = () => quotaDefs(engine);

  const ref = (row: ResourceRow, base: string, withEnv = false) => ({
    id: row.id,
    ...(withEnv ? { environment: row.scope } : {}),
    related: engine.selfUrl(engine.decl(row.type), row, base),
    resource_name: row.crn,
  });

  function render(def: QuotaDef, t: Target, base: string): Record<string, unknown> {
    const query = new URLSearchParams();
    let crn = `${CRN_PREFIX}organization=${t.org}`;
    if (t.env) {
      query.set('environment', t.env.id);
      crn += `/environment=${t.env.id}`;
    }
    if (t.cluster) {
      query.set('kafka_cluster', t.cluster.id);
      crn += `/cloud-cluster=${t.cluster.id}`;
    }
    const qs = query.toString();
    const org = engine.repository('Organization').get(t.org, t.org);
    const out: Record<string, unknown> = {
      api_version: API_VERSION,
      kind: 'AppliedQuota',
      id: def.id,
      metadata: { self: `${base}/service-quota/v1/applied-quotas/${encodeSegment(def.id)}${qs ? `?${qs}` : ''}`, resource_name: `${crn}/applied-quota=${def.id}` },
      scope: def.scope,
      display_name: def.display_name,
      default_limit: def.default_limit,
      applied_limit: rt.config.quotas[def.id] ?? def.default_limit,
      usage: def.usage(engine, t),
    };
    if (org) out.organization = ref(org, base);
    if (t.env) out.environment = ref(t.env, base);
    if (t.cluster) out.kafka_cluster = ref(t.cluster, base, true);
    return out;
  }

  const liveRows = (org: string, type: string, scope?: string) => (rt.docs.resources.has(type) ? engine.repository(type).list({ org, scope }) : []);

  /** The targets of a scope, narrowed by the environment and Kafka cluster the query names. */
  function targetsOf(org: string, scope: Scope, env?: string, cluster?: string): Target[] {
    if (scope === 'ORGANIZATION') return [{ org, seq: 0 }];
    if (scope === 'ENVIRONMENT') {
      return liveRows(org, 'Environment', '')
        .filter((e) => env === undefined || e.id === env)
        .map((e) => ({ org, env: e, seq: e.seq }));
    }
    if (scope === 'KAFKA_CLUSTER') {
      const envs = new Map(liveRows(org, 'Environment', '').map((e) => [e.id, e]));
      return liveRows(org, 'KafkaCluster', env)
        .filter((c) => (cluster === undefined || c.id === cluster) && envs.has(c.scope))
        .map((c) => ({ org, env: envs.get(c.scope), cluster: c, seq: c.seq }));
    }
    // NETWORK, SERVICE_ACCOUNT, USER_ACCOUNT: the emulator enforces no quota there.
    return [];
  }

  /** The target one applied quota is read for: the environment and Kafka cluster its scope needs (400 without, 404 when absent). */
  function targetFor(ctx: AuthenticatedContext, def: QuotaDef): Target {
    const org = ctx.caller.orgId;
    if (def.scope === 'ORGANIZATION') return { org, seq: 0 };
    const envId = str(ctx.query.environment);
    if (!envId) throw badRequest(`The quota '${def.id}' applies to an environment or Kafka cluster: the 'environment' query parameter is required`, { parameter: 'environment' }, 'parameter_missing');
    const env = engine.repository('Environment').get(org, envId);
    if (!env) throw notFound(`The environment '${envId}' was not found`);
    if (def.scope === 'ENVIRONMENT') return { org, env, seq: env.seq };
    const clusterId = str(ctx.query.kafka_cluster);
    if (!clusterId) throw badRequest(`The quota '${def.id}' applies to a Kafka cluster: the 'kafka_cluster' query parameter is required`, { parameter: 'kafka_cluster' }, 'parameter_missing');
    const cluster = engine.repository('KafkaCluster').get(org, clusterId);
    if (!cluster || cluster.scope !== env.id) throw notFound(`The Kafka cluster '${clusterId}' was not found in the environment '${env.id}'`);
    return { org, env, cluster, seq: cluster.seq };
  }

  const page = <T extends { seq: number }>(ctx: RequestContext, identity: string, all: T[]) => pageInMemory(rt.tokens, ctx, identity, all);

  const renderScope = (id: string, org: string, base: string) => ({
    api_version: API_VERSION,
    kind: 'Scope',
    id,
    metadata: { self: `${base}/service-quota/v1/scopes/${id}`, resource_name: `${CRN_PREFIX}organization=${org}/quota-scope=${id}` },
    description: `${id} scope that quotas would be applied to`,
  });

  /** Positions in a list: the target's, times room for every quota, plus the quota's place. */
  const STRIDE = 1000;

  return {
    listServiceQuotaV1AppliedQuotas: (ctx) => {
      const org = ctx.caller.orgId;
      const scope = scopeOf(ctx.query.scope);
      const env = str(ctx.query.environment);
      const cluster = str(ctx.query.kafka_cluster);
      const network = str(ctx.query.network);
      const code = str(ctx.query.id);
      const identity = listIdentity([org, 'service-quota.v1.AppliedQuota', scope, env, cluster, network, code]);
      const all = defs();
      const chosen = all.map((def, i) => ({ def, i })).filter(({ def }) => def.scope === scope && (code === undefined || def.id === code));
      // No quota of the emulator is associated with a network, so a network filter matches none.
      const targets = network === undefined ? targetsOf(org, scope, env, cluster) : [];
      const entries = targets.flatMap((t) => chosen.map(({ def, i }) => ({ def, t, seq: t.seq * STRIDE + i })));
      const { items, metadata } = page(ctx, identity, entries);
      return { status: 200, body: { api_version: API_VERSION, kind: 'AppliedQuotaList', metadata, data: items.map((e) => render(e.def, e.t, ctx.baseUrl)) } };
    },

    getServiceQuotaV1AppliedQuota: (ctx) => {
      const def = defs().find((d) => d.id === ctx.params.id);
      if (!def) throw notFound(`The applied quota '${ctx.params.id}' was not found`);
      return { status: 200, body: render(def, targetFor(ctx, def), ctx.baseUrl) };
    },

    listServiceQuotaV1Scopes: (ctx) => {
      const org = ctx.caller.orgId;
      const { items, metadata } = page(ctx, listIdentity([org, 'service-quota.v1.Scope']), SCOPES.map((id, i) => ({ id, seq: i + 1 })));
      return { status: 200, body: { api_version: API_VERSION, kind: 'ScopeList', metadata, data: items.map((s) => renderScope(s.id, org, ctx.baseUrl)) } };
    },

    getServiceQuotaV1Scope: (ctx) => {
      const id = SCOPES.find((s) => s === ctx.params.id);
      if (!id) throw notFound(`The scope '${ctx.params.id}' was not found`);
      return { status: 200, body: renderScope(id, ctx.caller.orgId, ctx.baseUrl) };
    },
  };
}
