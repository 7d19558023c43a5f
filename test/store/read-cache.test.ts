import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';
import { ResourceStore, type ListQuery } from '../../src/store/resources.js';
import { CredentialStore } from '../../src/store/credentials.js';
import { ReadCache } from '../../src/store/read-cache.js';

const ORG = 'org-1';
const row = (id: string, scope = '') => ({ org_id: ORG, type: 'Widget', id, scope, crn: `crn://x/${id}`, body: { name: id }, lifecycle: null, created_at: 1, updated_at: 1 });
const q = (extra: Partial<ListQuery> = {}): ListQuery => ({ org: ORG, type: 'Widget', scope: '', filters: [], limit: 10, ...extra });

describe('the resource store reads through a cache that every write empties', () => {
  it('answers what SQLite answers after writes made around the store', () => {
    const store = new ResourceStore(openDb(':memory:'));
    const a = store.insert(row('w-1'));
    expect(store.get(ORG, 'Widget', 'w-1')?.body).toEqual({ name: 'w-1' });
    expect(store.get(ORG, 'Widget', 'w-2')).toBeUndefined();
    expect(store.list(q()).map((r) => r.id)).toEqual(['w-1']);
    expect(store.count(q())).toBe(1);
    expect(store.exists(q(), 'after', a.seq)).toBe(false);

    // A raw write (as a snapshot import makes), then an insert through the store.
    store.db.prepare("UPDATE resources SET body = '{\"name\":\"raw\"}' WHERE id = 'w-1'").run();
    expect(store.get(ORG, 'Widget', 'w-1')?.body).toEqual({ name: 'raw' });
    store.insert(row('w-2'));
    expect(store.get(ORG, 'Widget', 'w-2')?.id).toBe('w-2');
    expect(store.list(q()).map((r) => r.id)).toEqual(['w-1', 'w-2']);
    expect(store.count(q())).toBe(2);
    expect(store.exists(q(), 'after', a.seq)).toBe(true);

    store.markDeleted(a.seq, 5);
    expect(store.get(ORG, 'Widget', 'w-1')).toBeUndefined();
    expect(store.list(q()).map((r) => r.id)).toEqual(['w-2']);
    expect(store.count(q())).toBe(1);
  });

  it('keeps nothing read inside a transaction that rolls back', () => {
    const store = new ResourceStore(openDb(':memory:'));
    store.insert(row('w-1'));
    const rolledBack = store.db.transaction(() => {
      store.db.prepare("UPDATE resources SET body = '{\"name\":\"uncommitted\"}' WHERE id = 'w-1'").run();
      expect(store.get(ORG, 'Widget', 'w-1')?.body).toEqual({ name: 'uncommitted' });
      expect(store.list(q())[0].body).toEqual({ name: 'uncommitted' });
      throw new Error('roll back');
    });
    expect(() => rolledBack()).toThrow('roll back');
    expect(store.get(ORG, 'Widget', 'w-1')?.body).toEqual({ name: 'w-1' });
    expect(store.list(q())[0].body).toEqual({ name: 'w-1' });
  });

  it('hands every caller its own rows', () => {
    const store = new ResourceStore(openDb(':memory:'));
    store.insert(row('w-1'));
    const first = store.get(ORG, 'Widget', 'w-1')!;
    first.body.name = 'changed by a caller';
    store.list(q())[0].body.name = 'changed too';
    expect(store.get(ORG, 'Widget', 'w-1')?.body).toEqual({ name: 'w-1' });
    expect(store.list(q())[0].body).toEqual({ name: 'w-1' });
  });

  it('is bounded, and forgets everything when the write count moves', () => {
    const cache = new ReadCache<number>(2);
    cache.set('a', 1, 7);
    cache.set('b', 2, 7);
    expect(cache.get('a', 7)).toBe(1);
    cache.set('c', 3, 7);
    expect(cache.size).toBe(1);
    expect(cache.get('c', 8)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe('a key whose secret matched once', () => {
  const cred = { key_id: 'KEY1', org_id: ORG, owner_id: 'sa-1', resource_id: null };

  it('still refuses another secret, a revoked key and a replaced secret', () => {
    const store = new CredentialStore(openDb(':memory:'));
    store.add(cred, 'secret-one');
    expect(store.verify('KEY1', 'secret-one')?.key_id).toBe('KEY1');
    expect(store.verify('KEY1', 'secret-one')?.key_id).toBe('KEY1');
    expect(store.verify('KEY1', 'secret-two')).toBeUndefined();
    store.add(cred, 'secret-two');
    expect(store.verify('KEY1', 'secret-one')).toBeUndefined();
    expect(store.verify('KEY1', 'secret-two')?.key_id).toBe('KEY1');
    store.revoke('KEY1', 5);
    expect(store.verify('KEY1', 'secret-two')).toBeUndefined();
  });
});
