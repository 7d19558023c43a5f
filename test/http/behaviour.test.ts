import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

describe('behaviour on every request', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ rateLimit: 5, bodyLimit: 4096 });
  });
  afterAll(() => t.close());

  // Rate limiting is per key: each test that makes several requests uses its own org.
  it('X-Request-Id on success, errors and unknown paths', async () => {
    const { auth } = await t.newOrg();
    const ok = await t.get('/org/v2/environments', { authorization: auth });
    const unknown = await t.get('/nope/v9/things');
    const unauth = await t.get('/org/v2/environments', { authorization: '' });
    for (const r of [ok, unknown, unauth]) expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([ok, unknown, unauth].map((r) => r.headers['x-request-id'])).size).toBe(3);
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown)[0]).toMatchObject({ status: '404', title: 'Not Found' });
  });

  it('401 with WWW-Authenticate for missing, malformed, wrong and unknown credentials', async () => {
    const cases = ['', 'Bearer abc', 'Basic !!!', basic('EMULATORCLOUDKEY', 'wrong'), basic('NOSUCHKEY', 'x')];
    for (const authorization of cases) {
      const r = await t.get('/org/v2/environments', { authorization });
      expect(r.status, authorization).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Basic error="invalid_key", error_description="The API Key is invalid"');
      expect(errorsOf(r)[0]).toMatchObject({ status: '401', code: 'user_unauthenticated' });
      expect(errorsOf(r)[0].id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('rate limits per key: headers with relative reset, then 429 with Retry-After; other keys unaffected', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await t.get('/org/v2/environments', { authorization: a.auth }));
    expect(seen.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['4', '3', '2', '1', '0']);
    for (const r of seen) {
      expect(r.headers['x-ratelimit-limit']).toBe('5');
      expect(Number(r.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(r.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(60);
    }
    const limited = await t.get('/org/v2/environments', { authorization: a.auth });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(errorsOf(limited)[0]).toMatchObject({ status: '429' });
    expect((await t.get('/org/v2/environments', { authorization: b.auth })).status).toBe(200);
    // The window runs on the virtual clock: moving it a minute on lifts the limit.
    await t.post('/_emulator/clock/advance', { seconds: 61 });
    expect((await t.get('/org/v2/environments', { authorization: a.auth })).status).toBe(200);
  });

  it('400 for malformed JSON, 415 for a wrong content type, 413 for an oversized body', async () => {
    const { auth } = await t.newOrg();
    const bad = await t.request('POST', '/org/v2/environments', '{"display_name":', { authorization: auth });
    expect(bad.status).toBe(400);
    expect(errorsOf(bad)[0]).toMatchObject({ status: '400', code: 'invalid_json' });
    const wrongType = await t.request('POST', '/org/v2/environments', 'display_name=x', { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBe(415);
    expect(errorsOf(wrongType)[0]).toMatchObject({ status: '415' });
    // A JSON media type the operation does not declare is refused too.
    const vendorType = await t.request('POST', '/org/v2/environments', { display_name: 'x' }, { authorization: auth, 'content-type': 'application/vnd.kafka.json.v2+json' });
    expect(vendorType.status).toBe(415);
    const withCharset = await t.request('POST', '/org/v2/environments', { display_name: 'x' }, { authorization: auth, 'content-type': 'application/json; charset=utf-8' });
    expect(withCharset.status).toBe(201);
    const huge = await t.request('POST', '/org/v2/environments', { display_name: 'x'.repeat(5000) }, { authorization: auth });
    expect(huge.status).toBe(413);
    expect(errorsOf(huge)[0]).toMatchObject({ status: '413' });
  });

  it('a JSON content type with no body is no body: fine on DELETE, a missing body on POST', async () => {
    const { auth } = await t.newOrg();
    const env = (await t.post('/org/v2/environments', { display_name: 'gone' }, { authorization: auth })).body;
    const del = await t.request('DELETE', `/org/v2/environments/${env.id}`, '', { authorization: auth, 'content-type': 'application/json' });
    expect(del.status).toBe(204);
    const post = await t.request('POST', '/org/v2/environments', '', { authorization: auth, 'content-type': 'application/json' });
    expect(post.status).toBe(400);
    expect(errorsOf(post)[0]).toMatchObject({ status: '400', detail: 'The request body is required' });
  });

  it('400 with source.parameter for a bad query parameter, 422 with pointers for a bad body', async () => {
    const { auth } = await t.newOrg();
    const size = await t.get('/org/v2/environments?page_size=abc', { authorization: auth });
    expect(size.status).toBe(400);
    expect(errorsOf(size)[0].source).toEqual({ parameter: 'page_size' });
    const body = await t.post('/org/v2/environments', { display_name: 42 }, { authorization: auth });
    expect(body.status).toBe(422);
    expect(errorsOf(body)[0]).toMatchObject({ code: 'invalid_configuration', source: { pointer: '/display_name' } });
  });

  it('offers the newer error format, per request or by configuration', async () => {
    const r = await t.get('/org/v2/environments/env-nope', { authorization: (await t.newOrg()).auth, 'x-emulator-error-format': 'status' });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ status: 404, error: { code: 'NOT_FOUND', path: '/org/v2/environments/env-nope' }, requestId: r.headers['x-request-id'] });
    expect(r.body.error.timestamp).toMatch(/Z$/);
    expect(r.body.error.message).not.toMatch(/\.$/);
    const s = await TestEmulator.start({ errorFormat: 'status' });
    try {
      const r2 = await s.get('/iam/v2/users/u-nope');
      expect(r2.body).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    } finally {
      await s.close();
    }
  });

  it('serves the merged document and the browsable UI', async () => {
    const doc = await t.get('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.paths['/org/v2/environments'].get.operationId).toBe('listOrgV2Environments');
    expect(doc.body.components.schemas.Failure).toBeDefined();
    expect(JSON.stringify(doc.body)).not.toContain('common.yaml#');
    const ui = await t.get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.raw).toContain('swagger');
  });
});
