import type { HandlerMap, Reply, RequestContext } from '../../engine/types.js';
import type { Runtime } from '../../runtime.js';
import { resolveCluster } from '../../http/cluster.js';
import { SR_CLUSTER } from '../srcm/clusters.js';
import { COMPATIBILITY_LEVELS } from './compatibility.js';
import { invalidCompatibility, invalidMode, srError, subjectNotFound } from './errors.js';
import { SCHEMA_TYPES } from './formats.js';
import { DEFAULT_MODE, Registry, type SchemaInput } from './registry.js';
import { exporterHandlers } from './exporters.js';
import type { StoredSchema } from '../../store/schema-registry.js';

const SR_JSON = { 'content-type': 'application/vnd.schemaregistry.v1+json' };
const MODES = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'];
const MAX_SCHEMAS = 20000;
const MAX_REQUESTS_PER_SEC = 25;

const ok = (body: unknown): Reply => ({ status: 200, headers: SR_JSON, body });
const flag = (v: unknown) => v === true || v === 'true';

/** How Schema Registry answers a schema: `schemaType` only when it is not Avro, references when there are some. */
function describe(s: StoredSchema): Record<string, unknown> {
  return { ...(s.schema_type !== 'AVRO' ? { schemaType: s.schema_type } : {}), ...(s.references.length ? { references: s.references } : {}), schema: s.schema };
}

/**
 * Schema Registry v1: subjects and versions, schemas by id, compatibility checks, config and mode.
 * Paths carry no cluster id: the cluster is resolved from the API key (DESIGN §5).
 */
