/**
 * Schema Registry: schemas by global id, subject versions, and config and mode by subject ('' = global).
 */
export default `
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
`;
