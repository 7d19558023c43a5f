/**
 * The schema versions each Schema Registry cluster holds, kept by triggers on `sr_versions` in the
 * same transaction as every write whatever path makes it (a register, a delete, a snapshot
 * import, a wipe), so the schema limit checked on every register reads one row instead of
 * counting them all. Derived data: keyed by `registry_id` rather than `cluster_id`, so it is not
 * one of the per-cluster tables that snapshots carry (the import's rows rebuild it).
 */
export default `
  CREATE TABLE sr_version_counts (
    registry_id TEXT NOT NULL PRIMARY KEY,
    n INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO sr_version_counts (registry_id, n) SELECT cluster_id, COUNT(*) FROM sr_versions GROUP BY cluster_id;
  CREATE TRIGGER sr_version_counts_insert AFTER INSERT ON sr_versions
  BEGIN
    INSERT INTO sr_version_counts (registry_id, n) VALUES (NEW.cluster_id, 1) ON CONFLICT (registry_id) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER sr_version_counts_delete AFTER DELETE ON sr_versions
  BEGIN
    UPDATE sr_version_counts SET n = n - 1 WHERE registry_id = OLD.cluster_id;
  END;
  CREATE TRIGGER sr_version_counts_update AFTER UPDATE OF cluster_id ON sr_versions WHEN OLD.cluster_id <> NEW.cluster_id
  BEGIN
    UPDATE sr_version_counts SET n = n - 1 WHERE registry_id = OLD.cluster_id;
    INSERT INTO sr_version_counts (registry_id, n) VALUES (NEW.cluster_id, 1) ON CONFLICT (registry_id) DO UPDATE SET n = n + 1;
  END;
`;
