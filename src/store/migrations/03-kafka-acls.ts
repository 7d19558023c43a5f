/**
 * Kafka ACLs.
 */
export default `
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
`;
