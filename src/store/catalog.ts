import type { Db } from './db.js';
import { Statements } from './db.js';
import { CATALOG_TABLES } from './catalog-schema.js';

/** Tag definitions and business metadata definitions live side by side, told apart by kind. */
export type DefKind = 'tag' | 'bm';

/** What the catalog keeps of an entity: its guid, user attributes and times (catalog_entities). */
export interface EntityRow {
  type_name: string;
  qualified_name: string;
  incarnation: string;
  guid: string;
  attributes: Record<string, unknown>;
  created_by: string;
  updated_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

/** An entity's address: its type and qualified name. */
export interface EntityKey {
  type_name: string;
  qualified_name: string;
}

/** A tag attached to an entity; `body` holds its attributes, propagate flags and validity periods. */
export interface TagRow extends EntityKey {
  tag: string;
  body: Record<string, unknown>;
}

/** Business metadata attached to an entity, with its attribute values. */
export interface BusinessMetadataRow extends EntityKey {
  bm: string;
  attributes: Record<string, unknown>;
}

/** A schema as the catalog sees it: enough to name its entities and tell a re-registered one apart. */
type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };

/**
 * The Stream Catalog of each Schema Registry cluster: type definitions, what it keeps of
 * entities, and the tags and business metadata attached to them. Entities themselves are derived
 * from Schema Registry and Kafka state (src/services/catalog/entities.ts). Every method runs
 * inside the caller's transaction.
 */
export class CatalogStore {
  private readonly sql: Statements;

  constructor(db: Db) {
    this.sql = new Statements(db);
  }

  defs(cluster: string, kind: DefKind): Array<Record<string, unknown>> {
    const rows = this.sql.get('SELECT body FROM catalog_type_defs WHERE cluster_id = ? AND kind = ? ORDER BY name').all(cluster, kind) as Array<{ body: string }>;
    return rows.map((r) => JSON.parse(r.body));
  }

  def(cluster: string, kind: DefKind, name: string): Record<string, unknown> | undefined {
    const r = this.sql.get('SELECT body FROM catalog_type_defs WHERE cluster_id = ? AND kind = ? AND name = ?').get(cluster, kind, name) as { body: string } | undefined;
    return r && JSON.parse(r.body);
  }

  saveDef(cluster: string, kind: DefKind, name: string, body: Record<string, unknown>): void {
    this.sql
      .get('INSERT INTO catalog_type_defs (cluster_id, kind, name, body) VALUES (?, ?, ?, ?) ON CONFLICT (cluster_id, kind, name) DO UPDATE SET body = excluded.body')
      .run(cluster, kind, name, JSON.stringify(body));
  }

  deleteDef(cluster: string, kind: DefKind, name: string): void {
    this.sql.get('DELETE FROM catalog_type_defs WHERE cluster_id = ? AND kind = ? AND name = ?').run(cluster, kind, name);
  }

  entity(cluster: string, key: EntityKey): EntityRow | undefined {
    const r = this.sql.get('SELECT * FROM catalog_entities WHERE cluster_id = ? AND type_name = ? AND qualified_name = ?').get(cluster, key.type_name, key.qualified_name) as
      | (Raw<EntityRow, 'attributes'> & { cluster_id: string })
      | undefined;
    if (!r) return undefined;
    const { cluster_id: _, ...row } = r;
    return { ...row, attributes: JSON.parse(r.attributes) };
  }

  saveEntity(cluster: string, e: EntityRow): void {
    this.sql
      .get(
        `INSERT INTO catalog_entities (cluster_id, type_name, qualified_name, incarnation, guid, attributes, created_by, updated_by, created_at, updated_at, version)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (cluster_id, type_name, qualified_name) DO UPDATE SET incarnation = excluded.incarnation, guid = excluded.guid, attributes = excluded.attributes,
           created_by = excluded.created_by, updated_by = excluded.updated_by, created_at = excluded.created_at, updated_at = excluded.updated_at, version = excluded.version`,
      )
      .run(cluster, e.type_name, e.qualified_name, e.incarnation, e.guid, JSON.stringify(e.attributes), e.created_by, e.updated_by, e.created_at, e.updated_at, e.version);
  }

