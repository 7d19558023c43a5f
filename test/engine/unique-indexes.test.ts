import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { syncUniqueFieldIndexes, uniqueFields } from '../../src/engine/unique-indexes.js';
import { ResourceStore, uniqueIndexName, whereFieldSql } from '../../src/store/resources.js';
import { setAt } from '../../src/core/pointer.js';

describe('indexes of declared unique fields', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  const indexes = () =>
    new Map(
      (t.rt.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND (name GLOB 'resources_unique_*' OR name GLOB 'resources_field_*')").all() as Array<{ name: string; sql: string }>).map((r) => [r.name, r.sql]),
    );
  const plan = (sql: string, args: unknown[]) => (t.rt.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((p) => p.detail).join(' ');

  it('follow the declarations: one per (kind, unique field), holding only that kind’s live rows', () => {
    const fields = uniqueFields(t.rt.docs.resources.values());
    expect(fields.map((f) => `${f.type} ${f.pointer}`)).toEqual(expect.arrayContaining(['ServiceAccount /display_name', 'IpGroup /group_name', 'ByokKey /key/key_arn']));
    const byName = indexes();
    expect([...byName.keys()].sort()).toEqual(fields.map((f) => uniqueIndexName(f.type, f.pointer)).sort());
    for (const f of fields) expect(byName.get(uniqueIndexName(f.type, f.pointer))).toContain(`WHERE deleted_at IS NULL AND type = '${f.type}'`);
  });

  it('answer every uniqueness check: the plan reads the kind’s own index, in a scope or in all', () => {
    for (const f of uniqueFields(t.rt.docs.resources.values())) {
      const name = uniqueIndexName(f.type, f.pointer);
      expect(plan(whereFieldSql(f.type, f.pointer, true), ['o', 'v', 's']), `${f.type} ${f.pointer}`).toContain(`USING INDEX ${name} (org_id=? AND <expr>=? AND scope=?)`);
      expect(plan(whereFieldSql(f.type, f.pointer, false), ['o', 'v']), `${f.type} ${f.pointer}`).toContain(`USING INDEX ${name} (org_id=? AND <expr>=?)`);
    }
  });

  it('every declared unique field finds the live row of its kind with the value, in its scope, and no other kind’s', () => {
    const store = t.rt.resources;
    const org = 'org-unique-fields';
    const fields = uniqueFields(t.rt.docs.resources.values());
    t.rt.tx(() => {
      for (const [i, f] of fields.entries()) {
        const body = {};
        setAt(body, f.pointer, 'taken');
        const row = { org_id: org, type: f.type, scope: 'scope-a', crn: '', body, lifecycle: null, created_at: 0, updated_at: 0 };
        store.insert({ ...row, id: `live-${i}` });
        // The same value under another kind, in another scope, and on a deleted row of the kind.
        store.insert({ ...row, id: `other-${i}`, type: 'SomeOtherKind' });
        store.insert({ ...row, id: `elsewhere-${i}`, scope: 'scope-b' });
        const gone = store.insert({ ...row, id: `gone-${i}`, scope: 'scope-c' });
        store.markDeleted(gone.seq, 1);
      }
    });
    for (const [i, f] of fields.entries()) {
      expect(store.whereField(org, f.type, f.pointer, 'taken', 'scope-a').map((r) => r.id), `${f.type} ${f.pointer}`).toEqual([`live-${i}`]);
      expect(store.whereField(org, f.type, f.pointer, 'taken', 'scope-c')).toEqual([]);
      expect(store.whereField(org, f.type, f.pointer, 'free', 'scope-a')).toEqual([]);
      expect(store.whereField(org, f.type, f.pointer, 'taken').map((r) => r.id).sort()).toEqual([`elsewhere-${i}`, `live-${i}`]);
      expect(store.whereField('another-org', f.type, f.pointer, 'taken', 'scope-a')).toEqual([]);
    }
  });

  it('are created when missing, left alone when present, and indexes of no declared field (or of the former form) are dropped', () => {
    const [first] = indexes().keys();
    t.rt.db.exec(`DROP INDEX "${first}"`);
    // The former form: one index per field over every kind's rows, which every create had to write.
    t.rt.db.exec(`CREATE INDEX resources_field_display_name ON resources (org_id, type, json_extract(body, '$."display_name"')) WHERE deleted_at IS NULL`);
    t.rt.db.exec(`CREATE INDEX resources_unique_Gone_name ON resources (org_id, json_extract(body, '$."name"'), scope) WHERE deleted_at IS NULL AND type = 'Gone'`);
    expect(indexes().has(first)).toBe(false);
    const names = syncUniqueFieldIndexes(new ResourceStore(t.rt.db), t.rt.docs.resources.values());
    expect(names).toContain(first);
    expect([...indexes().keys()].sort()).toEqual([...names].sort());
    expect(syncUniqueFieldIndexes(new ResourceStore(t.rt.db), t.rt.docs.resources.values())).toEqual(names);
  });
});
