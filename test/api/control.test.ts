import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';

describe('control plane /_emulator', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('health and the operation catalogue', async () => {
    const h = await t.get('/_emulator/health', { authorization: '' });
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'ok' });
    const ops = await t.get('/_emulator/operations');
    expect(ops.body.total).toBe(ops.body.data.length);
    const env = ops.body.data.find((o: any) => o.operation_id === 'createOrgV2Environment');
    expect(env).toMatchObject({ group: 'org/v2', method: 'POST', path: '/org/v2/environments', implemented: true });
    expect(ops.body.implemented).toBe(ops.body.data.filter((o: any) => o.implemented).length);
  });

  it('creates isolated orgs with working credentials, and removes one org', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    expect(a.org).not.toBe(b.org);
    const envA = (await t.get('/org/v2/environments', { authorization: a.auth })).body.data.map((e: any) => e.id);
    expect(envA).toEqual([a.env]);
    expect((await t.get(`/org/v2/environments/${a.env}`, { authorization: b.auth })).status).toBe(404);
    const reset = await t.post('/_emulator/reset', { org: a.org });
    expect(reset.body).toEqual({ reset: a.org });
    expect((await t.get('/org/v2/environments', { authorization: a.auth })).status).toBe(401);
    expect((await t.get('/org/v2/environments', { authorization: b.auth })).status).toBe(200);
    expect((await t.post('/_emulator/reset', { org: a.org })).status).toBe(404);
  });

  it('reset all wipes the store and restores the bootstrap fixtures', async () => {
    const created = await t.post('/org/v2/environments', { display_name: 'temp' });
    expect(created.status).toBe(201);
    const o = await t.newOrg();
    expect((await t.post('/_emulator/reset', {})).body).toEqual({ reset: 'all' });
    expect((await t.get(`/org/v2/environments/${created.body.id}`)).status).toBe(404);
    expect((await t.get('/org/v2/environments', { authorization: o.auth })).status).toBe(401);
    const envs = await t.get('/org/v2/environments');
    expect(envs.body.data.map((e: any) => e.id)).toEqual(['env-00000']);
  });

  it('exports and imports a snapshot', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'snap' })).body;
    const snap = await t.get('/_emulator/snapshot');
    expect(snap.status).toBe(200);
    expect(snap.body.format).toBe('ccloud-emulator-snapshot');
    await t.delete(`/org/v2/environments/${env.id}`);
    expect((await t.get(`/org/v2/environments/${env.id}`)).status).toBe(404);
    const imported = await t.post('/_emulator/snapshot', snap.body);
    expect(imported.status).toBe(200);
    expect((await t.get(`/org/v2/environments/${env.id}`)).body.display_name).toBe('snap');
    const bad = await t.post('/_emulator/snapshot', { ...snap.body, resources: [...snap.body.resources, snap.body.resources[0]] });
    expect(bad.status).toBe(422);
    expect((await t.get(`/org/v2/environments/${env.id}`)).status).toBe(200);
    expect((await t.post('/_emulator/snapshot', { format: 'other' })).status).toBe(422);
  });

  it('loads a fixtures document', async () => {
    const org = '22222222-2222-4222-8222-222222222222';
    const r = await t.post('/_emulator/fixtures', {
      organizations: [
        {
          id: org,
          display_name: 'Fixture Org',
          resources: {
            Environment: [{ id: 'env-fix01', display_name: 'fixed' }],
            ServiceAccount: [{ id: 'sa-fix001', display_name: 'fixture-sa' }],
            ApiKey: [{ id: 'FIXTUREKEY000001', secret: 's3cret', spec: { owner: { id: 'sa-fix001' } } }],
          },
        },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.organizations).toEqual([org]);
    const auth = basic('FIXTUREKEY000001', 's3cret');
    const env = await t.get('/org/v2/environments/env-fix01', { authorization: auth });
    expect(env.body).toMatchObject({ id: 'env-fix01', display_name: 'fixed' });
    const again = await t.post('/_emulator/fixtures', { organizations: [{ id: org }] });
    expect(again.status).toBe(409);
    const unknown = await t.post('/_emulator/fixtures', { organizations: [{ id: '33333333-3333-4333-8333-333333333333', resources: { Nope: [{}] } }] });
    expect(unknown.status).toBe(400);
    expect((await t.get('/org/v2/organizations/33333333-3333-4333-8333-333333333333', { authorization: auth })).status).toBe(404);
  });

  it('reads, sets, freezes and advances the virtual clock', async () => {
    const set = await t.put('/_emulator/clock', { now: '2031-05-01T00:00:00Z', frozen: true });
    expect(set.body).toMatchObject({ now: '2031-05-01T00:00:00Z', frozen: true });
    const env = await t.post('/org/v2/environments', { display_name: 'dated' });
    expect(env.body.metadata.created_at).toBe('2031-05-01T00:00:00Z');
    const adv = await t.post('/_emulator/clock/advance', { seconds: 90 });
    expect(adv.body.now).toBe('2031-05-01T00:01:30Z');
    expect((await t.get('/_emulator/clock')).body.now).toBe('2031-05-01T00:01:30Z');
    const mode = await t.put('/_emulator/clock', { lifecycle: 'reads=4', frozen: false });
    expect(mode.body).toMatchObject({ lifecycle: 'reads=4', frozen: false });
    expect((await t.put('/_emulator/clock', { lifecycle: 'never' })).status).toBe(422);
  });
});
