/**
 * A partition's log start offset once records were deleted (Kafka DeleteRecords), which
 * stays the partition's end offset when every record was deleted.
 */
export default `
  CREATE TABLE kafka_log_starts (
    cluster_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    partition INTEGER NOT NULL,
    start_offset INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, topic, partition)
  ) WITHOUT ROWID;
`;
