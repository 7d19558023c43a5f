/**
 * Schema Registry exporters (schema linking).
 */
export default `
  CREATE TABLE sr_exporters (
    cluster_id TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    paused INTEGER NOT NULL DEFAULT 0,
    started_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, name)
  ) WITHOUT ROWID;
`;
