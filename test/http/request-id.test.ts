import { describe, expect, it } from 'vitest';
import { requestIds } from '../../src/http/request-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('are version-4 UUIDs, never repeated within a process, and differ between processes', () => {
    const next = requestIds();
    const ids = Array.from({ length: 10_000 }, next);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    const other = requestIds();
    expect(other().slice(0, 24)).not.toBe(ids[0].slice(0, 24));
  });
});
