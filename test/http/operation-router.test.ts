import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationRouter, RouteError } from '../../src/http/operation-router.js';
import { errorsOf, TestEmulator } from '../helpers.js';

describe('OperationRouter: the documents path table as a router', () => {
  const router = new OperationRouter<string>(20);
  router.add('GET', '/a/{id}', 'get-a');
  router.add('POST', '/a/{id}:pause', 'pause-a');
  router.add('GET', '/a/{id}:network', 'network-a');
  router.add('GET', '/a/special', 'special');
  router.add('DELETE', '/a/{name}/b', 'delete-b');
  router.add('POST', '/c/items:batch', 'batch');
  const find = (method: string, url: string) => {
    const m = router.find(method, url);
    return m && [m.target, m.params];
  };

  it('prefers a literal segment, and backtracks to a parameter when the literal leads nowhere', () => {
    expect(find('GET', '/a/special')).toEqual(['special', {}]);
    expect(find('DELETE', '/a/special/b')).toEqual(['delete-b', { name: 'special' }]);
    expect(find('GET', '/a/x')).toEqual(['get-a', { id: 'x' }]);
  });

  it('names parameters per path, and matches methods only where declared', () => {
    expect(find('DELETE', '/a/x/b')).toEqual(['delete-b', { name: 'x' }]);
    expect(find('PUT', '/a/x')).toBeUndefined();
    expect(find('GET', '/a/x/b')).toBeUndefined();
  });

  it('takes a suffixed parameter without a colon or slash, before a plain one', () => {
    expect(find('POST', '/a/x:pause')).toEqual(['pause-a', { id: 'x' }]);
    expect(find('GET', '/a/x:network')).toEqual(['network-a', { id: 'x' }]);
    expect(find('GET', '/a/x%3Anetwork')).toEqual(['network-a', { id: 'x' }]);
    expect(find('GET', '/a/x:y:network')).toEqual(['get-a', { id: 'x:y:network' }]);
    expect(find('GET', '/a/x%2Fy:network')).toEqual(['get-a', { id: 'x/y:network' }]);
    expect(find('GET', '/a/:network')).toEqual(['get-a', { id: ':network' }]);
    expect(find('POST', '/c/items:batch')).toEqual(['batch', {}]);
    expect(find('POST', '/c/items%3Abatch')).toBeUndefined();
  });

  it('decodes parameter values, keeps empty ones, folds neither slashes nor case, ignores the query', () => {
    expect(find('GET', '/a/x%2Fy%20z')).toEqual(['get-a', { id: 'x/y z' }]);
    expect(find('GET', '/a/')).toEqual(['get-a', { id: '' }]);
    expect(find('GET', '/a/x/')).toBeUndefined();
    expect(find('GET', '/A/x')).toBeUndefined();
    expect(find('GET', '/a/sp%65cial')).toEqual(['special', {}]);
    expect(find('GET', '/a/x?id=y')).toEqual(['get-a', { id: 'x' }]);
    expect(find('GET', '*')).toBeUndefined();
  });

  it('refuses a parameter past its length limit, and an undecodable one, as Fastify errors', () => {
    expect(() => router.find('GET', `/a/${'x'.repeat(21)}`)).toThrow(expect.objectContaining({ code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }));
    expect(() => router.find('GET', '/a/%FF')).toThrow(RouteError);
    expect(find('GET', `/a/${'x'.repeat(20)}`)).toEqual(['get-a', { id: 'x'.repeat(20) }]);
  });

  it('refuses a path routed twice, or a parameter inside a segment', () => {
    expect(() => router.add('GET', '/a/{other}', 'again')).toThrow(/routed twice/);
    expect(() => router.add('GET', '/x/a{id}', 'mid')).toThrow(/whole segment/);
  });
});

describe('the operations served through one catch-all route', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('answers HEAD with the GET operation, without a body', async () => {
    const get = await t.get('/org/v2/environments');
    const head = await t.request('HEAD', '/org/v2/environments');
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(head.raw).toBe('');
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.raw)));
  });

  it('answers an undeclared method or a trailing slash with the not-found error of the path group', async () => {
    for (const [method, url] of [
      ['PUT', '/org/v2/environments'],
      ['OPTIONS', '/org/v2/environments'],
      ['GET', '/org/v2/environments/'],
    ]) {
      const r = await t.request(method, url);
      expect(r.status, `${method} ${url}`).toBe(404);
      expect(errorsOf(r)[0], `${method} ${url}`).toMatchObject({ status: '404' });
    }
  });

  it('serves aliases, and refuses a path parameter past the limit with 414', async () => {
    const cluster = (await t.get(`/cmk/v2/clusters?environment=${t.env}`)).body.data[0]?.id ?? 'lkc-none';
    const alias = await t.get(`/v3/clusters/${cluster}/topics`);
    const canonical = await t.get(`/kafka/v3/clusters/${cluster}/topics`);
    expect(alias.status).toBe(canonical.status);
    const long = await t.get(`/org/v2/environments/${'e'.repeat(16 * 1024 + 1)}`);
    expect(long.status).toBe(414);
    expect(errorsOf(long)[0]).toMatchObject({ code: 'uri_too_long' });
  });

  it('journals the operation a request was routed to', async () => {
    await t.get('/org/v2/environments');
    const journal = await t.get('/_emulator/requests?limit=1');
    expect(journal.status).toBe(200);
    expect(JSON.stringify(journal.body)).toContain('listOrgV2Environments');
  });
});
