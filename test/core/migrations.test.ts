import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from '../../src/store/migrations.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { ResourceStore } from '../../src/store/resources.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../src/store/migrations');

describe('store migrations', () => {
  it('are numbered files, consecutive from 01, each listed once and in order by the index', () => {
    const files = readdirSync(DIR).filter((f) => /^\d+-.+\.ts$/.test(f)).sort();
    expect(files.map((f) => Number(f.split('-')[0]))).toEqual(files.map((_, i) => i + 1));
    const listed = [...readFileSync(join(DIR, 'index.ts'), 'utf8').matchAll(/from '\.\/(\d+-[^']+)\.js'/g)].map((m) => `${m[1]}.ts`);
    expect(listed).toEqual(files);
    expect(schemaVersion()).toBe(files.length);
  });

  it('bring a fresh store to the last version in one go, and leave an up-to-date one alone', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(schemaVersion());
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get();
    migrate(db);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(tables);
    db.close();
  });

  it('14 moves the private state kept under a body\'s `_emulator` into the internal column', () => {
    const db = new Database(':memory:');
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 13)) db.exec(m);
      db.pragma('user_version = 13');
    })();
    const insert = db.prepare("INSERT INTO resources (org_id, type, id, scope, crn, body, created_at, updated_at) VALUES ('o', ?, ?, '', '', ?, 0, 0)");
    insert.run('FlinkStatement', 'st-1', JSON.stringify({ name: 'a', _emulator: { version: 3, plan: { kind: 'static' } } }));
    insert.run('Environment', 'env-1', JSON.stringify({ display_name: 'untouched' }));
    migrate(db);
    const rows = db.prepare('SELECT id, body, internal FROM resources ORDER BY id').all() as Array<{ id: string; body: string; internal: string | null }>;
    expect(rows.map((r) => [r.id, JSON.parse(r.body), r.internal && JSON.parse(r.internal)])).toEqual([
      ['env-1', { display_name: 'untouched' }, null],
      ['st-1', { name: 'a' }, { version: 3, plan: { kind: 'static' } }],
    ]);
    db.close();
  });

  it('16 indexes rows by scope without the organization-level ones, and a cascade still finds the rows inside a resource', () => {
    const db = new Database(':memory:');
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 15)) db.exec(m);
      db.pragma('user_version = 15');
    })();
    const insert = db.prepare("INSERT INTO resources (org_id, type, id, scope, crn, body, created_at, updated_at, deleted_at) VALUES ('o', ?, ?, ?, '', '{}', 0, 0, ?)");
    insert.run('ServiceAccount', 'sa-1', '', null);
    insert.run('Environment', 'env-1', '', null);
    insert.run('Cluster', 'lkc-1', 'env-1', null);
    insert.run('Cluster', 'lkc-2', 'env-1', 5);
    migrate(db);
    const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resources'").all() as Array<{ name: string; sql: string }>;
    expect(indexes.map((i) => i.name)).not.toContain('resources_by_scope');
    expect(indexes.find((i) => i.name === 'resources_in_scope')?.sql).toContain("WHERE deleted_at IS NULL AND scope <> ''");
    const store = new ResourceStore(db);
    expect(store.inScope('env-1').map((r) => r.id)).toEqual(['lkc-1']);
    expect(store.inScope('')).toEqual([]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM resources WHERE scope = ? AND scope <> '' AND deleted_at IS NULL").all('env-1') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX resources_in_scope (scope=?)');
    db.close();
  });

  it('18 counts the schema versions a store already holds, per cluster, and triggers keep the count', async () => {
    const db = new Database(':memory:');
    db.transaction(() => {
      for (const m of MIGRATIONS.slice(0, 17)) db.exec(m);
      db.pragma('user_version = 17');
    })();
    const insert = db.prepare('INSERT INTO sr_versions (cluster_id, subject, version, schema_id) VALUES (?, ?, ?, 100001)');
    insert.run('lsrc-1', 'a', 1);
    insert.run('lsrc-1', 'a', 2);
    insert.run('lsrc-2', 'b', 1);
    migrate(db);
    const counts = () => db.prepare('SELECT registry_id, n FROM sr_version_counts ORDER BY registry_id').all();
    expect(counts()).toEqual([{ registry_id: 'lsrc-1', n: 2 }, { registry_id: 'lsrc-2', n: 1 }]);
    insert.run('lsrc-3', 'c', 1);
    db.prepare("DELETE FROM sr_versions WHERE cluster_id = 'lsrc-1' AND version = 2").run();
    db.prepare("UPDATE sr_versions SET cluster_id = 'lsrc-3' WHERE cluster_id = 'lsrc-2'").run();
    expect(counts()).toEqual([{ registry_id: 'lsrc-1', n: 1 }, { registry_id: 'lsrc-2', n: 0 }, { registry_id: 'lsrc-3', n: 2 }]);
    db.close();
  });
});
