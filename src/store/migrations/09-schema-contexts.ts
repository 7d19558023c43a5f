/**
 * Schema Registry contexts, metadata and rule sets: schema ids are per context (the key gains
 * `context`, '.' for the default one), and a schema's metadata and rule set are part of it.
 */
export default `
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
`;
