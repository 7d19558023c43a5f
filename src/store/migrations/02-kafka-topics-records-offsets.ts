/**
 * Kafka topics, their records per partition, and consumer groups' committed offsets.
 */
export default `
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
`;
