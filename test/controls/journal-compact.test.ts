import { describe, expect, it } from 'vitest';
import { Journal, type JournalEntry } from '../../src/control/journal.js';
import { TextRing } from '../../src/control/text-ring.js';

/** A deterministic pseudo-random sequence (the same run every time). */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

describe('the text ring keeps texts in order through wrapping and growing', () => {
  it('reads back every live text after thousands of writes and releases of mixed sizes and alphabets', () => {
    const ring = new TextRing(256);
    const rnd = random(7);
    const live: Array<{ text: string; at: number; bytes: number; end: number }> = [];
    const alphabet = ['a', 'é', '€', '😀', '"', '\\'];
    let grown = 0;
    for (let i = 0; i < 3000; i++) {
      const n = Math.floor(rnd() ** 3 * 600);
      let text = `${i}:`;
      for (let k = 0; k < n; k++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const at = ring.begin(Buffer.byteLength(text));
      const bytes = ring.write(text, at);
      ring.commit(at + bytes);
      live.push({ text, at, bytes, end: at + bytes });
      // Keep between 1 and 40 live texts, releasing the oldest first, as the journal does.
      while (live.length > 1 + Math.floor(rnd() * 40)) ring.release(live.shift()!.end);
      if (ring.capacity > 256 && grown === 0) grown = i;
      const wrong = live.filter((t) => ring.read(t.at, t.bytes) !== t.text);
      if (wrong.length) expect({ i, text: ring.read(wrong[0].at, wrong[0].bytes) }).toEqual({ i, text: wrong[0].text });
    }
    expect(grown).toBeGreaterThan(0);
    // It grew to hold the live texts, not every text ever written.
    expect(ring.capacity).toBeLessThan(64 * 1024);
  });
});

const entry = (i: number, over: Partial<JournalEntry> = {}) => ({
  request_id: `req-${i}`,
  timeMs: Date.UTC(2026, 0, 1) + i,
  method: i % 3 === 0 ? 'POST' : 'GET',
  path: `/iam/v2/service-accounts/sa-${i}`,
  operation_id: i % 3 === 0 ? 'createIamV2ServiceAccount' : 'getIamV2ServiceAccount',
  status: i % 7 === 0 ? 404 : 200,
  organization_id: i % 2 === 0 ? 'org-even' : 'org-odd',
  api_key: 'KEY',
  duration_ms: i / 100,
  query: i % 5 === 0 ? { page_size: String(i) } : {},
  ...over,
});

describe('the compact journal answers what was recorded', () => {
  it('keeps the newest entries of a ring that wrapped many times, with their texts as sent (any alphabet)', () => {
    const j = new Journal(50);
    for (let i = 0; i < 1234; i++) {
      const name = i % 4 === 0 ? `naïve-€-😀-${i}` : `plain-${i}`;
      const request = i % 3 === 0 ? JSON.stringify({ display_name: name }) : undefined;
      j.record(entry(i, i % 11 === 0 ? { hint: '/iam/v2/service-accounts/{id}', fault_id: `f-${i}` } : {}), request === undefined ? undefined : JSON.parse(request), JSON.stringify({ id: `sa-${i}`, display_name: name }), request);
    }
    const all = j.list();
    expect(all.map((e) => e.request_id)).toEqual(Array.from({ length: 50 }, (_, k) => `req-${1184 + k}`));
    for (const e of all) {
      const i = Number(e.request_id.slice(4));
      const name = i % 4 === 0 ? `naïve-€-😀-${i}` : `plain-${i}`;
      expect(e).toEqual({
        request_id: `req-${i}`,
        method: i % 3 === 0 ? 'POST' : 'GET',
        path: `/iam/v2/service-accounts/sa-${i}`,
        operation_id: i % 3 === 0 ? 'createIamV2ServiceAccount' : 'getIamV2ServiceAccount',
        status: i % 7 === 0 ? 404 : 200,
        organization_id: i % 2 === 0 ? 'org-even' : 'org-odd',
        api_key: 'KEY',
        duration_ms: i / 100,
        query: i % 5 === 0 ? { page_size: String(i) } : {},
        hint: i % 11 === 0 ? '/iam/v2/service-accounts/{id}' : undefined,
        fault_id: i % 11 === 0 ? `f-${i}` : undefined,
        response_body: { id: `sa-${i}`, display_name: name },
        request_body: i % 3 === 0 ? { display_name: name } : null,
        time: new Date(Date.UTC(2026, 0, 1) + i).toISOString(),
      });
    }
  });

  it('filters on every field, the path prefix included', () => {
    const j = new Journal(100);
    for (let i = 0; i < 30; i++) j.record(entry(i), undefined, '{}');
    expect(j.list({ path_prefix: '/iam/v2/service-accounts/sa-2' }).map((e) => e.path)).toEqual(['/iam/v2/service-accounts/sa-2', ...Array.from({ length: 10 }, (_, k) => `/iam/v2/service-accounts/sa-${20 + k}`)]);
    expect(j.list({ method: 'post', status: 404, organization_id: 'org-odd' }).map((e) => e.request_id)).toEqual(['req-21']);
    expect(j.list({ operation_id: 'createIamV2ServiceAccount' }, 2).map((e) => e.request_id)).toEqual(['req-24', 'req-27']);
  });

  it('a filtered clear keeps the other entries whole, in order, and recording goes on after it', () => {
    const j = new Journal(20);
    for (let i = 0; i < 45; i++) j.record(entry(i), { n: i }, JSON.stringify({ n: i, text: 'ü'.repeat(i) }), JSON.stringify({ n: i }));
    const before = j.list();
    expect(j.clear({ organization_id: 'org-even' })).toBe(10);
    expect(j.list()).toEqual(before.filter((e) => e.organization_id === 'org-odd'));
    for (let i = 45; i < 60; i++) j.record(entry(i), undefined, JSON.stringify({ n: i }));
    expect(j.list().map((e) => e.request_id)).toEqual([...Array.from({ length: 5 }, (_, k) => `req-${35 + 2 * k}`), ...Array.from({ length: 15 }, (_, k) => `req-${45 + k}`)]);
    expect(j.list().at(-1)!.response_body).toEqual({ n: 59 });
    expect(j.clear()).toBe(20);
    expect(j.list()).toEqual([]);
  });

  it('keeps bodies that are not JSON text as values, and oversized ones as a note of their size', () => {
    const j = new Journal(5);
    j.record(entry(1), Buffer.from('png'), 'not json');
    j.record(entry(2), { form: 'field' }, undefined);
    j.record(entry(3), undefined, 'z'.repeat(70_000));
    const [image, form, big] = j.list();
    expect(image.request_body).toEqual({ bytes: 3 });
    expect(image.response_body).toBe('not json');
    expect(form.request_body).toEqual({ form: 'field' });
    expect(form.response_body).toBeNull();
    expect(big.response_body).toEqual({ truncated: true, length: 70_000 });
  });
});
