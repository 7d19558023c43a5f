import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

describe('reset and the clock', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('a full reset puts the clock back to wall-clock time, running, with the start-up lifecycle, and empties journal and faults', async () => {
    await t.put('/_emulator/clock', { now: '2031-01-01T00:00:00Z', frozen: true, lifecycle: 'reads=2' });
    await t.post('/_emulator/clock/advance', { seconds: 3600 });
    await t.post('/_emulator/faults', { operation_id: 'listOrgV2Environments', status: 503 });
    await t.get('/iam/v2/users');
    expect((await t.get('/_emulator/clock')).body).toMatchObject({ now: '2031-01-01T01:00:00Z', frozen: true, lifecycle: 'reads=2' });

    expect((await t.post('/_emulator/reset', {})).status).toBe(200);
    const clock = (await t.get('/_emulator/clock')).body;
    expect(clock.frozen).toBe(false);
    expect(clock.lifecycle).toBe('timed');
    expect(Math.abs(clock.epoch_ms - Date.now())).toBeLessThan(5000);
    expect((await t.get('/_emulator/requests')).body.data).toEqual([]);
    expect((await t.get('/_emulator/faults')).body.data).toEqual([]);
    expect((await t.get('/org/v2/environments')).status).toBe(200);
  });

  it("an organization's reset removes its journal entries and faults, and no one else's", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    for (const o of [a, b]) {
      await t.get('/org/v2/environments', { authorization: o.auth });
      await t.post('/_emulator/faults', { organization_id: o.org, operation_id: 'listIamV2Users', status: 500 });
    }
    await t.post('/_emulator/reset', { org: a.org });
    expect((await t.get(`/_emulator/requests?organization_id=${a.org}`)).body.data).toEqual([]);
    expect((await t.get(`/_emulator/faults?organization_id=${a.org}`)).body.data).toEqual([]);
    expect((await t.get(`/_emulator/requests?organization_id=${b.org}`)).body.data.length).toBe(1);
    expect((await t.get(`/_emulator/faults?organization_id=${b.org}`)).body.data.length).toBe(1);
  });

  it('a snapshot carries the clock, and importing it restores the clock', async () => {
    await t.put('/_emulator/clock', { now: '2030-06-01T12:00:00Z', frozen: true });
    const snap = (await t.get('/_emulator/snapshot')).body;
    expect(snap.clock).toEqual({ epoch_ms: Date.parse('2030-06-01T12:00:00Z'), frozen: true });
    await t.post('/_emulator/reset', {});
    expect((await t.get('/_emulator/clock')).body.frozen).toBe(false);
    expect((await t.post('/_emulator/snapshot', snap)).status).toBe(200);
    expect((await t.get('/_emulator/clock')).body).toMatchObject({ now: '2030-06-01T12:00:00Z', frozen: true });
  });
});
