import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic } from '../helpers.js';
import { configFromOptions, connectEmulator, startEmulator, type RunningEmulator } from '../../src/index.js';

/** startEmulator() with --admin-token: its own controls carry the token; others without it are refused. */
describe('startEmulator({ adminToken })', () => {
  const TOKEN = 'fixture-admin-token';
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ adminToken: TOKEN });
  });
  afterAll(() => emu.close());

  it('takes the settings that have no default (adminToken, the Kafka TLS files) and checks that they are strings', () => {
    expect(configFromOptions({ adminToken: 't', kafkaTlsCert: 'c.pem', kafkaTlsKey: 'k.pem' })).toMatchObject({ adminToken: 't', kafkaTlsCert: 'c.pem', kafkaTlsKey: 'k.pem' });
    expect(() => configFromOptions({ adminToken: 42 } as any)).toThrow(/adminToken must be a string/);
  });

  it('uses the token for the journal, faults, clock, events, new organizations and reset', async () => {
    await emu.fault({ operation_id: 'listOrgV2Environments', status: 503, times: 1 });
    expect(await emu.control.faults()).toHaveLength(1);
    await emu.clearFaults();
    await fetch(`${emu.url}/org/v2/environments`, { headers: { authorization: basic(emu.apiKey, emu.apiSecret) } });
    expect((await emu.requests({ operation_id: 'listOrgV2Environments' })).length).toBe(1);
    await emu.clock.advance(1000);
    const events = await emu.events();
    const org = await emu.newOrganization('with token');
    expect((await org.control.requests()).length).toBe(0);
    await events.close();
    await emu.reset();
  });

  it('is refused without the token, with a message that names it', async () => {
    const stranger = connectEmulator(emu.control.controlUrl);
    await expect(stranger.requests()).rejects.toThrow(/answered 401: .*admin token/);
    await expect(connectEmulator(emu.control.controlUrl, undefined, TOKEN).requests()).resolves.toBeInstanceOf(Array);
  });
});
