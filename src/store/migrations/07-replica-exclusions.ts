/**
 * Brokers excluded from replica placement (Confluent Platform).
 */
export default `
  CREATE TABLE kafka_replica_exclusions (
    cluster_id TEXT NOT NULL,
    broker_id INTEGER NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (cluster_id, broker_id)
  ) WITHOUT ROWID;
`;