export function schemaRegistryHandlers(rt: Runtime): HandlerMap {
  const registryOf = (ctx: RequestContext) => new Registry(rt, resolveCluster(rt.resources, ctx, [SR_CLUSTER]).id);
  const body = (ctx: RequestContext) => (ctx.body ?? {}) as SchemaInput & Record<string, unknown>;

  function versionBody(r: Registry, subject: string, raw: string, deleted: boolean) {
    const v = r.version(subject, raw, deleted);
    return { subject, version: v.version, id: v.schema_id, ...describe(r.schema(v.schema_id)) };
  }

  function compatibility(ctx: RequestContext, raw?: string) {
    const r = registryOf(ctx);
    const subject = ctx.params.subject;
    const parsed = r.parse(body(ctx));
    const live = rt.schemaRegistry.versions(r.cluster, subject).filter((v) => !v.deleted);
    if (raw !== undefined && !live.length) throw subjectNotFound(subject);
    const against = raw === undefined ? undefined : [r.version(subject, raw)];
    const problems = r.problems(subject, parsed, against);
    return ok({ is_compatible: problems.length === 0, ...(flag(ctx.query.verbose) ? { messages: problems } : {}) });
  }

  function setting(ctx: RequestContext, kind: 'compatibility' | 'mode', subject: string) {
    const r = registryOf(ctx);
    const b = body(ctx);
    if (kind === 'compatibility') {
      const level = String(b.compatibility ?? '').toUpperCase();
      if (!(COMPATIBILITY_LEVELS as readonly string[]).includes(level)) throw invalidCompatibility();
      rt.tx(() => rt.schemaRegistry.setSetting(r.cluster, subject, 'compatibility', level));
      return ok({ compatibility: level });
    }
    const mode = String(b.mode ?? '').toUpperCase();
    if (!MODES.includes(mode)) throw invalidMode(String(b.mode));
    rt.tx(() => rt.schemaRegistry.setSetting(r.cluster, subject, 'mode', mode));
    return ok({ mode });
  }

  /** Subject-level settings: 40408 (config) or 40409 (mode) when unset, unless defaultToGlobal. */
  function subjectSetting(ctx: RequestContext, kind: 'compatibility' | 'mode') {
    const r = registryOf(ctx);
    const subject = ctx.params.subject;
    const own = rt.schemaRegistry.setting(r.cluster, subject, kind);
    if (own === undefined && !flag(ctx.query.defaultToGlobal)) {
      throw kind === 'compatibility'
        ? srError(404, 40408, `Subject '${subject}' does not have subject-level compatibility configured`)
        : srError(404, 40409, `Subject '${subject}' does not have subject-level mode configured`);
    }
    return ok(kind === 'compatibility' ? { compatibilityLevel: own ?? r.compatibility() } : { mode: own ?? r.mode() });
  }

  function resetSetting(ctx: RequestContext, kind: 'compatibility' | 'mode', subject: string) {
    const r = registryOf(ctx);
    const previous = kind === 'compatibility' ? r.compatibility(subject || undefined) : r.mode(subject || undefined);
    if (subject && rt.schemaRegistry.setting(r.cluster, subject, kind) === undefined) {
      throw kind === 'compatibility' ? srError(404, 40408, `Subject '${subject}' does not have subject-level compatibility configured`) : srError(404, 40409, `Subject '${subject}' does not have subject-level mode configured`);
    }
    rt.tx(() => rt.schemaRegistry.setSetting(r.cluster, subject, kind, null));
    return ok(kind === 'compatibility' ? { compatibilityLevel: previous } : { mode: previous });
  }

  return {
    ...exporterHandlers(rt, (ctx) => registryOf(ctx).cluster),
    getSchemaTypes: () => ok(SCHEMA_TYPES),
    /** Confluent Cloud's published limits; the emulator reports them and does not enforce them. */
    getClusterConfig: (ctx) => {
      registryOf(ctx);
      return ok({ maxSchemas: MAX_SCHEMAS, maxRequestsPerSec: MAX_REQUESTS_PER_SEC });
    },
    listContexts: () => ok(['.']),

    list: (ctx) => {
      const r = registryOf(ctx);
      const prefix = String(ctx.query.subjectPrefix ?? '');
      const deletedOnly = flag(ctx.query.deletedOnly);
      const withDeleted = flag(ctx.query.deleted) || deletedOnly;
      const bySubject = new Map<string, boolean[]>();
      for (const v of rt.schemaRegistry.allVersions(r.cluster)) bySubject.set(v.subject, [...(bySubject.get(v.subject) ?? []), v.deleted]);
      const subjects = [...bySubject].filter(([s, flags]) => s.startsWith(prefix) && (deletedOnly ? flags.every((d) => d) : withDeleted || flags.some((d) => !d))).map(([s]) => s);
      return ok(subjects);
    },

    register: (ctx) => ok({ id: registryOf(ctx).register(ctx.params.subject, body(ctx)) }),

    lookUpSchemaUnderSubject: (ctx) => {
      const r = registryOf(ctx);
      const subject = ctx.params.subject;
      r.versions(subject, true);
      const b = body(ctx);
      const found = r.lookup(subject, r.parse(b), b.references ?? [], flag(ctx.query.deleted));
      if (!found) throw srError(404, 40403, 'Schema not found');
      return ok({ subject, version: found.version, id: found.schema_id, ...describe(r.schema(found.schema_id)) });
    },

    listVersions: (ctx) => {
      const r = registryOf(ctx);
      const deletedOnly = flag(ctx.query.deletedOnly);
      const versions = r.versions(ctx.params.subject, flag(ctx.query.deleted) || deletedOnly).filter((v) => !deletedOnly || v.deleted);
      return ok(versions.map((v) => v.version));
    },
    getSchemaByVersion: (ctx) => ok(versionBody(registryOf(ctx), ctx.params.subject, ctx.params.version, flag(ctx.query.deleted))),
    getSchemaOnly_1: (ctx) => {
      const r = registryOf(ctx);
      return ok(r.schema(r.version(ctx.params.subject, ctx.params.version, flag(ctx.query.deleted)).schema_id).schema);
    },
    getReferencedBy: (ctx) => {
      const r = registryOf(ctx);
      const v = r.version(ctx.params.subject, ctx.params.version);
      return ok(rt.schemaRegistry.referencedBy(r.cluster, v.subject, v.version));
    },
    deleteSubject: (ctx) => ok(registryOf(ctx).deleteSubject(ctx.params.subject, flag(ctx.query.permanent))),
    deleteSchemaVersion: (ctx) => ok(registryOf(ctx).deleteVersion(ctx.params.subject, ctx.params.version, flag(ctx.query.permanent))),

    getSchema: (ctx) => {
      const r = registryOf(ctx);
      return ok(describe(r.schema(Number(ctx.params.id))));
    },
    getSchemaOnly: (ctx) => ok(registryOf(ctx).schema(Number(ctx.params.id)).schema),
    getSubjects: (ctx) => {
      const r = registryOf(ctx);
      const id = Number(ctx.params.id);
      r.schema(id);
      const subjects = rt.schemaRegistry.versionsOfSchema(r.cluster, id).filter((v) => flag(ctx.query.deleted) || !v.deleted).map((v) => v.subject);
      return ok([...new Set(subjects)]);
    },
    getVersions: (ctx) => {
      const r = registryOf(ctx);
      const id = Number(ctx.params.id);
      r.schema(id);
      const versions = rt.schemaRegistry.versionsOfSchema(r.cluster, id).filter((v) => flag(ctx.query.deleted) || !v.deleted);
      return ok(versions.map((v) => ({ subject: v.subject, version: v.version })));
    },
    getSchemas: (ctx) => {
      const r = registryOf(ctx);
      const prefix = String(ctx.query.subjectPrefix ?? '');
      let versions = rt.schemaRegistry.allVersions(r.cluster).filter((v) => v.subject.startsWith(prefix) && (flag(ctx.query.deleted) || !v.deleted));
      if (flag(ctx.query.latestOnly)) versions = versions.filter((v, i) => versions[i + 1]?.subject !== v.subject);
      return ok(versions.map((v) => ({ subject: v.subject, version: v.version, id: v.schema_id, ...describe(r.schema(v.schema_id)) })));
    },

    testCompatibilityBySubjectName: (ctx) => compatibility(ctx, ctx.params.version),
    testCompatibilityForSubject: (ctx) => compatibility(ctx),

    getTopLevelConfig: (ctx) => ok({ compatibilityLevel: registryOf(ctx).compatibility() }),
    updateTopLevelConfig: (ctx) => setting(ctx, 'compatibility', ''),
    deleteTopLevelConfig: (ctx) => resetSetting(ctx, 'compatibility', ''),
    getSubjectLevelConfig: (ctx) => subjectSetting(ctx, 'compatibility'),
    updateSubjectLevelConfig: (ctx) => setting(ctx, 'compatibility', ctx.params.subject),
    deleteSubjectConfig: (ctx) => resetSetting(ctx, 'compatibility', ctx.params.subject),

    getTopLevelMode: (ctx) => ok({ mode: registryOf(ctx).mode() ?? DEFAULT_MODE }),
    updateTopLevelMode: (ctx) => setting(ctx, 'mode', ''),
    getMode: (ctx) => subjectSetting(ctx, 'mode'),
    updateMode: (ctx) => setting(ctx, 'mode', ctx.params.subject),
    deleteSubjectMode: (ctx) => resetSetting(ctx, 'mode', ctx.params.subject),
  };
}
