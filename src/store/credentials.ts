import { hash as digest, timingSafeEqual } from 'node:crypto';
import type { Db } from './db.js';
import { Statements } from './db.js';

/** What an API key authenticates as. `resource_id` is null for a Cloud API key. */
export interface Credential {
  key_id: string;
  org_id: string;
  owner_id: string;
  resource_id: string | null;
}

interface CredentialRow extends Credential {
  secret_hash: string;
  deleted_at: number | null;
}

const EPHEMERAL_LIMIT = 1000;

/** SHA-256 in hex; the one-shot digest costs a third of a Hash object's (this runs on every request). */
const hash = (secret: string) => digest('sha256', secret, 'hex');

/**
 * API key credentials, kept apart from the resource bodies so that authentication is one indexed
 * lookup. Secrets are stored hashed. A small in-memory cache sits in front; every write goes
 * through this class, which keeps the cache exact (a deleted key stops working at once).
 */
export class CredentialStore {
  private readonly sql: Statements;
  private readonly cache = new Map<string, CredentialRow | null>();
  /**
   * Credentials that live in memory only (the console's): never stored, listed or exported, and
   * forgotten whenever the store is rewritten (reset, import), after which their holder asks again.
   */
  private readonly ephemeral = new Map<string, CredentialRow>();
  /**
   * The secret last found to match a cached row. A client sends the same key and secret on every
   * request: once one matched, the same secret against the same row object needs no hash. A key
   * write replaces the row object (add, revoke and clearCache drop it), which forgets this too.
   */
  private readonly verified = new WeakMap<CredentialRow, string>();

  constructor(db: Db) {
    this.sql = new Statements(db);
  }

  add(c: Credential, secret: string): void {
    this.sql
      .get('INSERT OR REPLACE INTO credentials (key_id, secret_hash, org_id, owner_id, resource_id, deleted_at) VALUES (?, ?, ?, ?, ?, NULL)')
      .run(c.key_id, hash(secret), c.org_id, c.owner_id, c.resource_id);
    this.cache.delete(c.key_id);
  }

  revoke(keyId: string, at: number): void {
    this.sql.get('UPDATE credentials SET deleted_at = ? WHERE key_id = ?').run(at, keyId);
    this.cache.delete(keyId);
  }

  /** Adds an in-memory credential; at most `EPHEMERAL_LIMIT` are kept, the oldest forgotten first. */
  addEphemeral(c: Credential, secret: string): void {
    this.ephemeral.set(c.key_id, { ...c, secret_hash: hash(secret), deleted_at: null });
    if (this.ephemeral.size > EPHEMERAL_LIMIT) this.ephemeral.delete(this.ephemeral.keys().next().value as string);
  }

  /** Whether a key is one of the in-memory credentials (the console's own). */
  isEphemeral(keyId: string): boolean {
    return this.ephemeral.has(keyId);
  }

  /** The credential when the key exists, is live and the secret matches. */
  verify(keyId: string, secret: string): Credential | undefined {
    let row = this.ephemeral.get(keyId) ?? this.cache.get(keyId);
    if (row === undefined) {
      row = (this.sql.get('SELECT * FROM credentials WHERE key_id = ?').get(keyId) as CredentialRow | undefined) ?? null;
      this.cache.set(keyId, row);
    }
    if (!row || row.deleted_at !== null) return undefined;
    if (this.verified.get(row) === secret) return row;
    const a = Buffer.from(hash(secret));
    const b = Buffer.from(row.secret_hash);
    if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
    this.verified.set(row, secret);
    return row;
  }

  /** Forget cached rows (after a reset or an import rewrote the table). */
  clearCache(): void {
    this.cache.clear();
    this.ephemeral.clear();
  }
}
