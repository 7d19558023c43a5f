import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.js';

export type Db = Database.Database;

/**
 * Opens the store: one connection, WAL, migrations applied. `synchronous = NORMAL` in WAL mode
 * loses nothing when the process is killed (the WAL is in the OS page cache once a commit
 * returns); only a power loss could drop the last transactions.
 */
export function openDb(path: string): Db {
  let db: Db;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
  } catch (err) {
    throw new StoreOpenError(path, err);
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** The store's file cannot be created or opened (a directory that cannot be written, a file that is not a database, ...). */
export class StoreOpenError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`cannot open the store at ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Caches prepared statements by their SQL text. */
export class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Db) {}

  get(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }
}
