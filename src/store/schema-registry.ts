import type { Db } from './db.js';
import { Statements } from './db.js';

export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

export interface StoredSchema {
  id: number;
  schema_type: string;
  schema: string;
  references: SchemaReference[];
  /** The context whose id space holds the schema: '.' (the default) or '.name'. */
  context: string;
  /** Data-contract metadata and rule set, part of the schema's identity (JSON objects, as registered). */
  metadata?: Record<string, unknown>;
  ruleSet?: Record<string, unknown>;
}

/** A schema to store: its context is the default one unless named. */
export type NewSchema = Omit<StoredSchema, 'id' | 'context'> & { context?: string };

export interface ExporterRow {
  name: string;
  body: Record<string, unknown>;
  paused: boolean;
  /** When the exporter last (re)started, on the virtual clock. */
  started_at: number;
}

export interface SubjectVersion {
  subject: string;
  version: number;
  schema_id: number;
  deleted: boolean;
}

/**
 * Settings kept per subject, per context (under `:.name:`), or for the whole registry under the
 * subject ''. `config` holds the config members other than the level, as a JSON object.
 */
export type SettingKind = 'compatibility' | 'mode' | 'config';

/** Confluent Cloud's schema ids start above 100000. */
const FIRST_ID = 100001;
const DEFAULT_CONTEXT = '.';

/** A stored schema as its id, format, text and fingerprint, without references, metadata or rule set. */
export interface SchemaIdentity {
  context: string;
  id: number;
  schema_type: string;
  schema: string;
  fingerprint: string;
}

interface SchemaRow {
  id: number;
  context: string;
  schema_type: string;
  schema: string;
  refs: string;
  metadata: string | null;
  rule_set: string | null;
}
const SCHEMA_COLUMNS = 'id, context, schema_type, schema, refs, metadata, rule_set';
const toSchema = (r: SchemaRow): StoredSchema => ({
  id: r.id,
  context: r.context,
  schema_type: r.schema_type,
  schema: r.schema,
  references: JSON.parse(r.refs),
  ...(r.metadata ? { metadata: JSON.parse(r.metadata) } : {}),
  ...(r.rule_set ? { ruleSet: JSON.parse(r.rule_set) } : {}),
});

type VersionRow = Omit<SubjectVersion, 'deleted'> & { deleted: number };
const toVersion = (r: VersionRow): SubjectVersion => ({ subject: r.subject, version: r.version, schema_id: r.schema_id, deleted: r.deleted === 1 });

/**
 * Schema Registry state of each cluster: schemas by id within their context (one id per distinct
 * schema, shared by every subject of the context that registers it), the versions of each subject
 * (soft-deleted ones kept until they are deleted permanently), and config and mode settings.
 * Subjects of a non-default context are stored qualified (`:.eu:orders`).
 */
export class SchemaRegistryStore {
  private readonly sql: Statements;

  constructor(db: Db) {
    this.sql = new Statements(db);
  }

  schemaByFingerprint(cluster: string, fingerprint: string, context = DEFAULT_CONTEXT): StoredSchema | undefined {
    const r = this.sql.get(`SELECT ${SCHEMA_COLUMNS} FROM sr_schemas WHERE cluster_id = ? AND context = ? AND fingerprint = ?`).get(cluster, context, fingerprint) as SchemaRow | undefined;
    return r && toSchema(r);
  }

  schema(cluster: string, id: number, context = DEFAULT_CONTEXT): StoredSchema | undefined {
    const r = this.sql.get(`SELECT ${SCHEMA_COLUMNS} FROM sr_schemas WHERE cluster_id = ? AND context = ? AND id = ?`).get(cluster, context, id) as SchemaRow | undefined;
    return r && toSchema(r);
  }

  /** Every schema of every context, by context then id, with its fingerprint (the Stream Catalog's schema entities). */
  schemaIdentities(cluster: string): SchemaIdentity[] {
    return this.sql.get('SELECT context, id, schema_type, schema, fingerprint FROM sr_schemas WHERE cluster_id = ? ORDER BY context, id').all(cluster) as SchemaIdentity[];
  }

  /** The schemas of every context that reference others. */
  schemasWithReferences(cluster: string): StoredSchema[] {
    return (this.sql.get(`SELECT ${SCHEMA_COLUMNS} FROM sr_schemas WHERE cluster_id = ? AND refs != ?`).all(cluster, '[]') as SchemaRow[]).map(toSchema);
  }

