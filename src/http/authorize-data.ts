import { ApiError } from '../core/errors.js';
import { getAt } from '../core/pointer.js';
import { callerOf, type DataPlaneGuard, type RequestContext } from '../contract/handler.js';
import type { Operation } from '../openapi/types.js';
import type { Runtime } from '../runtime.js';
import { principalOf, type Decision } from '../authorization/index.js';
import { resolveCluster } from './cluster.js';
import { authorizeCatalogEntities, limitCatalogSearch } from './authorize-catalog.js';
import { repositoriesOf } from '../engine/repository.js';
import type { ResourceRow } from '../store/resources.js';

/** Resource names of the clusters the data planes address (cmk/v2 and srcm/v2). */
const KAFKA_CLUSTER = 'KafkaCluster';
const SR_CLUSTER = 'SchemaRegistryCluster';

/**
 * The data planes' side of authorization. Each operation of Kafka REST, REST Proxy, Schema
 * Registry and the Catalog declares what it needs in `x-emulator-authorization`:
 *
 *   { kafka: TOPIC, name: '{path.topic_name}', operation: WRITE }   Kafka, by the Kafka decision
 *   { kafka: TOPIC, operation: DESCRIBE, each: true }                 a list, filtered by its handler
 *   { registry: subject, name: '{path.subject}', operation: READ }   Schema Registry subjects
 *   { registry: cluster, operation: ALTER_CONFIGS }                   the Schema Registry cluster
 *   { rule: schema-id }                                               READ on a subject of the schema
 *   { rule: catalog-entity, operation: READ }                         each catalog entity on its own resource
 *   { rule: catalog-search }                                          a search shows the entities the principal may read
 *   none                                                              any key of the cluster
 *
 * Refusals answer 403 with `error_code` 40301, naming the principal, the action and the CRN.
 */
type Declaration =
  | 'none'
  | { kafka: string; name?: string; operation: string; each?: boolean }
  | { registry: 'subject' | 'cluster' | 'catalog'; name?: string; operation: string; each?: boolean }
  | { rule: 'schema-id' }
  | { rule: 'catalog-entity'; operation: 'READ' | 'ALTER' }
  | { rule: 'catalog-search' };

/** Clusters already resolved for a request, by resource name: authorization and the handler resolve once. */
const resolvedClusters = new WeakMap<RequestContext, Map<string, ResourceRow>>();

/**
 * The cluster of type `type` a data-plane request addresses when its path names none
 * (`resolveCluster`), resolved once per request: the authorization decision and the handler
 * share the row.
 */
export function requestCluster(rt: Runtime, ctx: RequestContext, type: string): ResourceRow {
  let byType = resolvedClusters.get(ctx);
  if (!byType) resolvedClusters.set(ctx, (byType = new Map()));
  let row = byType.get(type);
  if (!row) byType.set(type, (row = resolveCluster(repositoriesOf(rt), ctx, [type])));
  return row;
}

export const dataRefusal = (d: Decision) => new ApiError({ status: 403, code: 'forbidden', title: 'Forbidden', detail: `Forbidden: ${d.reason}`, errorCode: 40301 });

/** A declared name's parts: literal text, or where a value comes from (`{path.subject}`). */
type TemplatePart = string | { source: string; name: string };
const compiledTemplates = new Map<string, TemplatePart[]>();

function partsOf(template: string): TemplatePart[] {
  let parts = compiledTemplates.get(template);
  if (!parts) {
    parts = template.split(/(\{[^}]+\})/).filter((p) => p !== '').map((p) => {
      if (!p.startsWith('{') || !p.endsWith('}')) return p;
      const [source, ...rest] = p.slice(1, -1).split('.');
      return { source, name: rest.join('.') };
    });
    compiledTemplates.set(template, parts);
  }
  return parts;
}

/** A declared name with the request's values in it; undefined when one of them is missing. */
function render(template: string | undefined, ctx: RequestContext): string | undefined {
  if (template === undefined) return undefined;
  let out = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { source, name } = part;
    const v = source === 'path' ? ctx.params[name] : source === 'query' ? ctx.query[name] : source === 'body' ? getAt(ctx.body, name) : undefined;
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    out += String(v);
  }
  return out;
}

