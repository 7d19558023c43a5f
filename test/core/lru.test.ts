import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/core/lru.js';

describe('LruCache', () => {
  it('forgets the least recently used entry past its capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // 'b' is now the least recently used
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('computes a missing value once and caches nothing when the computation throws', () => {
    const cache = new LruCache<string, object>(4);
    let calls = 0;
    const first = cache.getOrCompute('k', () => ({ n: ++calls }));
    expect(cache.getOrCompute('k', () => ({ n: ++calls }))).toBe(first);
    expect(calls).toBe(1);
    expect(() => cache.getOrCompute('bad', () => { throw new Error('no'); })).toThrow('no');
    expect(cache.getOrCompute('bad', () => ({ n: ++calls }))).toEqual({ n: 2 });
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
