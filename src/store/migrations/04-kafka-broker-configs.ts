/**
 * Dynamic broker configs, per broker or (broker_id -1) for every broker of the cluster.
 */
export default `
  CREATE TABLE kafka_broker_configs (
    cluster_id TEXT NOT NULL,
    broker_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (cluster_id, broker_id, name)
  ) WITHOUT ROWID;
`;
