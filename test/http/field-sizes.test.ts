import { describe, expect, it } from 'vitest';
import { checkFieldSizes } from '../../src/http/field-sizes.js';

const refused = (body: unknown) => {
  try {
    checkFieldSizes(body, 422, 5);
  } catch (err) {
    return (err as { source?: { pointer?: string } }).source?.pointer;
  }
  return undefined;
};

describe('checkFieldSizes', () => {
  it('names the first field too long by its JSON pointer, escaped, at any depth; a too-long key by its object', () => {
    expect(refused({ a: 'short', b: { 'c/d': [1, 'ok', { 'e~f': 'far too long' }] } })).toBe('/b/c~1d/2/e~0f');
    expect(refused({ n: { abcdefgh: 1 } })).toBe('/n');
    expect(refused('far too long')).toBe('/');
    expect(refused({ a: 'short', list: ['ok', null, 3] })).toBeUndefined();
  });

  it('walks a deeply nested body without recursion', () => {
    let deep: unknown = 'far too long';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refused(deep)).toMatch(/^(\/0){100000}$/);
  });
});
