import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';
import { CRN, detailOf, grant, revoke } from './support.js';
import { compileGroupFilter, GroupFilterError } from '../../src/authorization/index.js';

describe('SSO group mappings as principals', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let user: string;
  let otherEnv: string;
  const as = (auth: string) => ({ authorization: auth });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const envCrn = (env: string) => `${CRN}/organization=${o.org}/environment=${env}`;

  const mapping = async (filter: string): Promise<string> => {
    const r = await t.post('/iam/v2/sso/group-mappings', { display_name: `m ${filter}`, description: 'd', filter }, as(o.auth));
    expect(r.status, r.raw).toBe(201);
    return r.body.id;
  };
  const signIn = async (groups: string[], userId = user) => {
    const r = await t.post('/_emulator/sso/sign-in', { user_id: userId, groups });
    expect(r.status, r.raw).toBe(200);
    return r;
  };

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    o = await t.newOrg();
    const inv = await t.post('/iam/v2/invitations', { email: 'sso-user@example.com', auth_type: 'AUTH_TYPE_SSO' }, as(o.auth));
    expect(inv.status, inv.raw).toBe(201);
    user = inv.body.user.id;
    const e = await t.post('/org/v2/environments', { display_name: 'other' }, as(o.auth));
    otherEnv = e.body.id;
  });
  afterAll(() => t.close());

  it('a binding on a group mapping holds for an SSO session whose groups match its filter, in its scope only', async () => {
    const m = await mapping('"engineering" in groups');
    const rb = await grant(t, o.auth, `User:${m}`, 'EnvironmentAdmin', envCrn(o.env));
    const session = await signIn(['engineering', 'everyone']);
    expect(session.body).toMatchObject({ token_type: 'Bearer', user_id: user, organization_id: o.org, groups: ['engineering', 'everyone'] });
    expect(session.body.group_mappings).toContainEqual({ id: m, filter: '"engineering" in groups', matches: true });
    const token = session.body.access_token;
    expect((await t.get(`/org/v2/environments/${o.env}`, bearer(token))).status).toBe(200);
    const other = await t.get(`/org/v2/environments/${otherEnv}`, bearer(token));
    expect(other.status).toBe(403);
    expect(detailOf(other)).toContain(`User:${user}`);
    expect(detailOf(other)).toContain(`User:${m}`);
    // The list shows the environment the group may see, and no other.
    expect((await t.get('/org/v2/environments', bearer(token))).body.data.map((x: any) => x.id)).toEqual([o.env]);
    // Another session without the group, and the user's own API key, get nothing from the mapping.
    const sales = (await signIn(['sales'])).body.access_token;
    const refused = await t.get(`/org/v2/environments/${o.env}`, bearer(sales));
    expect(refused.status).toBe(403);
    expect(detailOf(refused)).toContain('no role binding allows it');
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: user } } }, as(o.auth));
    expect(key.status, key.raw).toBe(202);
    expect((await t.get(`/org/v2/environments/${o.env}`, as(basic(key.body.id, key.body.spec.secret)))).status).toBe(403);
    // Revoking the binding takes it away from the live session.
    await revoke(t, o.auth, rb);
    expect((await t.get(`/org/v2/environments/${o.env}`, bearer(token))).status).toBe(403);
  });

  it('deleting the mapping, or signing in without the group, takes the permission away', async () => {
    const m = await mapping('groups.exists(g, g.startsWith("platform-"))');
    await grant(t, o.auth, `User:${m}`, 'EnvironmentAdmin', envCrn(otherEnv));
    const token = (await signIn(['platform-oncall'])).body.access_token;
    expect((await t.get(`/org/v2/environments/${otherEnv}`, bearer(token))).status).toBe(200);
    const left = (await signIn(['marketing'])).body.access_token;
    expect((await t.get(`/org/v2/environments/${otherEnv}`, bearer(left))).status).toBe(403);
    expect((await t.delete(`/iam/v2/sso/group-mappings/${m}`, as(o.auth))).status).toBe(204);
    expect((await t.get(`/org/v2/environments/${otherEnv}`, bearer(token))).status).toBe(403);
  });

  it('the user’s own bindings still count in an SSO session; a deleted user’s session stops', async () => {
    const inv = await t.post('/iam/v2/invitations', { email: 'leaver@example.com', auth_type: 'AUTH_TYPE_SSO' }, as(o.auth));
    const leaver = inv.body.user.id;
    await grant(t, o.auth, `User:${leaver}`, 'EnvironmentAdmin', envCrn(o.env));
    const token = (await signIn([], leaver)).body.access_token;
    expect((await t.get(`/org/v2/environments/${o.env}`, bearer(token))).status).toBe(200);
    expect((await t.delete(`/iam/v2/users/${leaver}`, as(o.auth))).status).toBe(204);
    expect((await t.get(`/org/v2/environments/${o.env}`, bearer(token))).status).toBe(401);
  });

  it('GET /_emulator/authorization decides with the groups given, and names the mappings they match', async () => {
    const m = await mapping('"auditors" in groups && !("contractors" in groups)');
    await grant(t, o.auth, `User:${m}`, 'Operator', envCrn(o.env));
    const q = (groups: string) =>
      t.get(`/_emulator/authorization?principal=User:${user}&action=DESCRIBE&crn=${encodeURIComponent(envCrn(o.env))}&groups=${encodeURIComponent(groups)}`);
    const yes = await q('auditors');
    expect(yes.status, yes.raw).toBe(200);
    expect(yes.body.allowed).toBe(true);
    expect(yes.body.bindings).toContainEqual(expect.objectContaining({ principal: `User:${m}`, role_name: 'Operator' }));
    expect(yes.body.group_mappings).toContainEqual({ id: m, filter: '"auditors" in groups && !("contractors" in groups)', matches: true });
    const no = await q('auditors,contractors');
    expect(no.body.allowed).toBe(false);
    expect(no.body.group_mappings).toContainEqual(expect.objectContaining({ id: m, matches: false }));
  });

  it('a filter the emulator cannot evaluate matches nothing and says why', async () => {
    const m = await mapping('groups.all(g, g == "x")');
    const s = await signIn(['x']);
    expect(s.body.group_mappings).toContainEqual(expect.objectContaining({ id: m, matches: false, error: expect.stringContaining('cannot evaluate') }));
  });

  it('signing in needs a user that exists', async () => {
    const r = await t.post('/_emulator/sso/sign-in', { user_id: 'u-nope', groups: [] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('u-nope');
  });
});

