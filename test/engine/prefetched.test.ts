import { describe, expect, it } from 'vitest';
import { rememberRow, takeRow } from '../../src/engine/prefetched.js';
import type { RequestContext } from '../../src/contract/handler.js';
import type { ResourceRow } from '../../src/store/resources.js';

const ctx = () => ({ params: { id: 'sa-1' } }) as unknown as RequestContext;
const row = { seq: 1, org_id: 'o1', type: 'ServiceAccount', id: 'sa-1', scope: '', crn: 'crn://x', body: {}, lifecycle: null, created_at: 0, updated_at: 0, deleted_at: null } as ResourceRow;

describe('a row read before the handler runs', () => {
  it('is handed once, and only for the very resource it was read for', () => {
    const c = ctx();
    rememberRow(c, 'o1', 'ServiceAccount', 'sa-1', row, 7);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-1', 7)).toBe(row);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-1', 7)).toBeUndefined();

    const other = ctx();
    rememberRow(other, 'o1', 'ServiceAccount', 'sa-1', row, 7);
    expect(takeRow(other, 'o2', 'ServiceAccount', 'sa-1', 7)).toBeUndefined();
    rememberRow(other, 'o1', 'ServiceAccount', 'sa-1', row, 7);
    expect(takeRow(other, 'o1', 'User', 'sa-1', 7)).toBeUndefined();
  });

  it('is not handed once the resource table was written after it was read', () => {
    const c = ctx();
    rememberRow(c, 'o1', 'ServiceAccount', 'sa-1', row, 7);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-1', 8)).toBeUndefined();
  });

  it('remembers that no live row was found, so the handler answers 404 without reading again', () => {
    const c = ctx();
    rememberRow(c, 'o1', 'ServiceAccount', 'sa-9', undefined, 7);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-9', 7)).toBeNull();
    expect(takeRow(ctx(), 'o1', 'ServiceAccount', 'sa-9', 7)).toBeUndefined();
  });
});

describe('the resource table write count', () => {
  it('moves on every write, through the store or not', async () => {
    const { openDb } = await import('../../src/store/db.js');
    const { ResourceStore } = await import('../../src/store/resources.js');
    const store = new ResourceStore(openDb(':memory:'));
    const w0 = store.writes;
    const stored = store.insert({ org_id: 'o1', type: 'ServiceAccount', id: 'sa-1', scope: '', crn: 'crn://x', body: {}, lifecycle: null, created_at: 0, updated_at: 0 });
    const w1 = store.writes;
    expect(w1).toBeGreaterThan(w0);
    store.get('o1', 'ServiceAccount', 'sa-1');
    expect(store.writes).toBe(w1);
    store.update({ ...stored, body: { a: 1 } });
    const w2 = store.writes;
    expect(w2).toBeGreaterThan(w1);
    store.db.exec('DELETE FROM resources');
    expect(store.writes).toBeGreaterThan(w2);
  });
});
