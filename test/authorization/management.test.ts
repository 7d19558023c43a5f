import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';
import { CRN, detailOf, grant, revoke, serviceAccount } from './support.js';

describe('authorization of the management APIs', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let otherEnv: string;
  const orgCrn = () => `${CRN}/organization=${o.org}`;
  const envCrn = (env: string) => `${orgCrn()}/environment=${env}`;
  const as = (auth: string) => ({ authorization: auth });

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    o = await t.newOrg();
    const e = await t.post('/org/v2/environments', { display_name: 'other' }, as(o.auth));
    expect(e.status, e.raw).toBe(201);
    otherEnv = e.body.id;
  });
  afterAll(() => t.close());

  it('the org admin holds OrganizationAdmin as a binding that shows in lists', async () => {
    const r = await t.get(`/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(orgCrn())}`, as(o.auth));
    expect(r.status, r.raw).toBe(200);
    expect(r.body.data).toContainEqual(expect.objectContaining({ principal: `User:${o.user}`, role_name: 'OrganizationAdmin', crn_pattern: orgCrn() }));
  });

  it('a service account without bindings cannot grant itself a role, mint a key for another, delete a user or the admin’s key; the 403 names principal, action, CRN and roles', async () => {
    const sa = await serviceAccount(t, o.auth, 'nobody');
    const selfGrant = await t.post('/iam/v2/role-bindings', { principal: sa.principal, role_name: 'OrganizationAdmin', crn_pattern: orgCrn() }, as(sa.auth));
    expect(selfGrant.status).toBe(403);
    expect(errorsOf(selfGrant)[0]).toMatchObject({ status: '403', code: 'user_unauthorized' });
    const detail = detailOf(selfGrant);
    expect(detail).toContain(sa.principal);
    expect(detail).toContain('ALTER_ACCESS');
    expect(detail).toContain(orgCrn());
    expect(detail).toContain('OrganizationAdmin');

    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user } } }, as(sa.auth));
    expect(key.status).toBe(403);
    expect(detailOf(key)).toContain(`user=${o.user}/api-key=*`);
    expect((await t.delete(`/iam/v2/users/${o.user}`, as(sa.auth))).status).toBe(403);
    expect((await t.delete(`/iam/v2/api-keys/${o.key}`, as(sa.auth))).status).toBe(403);
    expect((await t.post('/iam/v2/service-accounts', { display_name: 'more', description: 'x' }, as(sa.auth))).status).toBe(403);
    expect((await t.post('/org/v2/environments', { display_name: 'mine' }, as(sa.auth))).status).toBe(403);
    const read = await t.get(`/org/v2/environments/${o.env}`, as(sa.auth));
    expect(read.status).toBe(403);
    expect(detailOf(read)).toContain(envCrn(o.env));
    // Lists answer what it may see: nothing but its own key.
    expect((await t.get('/org/v2/environments', as(sa.auth))).body.data).toEqual([]);
    expect((await t.get('/iam/v2/api-keys', as(sa.auth))).body.data.map((k: any) => k.id)).toEqual([sa.cloudKeyId]);
    // Its own keys are its own business.
    const own = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa.id } } }, as(sa.auth));
    expect(own.status, own.raw).toBe(202);
    expect((await t.delete(`/iam/v2/api-keys/${own.body.id}`, as(sa.auth))).status).toBe(204);
    // Everything above still stands.
    expect((await t.get(`/iam/v2/users/${o.user}`, as(o.auth))).status).toBe(200);
    expect((await t.get(`/iam/v2/api-keys/${o.key}`, as(o.auth))).status).toBe(200);
  });

  it('an EnvironmentAdmin of one environment manages it and sees only it; the other environment stays out of reach', async () => {
    const sa = await serviceAccount(t, o.auth, 'env-admin');
    const rb = await grant(t, o.auth, sa.principal, 'EnvironmentAdmin', envCrn(o.env));
    const envs = await t.get('/org/v2/environments', as(sa.auth));
    expect(envs.status, envs.raw).toBe(200);
    expect(envs.body.data.map((e: any) => e.id)).toEqual([o.env]);
    expect(envs.body.metadata.total_size).toBe(1);
    expect((await t.get(`/org/v2/environments/${o.env}`, as(sa.auth))).status).toBe(200);
    expect((await t.patch(`/org/v2/environments/${o.env}`, { display_name: 'renamed' }, as(sa.auth))).status).toBe(200);
    const other = await t.get(`/org/v2/environments/${otherEnv}`, as(sa.auth));
    expect(other.status).toBe(403);
    expect(detailOf(other)).toContain(envCrn(otherEnv));
    expect((await t.delete(`/org/v2/environments/${otherEnv}`, as(sa.auth))).status).toBe(403);

    const spec = (env: string) => ({ spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
    const mine = await t.post('/cmk/v2/clusters', spec(o.env), as(sa.auth));
    expect(mine.status, mine.raw).toBe(202);
    expect((await t.post('/cmk/v2/clusters', spec(otherEnv), as(sa.auth))).status).toBe(403);
    expect((await t.get(`/cmk/v2/clusters?environment=${otherEnv}`, as(sa.auth))).body.data).toEqual([]);
    expect((await t.get(`/cmk/v2/clusters?environment=${o.env}`, as(sa.auth))).body.data.map((c: any) => c.id)).toEqual([mine.body.id]);
    // It may grant roles inside its environment only.
    const sub = await serviceAccount(t, o.auth, 'env-dev');
    const inside = await t.post('/iam/v2/role-bindings', { principal: sub.principal, role_name: 'CloudClusterAdmin', crn_pattern: mine.body.metadata.resource_name }, as(sa.auth));
    expect(inside.status, inside.raw).toBe(201);
    expect((await t.post('/iam/v2/role-bindings', { principal: sub.principal, role_name: 'EnvironmentAdmin', crn_pattern: envCrn(otherEnv) }, as(sa.auth))).status).toBe(403);
    // Organization-level resources are not the environment's.
    expect((await t.post('/iam/v2/service-accounts', { display_name: 'by-env-admin', description: 'x' }, as(sa.auth))).status).toBe(403);

    // Deleting the binding takes the permission away on the very next request.
    await revoke(t, o.auth, rb);
    expect((await t.get(`/org/v2/environments/${o.env}`, as(sa.auth))).status).toBe(403);
    expect((await t.get('/org/v2/environments', as(sa.auth))).body.data).toEqual([]);
  });

  it('AccountAdmin manages service accounts and their keys but grants no roles', async () => {
    const sa = await serviceAccount(t, o.auth, 'accounts');
    await grant(t, o.auth, sa.principal, 'AccountAdmin', orgCrn());
    const made = await t.post('/iam/v2/service-accounts', { display_name: 'made-by-account-admin', description: 'x' }, as(sa.auth));
    expect(made.status, made.raw).toBe(201);
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: made.body.id } } }, as(sa.auth));
    expect(key.status, key.raw).toBe(202);
    expect((await t.post('/iam/v2/role-bindings', { principal: `User:${made.body.id}`, role_name: 'EnvironmentAdmin', crn_pattern: envCrn(o.env) }, as(sa.auth))).status).toBe(403);
    expect((await t.delete(`/iam/v2/service-accounts/${made.body.id}`, as(sa.auth))).status).toBe(204);
  });

  it('a role binding lists for its own principal, and not for another without access', async () => {
    const a = await serviceAccount(t, o.auth, 'lister-a');
    const b = await serviceAccount(t, o.auth, 'lister-b');
    const rb = await grant(t, o.auth, a.principal, 'Operator', envCrn(otherEnv));
    const q = `/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(orgCrn())}`;
    expect((await t.get(q, as(a.auth))).body.data.map((x: any) => x.id)).toEqual([rb]);
    expect((await t.get(q, as(b.auth))).body.data).toEqual([]);
    expect((await t.get(`/iam/v2/role-bindings/${rb}`, as(b.auth))).status).toBe(403);
    expect((await t.get(`/iam/v2/role-bindings/${rb}`, as(a.auth))).status).toBe(200);
  });

  it('role bindings name a predefined role, bound where it binds, in the organization; a deleted service account’s bindings go with it', async () => {
    const sa = await serviceAccount(t, o.auth, 'validated');
    const create = (role_name: string, crn_pattern: string) => t.post('/iam/v2/role-bindings', { principal: sa.principal, role_name, crn_pattern }, as(o.auth));
    const unknown = await create('SuperUser', orgCrn());
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)[0].source).toEqual({ pointer: '/role_name' });
    const scope = await create('DeveloperRead', envCrn(o.env));
    expect(scope.status).toBe(400);
    expect(detailOf(scope)).toMatch(/DeveloperRead cannot be bound on an environment/);
    // Another organization's resources are out of reach before they are out of place.
    expect((await create('OrganizationAdmin', `${CRN}/organization=another-org`)).status).toBe(403);
    const rb = await grant(t, o.auth, sa.principal, 'EnvironmentAdmin', envCrn(o.env));
    expect((await t.delete(`/iam/v2/service-accounts/${sa.id}`, as(o.auth))).status).toBe(204);
    expect((await t.get(`/iam/v2/role-bindings/${rb}`, as(o.auth))).status).toBe(404);
  });

  it('GET /_emulator/authorization answers the decision and what decided it', async () => {
    const sa = await serviceAccount(t, o.auth, 'asked');
    const ask = (action: string, crn: string) => t.get(`/_emulator/authorization?principal=${sa.principal}&action=${action}&crn=${encodeURIComponent(crn)}`);
    const no = await ask('DELETE', envCrn(o.env));
    expect(no.status, no.raw).toBe(200);
    expect(no.body).toMatchObject({ enforced: true, allowed: false, principal: sa.principal, action: 'DELETE', crn: envCrn(o.env), bindings: [] });
    expect(no.body.would_allow).toContainEqual({ role_name: 'EnvironmentAdmin', crn_pattern: envCrn(o.env) });
    const rb = await grant(t, o.auth, sa.principal, 'EnvironmentAdmin', envCrn(o.env));
    const yes = await ask('DELETE', envCrn(o.env));
    expect(yes.body).toMatchObject({ allowed: true, bindings: [{ id: rb, role_name: 'EnvironmentAdmin' }] });
    expect((await ask('NOT_AN_ACTION', envCrn(o.env))).status).toBe(400);
    expect((await ask('DELETE', 'environment=env-1')).status).toBe(400);
  });
});

describe('--authorization off', () => {
  it('restores the old behaviour: any key of the org may do anything', async () => {
    const t = await TestEmulator.start({ authorization: 'off' });
    try {
      const o = await t.newOrg();
      const sa = await serviceAccount(t, o.auth, 'free');
      const r = await t.post('/iam/v2/role-bindings', { principal: sa.principal, role_name: 'OrganizationAdmin', crn_pattern: `${CRN}/organization=${o.org}` }, { authorization: sa.auth });
      expect(r.status, r.raw).toBe(201);
      expect((await t.get('/org/v2/environments', { authorization: sa.auth })).body.data).toHaveLength(1);
      expect((await t.delete(`/iam/v2/api-keys/${o.key}`, { authorization: sa.auth })).status).toBe(204);
      const asked = await t.get(`/_emulator/authorization?principal=${sa.principal}&action=DELETE&crn=${encodeURIComponent(`${CRN}/organization=${o.org}`)}`);
      expect(asked.body.enforced).toBe(false);
    } finally {
      await t.close();
    }
  });
});
