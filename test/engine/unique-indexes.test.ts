import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { createUniqueFieldIndexes, uniqueFieldPointers } from '../../src/engine/unique-indexes.js';
import { ResourceStore } from '../../src/store/resources.js';

describe('indexes of declared unique fields', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  const indexes = () =>
    new Map((t.rt.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'resources_field_%'").all() as Array<{ name: string; sql: string }>).map((r) => [r.name, r.sql]));

  it('follow the declarations: one per unique field, each indexing the very expression the uniqueness check queries', () => {
    const pointers = uniqueFieldPointers(t.rt.docs.resources.values());
    expect(pointers.length).toBeGreaterThan(0);
    const byName = indexes();
    expect([...byName.keys()].sort()).toEqual(pointers.map((p) => `resources_field_${p.slice(1).replace(/\//g, '_').replace(/[^A-Za-z0-9_]/g, '_')}`).sort());
    const plan = t.rt.db
      .prepare(`EXPLAIN QUERY PLAN SELECT * FROM resources WHERE org_id = ? AND type = ? AND deleted_at IS NULL AND json_extract(body, '$."display_name"') = ?`)
      .all('o', 'Environment', 'x') as Array<{ detail: string }>;
    expect(pointers).toContain('/display_name');
    expect(plan.map((p) => p.detail).join(' ')).toContain('resources_field_display_name');
  });

  it('are created when missing and left alone when present', () => {
    const [first] = indexes().keys();
    t.rt.db.exec(`DROP INDEX "${first}"`);
    expect(indexes().has(first)).toBe(false);
    const names = createUniqueFieldIndexes(new ResourceStore(t.rt.db), t.rt.docs.resources.values());
    expect(names).toContain(first);
    expect(indexes().has(first)).toBe(true);
    expect(createUniqueFieldIndexes(new ResourceStore(t.rt.db), t.rt.docs.resources.values())).toEqual(names);
  });
});
