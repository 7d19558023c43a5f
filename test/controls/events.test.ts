import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';

interface Received {
  event: string;
  data: { id: string; kind: string; api_version: string; organization_id: string; phase?: string; time: string };
}

/** A Server-Sent Events reader: `take(n)` resolves with the next n events. */
async function openEvents(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: Received[] = [];
  let ended = false;
  const pump = async () => {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      return;
    }
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) queue.push({ event, data: JSON.parse(data) });
    }
  };
  return {
    async take(n: number, timeoutMs = 5000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      while (queue.length < n && !ended) {
        if (Date.now() > deadline) throw new Error(`only ${queue.length} of ${n} events arrived: ${JSON.stringify(queue)}`);
        await pump();
      }
      return queue.splice(0, n);
    },
    /** Resolves true once the server ends the stream. */
    async ended(): Promise<boolean> {
      while (!ended) await pump();
      return true;
    },
    cancel: () => reader.cancel(),
  };
}

describe('the event stream', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ lifecycle: 'timed' });
  });
  afterAll(() => emu.close());

  const clusterBody = (env: string) => JSON.stringify({ spec: { display_name: 'c', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });

  it('sends created, phase, updated and deleted events in order, for one organization only', async () => {
    const org = await emu.newOrganization();
    const other = await emu.newOrganization();
    const auth = { authorization: basic(org.api_key, org.api_secret), 'content-type': 'application/json' };
    const events = await openEvents(`${emu.url}/_emulator/events?organization_id=${org.organization_id}`);
    // Another organization's writes never reach this stream.
    await fetch(`${emu.url}/iam/v2/service-accounts`, { method: 'POST', headers: { authorization: basic(other.api_key, other.api_secret), 'content-type': 'application/json' }, body: JSON.stringify({ display_name: 'theirs', description: '' }) });

    const c = (await (await fetch(`${emu.url}/cmk/v2/clusters`, { method: 'POST', headers: auth, body: clusterBody(org.environment_id) })).json()) as any;
    await emu.advance(c.id);
    await fetch(`${emu.url}/cmk/v2/clusters/${c.id}?environment=${org.environment_id}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ spec: { display_name: 'renamed', environment: { id: org.environment_id } } }) });
    await fetch(`${emu.url}/cmk/v2/clusters/${c.id}?environment=${org.environment_id}`, { method: 'DELETE', headers: auth });

    const got = await events.take(4);
    expect(got.map((e) => [e.event, e.data.id, e.data.phase])).toEqual([
      ['created', c.id, 'PROVISIONING'],
      ['phase', c.id, 'PROVISIONED'],
      ['updated', c.id, 'PROVISIONED'],
      ['deleted', c.id, undefined],
    ]);
    expect(got[0].data).toMatchObject({ kind: 'Cluster', api_version: 'cmk/v2', organization_id: org.organization_id });
    expect(Date.parse(got[0].data.time)).not.toBeNaN();
    await events.cancel();
  });

  it('announces a timed phase change when the clock passes it, without anyone reading the resource', async () => {
    const org = await emu.newOrganization();
    const auth = { authorization: basic(org.api_key, org.api_secret), 'content-type': 'application/json' };
    const events = await openEvents(`${emu.url}/_emulator/events?organization_id=${org.organization_id}&kind=Cluster`);
    const c = (await (await fetch(`${emu.url}/cmk/v2/clusters`, { method: 'POST', headers: auth, body: clusterBody(org.environment_id) })).json()) as any;
    expect((await events.take(1))[0]).toMatchObject({ event: 'created', data: { phase: 'PROVISIONING' } });
    await emu.clock.advance(61_000);
    expect((await events.take(1))[0]).toMatchObject({ event: 'phase', data: { id: c.id, phase: 'PROVISIONED' } });
    await events.cancel();
  });

  it('startEmulator() subscribes: a test awaits a phase', async () => {
    const org = await emu.newOrganization();
    const events = await org.control.events({ kind: 'Cluster' });
    const auth = { authorization: basic(org.api_key, org.api_secret), 'content-type': 'application/json' };
    const c = (await (await fetch(`${emu.url}/cmk/v2/clusters`, { method: 'POST', headers: auth, body: clusterBody(org.environment_id) })).json()) as any;
    const clock = emu.clock.advance(61_000);
    const ready = await events.phase(c.id, 'PROVISIONED');
    await clock;
    expect(ready).toMatchObject({ event: 'phase', data: { id: c.id, kind: 'Cluster', organization_id: org.organization_id } });
    await expect(events.next(() => true, 100)).rejects.toThrow(/no matching event/);
    await events.close();
  });

  it('sends the events of a transaction once it commits, and none of one that rolls back', async () => {
    const org = await emu.newOrganization();
    const events = await org.control.events();
    const rt = emu.emulator.runtime;
    const row = (id: string) => ({ org_id: org.organization_id, type: 'ServiceAccount', id, scope: '', crn: `crn://x/${id}`, body: { display_name: id }, lifecycle: null, created_at: 0, updated_at: 0 });
    expect(() =>
      rt.tx(() => {
        rt.resources.insert(row('sa-rolled'));
        throw new Error('refused after the write');
      }),
    ).toThrow('refused');
    rt.tx(() => rt.resources.insert(row('sa-kept')));
    expect((await events.next()).data.id).toBe('sa-kept');
    await events.close();
  });

  it('ends cleanly when the emulator closes', async () => {
    const own = await startEmulator();
    const events = await openEvents(`${own.url}/_emulator/events`);
    const closed = own.close();
    expect(await events.ended()).toBe(true);
    await closed;
  });
});
