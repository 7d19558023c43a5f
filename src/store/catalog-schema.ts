/**
 * Migration 11: Stream Catalog. Every table has a `cluster_id` column (the Schema Registry cluster
 * that owns the row), so snapshots, org removal and cluster deletion reach it.
 *
 * - `catalog_type_defs`: tag definitions (`kind` 'tag') and business metadata definitions
 *   (`kind` 'bm'), the definition as a JSON body, keyed by name within their kind.
 * - `catalog_entities`: what the catalog keeps of an entity that is otherwise derived from Schema
 *   Registry and Kafka state: its guid, user attributes (description, owner, ...) and times.
 *   `incarnation` tells a recreated topic or schema from the one the row was written for.
 * - `catalog_tags`, `catalog_business_metadata`: tags and business metadata attached to entities.
 */
export const CATALOG_MIGRATION = `
  CREATE TABLE catalog_type_defs (
    cluster_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (cluster_id, kind, name)
  ) WITHOUT ROWID;
  CREATE TABLE catalog_entities (
    cluster_id TEXT NOT NULL,
    type_name TEXT NOT NULL,
    qualified_name TEXT NOT NULL,
    incarnation TEXT NOT NULL,
    guid TEXT NOT NULL,
    attributes TEXT NOT NULL DEFAULT '{}',
    created_by TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cluster_id, type_name, qualified_name)
  ) WITHOUT ROWID;
  CREATE TABLE catalog_tags (
    cluster_id TEXT NOT NULL,
    type_name TEXT NOT NULL,
    qualified_name TEXT NOT NULL,
    tag TEXT NOT NULL,
    body TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, type_name, qualified_name, tag)
  ) WITHOUT ROWID;
  CREATE INDEX catalog_tags_by_tag ON catalog_tags (cluster_id, tag);
  CREATE TABLE catalog_business_metadata (
    cluster_id TEXT NOT NULL,
    type_name TEXT NOT NULL,
    qualified_name TEXT NOT NULL,
    bm TEXT NOT NULL,
    attributes TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, type_name, qualified_name, bm)
  ) WITHOUT ROWID;
  CREATE INDEX catalog_business_metadata_by_bm ON catalog_business_metadata (cluster_id, bm);
`;

/** The tables of migration 11, in the order rows must be deleted. */
export const CATALOG_TABLES: readonly string[] = ['catalog_tags', 'catalog_business_metadata', 'catalog_entities', 'catalog_type_defs'];
