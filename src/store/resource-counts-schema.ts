/**
 * Live resources counted per (organization, type, scope), kept by triggers on `resources`, so in
 * the same transaction as every write whatever path makes it (the engine, a snapshot import, an
 * organization's removal). A list page's `total_size` reads it instead of counting its rows.
 */
export const RESOURCE_COUNTS_MIGRATION = `
  CREATE TABLE resource_counts (
    org_id TEXT NOT NULL,
    type TEXT NOT NULL,
    scope TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (org_id, type, scope)
  ) WITHOUT ROWID;
  INSERT INTO resource_counts (org_id, type, scope, n)
    SELECT org_id, type, scope, COUNT(*) FROM resources WHERE deleted_at IS NULL GROUP BY org_id, type, scope;
  CREATE TRIGGER resource_counts_insert AFTER INSERT ON resources WHEN NEW.deleted_at IS NULL
  BEGIN
    INSERT INTO resource_counts (org_id, type, scope, n) VALUES (NEW.org_id, NEW.type, NEW.scope, 1)
      ON CONFLICT (org_id, type, scope) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER resource_counts_delete AFTER DELETE ON resources WHEN OLD.deleted_at IS NULL
  BEGIN
    UPDATE resource_counts SET n = n - 1 WHERE org_id = OLD.org_id AND type = OLD.type AND scope = OLD.scope;
  END;
  CREATE TRIGGER resource_counts_update AFTER UPDATE OF deleted_at, org_id, type, scope ON resources
  WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) OR OLD.org_id <> NEW.org_id OR OLD.type <> NEW.type OR OLD.scope <> NEW.scope
  BEGIN
    UPDATE resource_counts SET n = n - 1
      WHERE OLD.deleted_at IS NULL AND org_id = OLD.org_id AND type = OLD.type AND scope = OLD.scope;
    INSERT INTO resource_counts (org_id, type, scope, n) SELECT NEW.org_id, NEW.type, NEW.scope, 1 WHERE NEW.deleted_at IS NULL
      ON CONFLICT (org_id, type, scope) DO UPDATE SET n = n + 1;
  END;
`;
