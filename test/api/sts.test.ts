import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

const ISSUER = 'https://idp.example.com';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', authorization: '' };

/** A JWT as an external identity provider issues it; the emulator reads its claims, not its signature. */
const jwt = (claims: Record<string, unknown>) =>
  [{ alg: 'RS256', typ: 'JWT' }, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') + '.c2lnbmF0dXJl';

describe('sts/v1: exchanging an external token for an access token', () => {
  let t: TestEmulator;
  let org: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let provider: string;
  let pool: string;
  const now = () => Math.floor(t.rt.clock.now() / 1000);
  const exchange = (fields: Record<string, string>) =>
    t.request(
      'POST',
      '/sts/v1/oauth2/token',
      new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        identity_pool_id: pool,
        subject_token: jwt({ iss: ISSUER, sub: 'client-1', exp: now() + 3600 }),
        ...fields,
      }).toString(),
      FORM,
    );
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await TestEmulator.start();
    org = await t.newOrg();
    const p = await t.post('/iam/v2/identity-providers', { display_name: 'idp', description: 'd', issuer: ISSUER, jwks_uri: `${ISSUER}/keys` }, { authorization: org.auth });
    expect(p.status, p.raw).toBe(201);
    provider = p.body.id;
    const q = await t.post(`/iam/v2/identity-providers/${provider}/identity-pools`, { display_name: 'pool', description: 'd', identity_claim: 'claims.sub', filter: 'true' }, { authorization: org.auth });
    expect(q.status, q.raw).toBe(201);
    pool = q.body.id;
    // The pool acts in its environment, as it would need on Confluent Cloud.
    const rb = await t.post('/iam/v2/role-bindings', { principal: `User:${pool}`, role_name: 'EnvironmentAdmin', crn_pattern: `crn://confluent.cloud/organization=${org.org}/environment=${org.env}` }, { authorization: org.auth });
    expect(rb.status, rb.raw).toBe(201);
  });
  afterAll(() => t.close());

  it('issues a Bearer token that works on the operations taking confluent-sts-access-token, in its own organization only', async () => {
    const r = await exchange({ expires_in: '600' });
    expect(r.status, r.raw).toBe(200);
    expect(r.body).toMatchObject({ issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 600 });
    const envs = await t.get('/org/v2/environments', bearer(r.body.access_token));
    expect(envs.status, envs.raw).toBe(200);
    expect(envs.body.data.map((e: { id: string }) => e.id)).toEqual([org.env]);
    expect((await t.get('/iam/v2/service-accounts', bearer(r.body.access_token))).status).toBe(200);
    // API keys take a Cloud API key only.
    const keys = await t.get('/iam/v2/api-keys', bearer(r.body.access_token));
    expect(keys.status).toBe(401);
    expect(errorsOf(keys)[0].detail).toMatch(/does not accept access tokens/);
  });

  it('expires on the virtual clock, and stops working when its pool is deleted', async () => {
    const short = (await exchange({ expires_in: '60' })).body.access_token;
    const long = (await exchange({})).body.access_token;
    expect((await t.get('/org/v2/environments', bearer(short))).status).toBe(200);
    expect((await t.post('/_emulator/clock/advance', { seconds: 61 })).status).toBe(200);
    const expired = await t.get('/org/v2/environments', bearer(short));
    expect(expired.status).toBe(401);
    expect(expired.headers['www-authenticate']).toBeDefined();
    expect((await t.get('/org/v2/environments', bearer(long))).status).toBe(200);

    const other = await t.post(`/iam/v2/identity-providers/${provider}/identity-pools`, { display_name: 'gone', description: 'd', identity_claim: 'claims.sub', filter: 'true' }, { authorization: org.auth });
    const token = (await exchange({ identity_pool_id: other.body.id })).body.access_token;
    expect((await t.get('/org/v2/environments', bearer(token))).status).toBe(200);
    expect((await t.delete(`/iam/v2/identity-providers/${provider}/identity-pools/${other.body.id}`, { authorization: org.auth })).status).toBe(204);
    expect((await t.get('/org/v2/environments', bearer(token))).status).toBe(401);
  });

  it('refuses a forged or altered token', async () => {
    const token: string = (await exchange({})).body.access_token;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = [header, Buffer.from(JSON.stringify({ ...claims, org: '11111111-1111-4111-8111-111111111111' })).toString('base64url'), signature].join('.');
    for (const bad of [altered, `${token}x`, 'not-a-token', jwt({ iss: 'Confluent', org: claims.org, pool, exp: now() + 60 })]) {
      expect((await t.get('/org/v2/environments', bearer(bad))).status, bad).toBe(401);
    }
  });

  it('answers 400 for every bad exchange, in the management error shape', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ grant_type: 'client_credentials' }, /grant_type/],
      [{ subject_token_type: 'urn:ietf:params:oauth:token-type:saml2' }, /subject_token_type/],
      [{ requested_token_type: 'urn:ietf:params:oauth:token-type:id_token' }, /requested_token_type/],
      [{ identity_pool_id: 'pool-nope' }, /does not exist/],
      [{ subject_token: 'opaque' }, /not a JWT/],
      [{ subject_token: jwt({ iss: 'https://elsewhere.example.com', sub: 'x' }) }, /issuer/],
      [{ subject_token: jwt({ iss: ISSUER, sub: 'x', exp: now() - 1 }) }, /expired/],
      [{ subject_token: jwt({ iss: ISSUER, email: 'x@example.com' }) }, /claims\.sub/],
      [{ expires_in: '901' }, /expires_in/],
      [{ expires_in: 'soon' }, /expires_in/],
    ];
    for (const [fields, detail] of cases) {
      const r = await exchange(fields);
      expect(r.status, `${JSON.stringify(fields)}: ${r.raw}`).toBe(400);
      expect(errorsOf(r)[0]).toMatchObject({ status: '400', detail: expect.stringMatching(detail) });
    }
    const missing = await t.request('POST', '/sts/v1/oauth2/token', 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange', FORM);
    expect(missing.status).toBe(400);
    const json = await t.request('POST', '/sts/v1/oauth2/token', JSON.stringify({ identity_pool_id: pool }), { 'content-type': 'application/json', authorization: '' });
    expect(json.status).toBe(415);
  });

  it('keeps a Cloud API key working next to tokens', async () => {
    const r = await t.get('/org/v2/environments', { authorization: basic(org.key, org.secret) });
    expect(r.status).toBe(200);
  });
});
