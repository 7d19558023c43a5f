import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

describe('the browsable documentation, built on its first request', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('serves Swagger UI under /docs, through the emulator hooks', async () => {
    for (const path of ['/docs', '/docs/']) {
      const page = await t.get(path);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.raw).toContain('Swagger UI');
      expect(page.headers['x-request-id']).toBeTruthy();
    }
  });

  it('serves the UI static files as bytes and the merged document as /docs/json', async () => {
    const css = await t.emu.app.inject({ method: 'GET', url: '/docs/static/swagger-ui.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(css.rawPayload.length).toBeGreaterThan(10_000);
    expect(Number(css.headers['content-length'])).toBe(css.rawPayload.length);
    const json = await t.get('/docs/json');
    const served = await t.get('/openapi.json');
    expect(json.status).toBe(200);
    expect(json.body).toEqual(served.body);
    const head = await t.emu.app.inject({ method: 'HEAD', url: '/docs/json' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('passes the UI redirect through without a body', async () => {
    const r = await t.get('/docs/static/index.html');
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/docs/');
    expect(r.raw).toBe('');
  });

  it('answers a path the UI does not serve with the emulator 404', async () => {
    const r = await t.get('/docs/static/no-such-file.js');
    expect(r.status).toBe(404);
    expect(r.body.errors[0]).toMatchObject({ status: '404', code: 'not_found' });
  });
});
