/**
 * The generic resource table, ids ever issued, API key credentials, settings.
 */
export default `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE issued_ids (id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TABLE resources (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id TEXT NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    crn TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    lifecycle TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER
  );
  CREATE UNIQUE INDEX resources_by_id ON resources (id, type);
  CREATE INDEX resources_live ON resources (org_id, type, scope, seq) WHERE deleted_at IS NULL;
  CREATE INDEX resources_by_scope ON resources (scope) WHERE deleted_at IS NULL;
  CREATE TABLE credentials (
    key_id TEXT PRIMARY KEY,
    secret_hash TEXT NOT NULL,
    org_id TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    resource_id TEXT,
    deleted_at INTEGER
  );
  CREATE INDEX credentials_by_org ON credentials (org_id);
`;
