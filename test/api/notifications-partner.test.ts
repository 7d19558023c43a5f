import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

const N = '/notifications/v1';
const webhook = (n = 1) => ({ kind: 'Webhook', url: `https://hooks.example.com/n${n}` });
const slack = { kind: 'Slack', webhook_url: 'https://hooks.slack.com/services/T000/B000/XXXX' };
const teams = { kind: 'MsTeams', webhook_url: 'https://example.webhook.office.com/webhookb2/abc' };

describe('notifications/v1', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  const createInt = (body: Record<string, unknown>) => t.post(`${N}/integrations`, body, h());
  const createSub = (body: Record<string, unknown>) => t.post(`${N}/subscriptions`, body, h());
  beforeAll(async () => {
    t = await TestEmulator.start({ quotas: { integrations_per_org: 5 } });
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('serves the notification types as a read-only, paged catalogue', async () => {
    const first = await t.get(`${N}/notification-types?page_size=4`, h());
    expect(first.status).toBe(200);
    expect(first.body.kind).toBe('NotificationTypeList');
    expect(first.body.data).toHaveLength(4);
    expect(first.body.metadata.total_size).toBe(11);
    const shrink = first.body.data[0];
    expect(shrink).toMatchObject({ id: 'CLUSTER_SHRINK', display_name: 'Cluster Shrink', category: 'BILLING_LICENSING', subscription_priority: 'REQUIRED', severity: 'INFO' });
    expect(shrink.metadata.self).toBe('http://emulator.test/notifications/v1/notification-types/CLUSTER_SHRINK');
    expect(shrink.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/notification-type=CLUSTER_SHRINK`);
    const ids = new Set(first.body.data.map((d: any) => d.id));
    let next = first.body.metadata.next;
    while (next) {
      const page = await t.get(next.replace('http://emulator.test', ''), h());
      expect(page.status).toBe(200);
      for (const d of page.body.data) ids.add(d.id);
      next = page.body.metadata.next;
    }
    expect(ids.size).toBe(11);
    expect((await t.get(`${N}/notification-types/CLUSTER_SHRINK`, h())).body.id).toBe('CLUSTER_SHRINK');
    const missing = await t.get(`${N}/notification-types/NOPE`, h());
    expect(missing.status).toBe(404);
    expect(errorsOf(missing)[0].code).toBe('not_found');
    // A token of another list is refused.
    const other = await t.get(`${N}/integrations?page_size=1`, h());
    const token = new URL(other.body.metadata.last).searchParams.get('page_token');
    expect((await t.get(`${N}/notification-types?page_token=${token}`, h())).status).toBe(400);
  });

  it('starts every organization with a system-managed RoleEmail integration and subscriptions to REQUIRED and RECOMMENDED types', async () => {
    const ints = await t.get(`${N}/integrations`, h());
    expect(ints.status).toBe(200);
    const role = ints.body.data.find((i: any) => i.target.kind === 'RoleEmail');
    expect(role.target).toEqual({ kind: 'RoleEmail', role_name: 'OrganizationAdmin' });
    const subs = await t.get(`${N}/subscriptions?page_size=100`, h());
    const types = subs.body.data.map((s: any) => s.notification_type.id).sort();
    expect(types).toEqual(['CLUSTER_EXPAND', 'CLUSTER_SHRINK', 'CONNECTOR_FAILED', 'LOW_CREDIT_BALANCE', 'ORGANIZATION_ADMIN_CHANGED', 'PAYMENT_FAILED', 'SCHEDULED_MAINTENANCE', 'SSO_CERTIFICATE_EXPIRING']);
    expect(subs.body.data.every((s: any) => s.current_state === 'ENABLED' && s.integrations[0].id === role.id)).toBe(true);
    // System-managed: neither updated nor deleted.
    expect((await t.patch(`${N}/integrations/${role.id}`, { display_name: 'x' }, h())).status).toBe(400);
    expect((await t.delete(`${N}/integrations/${role.id}`, h())).status).toBe(400);
    // The seed happens once: listing again creates nothing new.
    expect((await t.get(`${N}/integrations`, h())).body.metadata.total_size).toBe(ints.body.metadata.total_size);
  });

  it('creates Webhook, Slack and MsTeams integrations with ids, CRNs and only their target fields', async () => {
    const w = await createInt({ display_name: 'ops hook', description: 'on-call', target: { ...webhook(1), webhook_url: 'x', extra: 1 }, junk: true });
    expect(w.status).toBe(201);
    expect(w.body.id).toMatch(/^nint-[0-9a-z]{6}$/);
    expect(w.headers.location).toBe(`http://emulator.test/notifications/v1/integrations/${w.body.id}`);
    expect(w.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/notification-integration=${w.body.id}`);
    expect(w.body.target).toEqual(webhook(1));
    expect(w.body.junk).toBeUndefined();
    expect((await createInt({ display_name: 's', target: slack })).body.target).toEqual(slack);
    expect((await createInt({ display_name: 'm', target: teams })).body.target).toEqual(teams);
    const read = await t.get(`${N}/integrations/${w.body.id}`, h());
    expect(read.body.display_name).toBe('ops hook');
  });

  it('refuses bad integrations: email kinds, missing or too long fields and non-http URLs (422), past the quota (402)', async () => {
    expect((await createInt({ display_name: 'e', target: { kind: 'RoleEmail', role_name: 'OrganizationAdmin' } })).status).toBe(422);
    expect((await createInt({ target: slack })).status).toBe(422);
    expect((await createInt({ display_name: 'x'.repeat(65), target: slack })).status).toBe(422);
    const ftp = await createInt({ display_name: 'f', target: { kind: 'Webhook', url: 'ftp://files.example.com/x' } });
    expect(ftp.status).toBe(422);
    expect(errorsOf(ftp)[0].source.pointer).toBe('/target/url');
    // 1 seeded + 3 created above; the quota is 5.
    expect((await createInt({ display_name: 'fifth', target: webhook(5) })).status).toBe(201);
    const over = await createInt({ display_name: 'sixth', target: webhook(6) });
    expect(over.status).toBe(402);
    expect(errorsOf(over)[0].code).toBe('quota_exceeded');
  });

  it('updates an integration, replacing its target whole', async () => {
    const ints = (await t.get(`${N}/integrations`, h())).body.data;
    const w = ints.find((i: any) => i.display_name === 'fifth');
    const r = await t.patch(`${N}/integrations/${w.id}`, { description: 'now slack', target: slack }, h());
    expect(r.status).toBe(200);
    expect(r.body.target).toEqual(slack);
    expect(r.body.description).toBe('now slack');
    expect((await t.patch(`${N}/integrations/${w.id}`, { target: { kind: 'MsTeams', webhook_url: 'mailto:x@y' } }, h())).status).toBe(422);
    expect((await t.patch(`${N}/integrations/nint-nope00`, { description: 'x' }, h())).status).toBe(404);
  });

  it('tests an integration: 204 saying nothing was sent, 422 for a bad target or an email kind', async () => {
    const ok = await t.post(`${N}/integrations:test`, { display_name: 't', target: teams }, h());
    expect(ok.status).toBe(204);
    expect(ok.headers['x-emulator-delivery']).toBe('not-sent');
    expect((await t.post(`${N}/integrations:test`, { display_name: 't', target: { kind: 'Slack', webhook_url: 'file:///etc/passwd' } }, h())).status).toBe(422);
    expect((await t.post(`${N}/integrations:test`, { display_name: 't', target: { kind: 'UserEmail', user: { id: o.user } } }, h())).status).toBe(422);
    // Nothing is stored by a test.
    expect((await t.get(`${N}/integrations`, h())).body.data.some((i: any) => i.display_name === 't')).toBe(false);
  });

  it('creates subscriptions to catalogue types with existing integrations; one per type', async () => {
    const w = (await t.get(`${N}/integrations`, h())).body.data.find((i: any) => i.display_name === 'ops hook');
    const s = await createSub({ notification_type: { id: 'API_KEY_CREATED' }, integrations: [{ id: w.id }, { id: w.id }] });
    expect(s.status).toBe(201);
    expect(s.body.id).toMatch(/^nsub-[0-9a-z]{6}$/);
    expect(s.body.current_state).toBe('ENABLED');
    expect(s.body.notification_type).toEqual({
      id: 'API_KEY_CREATED',
      related: 'http://emulator.test/notifications/v1/notification-types/API_KEY_CREATED',
      resource_name: `crn://confluent.cloud/organization=${o.org}/notification-type=API_KEY_CREATED`,
    });
    expect(s.body.integrations).toEqual([{ id: w.id, related: `http://emulator.test/notifications/v1/integrations/${w.id}`, resource_name: w.metadata.resource_name }]);
    expect((await createSub({ notification_type: { id: 'API_KEY_CREATED' }, integrations: [{ id: w.id }] })).status).toBe(409);
    const badType = await createSub({ notification_type: { id: 'NOPE' }, integrations: [{ id: w.id }] });
    expect(badType.status).toBe(422);
    expect(errorsOf(badType)[0].source.pointer).toBe('/notification_type/id');
    const badInt = await createSub({ notification_type: { id: 'USER_INVITED' }, integrations: [{ id: w.id }, { id: 'nint-nope00' }] });
    expect(badInt.status).toBe(422);
    expect(errorsOf(badInt)[0].source.pointer).toBe('/integrations/1/id');
    expect((await createSub({ notification_type: { id: 'USER_INVITED' }, integrations: [] })).status).toBe(422);
    expect((await createSub({ notification_type: { id: 'USER_INVITED' } })).status).toBe(422);
    expect((await createSub({ notification_type: { id: 'USER_INVITED' }, integrations: [{ id: w.id }], current_state: 'MAYBE' })).status).toBe(422);
  });

  it('keeps the notification type create-only and REQUIRED subscriptions enabled and undeletable', async () => {
    const subs = (await t.get(`${N}/subscriptions?page_size=100`, h())).body.data;
    const mine = subs.find((s: any) => s.notification_type.id === 'API_KEY_CREATED');
    const required = subs.find((s: any) => s.notification_type.id === 'CLUSTER_SHRINK');
    const recommended = subs.find((s: any) => s.notification_type.id === 'CLUSTER_EXPAND');
    const changed = await t.patch(`${N}/subscriptions/${mine.id}`, { notification_type: { id: 'USER_INVITED' } }, h());
    expect(changed.status).toBe(400);
    expect(errorsOf(changed)[0].source.pointer).toBe('/notification_type');
    expect((await t.patch(`${N}/subscriptions/${mine.id}`, { notification_type: { id: 'API_KEY_CREATED' }, current_state: 'DISABLED' }, h())).body.current_state).toBe('DISABLED');
    const disable = await t.patch(`${N}/subscriptions/${required.id}`, { current_state: 'DISABLED' }, h());
    expect(disable.status).toBe(400);
    expect(errorsOf(disable)[0].source.pointer).toBe('/current_state');
    const del = await t.delete(`${N}/subscriptions/${required.id}`, h());
    expect(del.status).toBe(409);
    expect(errorsOf(del)[0].code).toBe('required_subscription');
    // REQUIRED ones can still change their integrations; RECOMMENDED ones can be disabled and deleted.
    const slackInt = (await t.get(`${N}/integrations`, h())).body.data.find((i: any) => i.display_name === 's');
    const moved = await t.patch(`${N}/subscriptions/${required.id}`, { integrations: [{ id: slackInt.id }] }, h());
    expect(moved.status).toBe(200);
    expect(moved.body.integrations.map((i: any) => i.id)).toEqual([slackInt.id]);
    expect((await t.patch(`${N}/subscriptions/${required.id}`, { integrations: [{ id: 'nint-nope00' }] }, h())).status).toBe(422);
    expect((await t.patch(`${N}/subscriptions/${recommended.id}`, { current_state: 'DISABLED' }, h())).status).toBe(200);
    expect((await t.delete(`${N}/subscriptions/${recommended.id}`, h())).status).toBe(204);
    expect((await t.get(`${N}/subscriptions/${recommended.id}`, h())).status).toBe(404);
    expect((await createSub({ notification_type: { id: 'CLUSTER_EXPAND' }, integrations: [{ id: slackInt.id }] })).status).toBe(201);
  });

  it('deletes an integration out of the subscriptions using it, but not the only integration of one', async () => {
    const ints = (await t.get(`${N}/integrations`, h())).body.data;
    const hook = ints.find((i: any) => i.display_name === 'ops hook');
    const teamsInt = ints.find((i: any) => i.display_name === 'm');
    const s = await createSub({ notification_type: { id: 'USER_INVITED' }, integrations: [{ id: hook.id }, { id: teamsInt.id }] });
    expect(s.status).toBe(201);
    // 'ops hook' is also the only integration of the API_KEY_CREATED subscription.
    const refused = await t.delete(`${N}/integrations/${hook.id}`, h());
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)[0].code).toBe('integration_in_use');
    expect((await t.delete(`${N}/integrations/${teamsInt.id}`, h())).status).toBe(204);
    expect((await t.get(`${N}/subscriptions/${s.body.id}`, h())).body.integrations.map((i: any) => i.id)).toEqual([hook.id]);
    expect((await t.get(`${N}/integrations/${teamsInt.id}`, h())).status).toBe(404);
  });

  it('keeps organizations apart and needs credentials', async () => {
    const other = await t.newOrg();
    const mine = (await t.get(`${N}/integrations`, h())).body.data[0];
    expect((await t.get(`${N}/integrations/${mine.id}`, { authorization: other.auth })).status).toBe(404);
    expect((await t.get(`${N}/subscriptions`, { authorization: '' })).status).toBe(401);
    expect((await t.get(`${N}/notification-types`, { authorization: 'Basic bm9wZTpub3Bl' })).status).toBe(401);
  });
});

