import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';

/**
 * Values derived from other resources are written when those resources are written, never when
 * they are read: the store holds them before any request of their own API (openapi/README.md:
 * `referenced_by` marks, `mirror`, `seed`).
 */
describe('declared derived and seeded values are computed on write', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  const stored = (org: string, type: string, id: string) => t.rt.resources.get(org, type, id);

  it('marks a BYOK key IN_USE when a Kafka cluster naming it is created, and AVAILABLE when the cluster is gone', async () => {
    const o = await t.newOrg();
    const h = { authorization: o.auth };
    const key = (await t.post('/byok/v1/keys', { key: { kind: 'AwsKey', key_arn: 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-000000000099' } }, h)).body;
    const spec = { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Dedicated', cku: 1 }, environment: { id: o.env }, byok: { id: key.id } };
    const cluster = (await t.post('/cmk/v2/clusters', { spec }, { ...h, 'x-emulator-lifecycle': 'immediate' })).body;
    // No byok request since: the store itself says IN_USE.
    expect(stored(o.org, 'ByokKey', key.id)!.body.state).toBe('IN_USE');
    expect((await t.delete(`/cmk/v2/clusters/${cluster.id}?environment=${o.env}`, { ...h, 'x-emulator-lifecycle': 'immediate' })).status).toBe(204);
    expect(stored(o.org, 'ByokKey', key.id)!.body.state).toBe('AVAILABLE');
  });

  it('seeds a new organization with its notification defaults when it is created, before any notifications request', async () => {
    const o = await t.newOrg();
    const integrations = t.rt.resources.list({ org: o.org, type: 'NotificationIntegration', filters: [], limit: -1 });
    expect(integrations.map((i) => i.body.target)).toEqual([{ kind: 'RoleEmail', role_name: 'OrganizationAdmin' }]);
    expect(t.rt.resources.count({ org: o.org, type: 'NotificationSubscription', filters: [], limit: 0 })).toBe(8);
  });

  it("keeps a partner's view of an organization in step with the organization's writes, and removes it with the organization", async () => {
    const signup = await t.post('/partner/v2/signup', { organization: { name: 'Mirror Co' }, user: { email: 'm@example.com' }, entitlement: { external_id: 'mirror-1', name: 'e', plan_id: 'p', product_id: 'q' } });
    expect(signup.status).toBe(201);
    const id = signup.body.organization_id;
    const partner = t.rt.resources.getInAnyOrg('PartnerOrganization', id)!;
    const org = t.rt.resources.get(id, 'Organization', id)!;
    t.rt.resources.update({ ...org, body: { ...org.body, display_name: 'Mirror Corp' } });
    expect(stored(partner.org_id, 'PartnerOrganization', id)!.body.name).toBe('Mirror Corp');
    expect((await t.post('/_emulator/reset', { org: id })).status).toBe(200);
    expect(stored(partner.org_id, 'PartnerOrganization', id)).toBeUndefined();
  });
});

describe('a store written before a seed was declared', () => {
  it('gets the seeded rows of its organizations when it opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    const db = join(dir, 'store.db');
    try {
      const first = await TestEmulator.start({ db });
      const org = first.emu.bootstrap!.orgId!;
      // As a previous version left it: no notification rows at all.
      first.rt.db.prepare("DELETE FROM resources WHERE type IN ('NotificationIntegration', 'NotificationSubscription')").run();
      await first.close();
      const again = await TestEmulator.start({ db });
      try {
        expect(again.rt.resources.count({ org, type: 'NotificationSubscription', filters: [], limit: 0 })).toBe(8);
        const list = await again.get('/notifications/v1/integrations', { authorization: basic(again.emu.bootstrap!.apiKey!, again.emu.bootstrap!.apiSecret!) });
        expect(list.body.data.map((i: { target: { kind: string } }) => i.target.kind)).toEqual(['RoleEmail']);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
