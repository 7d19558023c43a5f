import type { Db } from './db.js';
import { KAFKA_LINKS_MIGRATION } from './kafka-links-schema.js';
import { CATALOG_MIGRATION } from './catalog-schema.js';
import { RESOURCE_COUNTS_MIGRATION } from './resource-counts-schema.js';

/**
 * Versioned migrations. Each entry runs once, in order, in its own transaction; the applied
 * version is kept in `PRAGMA user_version`. Never edit an entry that has shipped: add one.
 */
const MIGRATIONS: string[] = [
  // 1: the generic resource table, ids ever issued, API key credentials, settings.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE issued_ids (id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE resources (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id TEXT NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    crn TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    lifecycle TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );
  CREATE UNIQUE INDEX resources_by_id ON resources (id, type);
  CREATE INDEX resources_live ON resources (org_id, type, scope, seq) WHERE deleted_at IS NULL;
  CREATE INDEX resources_by_scope ON resources (scope) WHERE deleted_at IS NULL;
  CREATE TABLE credentials (
    key_id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    org_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    resource_id TEXT,
    deleted_at INTEGER
  );
  CREATE INDEX credentials_by_org ON credentials (org_id);
  `,
  // 2: Kafka topics, their records per partition, and consumer groups' committed offsets.
  `
  CREATE TABLE kafka_topics (
    cluster_id TEXT NOT NULL,
    name TEXT NOT NULL,
    topic_id TEXT NOT NULL,
    partitions INTEGER NOT NULL,
    replication_factor INTEGER NOT NULL,
    configs TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, name)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_records (
    cluster_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    key BLOB,
    value BLOB,
    headers TEXT,
    PRIMARY KEY (cluster_id, topic, partition, offset)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_committed_offsets (
    cluster_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    metadata TEXT NOT NULL DEFAULT '',
    committed_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, group_id, topic, partition)
  ) WITHOUT ROWID;
  `,
  // 3: Kafka ACLs.
  `
  CREATE TABLE kafka_acls (
    cluster_id TEXT NOT NULL,
    resource_type TEXT NOT NULL,
    resource_name TEXT NOT NULL,
    pattern_type TEXT NOT NULL,
    principal TEXT NOT NULL,
    host TEXT NOT NULL,
    operation TEXT NOT NULL,
    permission TEXT NOT NULL,
    PRIMARY KEY (cluster_id, resource_type, resource_name, pattern_type, principal, host, operation, permission)
  ) WITHOUT ROWID;
  `,
  // 4: dynamic broker configs, per broker or (broker_id -1) for every broker of the cluster.
  `
  CREATE TABLE kafka_broker_configs (
    cluster_id TEXT NOT NULL,
    broker_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (cluster_id, broker_id, name)
  ) WITHOUT ROWID;
  `,
  // 5: Schema Registry: schemas by global id, subject versions, and config and mode by subject ('' = global).
  `
  CREATE TABLE sr_schemas (
    cluster_id TEXT NOT NULL,
    id INTEGER NOT NULL,
    schema_type TEXT NOT NULL,
    schema TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT '[]',
    fingerprint TEXT NOT NULL,
    PRIMARY KEY (cluster_id, id)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX sr_schemas_by_fingerprint ON sr_schemas (cluster_id, fingerprint);
  CREATE TABLE sr_versions (
    cluster_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    version INTEGER NOT NULL,
    schema_id INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (cluster_id, subject, version)
  ) WITHOUT ROWID;
  CREATE INDEX sr_versions_by_schema ON sr_versions (cluster_id, schema_id);
  CREATE TABLE sr_settings (
    cluster_id TEXT NOT NULL,
    subject TEXT NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (cluster_id, subject, kind)
  ) WITHOUT ROWID;
  `,
  // 6: Schema Registry exporters (schema linking).
  `
  CREATE TABLE sr_exporters (
    cluster_id TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, name)
  ) WITHOUT ROWID;
  `,
  // 7: brokers excluded from replica placement (Confluent Platform).
  `
  CREATE TABLE kafka_replica_exclusions (
    cluster_id TEXT NOT NULL,
    broker_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (cluster_id, broker_id)
  ) WITHOUT ROWID;
  `,
  // broker removal tasks (Confluent Platform): one per broker, the latest request.
  `
  CREATE TABLE kafka_broker_removals (
    cluster_id TEXT NOT NULL,
    broker_id INTEGER NOT NULL,
    should_shutdown INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, broker_id)
  ) WITHOUT ROWID;
  `,
  // Schema Registry contexts, metadata and rule sets: schema ids are per context (the key gains
  // `context`, '.' for the default one), and a schema's metadata and rule set are part of it.
  `
  ALTER TABLE sr_schemas RENAME TO sr_schemas_before_contexts;
  CREATE TABLE sr_schemas (
    cluster_id TEXT NOT NULL,
    context TEXT NOT NULL DEFAULT '.',
    id INTEGER NOT NULL,
    schema_type TEXT NOT NULL,
    schema TEXT NOT NULL,
    refs TEXT NOT NULL DEFAULT '[]',
    fingerprint TEXT NOT NULL,
    metadata TEXT,
    rule_set TEXT,
    PRIMARY KEY (cluster_id, context, id)
  ) WITHOUT ROWID;
  INSERT INTO sr_schemas (cluster_id, context, id, schema_type, schema, refs, fingerprint)
    SELECT cluster_id, '.', id, schema_type, schema, refs, fingerprint FROM sr_schemas_before_contexts;
  DROP TABLE sr_schemas_before_contexts;
  CREATE UNIQUE INDEX sr_schemas_by_fingerprint ON sr_schemas (cluster_id, context, fingerprint);
  ALTER TABLE sr_versions ADD COLUMN context TEXT NOT NULL DEFAULT '.';
  `,
  // 10: Kafka cluster links and mirror topics.
  KAFKA_LINKS_MIGRATION,
  // 11: Stream Catalog tag and business-metadata definitions and their attachments to entities.
  CATALOG_MIGRATION,
  // 12: live resources counted per (organization, type, scope), for total_size.
  RESOURCE_COUNTS_MIGRATION,
  // 13: a partition's log start offset once records were deleted (Kafka DeleteRecords), which
  // stays the partition's end offset when every record was deleted.
  `
  CREATE TABLE kafka_log_starts (
    cluster_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, topic, partition)
  ) WITHOUT ROWID;
  `,
];

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= MIGRATIONS.length) return;
  // The pending migrations in one transaction: a fresh store commits once, and a failed one
  // leaves the store at its former version.
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

export const schemaVersion = () => MIGRATIONS.length;
