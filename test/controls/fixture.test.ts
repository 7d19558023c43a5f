import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromOptions, connectEmulator, startEmulator, type RunningEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';

describe('startEmulator()', () => {
  let emu: RunningEmulator;
  const auth = () => ({ authorization: basic(emu.apiKey, emu.apiSecret), 'content-type': 'application/json' });
  beforeAll(async () => {
    emu = await startEmulator();
  });
  afterAll(() => emu.close());

  it('defaults to a free port, an in-memory store, the immediate lifecycle and quiet logs', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.emulator.runtime.config).toMatchObject({ db: ':memory:', logLevel: 'silent', lifecycle: { mode: 'immediate' } });
    const c = await fetch(`${emu.url}/cmk/v2/clusters`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ spec: { display_name: 'fast', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: emu.environmentId } } }),
    });
    expect(((await c.json()) as any).status.phase).toBe('PROVISIONED');
  });

  it('accepts the CLI lifecycle strings and refuses bad options with one clear error', () => {
    expect(configFromOptions({ lifecycle: 'timed' }).lifecycle.mode).toBe('timed');
    expect(configFromOptions({ lifecycle: 'reads=4' }).lifecycle).toEqual({ mode: 'reads', reads: 4 });
    expect(configFromOptions({ lifecycle: { mode: 'reads', reads: 2 } }).lifecycle).toEqual({ mode: 'reads', reads: 2 });
    expect(() => configFromOptions({ lifecycle: 'fast' as any })).toThrow(/lifecycle must be 'immediate', 'timed' or 'reads=N', not 'fast'/);
    expect(() => configFromOptions({ lifecycle: { mode: 'quick' } as any })).toThrow(/lifecycle must be/);
    let message = '';
    try {
      configFromOptions({ prot: 1, port: -1, logLevel: 'loud' } as any);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^startEmulator: /);
    for (const part of ["'prot' is not an option", 'port must be a non-negative integer', 'logLevel must be one of']) expect(message).toContain(part);
  });

  it('reads the journal, waits for requests, injects and clears faults', async () => {
    await fetch(`${emu.url}/org/v2/environments`, { headers: auth() });
    const [entry] = await emu.requests({ operation_id: 'listOrgV2Environments' });
    expect(entry).toMatchObject({ method: 'GET', status: 200, organization_id: emu.organizationId, api_key: emu.apiKey });
    const waiting = emu.waitFor({ operation_id: 'listIamV2Users' }, 1, 2000);
    await fetch(`${emu.url}/iam/v2/users`, { headers: auth() });
    expect((await waiting)[0].operation_id).toBe('listIamV2Users');
    await expect(emu.waitFor({ operation_id: 'deleteIamV2User' }, 1, 50)).rejects.toThrow(/408/);

    const f = await emu.fault({ operation_id: 'listIamV2Users', status: 503 });
    expect(f.id).toBeTruthy();
    expect((await fetch(`${emu.url}/iam/v2/users`, { headers: auth() })).status).toBe(503);
    expect(await emu.clearFaults()).toBe(1);
    expect((await fetch(`${emu.url}/iam/v2/users`, { headers: auth() })).status).toBe(200);
    await expect(emu.fault({ status: 200 })).rejects.toThrow(/422/);
  });

  it('moves and reads the clock, and reset() restores it', async () => {
    const before = await emu.clock.now();
    const later = await emu.clock.advance(3_600_000);
    expect(later.getTime() - before.getTime()).toBeGreaterThanOrEqual(3_600_000);
    await emu.clock.set('2030-01-01T00:00:00Z');
    expect((await emu.clock.freeze()).toISOString()).toBe('2030-01-01T00:00:00.000Z');
    await emu.reset();
    expect(Math.abs((await emu.clock.now()).getTime() - Date.now())).toBeLessThan(5000);
    expect(await emu.requests()).toEqual([]);
  });

  it('gives each test file its own organization, whose journal and faults no other sees', async () => {
    const a = await emu.newOrganization('file-a');
    const b = await connectEmulator(emu.url).newOrganization('file-b');
    await a.control.fault({ operation_id: 'listOrgV2Environments', status: 500 });
    const envA = await fetch(`${emu.url}/org/v2/environments`, { headers: { authorization: basic(a.api_key, a.api_secret) } });
    const envB = await fetch(`${emu.url}/org/v2/environments`, { headers: { authorization: basic(b.api_key, b.api_secret) } });
    expect([envA.status, envB.status]).toEqual([500, 200]);
    expect((await a.control.requests()).map((e) => e.status)).toEqual([500]);
    expect((await b.control.requests()).map((e) => e.status)).toEqual([200]);
    expect((await b.control.faults()).length).toBe(0);
    expect(await a.control.clearFaults()).toBe(1);
    await a.control.reset();
    const gone = await fetch(`${emu.url}/org/v2/environments`, { headers: { authorization: basic(a.api_key, a.api_secret) } });
    expect(gone.status).toBe(401);
  });
});
