import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';

describe('pagination', () => {
  let t: TestEmulator;
  let auth: string;
  beforeAll(async () => {
    t = await TestEmulator.start();
    auth = (await t.newOrg()).auth;
    for (let i = 0; i < 25; i++) await t.post('/iam/v2/service-accounts', { display_name: `sa-${i}` }, { authorization: auth });
  });
  afterAll(() => t.close());

  const get = (url: string) => t.get(url.replace('http://emulator.test', ''), { authorization: auth });

  it('walks every page once, with absolute links and total_size', async () => {
    const first = await get('/iam/v2/service-accounts?page_size=10');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ api_version: 'iam/v2', kind: 'ServiceAccountList' });
    expect(first.body.metadata.total_size).toBe(25);
    expect(first.body.metadata.first).toBe('http://emulator.test/iam/v2/service-accounts?page_size=10');
    expect(first.body.metadata.prev).toBeUndefined();
    expect(first.body.metadata.next).toMatch(/^http:\/\/emulator\.test\/iam\/v2\/service-accounts\?page_token=/);
    const names: string[] = first.body.data.map((s: any) => s.display_name);
    let next = first.body.metadata.next;
    let pages = 1;
    while (next) {
      const page = await get(next);
      expect(page.status).toBe(200);
      names.push(...page.body.data.map((s: any) => s.display_name));
      next = page.body.metadata.next;
      pages++;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(Array.from({ length: 25 }, (_, i) => `sa-${i}`));
  });

  it('returns every item exactly once while items are created between pages', async () => {
    const { auth: a } = await t.newOrg();
    for (let i = 0; i < 12; i++) await t.post('/iam/v2/service-accounts', { display_name: `x-${i}` }, { authorization: a });
    const seen: string[] = [];
    let url: string | undefined = '/iam/v2/service-accounts?page_size=5';
    let n = 0;
    while (url) {
      const page = await t.get(url.replace('http://emulator.test', ''), { authorization: a });
      seen.push(...page.body.data.map((s: any) => s.id));
      await t.post('/iam/v2/service-accounts', { display_name: `during-${n++}` }, { authorization: a });
      url = page.body.metadata.next;
      if (n > 20) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const all = await t.get('/iam/v2/service-accounts?page_size=100', { authorization: a });
    const original = all.body.data.filter((s: any) => s.display_name.startsWith('x-')).map((s: any) => s.id);
    expect(seen).toEqual(expect.arrayContaining(original));
  });

  it('page_size is honoured only on the first request; prev and last links work', async () => {
    const first = await get('/iam/v2/service-accounts?page_size=10');
    const second = await get(first.body.metadata.next + '&page_size=2');
    expect(second.body.data).toHaveLength(10);
    const prev = await get(second.body.metadata.prev);
    expect(prev.body.data.map((s: any) => s.id)).toEqual(first.body.data.map((s: any) => s.id));
    const last = await get(first.body.metadata.last);
    expect(last.body.data.map((s: any) => s.display_name).at(-1)).toBe('sa-24');
    expect(last.body.metadata.next).toBeUndefined();
  });

  it('uses the default page size and refuses one above the maximum', async () => {
    const def = await get('/iam/v2/service-accounts');
    expect(def.body.data).toHaveLength(10);
    const tooBig = await get('/iam/v2/service-accounts?page_size=101');
    expect(tooBig.status).toBe(400);
    expect(errorsOf(tooBig)[0].source).toEqual({ parameter: 'page_size' });
  });

  it('refuses tampered tokens and tokens of another list or organization with 400', async () => {
    const first = await get('/iam/v2/service-accounts?page_size=10');
    const token = new URL(first.body.metadata.next).searchParams.get('page_token')!;
    const tampered = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    for (const bad of [tampered, 'not-a-token', `${token}x`]) {
      const r = await get(`/iam/v2/service-accounts?page_token=${encodeURIComponent(bad)}`);
      expect(r.status).toBe(400);
      expect(errorsOf(r)[0]).toMatchObject({ status: '400', source: { parameter: 'page_token' } });
    }
    const otherList = await get(`/org/v2/environments?page_token=${encodeURIComponent(token)}`);
    expect(otherList.status).toBe(400);
    const other = await t.newOrg();
    const foreign = await t.get(`/iam/v2/service-accounts?page_token=${encodeURIComponent(token)}`, { authorization: other.auth });
    expect(foreign.status).toBe(400);
  });
});
