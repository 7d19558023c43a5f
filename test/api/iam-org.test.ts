import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';

describe('org/v2 and iam/v2 scenario', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  const h = () => ({ authorization: o.auth });
  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'timed', reads: 3 } });
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('environments: create, read, list, update, delete', async () => {
    const c = await t.post('/org/v2/environments', { display_name: 'prod', stream_governance_config: { package: 'ESSENTIALS' } }, h());
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ api_version: 'org/v2', kind: 'Environment', display_name: 'prod' });
    expect(c.body.id).toMatch(/^env-[0-9a-z]{5}$/);
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${c.body.id}`);
    expect(c.headers.location).toBe(c.body.metadata.self);
    const u = await t.patch(`/org/v2/environments/${c.body.id}`, { display_name: 'production' }, h());
    expect(u.status).toBe(200);
    expect(u.body.display_name).toBe('production');
    const list = await t.get('/org/v2/environments', h());
    expect(list.body.data.map((e: any) => e.id)).toEqual([o.env, c.body.id]);
    expect((await t.delete(`/org/v2/environments/${c.body.id}`, h())).status).toBe(204);
    expect((await t.get(`/org/v2/environments/${c.body.id}`, h())).status).toBe(404);
  });

  it('organizations: only the caller’s own, which can be renamed', async () => {
    const list = await t.get('/org/v2/organizations', h());
    expect(list.body.data.map((x: any) => x.id)).toEqual([o.org]);
    const other = await t.newOrg();
    expect((await t.get(`/org/v2/organizations/${other.org}`, h())).status).toBe(404);
    const r = await t.patch(`/org/v2/organizations/${o.org}`, { display_name: 'Renamed Org' }, h());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ kind: 'Organization', display_name: 'Renamed Org' });
    expect(r.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}`);
  });

  it('organizations are isolated namespaces', async () => {
    const other = await t.newOrg();
    expect((await t.get(`/org/v2/environments/${o.env}`, { authorization: other.auth })).status).toBe(404);
    const theirs = await t.get('/iam/v2/users', { authorization: other.auth });
    expect(theirs.body.data.map((u: any) => u.id)).toEqual([other.user]);
  });

  it('service accounts: display_name is unique and set once; description updates', async () => {
    const c = await t.post('/iam/v2/service-accounts', { display_name: 'robot', description: 'v1' }, h());
    expect(c.status).toBe(201);
    expect(c.body.id).toMatch(/^sa-[0-9a-z]{6}$/);
    expect((await t.post('/iam/v2/service-accounts', { display_name: 'robot' }, h())).status).toBe(409);
    const desc = await t.patch(`/iam/v2/service-accounts/${c.body.id}`, { description: 'v2' }, h());
    expect(desc.body.description).toBe('v2');
    const rename = await t.patch(`/iam/v2/service-accounts/${c.body.id}`, { display_name: 'other' }, h());
    expect(rename.status).toBe(400);
    expect(errorsOf(rename)[0].source).toEqual({ pointer: '/display_name' });
    const missing = await t.post('/iam/v2/service-accounts', { description: 'no name' }, h());
    expect(missing.status).toBe(422);
    expect(errorsOf(missing)[0].source).toEqual({ pointer: '/display_name' });
    const filtered = await t.get('/iam/v2/service-accounts?display_name=robot', h());
    expect(filtered.body.data.map((s: any) => s.id)).toEqual([c.body.id]);
  });

  it('API keys: 202 with the secret once, work at once, stop at once when deleted', async () => {
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'key-owner' }, h())).body;
    const c = await t.post('/iam/v2/api-keys', { spec: { display_name: 'ci', description: 'ci key', owner: { id: sa.id } } }, h());
    expect(c.status).toBe(202);
    expect(c.body.id).toMatch(/^[0-9A-Z]{16}$/);
    expect(c.body.spec.secret).toMatch(/^.{64}$/);
    expect(c.body.spec.owner).toMatchObject({ id: sa.id, kind: 'ServiceAccount', related: `http://emulator.test/iam/v2/service-accounts/${sa.id}` });
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/service-account=${sa.id}/api-key=${c.body.id}`);
    expect(c.headers.location).toBe(`http://emulator.test/iam/v2/api-keys/${c.body.id}`);
    const read = await t.get(`/iam/v2/api-keys/${c.body.id}`, h());
    expect(read.body.spec.secret).toBeUndefined();
    const listed = await t.get(`/iam/v2/api-keys?spec.owner=${sa.id}`, h());
    expect(listed.body.data.map((k: any) => k.id)).toEqual([c.body.id]);
    expect(listed.body.data[0].spec.secret).toBeUndefined();

    const keyAuth = { authorization: basic(c.body.id, c.body.spec.secret) };
    expect((await t.get('/org/v2/environments', keyAuth)).status).toBe(200);
    const upd = await t.patch(`/iam/v2/api-keys/${c.body.id}`, { spec: { description: 'renamed' } }, h());
    expect(upd.body.spec.description).toBe('renamed');
    const owner = await t.patch(`/iam/v2/api-keys/${c.body.id}`, { spec: { owner: { id: o.user } } }, h());
    expect(owner.status).toBe(400);
    expect(errorsOf(owner)[0].source).toEqual({ pointer: '/spec/owner' });
    expect((await t.delete(`/iam/v2/api-keys/${c.body.id}`, h())).status).toBe(204);
    expect((await t.get('/org/v2/environments', keyAuth)).status).toBe(401);
  });

  it('API keys: an unknown owner is 422; deleting the owner deletes its keys', async () => {
    const bad = await t.post('/iam/v2/api-keys', { spec: { owner: { id: 'sa-nobody' } } }, h());
    expect(bad.status).toBe(422);
    expect(errorsOf(bad)[0].source).toEqual({ pointer: '/spec/owner/id' });
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'leaver' }, h())).body;
    const k = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa.id } } }, h())).body;
    const keyAuth = { authorization: basic(k.id, k.spec.secret) };
    expect((await t.get('/iam/v2/users', keyAuth)).status).toBe(200);
    expect((await t.delete(`/iam/v2/service-accounts/${sa.id}`, h())).status).toBe(204);
    expect((await t.get(`/iam/v2/api-keys/${k.id}`, h())).status).toBe(404);
    expect((await t.get('/iam/v2/users', keyAuth)).status).toBe(401);
  });

  it('invitations bring users in; SENT then ACCEPTED on the clock; deleting an unaccepted one deactivates the user', async () => {
    const inv = await t.post('/iam/v2/invitations', { email: 'marty@example.com' }, h());
    expect(inv.status).toBe(201);
    expect(inv.body).toMatchObject({ kind: 'Invitation', email: 'marty@example.com', status: 'INVITE_STATUS_SENT', creator: { id: o.user } });
    const userId = inv.body.user.id;
    expect(userId).toMatch(/^u-/);
    const user = await t.get(`/iam/v2/users/${userId}`, h());
    expect(user.body).toMatchObject({ email: 'marty@example.com', auth_type: 'AUTH_TYPE_LOCAL' });
    expect((await t.post('/iam/v2/invitations', { email: 'marty@example.com' }, h())).status).toBe(409);
    const byStatus = await t.get('/iam/v2/invitations?status=INVITE_STATUS_SENT', h());
    expect(byStatus.body.data.map((i: any) => i.id)).toContain(inv.body.id);

    await t.post('/_emulator/clock/advance', { seconds: 10 });
    const accepted = await t.get(`/iam/v2/invitations/${inv.body.id}`, h());
    expect(accepted.body.status).toBe('INVITE_STATUS_ACCEPTED');
    expect(accepted.body.accepted_at).toMatch(/Z$/);

    const pending = (await t.post('/iam/v2/invitations', { email: 'biff@example.com' }, h())).body;
    expect((await t.delete(`/iam/v2/invitations/${pending.id}`, h())).status).toBe(204);
    expect((await t.get(`/iam/v2/users/${pending.user.id}`, h())).status).toBe(404);
    // An accepted invitation's user stays.
    expect((await t.delete(`/iam/v2/invitations/${inv.body.id}`, h())).status).toBe(204);
    expect((await t.get(`/iam/v2/users/${userId}`, h())).status).toBe(200);
  });

  it('invitations can be made to expire', async () => {
    const inv = await t.post('/iam/v2/invitations', { email: 'expired@example.com' }, { ...h(), 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(inv.body.status).toBe('INVITE_STATUS_EXPIRED');
  });

  it('users: full_name updates, email is create-only, deleting a user deletes their keys', async () => {
    const inv = (await t.post('/iam/v2/invitations', { email: 'doc@example.com' }, h())).body;
    const id = inv.user.id;
    const r = await t.patch(`/iam/v2/users/${id}`, { full_name: 'Emmett Brown' }, h());
    expect(r.body.full_name).toBe('Emmett Brown');
    const e = await t.patch(`/iam/v2/users/${id}`, { email: 'other@example.com' }, h());
    expect(e.status).toBe(400);
    const k = (await t.post('/iam/v2/api-keys', { spec: { owner: { id } } }, h())).body;
    expect((await t.delete(`/iam/v2/users/${id}`, h())).status).toBe(204);
    expect((await t.get(`/iam/v2/api-keys/${k.id}`, h())).status).toBe(404);
  });

  it('role bindings: crn_pattern is required and matched partially; delete answers the binding', async () => {
    const crn = `crn://confluent.cloud/organization=${o.org}/environment=${o.env}`;
    const c = await t.post('/iam/v2/role-bindings', { principal: `User:${o.user}`, role_name: 'EnvironmentAdmin', crn_pattern: crn }, h());
    expect(c.status).toBe(201);
    expect(c.body).toMatchObject({ kind: 'RoleBinding', principal: `User:${o.user}`, role_name: 'EnvironmentAdmin' });
    // Creating a role binding declares 400, not 422, for a bad body (as Confluent's document does).
    const bad = await t.post('/iam/v2/role-bindings', { principal: 'nobody', role_name: 'X', crn_pattern: 'http://x' }, h());
    expect(bad.status).toBe(400);
    const noCrn = await t.post('/iam/v2/role-bindings', { principal: `User:${o.user}`, role_name: 'EnvironmentAdmin' }, h());
    expect(noCrn.status).toBe(400);
    expect(errorsOf(noCrn)[0]).toMatchObject({ status: '400', source: { pointer: '/crn_pattern' } });
    const noPattern = await t.get('/iam/v2/role-bindings', h());
    expect(noPattern.status).toBe(400);
    expect(errorsOf(noPattern)[0].source).toEqual({ parameter: 'crn_pattern' });
    const found = await t.get(`/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(`organization=${o.org}`)}&role_name=EnvironmentAdmin`, h());
    expect(found.body.data.map((b: any) => b.id)).toEqual([c.body.id]);
    const none = await t.get(`/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(crn)}&principal=User:u-other`, h());
    expect(none.body.data).toEqual([]);
    const del = await t.delete(`/iam/v2/role-bindings/${c.body.id}`, h());
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ id: c.body.id, kind: 'RoleBinding' });
    expect((await t.get(`/iam/v2/role-bindings/${c.body.id}`, h())).status).toBe(404);
  });

  it('identity providers, nested identity pools, JWKS refresh and SSO group mappings', async () => {
    const p = await t.post('/iam/v2/identity-providers', { display_name: 'okta', description: 'IdP', issuer: 'https://idp.example.com', jwks_uri: 'https://idp.example.com/keys' }, h());
    expect(p.status).toBe(201);
    expect(p.body.state).toBe('ENABLED');
    const pool = await t.post(`/iam/v2/identity-providers/${p.body.id}/identity-pools`, { display_name: 'pool', description: 'd', identity_claim: 'claims.sub', filter: 'claims.aud=="confluent"' }, h());
    expect(pool.status).toBe(201);
    expect(pool.body.principal).toBe(pool.body.id);
    expect(pool.body.metadata.self).toBe(`http://emulator.test/iam/v2/identity-providers/${p.body.id}/identity-pools/${pool.body.id}`);
    expect(pool.body.metadata.resource_name).toBe(`${p.body.metadata.resource_name}/identity-pool=${pool.body.id}`);
    expect((await t.get(`/iam/v2/identity-providers/op-nope/identity-pools`, h())).status).toBe(404);
    const jwks = await t.patch(`/iam/v2/identity-providers/${p.body.id}/jwks`, { spec: { jwks_status: 'REFRESHED' } }, h());
    expect(jwks.status).toBe(200);
    expect(jwks.body).toMatchObject({ kind: 'Jwks' });
    expect((await t.delete(`/iam/v2/identity-providers/${p.body.id}`, h())).status).toBe(204);
    expect((await t.get(`/iam/v2/identity-providers/${p.body.id}/identity-pools/${pool.body.id}`, h())).status).toBe(404);

    const gm = await t.post('/iam/v2/sso/group-mappings', { display_name: 'eng', description: 'd', filter: '"eng" in groups' }, h());
    expect(gm.status).toBe(201);
    expect(gm.body).toMatchObject({ api_version: 'iam.v2/sso', kind: 'GroupMapping', state: 'ENABLED' });
  });

  it('IP groups and IP filters', async () => {
    const g = await t.post('/iam/v2/ip-groups', { group_name: 'CorpNet', cidr_blocks: ['10.0.0.0/8'] }, h());
    expect(g.status).toBe(201);
    const f = await t.post('/iam/v2/ip-filters', { filter_name: 'mgmt', resource_group: 'management', ip_groups: [{ id: g.body.id }] }, h());
    expect(f.status).toBe(201);
    const list = await t.get('/iam/v2/ip-groups', h());
    expect(list.body.data.map((x: any) => x.id)).toEqual([g.body.id]);
    const upd = await t.patch(`/iam/v2/ip-groups/${g.body.id}`, { cidr_blocks: ['192.168.0.0/16'] }, h());
    expect(upd.body.cidr_blocks).toEqual(['192.168.0.0/16']);
  });

  it('refuses a duplicate IP group name with 409, on create and on rename', async () => {
    const a = await t.post('/iam/v2/ip-groups', { group_name: 'Branch', cidr_blocks: ['10.1.0.0/16'] }, h());
    expect(a.status).toBe(201);
    const dup = await t.post('/iam/v2/ip-groups', { group_name: 'Branch', cidr_blocks: ['10.2.0.0/16'] }, h());
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0]).toMatchObject({ status: '409', detail: "A IpGroup with group_name 'Branch' already exists" });
    const b = await t.post('/iam/v2/ip-groups', { group_name: 'Branch2', cidr_blocks: ['10.2.0.0/16'] }, h());
    expect(b.status).toBe(201);
    expect((await t.patch(`/iam/v2/ip-groups/${b.body.id}`, { group_name: 'Branch' }, h())).status).toBe(409);
    // Keeping its own name is no clash.
    expect((await t.patch(`/iam/v2/ip-groups/${a.body.id}`, { group_name: 'Branch', cidr_blocks: ['10.3.0.0/16'] }, h())).status).toBe(200);
  });
});
