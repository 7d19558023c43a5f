import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { repositoriesOf } from '../../src/engine/repository.js';

describe('per-kind repositories', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  const engine = () => t.emu.engine;
  const org = () => t.emu.bootstrap!.orgId;

  it('are handed out once per kind, by the engine and by the runtime alike', () => {
    expect(engine().repository('Environment')).toBe(engine().repository('Environment'));
    expect(repositoriesOf(t.rt).of('Environment')).toBe(engine().repository('Environment'));
    expect(engine().repository('Environment').decl?.kind).toBe('Environment');
  });

  it('never store a declared secret field, on insert or on save', () => {
    const keys = engine().repository('ApiKey');
    const row = t.rt.tx(() =>
      keys.insert({ org: org(), id: 'REPOTESTKEY00001', crn: 'crn://confluent.cloud/x', body: { spec: { display_name: 'k', secret: 'plain' } } }),
    );
    expect(row.body).toEqual({ spec: { display_name: 'k' } });
    const stored = keys.get(org(), 'REPOTESTKEY00001')!;
    expect(stored.body).toEqual({ spec: { display_name: 'k' } });
    (stored.body.spec as Record<string, unknown>).secret = 'again';
    t.rt.tx(() => keys.save(stored));
    expect(keys.get(org(), 'REPOTESTKEY00001')!.body).toEqual({ spec: { display_name: 'k' } });
    expect(() => keys.save({ ...stored, type: 'Environment' })).toThrow(/saved through the ApiKey repository/);
  });

  it('keep internal state beside the body: stored, read back, kept by saves that do not name it, never rendered', () => {
    const envs = engine().repository('Environment');
    const row = t.rt.tx(() => envs.insert({ org: org(), id: 'env-repotest', crn: 'crn://confluent.cloud/y', body: { display_name: 'r' }, internal: { plan: 7 } }));
    expect(envs.internalOf<{ plan: number }>(row).plan).toBe(7);
    const read = envs.get(org(), 'env-repotest')!;
    expect(read.internal).toEqual({ plan: 7 });
    // A row written back without its internal state (built by hand) leaves the stored one alone.
    t.rt.tx(() => envs.save({ ...read, internal: undefined, body: { display_name: 'renamed' } }));
    expect(envs.get(org(), 'env-repotest')!.internal).toEqual({ plan: 7 });
    const rendered = engine().render(engine().decl('Environment'), envs.get(org(), 'env-repotest')!, 'http://x');
    expect(rendered.display_name).toBe('renamed');
    expect(JSON.stringify(rendered)).not.toContain('plan');
    t.rt.tx(() => envs.save({ ...read, internal: null }));
    expect(envs.get(org(), 'env-repotest')!.internal).toBeNull();
  });

  it('list, count and remove with the clock of the emulator', () => {
    const envs = engine().repository('Environment');
    const before = envs.count({ org: org() });
    expect(envs.list({ org: org() })).toHaveLength(before);
    const row = envs.get(org(), 'env-repotest')!;
    t.rt.clock.freeze(true);
    t.rt.tx(() => envs.remove(row));
    expect(row.deleted_at).toBe(t.rt.clock.now());
    t.rt.clock.freeze(false);
    expect(envs.get(org(), 'env-repotest')).toBeUndefined();
    expect(envs.getIncludingDeleted('env-repotest')?.deleted_at).toBe(row.deleted_at);
    expect(envs.count({ org: org() })).toBe(before - 1);
  });

  it('travel with their internal state in snapshots, which never show it in a body', async () => {
    const envs = engine().repository('Environment');
    t.rt.tx(() => envs.insert({ org: org(), id: 'env-snapinternal', crn: 'crn://confluent.cloud/z', body: { display_name: 's' }, internal: { cursor: 3 } }));
    const snap = await t.get('/_emulator/snapshot');
    expect(snap.status).toBe(200);
    const exported = snap.body.resources.find((r: { id: string }) => r.id === 'env-snapinternal');
    expect(exported.internal).toEqual({ cursor: 3 });
    expect(exported.body).toEqual({ display_name: 's' });
    t.rt.tx(() => envs.save({ ...envs.get(org(), 'env-snapinternal')!, internal: { cursor: 9 } }));
    expect((await t.post('/_emulator/snapshot', snap.body)).status).toBe(200);
    expect(envs.get(org(), 'env-snapinternal')!.internal).toEqual({ cursor: 3 });
  });
});
