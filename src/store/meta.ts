import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

/** A setting kept in the store, created on first use (the page-token signing secret, ...). */
export function metaValue(db: Db, key: string, create: () => string): string {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  if (row) return row.value;
  const value = create();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(key, value);
  return value;
}

export const tokenSecret = (db: Db) => metaValue(db, 'page_token_secret', () => randomBytes(32).toString('base64url'));

export const stsTokenSecret = (db: Db) => metaValue(db, 'sts_token_secret', () => randomBytes(32).toString('base64url'));
