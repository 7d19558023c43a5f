/**
 * Migration 10: Kafka cluster links and mirror topics. Every table has a `cluster_id` column (the
 * cluster that owns the row), so snapshots, org removal and cluster deletion reach it.
 *
 * - `kafka_links`: a link as its cluster sees it. `remote_field` says which of
 *   `source_cluster_id`, `destination_cluster_id` or `remote_cluster_id` names the other cluster;
 *   `configs` holds the configs set on the link (JSON object), defaults are not stored.
 * - `kafka_mirror_topics`: a topic of `cluster_id` that mirrors `source_topic_name` of
 *   `source_cluster_id` through `link_name`. `status` is the stored one (ACTIVE, PAUSED,
 *   PENDING_STOPPED, STOPPED); a PENDING_STOPPED mirror is STOPPED from `stop_at` on the virtual
 *   clock. `stopped_offsets` are the per-partition log end offsets when mirroring stopped.
 */
export const KAFKA_LINKS_MIGRATION = `
  CREATE TABLE kafka_links (
    cluster_id TEXT NOT NULL,
    link_name TEXT NOT NULL,
    link_id TEXT NOT NULL,
    remote_field TEXT NOT NULL,
    remote_cluster_id TEXT NOT NULL,
    configs TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, link_name)
  ) WITHOUT ROWID;
  CREATE TABLE kafka_mirror_topics (
    cluster_id TEXT NOT NULL,
    mirror_topic_name TEXT NOT NULL,
    link_name TEXT NOT NULL,
    source_cluster_id TEXT NOT NULL,
    source_topic_name TEXT NOT NULL,
    source_topic_id TEXT NOT NULL,
    status TEXT NOT NULL,
    state_time INTEGER NOT NULL,
    stop_at INTEGER,
    stop_kind TEXT,
    stopped_offsets TEXT,
    transition_errors TEXT NOT NULL DEFAULT '[]',
    created_at INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, mirror_topic_name)
  ) WITHOUT ROWID;
  CREATE INDEX kafka_mirror_topics_by_link ON kafka_mirror_topics (cluster_id, link_name);
  CREATE INDEX kafka_mirror_topics_by_source ON kafka_mirror_topics (source_cluster_id, source_topic_name);
`;

/** The tables of migration 10, in the order rows must be deleted. */
export const KAFKA_LINK_TABLES: readonly string[] = ['kafka_mirror_topics', 'kafka_links'];
