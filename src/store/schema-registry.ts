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
}

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

/** Settings kept per subject, or for the whole registry under the subject ''. */
export type SettingKind = 'compatibility' | 'mode';

/** Confluent Cloud's schema ids start above 100000. */
const FIRST_ID = 100001;

type VersionRow = Omit<SubjectVersion, 'deleted'> & { deleted: number };
const toVersion = (r: VersionRow): SubjectVersion => ({ ...r, deleted: r.deleted === 1 });

/**
 * Schema Registry state of each cluster: schemas by global id (one id per distinct schema,
 * shared by every subject that registers it), the versions of each subject (soft-deleted ones
 * kept until they are deleted permanently), and compatibility and mode settings.
 */
export class SchemaRegistryStore {
  private readonly sql: Statements;

  constructor(db: Db) {
    this.sql = new Statements(db);
  }

  schemaByFingerprint(cluster: string, fingerprint: string): StoredSchema | undefined {
    const r = this.sql.get('SELECT id, schema_type, schema, refs FROM sr_schemas WHERE cluster_id = ? AND fingerprint = ?').get(cluster, fingerprint) as (Omit<StoredSchema, 'references'> & { refs: string }) | undefined;
    return r && { id: r.id, schema_type: r.schema_type, schema: r.schema, references: JSON.parse(r.refs) };
  }

  schema(cluster: string, id: number): StoredSchema | undefined {
    const r = this.sql.get('SELECT id, schema_type, schema, refs FROM sr_schemas WHERE cluster_id = ? AND id = ?').get(cluster, id) as (Omit<StoredSchema, 'references'> & { refs: string }) | undefined;
    return r && { id: r.id, schema_type: r.schema_type, schema: r.schema, references: JSON.parse(r.refs) };
  }

  /** Stores a schema under a new id, or under `id` when one is imported with it. */
  addSchema(cluster: string, s: Omit<StoredSchema, 'id'>, fingerprint: string, id?: number): number {
    const next = id ?? ((this.sql.get('SELECT MAX(id) AS m FROM sr_schemas WHERE cluster_id = ?').get(cluster) as { m: number | null }).m ?? FIRST_ID - 1) + 1;
    this.sql.get('INSERT INTO sr_schemas (cluster_id, id, schema_type, schema, refs, fingerprint) VALUES (?, ?, ?, ?, ?, ?)').run(cluster, next, s.schema_type, s.schema, JSON.stringify(s.references), fingerprint);
    return next;
  }

  /** Every version of a subject, soft-deleted ones included, oldest first. */
  versions(cluster: string, subject: string): SubjectVersion[] {
    return (this.sql.get('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE cluster_id = ? AND subject = ? ORDER BY version').all(cluster, subject) as VersionRow[]).map(toVersion);
  }

  /** Every version of every subject, by subject then version. */
  allVersions(cluster: string): SubjectVersion[] {
    return (this.sql.get('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE cluster_id = ? ORDER BY subject, version').all(cluster) as VersionRow[]).map(toVersion);
  }

  versionsOfSchema(cluster: string, id: number): SubjectVersion[] {
    return (this.sql.get('SELECT subject, version, schema_id, deleted FROM sr_versions WHERE cluster_id = ? AND schema_id = ? ORDER BY subject, version').all(cluster, id) as VersionRow[]).map(toVersion);
  }

  addVersion(cluster: string, subject: string, version: number, schemaId: number): void {
    this.sql.get('INSERT INTO sr_versions (cluster_id, subject, version, schema_id) VALUES (?, ?, ?, ?)').run(cluster, subject, version, schemaId);
  }

  softDelete(cluster: string, subject: string, version: number): void {
    this.sql.get('UPDATE sr_versions SET deleted = 1 WHERE cluster_id = ? AND subject = ? AND version = ?').run(cluster, subject, version);
  }

  /** Removes a version for good, and the schema itself once no version uses it. */
  hardDelete(cluster: string, subject: string, version: number): void {
    const row = this.sql.get('SELECT schema_id FROM sr_versions WHERE cluster_id = ? AND subject = ? AND version = ?').get(cluster, subject, version) as { schema_id: number } | undefined;
    this.sql.get('DELETE FROM sr_versions WHERE cluster_id = ? AND subject = ? AND version = ?').run(cluster, subject, version);
    if (row && !this.sql.get('SELECT 1 FROM sr_versions WHERE cluster_id = ? AND schema_id = ? LIMIT 1').get(cluster, row.schema_id)) {
      this.sql.get('DELETE FROM sr_schemas WHERE cluster_id = ? AND id = ?').run(cluster, row.schema_id);
    }
  }

  /** The schemas whose references name this subject and version. */
  referencedBy(cluster: string, subject: string, version: number): number[] {
    const rows = this.sql.get('SELECT id, refs FROM sr_schemas WHERE cluster_id = ? AND refs != ?').all(cluster, '[]') as Array<{ id: number; refs: string }>;
    return rows.filter((r) => (JSON.parse(r.refs) as SchemaReference[]).some((ref) => ref.subject === subject && ref.version === version)).map((r) => r.id);
  }

  setting(cluster: string, subject: string, kind: SettingKind): string | undefined {
    return (this.sql.get('SELECT value FROM sr_settings WHERE cluster_id = ? AND subject = ? AND kind = ?').get(cluster, subject, kind) as { value: string } | undefined)?.value;
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