/** The decision for a principal holding a role that allows everything in the organization. */
const orgAdminDecision = (principal: string, action: string, crn: string): Decision => ({
  allowed: true,
  principal,
  action,
  crn,
  bindings: [],
  acls: [],
  would_allow: [],
  reason: `${principal} may ${action} ${crn}: it holds a role on the organization that allows everything in it`,
});

/** The guard handlers use for what only they know (each topic of a list, each record's topic). */
function guardFor(rt: Runtime, op: Operation, ctx: RequestContext, host: string): DataPlaneGuard {
  const caller = callerOf(ctx);
  const principal = principalOf(caller.ownerId);
  let kafkaCluster: string | undefined;
  let registry: { id: string; crn: string } | undefined;
  const kafkaClusterId = () => (kafkaCluster ??= ctx.params.cluster_id ?? requestCluster(rt, ctx, KAFKA_CLUSTER).id);
  const registryOf = () => (registry ??= requestCluster(rt, ctx, SR_CLUSTER));
  const registryDecision = (kind: 'subject' | 'cluster' | 'catalog', operation: string, name = '*'): Decision => {
    const base = registryOf().crn;
    const crn = kind === 'cluster' ? base : `${base}/${kind}=${name}`;
    // An OrganizationAdmin may do anything in its organization, where the registry is: decided
    // without evaluating the bindings for every subject (as on the management planes).
    if (rt.authorizer.allowsAllInOrg(principal, caller.orgId)) return orgAdminDecision(principal, operation, crn);
    return rt.authorizer.decide(principal, operation, crn);
  };
  return {
    principal,
    kafka: (operation, resourceType, resourceName) =>
      rt.authorizer.decideKafka({ orgId: caller.orgId, clusterId: kafkaClusterId(), principal, host, operation, resourceType, resourceName }),
    registry: registryDecision,
    require(d) {
      if (!d.allowed) throw dataRefusal(d);
    },
  };
}

/** Authorizes a data-plane request; sets `ctx.guard` for the handler's own per-item checks. */
export function authorizeDataPlane(rt: Runtime, op: Operation, ctx: RequestContext, host: string): void {
  if (rt.config.authorization === 'off' || !ctx.caller || op.dialect !== 'flat') return;
  const guard = guardFor(rt, op, ctx, host);
  ctx.guard = guard;
  ctx.principal = guard.principal;
  const declared = op.authorization as Declaration | undefined;
  if (declared === undefined) throw new Error(`${op.operationId} declares no x-emulator-authorization`);
  if (declared === 'none') return;
  if ('rule' in declared) {
    if (declared.rule === 'schema-id') return schemaIdRule(rt, ctx, guard);
    if (declared.rule === 'catalog-entity') {
      const registry = requestCluster(rt, ctx, SR_CLUSTER);
      return authorizeCatalogEntities(rt, ctx, guard, declared.operation, { id: registry.id, crn: registry.crn });
    }
    if (declared.rule === 'catalog-search') {
      const registry = requestCluster(rt, ctx, SR_CLUSTER);
      return limitCatalogSearch(rt, ctx, guard, { id: registry.id, crn: registry.crn });
    }
    throw new Error(`${op.operationId} names an unknown authorization rule ${(declared as { rule: string }).rule}`);
  }
  if (declared.each) return; // the handler filters its items with ctx.guard
  const name = render(declared.name, ctx);
  if (declared.name !== undefined && name === undefined) return; // the handler answers the missing value
  if ('kafka' in declared) return guard.require(guard.kafka(declared.operation, declared.kafka, name ?? 'kafka-cluster'));
  guard.require(guard.registry(declared.registry, declared.operation, name));
}

/** A schema read by id: READ on any subject that holds it (or on every subject). */
function schemaIdRule(rt: Runtime, ctx: RequestContext, guard: DataPlaneGuard): void {
  const all = guard.registry('subject', 'READ', '*');
  if (all.allowed) return;
  const cluster = requestCluster(rt, ctx, SR_CLUSTER).id;
  const id = Number(ctx.params.id);
  const subjects = new Set(rt.schemaRegistry.versionsOfSchema(cluster, id).map((v) => v.subject));
  if (!subjects.size) return; // the handler answers 404
  for (const s of subjects) if (guard.registry('subject', 'READ', s).allowed) return;
  guard.require(guard.registry('subject', 'READ', [...subjects][0]));
}