describe('group mapping filters', () => {
  const cases: Array<[string, string[], boolean]> = [
    ['"a" in groups', ['a', 'b'], true],
    ['"a" in groups', ['b'], false],
    ["'a' in groups || \"c\" in groups", ['c'], true],
    ['"a" in groups && "b" in groups', ['a'], false],
    ['!("a" in groups)', ['b'], true],
    ['true', [], true],
    ['false', ['a'], false],
    ['size(groups) > 1', ['a', 'b'], true],
    ['size(groups) == 0', ['a'], false],
    ['groups.exists(g, g.startsWith("eng-") && !g.endsWith("-ro"))', ['eng-ro', 'eng-rw'], true],
    ['groups.exists(g, g.startsWith("eng-") && !g.endsWith("-ro"))', ['eng-ro'], false],
    ['groups.exists(x, x == "ops" || x.contains("admin"))', ['team-admins'], true],
  ];
  it.each(cases)('%s on %j is %s', (filter, groups, expected) => {
    expect(compileGroupFilter(filter)(groups)).toBe(expected);
  });
  it('refuses what it cannot read', () => {
    for (const bad of ['"a" in', 'groups.map(g, g)', '"a" in groups )', '"unterminated in groups', 'claims.sub == "x"']) {
      expect(() => compileGroupFilter(bad), bad).toThrow(GroupFilterError);
    }
  });
});
