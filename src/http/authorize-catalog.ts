import { callerOf, type DataPlaneGuard, type RequestContext } from '../contract/handler.js';
import type { Runtime } from '../runtime.js';
import { CRN_PREFIX, kafkaResourceCrn, type Decision } from '../authorization/index.js';

/**
 * Stream Catalog entities are checked on the resources they describe, as Confluent Cloud checks
 * them: a topic entity on its topic, a subject version on its subject, a schema (and its records
 * and fields) on the subjects that use it, an environment or a Kafka cluster on itself. Reading an
 * entity, its tags or its business metadata needs DESCRIBE on that resource (DeveloperRead and
 * up); tagging it, attaching business metadata or setting its attributes needs ALTER on it
 * (ResourceOwner, and DeveloperManage on topics). DataSteward (catalog ALL) and DataDiscovery
 * (catalog READ) on the environment, and the admin roles, hold every entity of their catalog.
 */
export type CatalogAccess = 'READ' | 'ALTER';

interface EntityRef {
  typeName: unknown;
  qualifiedName: unknown;
}

/** The entities a catalog operation touches: the path's, each item of a bulk body, or the body's `entity`. */
function entitiesOf(ctx: RequestContext): EntityRef[] {
  if (ctx.params.typeName !== undefined) return [{ typeName: ctx.params.typeName, qualifiedName: ctx.params.qualifiedName }];
  const body = ctx.body as any;
  if (Array.isArray(body)) return body.map((item) => ({ typeName: item?.entityType, qualifiedName: item?.entityName }));
  if (body && typeof body === 'object' && body.entity) return [{ typeName: body.entity.typeName, qualifiedName: body.entity.attributes?.qualifiedName }];
  return [];
}

/** Authorizes a catalog entity operation; throws the data plane's 403 naming the entity's CRN and the roles that would do. */
export function authorizeCatalogEntities(rt: Runtime, ctx: RequestContext, guard: DataPlaneGuard, access: CatalogAccess, registry: { id: string; crn: string }): void {
  const catalog = guard.registry('catalog', access);
  if (catalog.allowed) return;
  const entities = entitiesOf(ctx);
  if (!entities.length) return guard.require(catalog);
  const action = access === 'READ' ? 'DESCRIBE' : 'ALTER';
  for (const e of entities) {
    const d = entityDecision(rt, ctx, guard.principal, action, e, registry);
    if (!d) return guard.require(catalog); // not an entity of this catalog: only catalog-wide roles may ask about it
    if (!d.allowed) guard.require(withCatalogRoles(d, catalog));
  }
}

/**
 * A search answers what the principal may read: everything with a catalog-wide role
 * (DataDiscovery, DataSteward, the admins), otherwise only the entities it may DESCRIBE on their
 * own resources, as Confluent Cloud's search leaves out what the caller cannot see.
 */
export function limitCatalogSearch(rt: Runtime, ctx: RequestContext, guard: DataPlaneGuard, registry: { id: string; crn: string }): void {
  if (guard.registry('catalog', 'READ').allowed) return;
  ctx.visibleEntity = (typeName, qualifiedName) => entityDecision(rt, ctx, guard.principal, 'DESCRIBE', { typeName, qualifiedName }, registry)?.allowed === true;
}

/** The decision on one entity, or undefined when its name does not resolve to a resource of this catalog. */
function entityDecision(rt: Runtime, ctx: RequestContext, principal: string, action: string, e: EntityRef, registry: { id: string; crn: string }): Decision | undefined {
  if (typeof e.typeName !== 'string' || typeof e.qualifiedName !== 'string') return undefined;
  const org = callerOf(ctx).orgId;
  const decide = (crn: string) => rt.authorizer.decide(principal, action, crn);
  const qn = e.qualifiedName;
  switch (e.typeName) {
    case 'cf_environment': {
      const env = rt.resources.get(org, 'Environment', qn);
      return env && registry.crn.startsWith(`${env.crn}/`) ? decide(env.crn) : undefined;
    }
    case 'kafka_logical_cluster': {
      const cluster = rt.resources.get(org, 'KafkaCluster', qn);
      return cluster ? decide(cluster.crn) : undefined;
    }
  }
  const [lsrc, context, ...rest] = qn.split(':');
  if (lsrc !== registry.id || context === undefined || !rest.length) return undefined;
  switch (e.typeName) {
    case 'kafka_topic': {
      // `lsrc:lkc:topic`
      const clusterId = context;
      const cluster = rt.resources.get(org, 'KafkaCluster', clusterId);
      return cluster ? decide(kafkaResourceCrn(cluster.crn, clusterId, 'TOPIC', rest.join(':'))) : undefined;
    }
    case 'sr_subject_version': {
      // `lsrc:context:subject:version`
      if (rest.length < 2) return undefined;
      const name = rest.slice(0, -1).join(':');
      return decide(subjectCrn(registry.crn, context === '.' ? name : `:${context}:${name}`));
    }
    case 'sr_schema':
    case 'sr_record':
    case 'sr_field': {
      // `lsrc:context:id[:record[.field]]`: allowed through any subject that uses the schema.
      const id = Number(rest[0]);
      if (!Number.isInteger(id)) return undefined;
      const subjects = [...new Set(rt.schemaRegistry.versionsOfSchema(registry.id, id, context).map((v) => v.subject))];
      if (!subjects.length) return decide(subjectCrn(registry.crn, '*'));
      let first: Decision | undefined;
      for (const s of subjects) {
        const d = decide(subjectCrn(registry.crn, s));
        if (d.allowed) return d;
        first ??= d;
      }
      return first;
    }
    default:
      return undefined;
  }
}

const subjectCrn = (registryCrn: string, subject: string) => `${registryCrn.startsWith(CRN_PREFIX) ? registryCrn : CRN_PREFIX + registryCrn}/subject=${subject}`;

/** An entity's refusal that also names the catalog-wide roles that would allow it. */
function withCatalogRoles(d: Decision, catalog: Decision): Decision {
  const roles = catalog.would_allow.map((r) => `${r.role_name} on ${r.crn_pattern}`).join(', ');
  return { ...d, would_allow: [...d.would_allow, ...catalog.would_allow], reason: roles ? `${d.reason}; or, on the whole catalog: ${roles}` : d.reason };
}