const P = '/partner/v2';
const ENT = { external_id: 'cust-1', name: 'Customer One', plan_id: 'confluent-cloud-payg-prod', product_id: 'confluent-cloud-for-apache-kafka' };

describe('partner/v2', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('creates and reads entitlements: ids, CRNs, usage_reporting_id defaulting to external_id, 409 on a duplicate', async () => {
    const e = await t.post(`${P}/entitlements`, { ...ENT, extra: 1 }, h());
    expect(e.status).toBe(201);
    expect(e.body.id).toMatch(/^ent-[0-9a-z]{8}$/);
    expect(e.headers.location).toBe(`http://emulator.test/partner/v2/entitlements/${e.body.id}`);
    expect(e.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/entitlement=${e.body.id}`);
    expect(e.body.usage_reporting_id).toBe('cust-1');
    expect(e.body.extra).toBeUndefined();
    const dup = await t.post(`${P}/entitlements`, ENT, h());
    expect(dup.status).toBe(409);
    const own = await t.post(`${P}/entitlements`, { ...ENT, external_id: 'cust-2', usage_reporting_id: 'u-2' }, h());
    expect(own.body.usage_reporting_id).toBe('u-2');
    expect((await t.get(`${P}/entitlements/${e.body.id}`, h())).body.name).toBe('Customer One');
    expect((await t.get(`${P}/entitlements/ent-nope0000`, h())).status).toBe(404);
  });

  it('refuses bad entitlements: missing fields, an organization it did not sign up (422)', async () => {
    expect((await t.post(`${P}/entitlements`, { name: 'x' }, h())).status).toBe(422);
    const r = await t.post(`${P}/entitlements`, { ...ENT, external_id: 'cust-9', organization: { id: o.org } }, h());
    expect(r.status).toBe(422);
    expect(errorsOf(r)[0].source.pointer).toBe('/organization/id');
  });

  it('signs up an organization with a user: a real organization with an environment and the user, the entitlement created with it', async () => {
    const r = await t.post(`${P}/signup`, { organization: { name: 'Acme' }, user: { email: 'ceo@acme.example', given_name: 'Ada', family_name: 'Lovelace' }, entitlement: { ...ENT, external_id: 'acme-1' } }, h());
    expect(r.status).toBe(201);
    const id = r.body.organization_id;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body.display_message).toMatch(/complete/);
    const org = await t.get(`${P}/organizations/${id}`, h());
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ api_version: 'partner/v2', kind: 'Organization', id, name: 'Acme' });
    expect(org.body.metadata.self).toBe(`http://emulator.test/partner/v2/organizations/${id}`);
    expect(org.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${id}`);
    // The organization exists in the emulator's own state.
    const rows = (type: string) => t.rt.resources.list({ org: id, type, filters: [], limit: 10 });
    expect(rows('Organization')[0].body.display_name).toBe('Acme');
    expect(rows('Environment')[0].body.display_name).toBe('default');
    expect(rows('User')[0].body).toMatchObject({ email: 'ceo@acme.example', full_name: 'Ada Lovelace' });
    const ents = await t.get(`${P}/entitlements?organization.id=${id}`, h());
    expect(ents.body.data).toHaveLength(1);
    expect(ents.body.data[0]).toMatchObject({ external_id: 'acme-1', organization: { id, related: `http://emulator.test/partner/v2/organizations/${id}` } });
    const ent = ents.body.data[0].id;
    expect((await t.get(`${P}/entitlements/${ent}?organization.id=${id}`, h())).status).toBe(200);
    expect((await t.get(`${P}/entitlements/${ent}?organization.id=${o.org}`, h())).status).toBe(404);
    // An entitlement may now name that organization; the same external id for it is a conflict.
    expect((await t.post(`${P}/entitlements`, { ...ENT, external_id: 'acme-2', organization: { id } }, h())).status).toBe(201);
    expect((await t.post(`${P}/entitlements`, { ...ENT, external_id: 'acme-1', organization: { id } }, h())).status).toBe(409);
    // Activation of a complete signup is a conflict.
    const again = await t.post(`${P}/signup/activate`, { organization_id: id, user: { email: 'x@acme.example' } }, h());
    expect(again.status).toBe(409);
    expect(errorsOf(again)[0].code).toBe('signup_already_completed');
  });

  it('signs up without a user, then activates the signup', async () => {
    const e = (await t.post(`${P}/entitlements`, { ...ENT, external_id: 'beta-1' }, h())).body;
    const r = await t.post(`${P}/signup`, { organization: { name: 'Beta' }, entitlement: { id: e.id } }, h());
    expect(r.status).toBe(201);
    expect(r.body.display_message).toMatch(/incomplete/);
    const id = r.body.organization_id;
    expect((await t.get(`${P}/entitlements/${e.id}`, h())).body.organization.id).toBe(id);
    // An entitlement that already belongs to an organization cannot sign up another.
    expect((await t.post(`${P}/signup`, { organization: { name: 'Gamma' }, entitlement: { id: e.id } }, h())).status).toBe(409);
    expect(t.rt.resources.list({ org: id, type: 'User', filters: [], limit: 10 })).toHaveLength(0);
    expect((await t.post(`${P}/signup/activate`, { organization_id: id, user: { given_name: 'No' } }, h())).status).toBe(422);
    const act = await t.post(`${P}/signup/activate`, { organization_id: id, user: { email: 'owner@beta.example', given_name: 'Bo' } }, h());
    expect(act.status).toBe(201);
    expect(act.body.organization_id).toBe(id);
    expect(t.rt.resources.list({ org: id, type: 'User', filters: [], limit: 10 })[0].body.email).toBe('owner@beta.example');
    expect((await t.post(`${P}/signup/activate`, { organization_id: id, user: { email: 'again@beta.example' } }, h())).status).toBe(409);
  });

  it('validates signups: dry_run creates nothing; unknown entitlement 422; malformed body 422; unknown organization on activate 422', async () => {
    const before = (await t.get(`${P}/organizations`, h())).body.metadata.total_size;
    const dry = await t.post(`${P}/signup?dry_run=true`, { organization: { name: 'Dry' }, entitlement: { ...ENT, external_id: 'dry-1' } }, h());
    expect(dry.status).toBe(201);
    expect(dry.body.organization_id).toBe('00000000-0000-0000-0000-000000000000');
    expect((await t.get(`${P}/organizations`, h())).body.metadata.total_size).toBe(before);
    expect((await t.get(`${P}/entitlements`, h())).body.data.some((e: any) => e.external_id === 'dry-1')).toBe(false);
    const unknown = await t.post(`${P}/signup`, { organization: { name: 'X' }, entitlement: { id: 'ent-nope0000' } }, h());
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)[0].source.pointer).toBe('/entitlement/id');
    expect((await t.post(`${P}/signup`, { organization: { name: 'X' } }, h())).status).toBe(422);
    expect((await t.post(`${P}/signup`, { organization: { name: 'X' }, user: { email: 'not-an-email' }, entitlement: { id: 'e' } }, h())).status).toBe(422);
    const act = await t.post(`${P}/signup/activate`, { organization_id: o.org, user: { email: 'a@b.example' } }, h());
    expect(act.status).toBe(422);
    expect(errorsOf(act)[0].source.pointer).toBe('/organization_id');
    expect((await t.post(`${P}/signup/activate`, { user: { email: 'a@b.example' } }, h())).status).toBe(422);
  });

  it('lists only the organizations the partner signed up, with their current names, paged', async () => {
    const list = await t.get(`${P}/organizations?page_size=1`, h());
    expect(list.status).toBe(200);
    expect(list.body.kind).toBe('OrganizationList');
    expect(list.body.metadata.total_size).toBe(2);
    expect(list.body.data[0].name).toBe('Acme');
    const second = await t.get(list.body.metadata.next.replace('http://emulator.test', ''), h());
    expect(second.body.data[0].name).toBe('Beta');
    const acme = list.body.data[0].id;
    // A rename through the organization's own record shows here; a removed organization goes.
    const row = t.rt.resources.get(acme, 'Organization', acme)!;
    t.rt.resources.update({ ...row, body: { ...row.body, display_name: 'Acme Corp' } });
    expect((await t.get(`${P}/organizations/${acme}`, h())).body.name).toBe('Acme Corp');
    expect((await t.post('/_emulator/reset', { org: acme })).status).toBe(200);
    expect((await t.get(`${P}/organizations/${acme}`, h())).status).toBe(404);
    expect((await t.get(`${P}/organizations`, h())).body.metadata.total_size).toBe(1);
    // Another partner sees none of them.
    const other = await t.newOrg();
    expect((await t.get(`${P}/organizations`, { authorization: other.auth })).body.data).toEqual([]);
    expect((await t.get(`${P}/organizations/${second.body.data[0].id}`, { authorization: other.auth })).status).toBe(404);
    expect((await t.get(`${P}/entitlements`, { authorization: other.auth })).body.data).toEqual([]);
  });

  it('takes a Cloud API key, and refuses no or bad credentials and Bearer tokens it cannot issue', async () => {
    expect((await t.get(`${P}/entitlements`, { authorization: '' })).status).toBe(401);
    expect((await t.get(`${P}/organizations`, { authorization: 'Bearer partner-token' })).status).toBe(401);
  });
});

describe('notifications/v1 with no room for integrations', () => {
  it('skips the default integration and subscriptions when the integrations quota is 0, and refuses creates with 402', async () => {
    const t = await TestEmulator.start({ quotas: { integrations_per_org: 0 } });
    try {
      const list = await t.get(`${N}/integrations`);
      expect(list.status).toBe(200);
      expect(list.body.data).toEqual([]);
      expect((await t.get(`${N}/subscriptions`)).body.data).toEqual([]);
      expect((await t.post(`${N}/integrations`, { display_name: 'w', target: webhook() })).status).toBe(402);
      expect((await t.get(`${N}/subscriptions?page_size=0`)).status).toBe(400);
    } finally {
      await t.close();
    }
  });
});
