import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { ResourceStore, type ListQuery } from '../../src/store/resources.js';

const ORG = 'org-1';
const row = (id: string, scope = '', type = 'Widget') => ({ org_id: ORG, type, id, scope, crn: `crn://x/${id}`, body: { name: id }, lifecycle: null, created_at: 1, updated_at: 1 });
const q = (scope?: string, type = 'Widget'): ListQuery => ({ org: ORG, type, scope, filters: [], limit: 10 });

/** What a COUNT over the live rows answers, the truth the kept counts must match. */
function counted(store: ResourceStore, scope?: string, type = 'Widget'): number {
  const sql = `SELECT COUNT(*) AS n FROM resources WHERE org_id = ? AND type = ? AND deleted_at IS NULL${scope === undefined ? '' : ' AND scope = ?'}`;
  return (store.db.prepare(sql).get(...[ORG, type, ...(scope === undefined ? [] : [scope])]) as { n: number }).n;
}

describe('total_size from the counts kept per (organization, type, scope)', () => {
  it('follows inserts, deletions, restorations and raw writes', () => {
    const store = new ResourceStore(openDb(':memory:'));
    const check = () => {
      for (const scope of [undefined, '', 'env-a', 'env-b']) expect(store.count(q(scope)), String(scope)).toBe(counted(store, scope));
      expect(store.count(q(undefined, 'Other'))).toBe(counted(store, undefined, 'Other'));
    };
    check();
    const a = store.insert(row('w-1', 'env-a'));
    store.insert(row('w-2', 'env-a'));
    store.insert(row('w-3', 'env-b'));
    store.insert(row('o-1', '', 'Other'));
    check();
    expect(store.count(q('env-a'))).toBe(2);
    expect(store.count(q())).toBe(3);

    store.markDeleted(a.seq, 5);
    check();
    expect(store.count(q('env-a'))).toBe(1);
    store.update({ ...a, deleted_at: null, body: { name: 'back' } });
    check();
    store.update({ ...a, body: { name: 'same liveness' } });
    check();
    expect(store.count(q('env-a'))).toBe(2);

    // Writes that bypass the store, as a snapshot import or an organization's removal make them.
    store.db.prepare("INSERT INTO resources (org_id, type, id, scope, body, created_at, updated_at, deleted_at) VALUES (?, 'Widget', 'w-9', 'env-b', '{}', 1, 1, 7)").run(ORG);
    store.db.prepare("UPDATE resources SET scope = 'env-b' WHERE id = 'w-2'").run();
    check();
    store.db.prepare('DELETE FROM resources WHERE org_id = ?').run(ORG);
    check();
    expect(store.count(q())).toBe(0);
  });

  it('reads the kept count rather than counting rows', () => {
    const store = new ResourceStore(openDb(':memory:'));
    store.insert(row('w-1'));
    store.db.prepare("UPDATE resource_counts SET n = 41 WHERE type = 'Widget'").run();
    expect(store.count(q(''))).toBe(41);
    // A filtered list still counts its rows.
    expect(store.count({ ...q(''), filters: [{ pointer: '/name', values: ['w-1'], match: 'exact' }] })).toBe(1);
  });
});

describe('a quota check (atLeast)', () => {
  it('reads the kept count of an unfiltered list instead of stepping over its rows', () => {
    const store = new ResourceStore(openDb(':memory:'));
    store.insert(row('w-1'));
    store.insert(row('w-2'));
    expect(store.atLeast(q(''), 2)).toBe(true);
    expect(store.atLeast(q(''), 3)).toBe(false);
    store.db.prepare("UPDATE resource_counts SET n = 1000 WHERE type = 'Widget'").run();
    expect(store.atLeast(q(''), 1000)).toBe(true);
  });
});