  /** The highest schema id of a context (undefined when it has none). */
  maxId(cluster: string, context = DEFAULT_CONTEXT): number | undefined {
    return (this.sql.get('SELECT MAX(id) AS m FROM sr_schemas WHERE cluster_id = ? AND context = ?').get(cluster, context) as { m: number | null }).m ?? undefined;
  }

  /** The highest id a context has ever issued, deleted schemas included (undefined when none). */
  private lastIssuedId(cluster: string, context: string): number | undefined {
    return (this.sql.get('SELECT last_id FROM sr_schema_ids WHERE cluster_id = ? AND context = ?').get(cluster, context) as { last_id: number } | undefined)?.last_id;
  }

  /**
   * Stores a schema under the next id of its context, or under `id` when one is imported with it.
   * Ids are never issued twice, even when the schema that held the highest one was deleted.
   */
  addSchema(cluster: string, s: NewSchema, fingerprint: string, id?: number): number {
    const context = s.context ?? DEFAULT_CONTEXT;
    const next = id ?? Math.max(this.lastIssuedId(cluster, context) ?? FIRST_ID - 1, this.maxId(cluster, context) ?? FIRST_ID - 1) + 1;
    this.sql
      .get('INSERT INTO sr_schema_ids (cluster_id, context, last_id) VALUES (?, ?, ?) ON CONFLICT (cluster_id, context) DO UPDATE SET last_id = MAX(last_id, excluded.last_id)')
      .run(cluster, context, next);
    this.sql
      .get('INSERT INTO sr_schemas (cluster_id, context, id, schema_type, schema, refs, fingerprint, metadata, rule_set) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(cluster, context, next, s.schema_type, s.schema, JSON.stringify(s.references), fingerprint, s.metadata ? JSON.stringify(s.metadata) : null, s.ruleSet ? JSON.stringify(s.ruleSet) : null);
    return next;
  }

  /** Every version of a subject, soft-deleted ones included, oldest first. */
  versions(cluster: string, subject: string): SubjectVersion[] {
    return (this.sql.get('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE cluster_id = ? AND subject = ? ORDER BY version').all(cluster, subject) as VersionRow[]).map(toVersion);
  }

  /** Every version of a subject with its schema, soft-deleted ones included, oldest first (one query). */
  versionsWithSchemas(cluster: string, subject: string): Array<SubjectVersion & { stored: StoredSchema }> {
    const rows = this.sql
      .get(
        `SELECT v.subject, v.version, v.schema_id, v.deleted, s.id, s.context, s.schema_type, s.schema, s.refs, s.metadata, s.rule_set
         FROM sr_versions v JOIN sr_schemas s ON s.cluster_id = v.cluster_id AND s.context = v.context AND s.id = v.schema_id
         WHERE v.cluster_id = ? AND v.subject = ? ORDER BY v.version`,
      )
      .all(cluster, subject) as Array<VersionRow & SchemaRow>;
    return rows.map((r) => ({ ...toVersion(r), stored: toSchema(r) }));
  }

  /** How many versions the registry holds, soft-deleted ones included (kept by triggers: one row read, not a count). */
  versionCount(cluster: string): number {
    return (this.sql.get('SELECT n FROM sr_version_counts WHERE registry_id = ?').get(cluster) as { n: number } | undefined)?.n ?? 0;
  }

  /** Every version of every subject, by subject then version. */
  allVersions(cluster: string): SubjectVersion[] {
    return (this.sql.get('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE cluster_id = ? ORDER BY subject, version').all(cluster) as VersionRow[]).map(toVersion);
  }

  /** The contexts that hold at least one version, soft-deleted or not, sorted. */
  contexts(cluster: string): string[] {
    return (this.sql.get('SELECT DISTINCT context FROM sr_versions WHERE cluster_id = ? ORDER BY context').all(cluster) as Array<{ context: string }>).map((r) => r.context);
  }

  versionsOfSchema(cluster: string, id: number, context = DEFAULT_CONTEXT): SubjectVersion[] {
    return (this.sql.get('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE cluster_id = ? AND context = ? AND schema_id = ? ORDER BY subject, version').all(cluster, context, id) as VersionRow[]).map(toVersion);
  }

  /** Adds a version of a subject; `context` is the subject's (and so the schema id's) context. */
  addVersion(cluster: string, subject: string, version: number, schemaId: number, context = DEFAULT_CONTEXT): void {
    this.sql.get('INSERT INTO sr_versions (cluster_id, subject, version, schema_id, context) VALUES (?, ?, ?, ?, ?)').run(cluster, subject, version, schemaId, context);
  }

  softDelete(cluster: string, subject: string, version: number): void {
    this.sql.get('UPDATE sr_versions SET deleted = 1 WHERE cluster_id = ? AND subject = ? AND version = ?').run(cluster, subject, version);
  }

  /** Removes a version for good, and the schema itself once no version uses it. */
  hardDelete(cluster: string, subject: string, version: number): void {
    const row = this.sql.get('SELECT schema_id, context FROM sr_versions WHERE cluster_id = ? AND subject = ? AND version = ?').get(cluster, subject, version) as { schema_id: number; context: string } | undefined;
    this.sql.get('DELETE FROM sr_versions WHERE cluster_id = ? AND subject = ? AND version = ?').run(cluster, subject, version);
    if (row && !this.sql.get('SELECT 1 FROM sr_versions WHERE cluster_id = ? AND context = ? AND schema_id = ? LIMIT 1').get(cluster, row.context, row.schema_id)) {
      this.sql.get('DELETE FROM sr_schemas WHERE cluster_id = ? AND context = ? AND id = ?').run(cluster, row.context, row.schema_id);
    }
  }

  setting(cluster: string, subject: string, kind: SettingKind): string | undefined {
    return (this.sql.get('SELECT value FROM sr_settings WHERE cluster_id = ? AND subject = ? AND kind = ?').get(cluster, subject, kind) as { value: string } | undefined)?.value;
  }

  /** Every setting stored at any of these scopes (subjects, `:.ctx:` or ''), in one query. */
  settingsAt(cluster: string, scopes: string[]): Array<{ subject: string; kind: SettingKind; value: string }> {
    const marks = scopes.map(() => '?').join(', ');
    return this.sql.get(`SELECT subject, kind, value FROM sr_settings WHERE cluster_id = ? AND subject IN (${marks})`).all(cluster, ...scopes) as Array<{ subject: string; kind: SettingKind; value: string }>;
  }

  setSetting(cluster: string, subject: string, kind: SettingKind, value: string | null): void {
    if (value === null) this.sql.get('DELETE FROM sr_settings WHERE cluster_id = ? AND subject = ? AND kind = ?').run(cluster, subject, kind);
    else this.sql.get('INSERT INTO sr_settings VALUES (?, ?, ?, ?) ON CONFLICT (cluster_id, subject, kind) DO UPDATE SET value = excluded.value').run(cluster, subject, kind, value);
  }

  /** Deletes everything stored for a cluster. */
  deleteCluster(cluster: string): void {
    for (const table of ['sr_versions', 'sr_schemas', 'sr_settings', 'sr_exporters']) this.sql.get(`DELETE FROM ${table} WHERE cluster_id = ?`).run(cluster);
  }

  exporters(cluster: string): ExporterRow[] {
    const rows = this.sql.get('SELECT name, body, paused, started_at FROM sr_exporters WHERE cluster_id = ? ORDER BY name').all(cluster) as Array<{ name: string; body: string; paused: number; started_at: number }>;
    return rows.map((r) => ({ name: r.name, body: JSON.parse(r.body), paused: r.paused === 1, started_at: r.started_at }));
  }

  exporter(cluster: string, name: string): ExporterRow | undefined {
    return this.exporters(cluster).find((e) => e.name === name);
  }

  saveExporter(cluster: string, e: ExporterRow): void {
    this.sql
      .get('INSERT INTO sr_exporters VALUES (?, ?, ?, ?, ?) ON CONFLICT (cluster_id, name) DO UPDATE SET body = excluded.body, paused = excluded.paused, started_at = excluded.started_at')
      .run(cluster, e.name, JSON.stringify(e.body), e.paused ? 1 : 0, e.started_at);
  }

  deleteExporter(cluster: string, name: string): void {
    this.sql.get('DELETE FROM sr_exporters WHERE cluster_id = ? AND name = ?').run(cluster, name);
  }
}
