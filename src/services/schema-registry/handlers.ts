import { maySubject, type HandlerMap, type Reply, type RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { requestCluster } from '../../http/authorize-data.js';
import { SR_CLUSTER } from '../srcm/clusters.js';
import { COMPATIBILITY_LEVELS } from './compatibility.js';
import { applyUpdate, configUpdateOf, type ConfigMembers } from './config.js';
import { canonicalSubject, contextOf, DEFAULT_CONTEXT, matchesPrefix, qualifiedSubject } from './contexts.js';
import { invalidCompatibility, invalidMode, operationNotPermitted, srError, subjectNotFound } from './errors.js';
import { SCHEMA_TYPES } from './formats.js';
import { DEFAULT_MODE, Registry, type SchemaInput } from './registry.js';
import { exporterHandlers } from './exporters.js';
import { maxSchemas } from './schema-limit.js';
import type { StoredSchema } from '../../store/schema-registry.js';
import { optionalQueryFlag, queryFlag } from '../../engine/query.js';

const SR_JSON = { 'content-type': 'application/vnd.schemaregistry.v1+json' };
const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'];
const MAX_REQUESTS_PER_SEC = 25;

const ok = (body: unknown): Reply => ({ status: 200, headers: SR_JSON, body });
/** `offset` and `limit` on a list; a negative limit (the default) means the rest of it. */
function page<T>(items: T[], query: Record<string, unknown>): T[] {
  const offset = Math.max(0, Number(query.offset ?? 0) || 0);
  const limit = Number(query.limit ?? -1);
  return items.slice(offset, Number.isFinite(limit) && limit >= 0 ? offset + limit : undefined);
}

/** The `key`/`value` query pairs of a metadata lookup, the n-th key with the n-th value (400 when they do not pair up). */
function propertiesOf(query: Record<string, unknown>): Record<string, string> {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  const keys = list(query.key);
  const values = list(query.value);
  if (keys.length !== values.length) throw srError(400, 400, `Each metadata key needs a value: ${keys.length} keys and ${values.length} values were given`);
  return Object.fromEntries(keys.map((k, i) => [k, values[i]]));
}


/**
 * How Schema Registry answers a schema: `schemaType` only when it is not Avro, references,
 * metadata and rule set when there are some.
 */
function describe(s: StoredSchema): Record<string, unknown> {
  return {
    ...(s.schema_type !== 'AVRO' ? { schemaType: s.schema_type } : {}),
    ...(s.references.length ? { references: s.references } : {}),
    ...(s.metadata ? { metadata: s.metadata } : {}),
    ...(s.ruleSet ? { ruleSet: s.ruleSet } : {}),
    schema: s.schema,
  };
}

/**
 * Schema Registry v1: subjects and versions, schemas by id, compatibility checks, config and mode,
 * contexts. Paths carry no cluster id: the cluster is resolved from the API key (DESIGN §5).
 * Subjects are taken in their canonical form (`:.:orders` is `orders`; contexts.ts).
 */
export function schemaRegistryHandlers(rt: Runtime): HandlerMap {
  const registryOf = (ctx: RequestContext) => new Registry(rt, requestCluster(rt, ctx, SR_CLUSTER).id);
  const body = (ctx: RequestContext) => (ctx.body ?? {}) as SchemaInput & Record<string, unknown>;
  const subjectOf = (ctx: RequestContext) => canonicalSubject(ctx.params.subject);
  /** The context an id is looked up in: the `subject` query parameter's, else the default one. */
  const idContext = (ctx: RequestContext) => (typeof ctx.query.subject === 'string' ? contextOf(ctx.query.subject) : DEFAULT_CONTEXT);

  function versionBody(r: Registry, subject: string, raw: string, deleted: boolean) {
    const v = r.version(subject, raw, deleted);
    return { subject, version: v.version, id: v.schema_id, ...describe(r.schemaOf(v)) };
  }

  function compatibility(ctx: RequestContext, raw?: string) {
    const r = registryOf(ctx);
    const subject = subjectOf(ctx);
    const parsed = r.parse(body(ctx), contextOf(subject), r.normalizes(subject, optionalQueryFlag(ctx.query.normalize)));
    const live = rt.schemaRegistry.versions(r.cluster, subject).filter((v) => !v.deleted);
    if (raw !== undefined && !live.length) throw subjectNotFound(subject);
    const against = raw === undefined ? undefined : [r.version(subject, raw)];
    const problems = r.problems(subject, parsed, against);
    return ok({ is_compatible: problems.length === 0, ...(queryFlag(ctx.query.verbose) ? { messages: problems } : {}) });
  }

  /** A config as read: the level as `compatibilityLevel`, then the other members set. */
  const configBody = (level: string | undefined, members: ConfigMembers | undefined) => ({ ...(level ? { compatibilityLevel: level } : {}), ...members });

  /**
   * PUT /config and /config/{subject}: sets the members present (the level is `compatibility`),
   * keeps the others, and echoes what was set. A body setting nothing is 42203.
   */
  function updateConfig(ctx: RequestContext, scope: string) {
    const r = registryOf(ctx);
    const b = body(ctx);
    const update = configUpdateOf(b);
    const hasLevel = b.compatibility !== undefined && b.compatibility !== null;
    const level = String(b.compatibility ?? '').toUpperCase();
    if (hasLevel || (!Object.keys(update.set).length && !update.cleared.length)) {
      if (!(COMPATIBILITY_LEVELS as readonly string[]).includes(level)) throw invalidCompatibility();
    }
    rt.tx(() => {
      if (hasLevel) rt.schemaRegistry.setSetting(r.cluster, scope, 'compatibility', level);
      const next = applyUpdate(r.ownConfig(scope) ?? {}, update);
      rt.schemaRegistry.setSetting(r.cluster, scope, 'config', Object.keys(next).length ? JSON.stringify(next) : null);
    });
    return ok({ ...update.set, ...(hasLevel ? { compatibility: level } : {}) });
  }

  function setMode(ctx: RequestContext, scope: string) {
    const r = registryOf(ctx);
    const mode = String(body(ctx).mode ?? '').toUpperCase();
    if (!MODES.includes(mode)) throw invalidMode(String(body(ctx).mode));
    if (mode === 'IMPORT' && !queryFlag(ctx.query.force) && hasLiveSubjects(r, scope)) throw operationNotPermitted('Cannot import since found existing subjects');
    rt.tx(() => rt.schemaRegistry.setSetting(r.cluster, scope, 'mode', mode));
    return ok({ mode });
  }

  /** Whether live subjects exist where a mode applies: the subject, a context (`:.eu:`) or the registry (''). */
  function hasLiveSubjects(r: Registry, scope: string): boolean {
    const live = rt.schemaRegistry.allVersions(r.cluster).filter((v) => !v.deleted);
    if (scope === '') return live.length > 0;
    const q = qualifiedSubject(scope);
    if (q.name === '') return live.some((v) => contextOf(v.subject) === q.context);
    return live.some((v) => v.subject === scope);
  }

  /** Subject-level config or mode: 40408 (config) or 40409 (mode) when unset, unless defaultToGlobal. */
  function subjectSetting(ctx: RequestContext, kind: 'compatibility' | 'mode') {
    const r = registryOf(ctx);
    const subject = subjectOf(ctx);
    const own = rt.schemaRegistry.setting(r.cluster, subject, kind);
    const ownConfig = kind === 'compatibility' ? r.ownConfig(subject) : undefined;
    if (own === undefined && ownConfig === undefined && !queryFlag(ctx.query.defaultToGlobal)) {
      throw kind === 'compatibility'
        ? srError(404, 40408, `Subject '${subject}' does not have subject-level compatibility configured`)
        : srError(404, 40409, `Subject '${subject}' does not have subject-level mode configured`);
    }
    if (kind === 'mode') return ok({ mode: own ?? r.mode(subject) });
    return ok(queryFlag(ctx.query.defaultToGlobal) ? configBody(r.compatibility(subject), r.config(subject)) : configBody(own, ownConfig));
  }

  function resetConfig(ctx: RequestContext, scope: string) {
    const r = registryOf(ctx);
    const own = rt.schemaRegistry.setting(r.cluster, scope, 'compatibility');
    const ownConfig = r.ownConfig(scope);
    if (scope && own === undefined && ownConfig === undefined) throw srError(404, 40408, `Subject '${scope}' does not have subject-level compatibility configured`);
    const previous = scope ? configBody(own, ownConfig) : configBody(r.compatibility(), ownConfig);
    rt.tx(() => {
      rt.schemaRegistry.setSetting(r.cluster, scope, 'compatibility', null);
      rt.schemaRegistry.setSetting(r.cluster, scope, 'config', null);
    });
    return ok(previous);
  }

  function resetMode(ctx: RequestContext, subject: string) {
    const r = registryOf(ctx);
    const previous = r.mode(subject || undefined);
    if (subject && rt.schemaRegistry.setting(r.cluster, subject, 'mode') === undefined) throw srError(404, 40409, `Subject '${subject}' does not have subject-level mode configured`);
    rt.tx(() => rt.schemaRegistry.setSetting(r.cluster, subject, 'mode', null));
    return ok({ mode: previous });
  }

  return {
    ...exporterHandlers(rt, (ctx) => registryOf(ctx).cluster),
    getSchemaTypes: () => ok(SCHEMA_TYPES),
    /** Confluent Cloud's published limits: the schema limit is enforced (with its `quotas` override), the request rate is not. */
    getClusterConfig: (ctx) => {
      registryOf(ctx);
      return ok({ maxSchemas: maxSchemas(rt), maxRequestsPerSec: MAX_REQUESTS_PER_SEC });
    },
    /** The default context first, then every context that holds a version. */
    listContexts: (ctx) => {
      const r = registryOf(ctx);
      return ok(page([DEFAULT_CONTEXT, ...rt.schemaRegistry.contexts(r.cluster).filter((c) => c !== DEFAULT_CONTEXT)], ctx.query));
    },

    list: (ctx) => {
      const r = registryOf(ctx);
      const prefix = String(ctx.query.subjectPrefix ?? '');
      const deletedOnly = queryFlag(ctx.query.deletedOnly);
      const withDeleted = queryFlag(ctx.query.deleted) || deletedOnly;
      const bySubject = new Map<string, boolean[]>();
      for (const v of rt.schemaRegistry.allVersions(r.cluster)) bySubject.set(v.subject, [...(bySubject.get(v.subject) ?? []), v.deleted]);
      const subjects = [...bySubject].filter(([s, flags]) => matchesPrefix(s, prefix) && maySubject(ctx, 'DESCRIBE', s) && (deletedOnly ? flags.every((d) => d) : withDeleted || flags.some((d) => !d))).map(([s]) => s);
      return ok(page(subjects, ctx.query));
    },

    register: (ctx) => ok({ id: registryOf(ctx).register(subjectOf(ctx), body(ctx), optionalQueryFlag(ctx.query.normalize)) }),

    lookUpSchemaUnderSubject: (ctx) => {
      const r = registryOf(ctx);
      const subject = subjectOf(ctx);
      const found = r.lookup(subject, body(ctx), optionalQueryFlag(ctx.query.normalize), queryFlag(ctx.query.deleted));
      if (!found) throw srError(404, 40403, 'Schema not found');
      return ok({ subject, version: found.version, id: found.schema_id, ...describe(found.stored) });
    },

    listVersions: (ctx) => {
      const r = registryOf(ctx);
      const deletedOnly = queryFlag(ctx.query.deletedOnly);
      const versions = r.versions(subjectOf(ctx), queryFlag(ctx.query.deleted) || deletedOnly).filter((v) => !deletedOnly || v.deleted);
      return ok(page(versions.map((v) => v.version), ctx.query));
    },
    getSchemaByVersion: (ctx) => ok(versionBody(registryOf(ctx), subjectOf(ctx), ctx.params.version, queryFlag(ctx.query.deleted))),
    getLatestWithMetadata: (ctx) => {
      const r = registryOf(ctx);
      const subject = subjectOf(ctx);
      const v = r.latestWithProperties(subject, propertiesOf(ctx.query), queryFlag(ctx.query.deleted));
      return ok({ subject, version: v.version, id: v.schema_id, ...describe(r.schemaOf(v)) });
    },
    getSchemaOnly_1: (ctx) => {
      const r = registryOf(ctx);
      return ok(r.schemaOf(r.version(subjectOf(ctx), ctx.params.version, queryFlag(ctx.query.deleted))).schema);
    },
    getReferencedBy: (ctx) => {
      const r = registryOf(ctx);
      const v = r.version(subjectOf(ctx), ctx.params.version);
      return ok(r.referencedBy(v.subject, v.version));
    },
    deleteSubject: (ctx) => ok(registryOf(ctx).deleteSubject(subjectOf(ctx), queryFlag(ctx.query.permanent))),
    deleteSchemaVersion: (ctx) => ok(registryOf(ctx).deleteVersion(subjectOf(ctx), ctx.params.version, queryFlag(ctx.query.permanent))),

    getSchema: (ctx) => {
      const r = registryOf(ctx);
      const context = idContext(ctx);
      const s = r.schema(Number(ctx.params.id), context);
      return ok({ ...describe(s), ...(queryFlag(ctx.query.fetchMaxId) ? { maxId: rt.schemaRegistry.maxId(r.cluster, context) } : {}) });
    },
    getSchemaOnly: (ctx) => ok(registryOf(ctx).schema(Number(ctx.params.id), idContext(ctx)).schema),
    getSubjects: (ctx) => {
      const r = registryOf(ctx);
      const id = Number(ctx.params.id);
      const context = idContext(ctx);
      r.schema(id, context);
      const subjects = rt.schemaRegistry.versionsOfSchema(r.cluster, id, context).filter((v) => queryFlag(ctx.query.deleted) || !v.deleted).map((v) => v.subject);
      return ok([...new Set(subjects)]);
    },
    getVersions: (ctx) => {
      const r = registryOf(ctx);
      const id = Number(ctx.params.id);
      const context = idContext(ctx);
      r.schema(id, context);
      const versions = rt.schemaRegistry.versionsOfSchema(r.cluster, id, context).filter((v) => queryFlag(ctx.query.deleted) || !v.deleted);
      return ok(versions.map((v) => ({ subject: v.subject, version: v.version })));
    },
    getSchemas: (ctx) => {
      const r = registryOf(ctx);
      const prefix = String(ctx.query.subjectPrefix ?? '');
      let versions = rt.schemaRegistry.allVersions(r.cluster).filter((v) => matchesPrefix(v.subject, prefix) && maySubject(ctx, 'READ', v.subject) && (queryFlag(ctx.query.deleted) || !v.deleted));
      if (queryFlag(ctx.query.latestOnly)) versions = versions.filter((v, i) => versions[i + 1]?.subject !== v.subject);
      return ok(page(versions, ctx.query).map((v) => ({ subject: v.subject, version: v.version, id: v.schema_id, ...describe(r.schemaOf(v)) })));
    },

    testCompatibilityBySubjectName: (ctx) => compatibility(ctx, ctx.params.version),
    testCompatibilityForSubject: (ctx) => compatibility(ctx),

    getTopLevelConfig: (ctx) => {
      const r = registryOf(ctx);
      return ok(configBody(r.compatibility(), r.ownConfig('')));
    },
    updateTopLevelConfig: (ctx) => updateConfig(ctx, ''),
    deleteTopLevelConfig: (ctx) => resetConfig(ctx, ''),
    getSubjectLevelConfig: (ctx) => subjectSetting(ctx, 'compatibility'),
    updateSubjectLevelConfig: (ctx) => updateConfig(ctx, subjectOf(ctx)),
    deleteSubjectConfig: (ctx) => resetConfig(ctx, subjectOf(ctx)),

    getTopLevelMode: (ctx) => ok({ mode: registryOf(ctx).mode() ?? DEFAULT_MODE }),
    updateTopLevelMode: (ctx) => setMode(ctx, ''),
    getMode: (ctx) => subjectSetting(ctx, 'mode'),
    updateMode: (ctx) => setMode(ctx, subjectOf(ctx)),
    deleteSubjectMode: (ctx) => resetMode(ctx, subjectOf(ctx)),
  };
}
