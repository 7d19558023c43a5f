/**
 * Kafka transactions: each transactional id's producer id, epoch and open transaction (its
 * partitions, consumer groups and pending offsets), and per partition the offsets written by
 * transactional producers (data and control batches) and the aborted transactions, which Fetch
 * needs to return batches as the broker wrote them and read_committed consumers to drop aborted
 * records.
 */
export default `
  CREATE TABLE kafka_transactional_ids (
    cluster_id TEXT NOT NULL,
    transactional_id TEXT NOT NULL,
    producer_id INTEGER NOT NULL,
    producer_epoch INTEGER NOT NULL,
    timeout_ms INTEGER NOT NULL,
    state TEXT NOT NULL,
    started_at INTEGER,
    PRIMARY KEY (cluster_id, transactional_id)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_txn_partitions (
    cluster_id TEXT NOT NULL,
    transactional_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    first_offset INTEGER,
    PRIMARY KEY (cluster_id, transactional_id, topic, partition)
  ) WITHOUT ROWID;
  CREATE INDEX kafka_txn_partitions_by_partition ON kafka_txn_partitions (cluster_id, topic, partition);
  CREATE TABLE kafka_txn_groups (
    cluster_id TEXT NOT NULL,
    transactional_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    PRIMARY KEY (cluster_id, transactional_id, group_id)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_txn_offsets (
    cluster_id TEXT NOT NULL,
    transactional_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    offset INTEGER NOT NULL,
    metadata TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (cluster_id, transactional_id, group_id, topic, partition)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_txn_batches (
    cluster_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    first_offset INTEGER NOT NULL,
    last_offset INTEGER NOT NULL,
    producer_id INTEGER NOT NULL,
    producer_epoch INTEGER NOT NULL,
    control INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, topic, partition, first_offset)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_aborted_txns (
    cluster_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    last_offset INTEGER NOT NULL,
    first_offset INTEGER NOT NULL,
    producer_id INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, topic, partition, last_offset)
  ) WITHOUT ROWID;
`;
