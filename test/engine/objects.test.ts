import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../src/engine/objects.js';

describe('cloneJson', () => {
  it('copies JSON-shaped data deeply: nothing of the copy is shared with the original', () => {
    const original = { a: 1, s: 'x', n: null, t: true, nested: { list: [1, { deep: 'y' }], empty: {} }, u: undefined };
    const copy = cloneJson(original);
    expect(copy).toEqual(original);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    copy.nested.list.push(2);
    (copy.nested.list[1] as { deep: string }).deep = 'changed';
    copy.nested.empty = { x: 1 } as never;
    expect(original).toEqual({ a: 1, s: 'x', n: null, t: true, nested: { list: [1, { deep: 'y' }], empty: {} }, u: undefined });
  });

  it('keeps a parsed "__proto__" key as an own property, and hands other objects to structuredClone', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "b": 1}');
    const copy = cloneJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(copy)).toEqual(['__proto__', 'b']);
    const when = new Date(0);
    const withDate = cloneJson({ when });
    expect(withDate.when).toEqual(when);
    expect(withDate.when).not.toBe(when);
  });
});