  /** Forgets an entity: what the catalog kept of it, its tags and its business metadata. */
  forgetEntity(cluster: string, key: EntityKey): void {
    for (const table of ['catalog_tags', 'catalog_business_metadata', 'catalog_entities']) {
      this.sql.get(`DELETE FROM ${table} WHERE cluster_id = ? AND type_name = ? AND qualified_name = ?`).run(cluster, key.type_name, key.qualified_name);
    }
  }

  tags(cluster: string, key: EntityKey): TagRow[] {
    const rows = this.sql.get('SELECT type_name, qualified_name, tag, body FROM catalog_tags WHERE cluster_id = ? AND type_name = ? AND qualified_name = ? ORDER BY seq').all(cluster, key.type_name, key.qualified_name) as Array<Raw<TagRow, 'body'>>;
    return rows.map((r) => ({ ...r, body: JSON.parse(r.body) }));
  }

  /** The entities a tag is attached to. */
  taggedWith(cluster: string, tag: string): EntityKey[] {
    return this.sql.get('SELECT type_name, qualified_name FROM catalog_tags WHERE cluster_id = ? AND tag = ?').all(cluster, tag) as EntityKey[];
  }

  saveTag(cluster: string, t: TagRow): void {
    this.sql
      .get(
        `INSERT INTO catalog_tags (cluster_id, type_name, qualified_name, tag, body, seq)
         VALUES (@cluster, @type, @name, @tag, @body, (SELECT COALESCE(MAX(seq), 0) + 1 FROM catalog_tags WHERE cluster_id = @cluster))
         ON CONFLICT (cluster_id, type_name, qualified_name, tag) DO UPDATE SET body = excluded.body`,
      )
      .run({ cluster, type: t.type_name, name: t.qualified_name, tag: t.tag, body: JSON.stringify(t.body) });
  }

  /** Removes a tag from an entity; false when the entity did not carry it. */
  deleteTag(cluster: string, key: EntityKey, tag: string): boolean {
    return this.sql.get('DELETE FROM catalog_tags WHERE cluster_id = ? AND type_name = ? AND qualified_name = ? AND tag = ?').run(cluster, key.type_name, key.qualified_name, tag).changes > 0;
  }

  businessMetadata(cluster: string, key: EntityKey): BusinessMetadataRow[] {
    const rows = this.sql
      .get('SELECT type_name, qualified_name, bm, attributes FROM catalog_business_metadata WHERE cluster_id = ? AND type_name = ? AND qualified_name = ? ORDER BY seq')
      .all(cluster, key.type_name, key.qualified_name) as Array<Raw<BusinessMetadataRow, 'attributes'>>;
    return rows.map((r) => ({ ...r, attributes: JSON.parse(r.attributes) }));
  }

  /** The entities a business metadata is attached to. */
  carrying(cluster: string, bm: string): EntityKey[] {
    return this.sql.get('SELECT type_name, qualified_name FROM catalog_business_metadata WHERE cluster_id = ? AND bm = ?').all(cluster, bm) as EntityKey[];
  }

  saveBusinessMetadata(cluster: string, b: BusinessMetadataRow): void {
    this.sql
      .get(
        `INSERT INTO catalog_business_metadata (cluster_id, type_name, qualified_name, bm, attributes, seq)
         VALUES (@cluster, @type, @name, @bm, @attributes, (SELECT COALESCE(MAX(seq), 0) + 1 FROM catalog_business_metadata WHERE cluster_id = @cluster))
         ON CONFLICT (cluster_id, type_name, qualified_name, bm) DO UPDATE SET attributes = excluded.attributes`,
      )
      .run({ cluster, type: b.type_name, name: b.qualified_name, bm: b.bm, attributes: JSON.stringify(b.attributes) });
  }

  /** Removes business metadata from an entity; false when the entity did not carry it. */
  deleteBusinessMetadata(cluster: string, key: EntityKey, bm: string): boolean {
    return this.sql.get('DELETE FROM catalog_business_metadata WHERE cluster_id = ? AND type_name = ? AND qualified_name = ? AND bm = ?').run(cluster, key.type_name, key.qualified_name, bm).changes > 0;
  }

  /** Deletes everything stored for a Schema Registry cluster. */
  deleteCluster(cluster: string): void {
    for (const table of CATALOG_TABLES) this.sql.get(`DELETE FROM ${table} WHERE cluster_id = ?`).run(cluster);
  }
}
