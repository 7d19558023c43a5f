import type { Runtime } from '../runtime.js';
import { schemaVersion } from '../store/migrations.js';
import { badRequest, unprocessable } from '../core/errors.js';
import { CLUSTER_TABLES } from '../services/areas.js';
import { masked } from '../services/connect/config.js';
import { LINK_CONFIGS } from '../services/kafka/link-config-catalog.js';

// Data stored outside the resource table is each API area's (`tables` in src/services/areas.ts),
// keyed by the id of the cluster it belongs to.

/** Removes one organization: its resources, its clusters' data and its credentials. */
export function removeOrg(rt: Runtime, orgId: string): boolean {
  const ids = rt.db.prepare('SELECT id FROM resources WHERE org_id = ?').all(orgId) as Array<{ id: string }>;
  rt.groups.dropClusters(new Set(ids.map((r) => r.id)));
  for (const table of CLUSTER_TABLES) {
    rt.db.prepare(`DELETE FROM ${table} WHERE cluster_id IN (SELECT id FROM resources WHERE org_id = ?)`).run(orgId);
  }
  // Mirrors of the organization's resources in other organizations (a partner's view of it) go too.
  for (const decl of rt.docs.resources.values()) {
    if (!decl.mirror) continue;
    rt.db
      .prepare('UPDATE resources SET deleted_at = ? WHERE type = ? AND org_id <> ? AND deleted_at IS NULL AND id IN (SELECT id FROM resources WHERE org_id = ? AND type = ?)')
      .run(rt.clock.now(), decl.name, orgId, orgId, decl.mirror.resource);
  }
  const gone = rt.db.prepare('DELETE FROM resources WHERE org_id = ?').run(orgId).changes;
  rt.db.prepare('DELETE FROM credentials WHERE org_id = ?').run(orgId);
  rt.credentials.clearCache();
  return gone > 0;
}

export function wipe(rt: Runtime): void {
  for (const table of CLUSTER_TABLES) rt.db.exec(`DELETE FROM ${table}`);
  rt.db.exec('DELETE FROM resources; DELETE FROM credentials; DELETE FROM issued_ids;');
  rt.credentials.clearCache();
  rt.rateLimiter.reset();
  rt.groups.dropClusters('all');
}

/** A connector's configuration with its secrets masked, as the Connect API answers it. */
function maskConnector(r: { type: string; body: any }) {
  if (r.type === 'ConnectConnector' && r.body?.config) r.body = { ...r.body, config: masked(r.body.config, r.body.sensitive ?? []) };
  return r;
}

/** A cluster link row without its sensitive configs (`sasl.jaas.config`, ...), which the API never answers. */
function maskLink(row: Row): Row {
  const configs = JSON.parse(String(row.configs ?? '{}')) as Record<string, string>;
  for (const name of Object.keys(configs)) if (LINK_CONFIGS[name]?.type === 'password') delete configs[name];
  return { ...row, configs: JSON.stringify(configs) };
}

export function exportSnapshot(rt: Runtime, options: { includeSecrets?: boolean } = {}) {
  const keep = options.includeSecrets === true;
  const resources = (rt.db.prepare('SELECT * FROM resources ORDER BY seq').all() as any[]).map((r) => {
    const row = { ...r, body: JSON.parse(r.body), lifecycle: r.lifecycle ? JSON.parse(r.lifecycle) : null, internal: r.internal ? JSON.parse(r.internal) : null };
    return keep ? row : maskConnector(row);
  });
  return {
    format: 'ccloud-emulator-snapshot',
    schema_version: schemaVersion(),
    exported_at: rt.clock.iso(),
    clock: { epoch_ms: rt.clock.now(), frozen: rt.clock.frozen },
    resources,
    credentials: rt.db.prepare('SELECT * FROM credentials').all(),
    issued_ids: (rt.db.prepare('SELECT id FROM issued_ids').all() as Array<{ id: string }>).map((r) => r.id),
    cluster_data: Object.fromEntries(
      CLUSTER_TABLES.map((table) => [table, (rt.db.prepare(`SELECT * FROM ${table}`).all() as Row[]).map((row) => encodeRow(!keep && table === 'kafka_links' ? maskLink(row) : row))]),
    ),
  };
}

type Row = Record<string, unknown>;

/** Snapshot rows are JSON: binary columns (record keys and values) travel as `{"base64": ...}`. */
const encodeRow = (row: Row): Row => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? { base64: v.toString('base64') } : v]));
const decodeValue = (v: unknown) => (v && typeof v === 'object' && typeof (v as { base64?: unknown }).base64 === 'string' ? Buffer.from((v as { base64: string }).base64, 'base64') : v);

type Snapshot = ReturnType<typeof exportSnapshot>;
/** A snapshot as a client sends it back: what the import needs, the rest optional. */
export type SnapshotInput = Omit<Snapshot, 'exported_at' | 'clock' | 'cluster_data'> & Partial<Pick<Snapshot, 'exported_at' | 'clock' | 'cluster_data'>>;

/** Replaces the whole store with a snapshot, in one transaction: on any error nothing changes. */
export function importSnapshot(rt: Runtime, snap: SnapshotInput) {
  if (snap.schema_version !== schemaVersion()) throw badRequest(`This snapshot has schema version ${snap.schema_version}; the emulator reads version ${schemaVersion()}`);
  try {
    rt.tx(() => writeSnapshot(rt, snap));
  } catch (err) {
    rt.credentials.clearCache();
    throw unprocessable(`The snapshot is inconsistent: ${(err as Error).message}`);
  }
  rt.credentials.clearCache();
  // The snapshot's phases and timestamps are relative to its clock: restore it.
  if (snap.clock) {
    rt.clock.freeze(false);
    rt.clock.set(snap.clock.epoch_ms);
    rt.clock.freeze(snap.clock.frozen);
  }
  return { resources: snap.resources.length, credentials: snap.credentials.length };
}

function writeSnapshot(rt: Runtime, snap: SnapshotInput): void {
    wipe(rt);
    const insertResource = rt.db.prepare(
      'INSERT INTO resources (seq, org_id, type, id, scope, crn, body, lifecycle, internal, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const r of snap.resources) {
      insertResource.run(r.seq, r.org_id, r.type, r.id, r.scope, r.crn, JSON.stringify(r.body), r.lifecycle ? JSON.stringify(r.lifecycle) : null, r.internal ? JSON.stringify(r.internal) : null, r.created_at, r.updated_at, r.deleted_at ?? null);
    }
    const insertCredential = rt.db.prepare('INSERT INTO credentials (key_id, secret_hash, org_id, owner_id, resource_id, deleted_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of snap.credentials as any[]) insertCredential.run(c.key_id, c.secret_hash, c.org_id, c.owner_id, c.resource_id ?? null, c.deleted_at ?? null);
    const insertId = rt.db.prepare('INSERT OR IGNORE INTO issued_ids (id) VALUES (?)');
    for (const id of snap.issued_ids) insertId.run(id);
    for (const table of CLUSTER_TABLES) {
      const known = new Set((rt.db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name));
      for (const row of snap.cluster_data?.[table] ?? []) {
        const columns = Object.keys(row);
        const unknown = columns.find((c) => !known.has(c));
        if (unknown) throw new Error(`${table} has no column '${unknown}'`);
        rt.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...columns.map((c) => decodeValue(row[c])));
      }
    }
}
