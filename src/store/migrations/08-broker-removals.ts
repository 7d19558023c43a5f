/**
 * Broker removal tasks (Confluent Platform): one per broker, the latest request.
 */
export default `
  CREATE TABLE kafka_broker_removals (
    cluster_id TEXT NOT NULL,
    broker_id INTEGER NOT NULL,
    should_shutdown INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, broker_id)
  ) WITHOUT ROWID;
`;
