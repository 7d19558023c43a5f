import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';

/** Brings a store up to the newest schema: every pending migration of `migrations/`, in order. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= MIGRATIONS.length) return;
  // The pending migrations in one transaction: a fresh store commits once, and a failed one
  // leaves the store at its former version.
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

export const schemaVersion = () => MIGRATIONS.length;
