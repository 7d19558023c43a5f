import { describe, expect, it } from 'vitest';
import { rememberRow, takeRow } from '../../src/engine/prefetched.js';
import type { RequestContext } from '../../src/contract/handler.js';
import type { ResourceRow } from '../../src/store/resources.js';

const ctx = () => ({ params: { id: 'sa-1' } }) as unknown as RequestContext;
const row = { seq: 1, org_id: 'o1', type: 'ServiceAccount', id: 'sa-1', scope: '', crn: 'crn://x', body: {}, lifecycle: null, created_at: 0, updated_at: 0, deleted_at: null } as ResourceRow;

describe('a row read before the handler runs', () => {
  it('is handed once, and only for the very resource it was read for', () => {
    const c = ctx();
    rememberRow(c, 'o1', 'ServiceAccount', 'sa-1', row);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-1')).toBe(row);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-1')).toBeUndefined();

    const other = ctx();
    rememberRow(other, 'o1', 'ServiceAccount', 'sa-1', row);
    expect(takeRow(other, 'o2', 'ServiceAccount', 'sa-1')).toBeUndefined();
    rememberRow(other, 'o1', 'ServiceAccount', 'sa-1', row);
    expect(takeRow(other, 'o1', 'User', 'sa-1')).toBeUndefined();
  });

  it('remembers that no live row was found, so the handler answers 404 without reading again', () => {
    const c = ctx();
    rememberRow(c, 'o1', 'ServiceAccount', 'sa-9', undefined);
    expect(takeRow(c, 'o1', 'ServiceAccount', 'sa-9')).toBeNull();
    expect(takeRow(ctx(), 'o1', 'ServiceAccount', 'sa-9')).toBeUndefined();
  });
});
