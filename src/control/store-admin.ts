import type { Runtime } from '../runtime.js';
import { schemaVersion } from '../store/migrations.js';
import { badRequest, unprocessable } from '../core/errors.js';

/** Removes one organization: its resources and its credentials. */
export function removeOrg(rt: Runtime, orgId: string): boolean {
  const gone = rt.db.prepare('DELETE FROM resources WHERE org_id = ?').run(orgId).changes;
  rt.db.prepare('DELETE FROM credentials WHERE org_id = ?').run(orgId);
  rt.credentials.clearCache();
  return gone > 0;
}

export function wipe(rt: Runtime): void {
  rt.db.exec('DELETE FROM resources; DELETE FROM credentials; DELETE FROM issued_ids;');
  rt.credentials.clearCache();
  rt.rateLimiter.reset();
}

export function exportSnapshot(rt: Runtime) {
  const resources = (rt.db.prepare('SELECT * FROM resources ORDER BY seq').all() as any[]).map((r) => ({
    ...r,
    body: JSON.parse(r.body),
    lifecycle: r.lifecycle ? JSON.parse(r.lifecycle) : null,
  }));
  return {
    format: 'ccloud-emulator-snapshot',
    schema_version: schemaVersion(),
    exported_at: rt.clock.iso(),
    resources,
    credentials: rt.db.prepare('SELECT * FROM credentials').all(),
    issued_ids: (rt.db.prepare('SELECT id FROM issued_ids').all() as Array<{ id: string }>).map((r) => r.id),
  };
}

/** Replaces the whole store with a snapshot, in one transaction: on any error nothing changes. */
export function importSnapshot(rt: Runtime, snap: ReturnType<typeof exportSnapshot>) {
  if (snap.schema_version !== schemaVersion()) throw badRequest(`This snapshot has schema version ${snap.schema_version}; the emulator reads version ${schemaVersion()}`);
  try {
    rt.tx(() => writeSnapshot(rt, snap));
  } catch (err) {
    rt.credentials.clearCache();
    throw unprocessable(`The snapshot is inconsistent: ${(err as Error).message}`);
  }
  rt.credentials.clearCache();
  return { resources: snap.resources.length, credentials: snap.credentials.length };
}

function writeSnapshot(rt: Runtime, snap: ReturnType<typeof exportSnapshot>): void {
    wipe(rt);
    const insertResource = rt.db.prepare(
      'INSERT INTO resources (seq, org_id, type, id, scope, crn, body, lifecycle, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of snap.resources) {
      insertResource.run(r.seq, r.org_id, r.type, r.id, r.scope, r.crn, JSON.stringify(r.body), r.lifecycle ? JSON.stringify(r.lifecycle) : null, r.created_at, r.updated_at, r.deleted_at ?? null);
    }
    const insertCredential = rt.db.prepare('INSERT INTO credentials (key_id, secret_hash, org_id, owner_id, resource_id, deleted_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of snap.credentials as any[]) insertCredential.run(c.key_id, c.secret_hash, c.org_id, c.owner_id, c.resource_id ?? null, c.deleted_at ?? null);
    const insertId = rt.db.prepare('INSERT OR IGNORE INTO issued_ids (id) VALUES (?)');
    for (const id of snap.issued_ids) insertId.run(id);
}
