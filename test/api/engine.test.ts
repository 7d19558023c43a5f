import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DOCS, TestEmulator, errorsOf } from '../helpers.js';

/**
 * The generic engine, driven through a resource that exists only in a test document
 * (test/fixtures/openapi/widgets-v1.yaml) and has no code of its own.
 */
describe('generic resource engine (a kind declared only in a document)', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ extraDocuments: [TEST_DOCS], quotas: { widgets_per_environment: 8 } });
  });
  afterAll(() => t.close());

  const create = (name: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    t.post('/widgets/v1/widgets', { spec: { display_name: name, cloud: 'AWS', environment: { id: t.env }, ...extra } }, headers);
  const read = (id: string, env = t.env) => t.get(`/widgets/v1/widgets/${id}?environment=${env}`);
  const advance = (ms: number) => t.post('/_emulator/clock/advance', { ms });

  it('creates asynchronously: 202, Location, self, CRN, timestamps, then PROVISIONED on the virtual clock', async () => {
    const r = await create('w-timed');
    expect(r.status).toBe(202);
    const w = r.body;
    expect(w.id).toMatch(/^wdg-[0-9a-z]{5}$/);
    expect(r.headers.location).toBe(`http://emulator.test/widgets/v1/widgets/${w.id}`);
    expect(w.metadata.self).toBe(r.headers.location);
    expect(w.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${t.emu.bootstrap!.orgId}/environment=${t.env}/widget=${w.id}`);
    expect(w.metadata.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(w.spec.environment).toMatchObject({ id: t.env, related: `http://emulator.test/org/v2/environments/${t.env}` });
    expect(w.status.phase).toBe('PROVISIONING');
    expect((await read(w.id)).body.status.phase).toBe('PROVISIONING');
    await advance(2000);
    expect((await read(w.id)).body.status.phase).toBe('PROVISIONED');
  });

  it('reads mode (per request header) advances after N reads; immediate mode can end in FAILED', async () => {
    const r = await create('w-reads', {}, { 'x-emulator-lifecycle': 'reads=2' });
    expect(r.body.status.phase).toBe('PROVISIONING');
    expect((await read(r.body.id)).body.status.phase).toBe('PROVISIONING');
    expect((await read(r.body.id)).body.status.phase).toBe('PROVISIONED');
    const f = await create('w-failed', {}, { 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(f.body.status.phase).toBe('FAILED');
    const bad = await create('w-bad-mode', {}, { 'x-emulator-lifecycle': 'sometimes' });
    expect(bad.status).toBe(400);
  });

  it('updates updatable fields and refuses to change create-only ones', async () => {
    const { body: w } = await create('w-patch', { size: 1 }, { 'x-emulator-lifecycle': 'immediate' });
    const ok = await t.patch(`/widgets/v1/widgets/${w.id}?environment=${t.env}`, { spec: { size: 3, cloud: 'AWS' } });
    expect(ok.status).toBe(200);
    expect(ok.body.spec).toMatchObject({ size: 3, cloud: 'AWS', display_name: 'w-patch' });
    expect(Date.parse(ok.body.metadata.updated_at)).toBeGreaterThanOrEqual(Date.parse(w.metadata.updated_at));
    const refused = await t.patch(`/widgets/v1/widgets/${w.id}?environment=${t.env}`, { spec: { cloud: 'GCP' } });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)[0]).toMatchObject({ status: '400', code: 'invalid_input', source: { pointer: '/spec/cloud' } });
    expect((await read(w.id)).body.spec.cloud).toBe('AWS');
  });

  it('ignores unknown properties instead of storing them', async () => {
    const r = await create('w-unknown', { colour: 'red' }, { 'x-emulator-lifecycle': 'immediate' });
    expect(r.status).toBe(202);
    expect(r.body.spec.colour).toBeUndefined();
    expect(r.body.extra).toBeUndefined();
  });

  it('answers 409 with Location for a duplicate unique field, 422 for a missing reference, 422 for bad input', async () => {
    const first = await create('w-dup');
    const dup = await create('w-dup');
    expect(dup.status).toBe(409);
    expect(dup.headers.location).toBe(first.body.metadata.self);
    expect(errorsOf(dup)[0].code).toBe('resource_already_exists');

    const noEnv = await t.post('/widgets/v1/widgets', { spec: { display_name: 'w-x', cloud: 'AWS', environment: { id: 'env-nope' } } });
    expect(noEnv.status).toBe(422);
    expect(errorsOf(noEnv)[0].source).toEqual({ pointer: '/spec/environment/id' });

    const invalid = await t.post('/widgets/v1/widgets', { spec: { display_name: 'w-y', cloud: 'MOON', size: 'big' } });
    expect(invalid.status).toBe(422);
    const pointers = errorsOf(invalid).map((e) => e.source.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/spec/cloud', '/spec/size', '/spec/environment']));
    for (const e of errorsOf(invalid)) expect(e).toMatchObject({ status: '422', code: 'invalid_configuration' });
  });

  it('scopes to the environment: required parameter, other environment is 404', async () => {
    const { body: w } = await create('w-scope');
    const missing = await t.get(`/widgets/v1/widgets/${w.id}`);
    expect(missing.status).toBe(400);
    expect(errorsOf(missing)[0].source).toEqual({ parameter: 'environment' });
    const env2 = await t.post('/org/v2/environments', { display_name: 'other' });
    expect((await read(w.id, env2.body.id)).status).toBe(404);
    const list = await t.get(`/widgets/v1/widgets?environment=${env2.body.id}`);
    expect(list.body.data).toEqual([]);
  });

  it('filters by exact match, repeated or comma-separated values', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'filters' })).body.id;
    for (const [n, cloud] of [['f1', 'AWS'], ['f2', 'GCP'], ['f3', 'AZURE']]) {
      await t.post('/widgets/v1/widgets', { spec: { display_name: n, cloud, environment: { id: env } } });
    }
    const names = (r: any) => r.body.data.map((w: any) => w.spec.display_name).sort();
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.cloud=GCP`))).toEqual(['f2']);
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.cloud=GCP&spec.cloud=AZURE`))).toEqual(['f2', 'f3']);
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.cloud=AWS,AZURE`))).toEqual(['f1', 'f3']);
  });

  it('filters an array field by element, and by phase as of the clock, not of the last read', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'element-filters' })).body.id;
    const make = (n: string, zones: string[]) => t.post('/widgets/v1/widgets', { spec: { display_name: n, cloud: 'AWS', zones, environment: { id: env } } });
    const z1 = (await make('z1', ['use1-az1', 'use1-az2'])).body.id;
    const z2 = (await make('z2', ['use1-az2'])).body.id;
    const ids = async (query: string) => (await t.get(`/widgets/v1/widgets?environment=${env}&${query}`)).body.data.map((w: any) => w.id);
    expect(await ids('spec.zones=use1-az1')).toEqual([z1]);
    expect(await ids('spec.zones=use1-az2')).toEqual([z1, z2]);
    expect(await ids('spec.zones=use1')).toEqual([]);
    expect(await ids('status.phase=PROVISIONING')).toEqual([z1, z2]);
    // Both became PROVISIONED on the clock without being read: the phase filter sees it.
    expect((await t.post('/_emulator/clock/advance', { seconds: 3 })).status).toBe(200);
    expect(await ids('status.phase=PROVISIONED')).toEqual([z1, z2]);
    expect(await ids('status.phase=PROVISIONING')).toEqual([]);
  });

  it('filters numbers and booleans by the text of the query string', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'typed-filters' })).body.id;
    for (const [n, size, shared] of [['t1', 2, true], ['t2', 3, false], ['t3', 2, false]] as const) {
      const r = await t.post('/widgets/v1/widgets', { spec: { display_name: n, cloud: 'AWS', size, shared, environment: { id: env } } });
      expect(r.status, r.raw).toBe(202);
    }
    const names = (r: any) => r.body.data.map((w: any) => w.spec.display_name).sort();
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.size=2`))).toEqual(['t1', 't3']);
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.shared=true`))).toEqual(['t1']);
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.shared=false&spec.size=2`))).toEqual(['t3']);
    expect(names(await t.get(`/widgets/v1/widgets?environment=${env}&spec.size=7`))).toEqual([]);
  });

  it('deletes through the deleting phase, then 404; the id is never reissued', async () => {
    const { body: w } = await create('w-delete', {}, { 'x-emulator-lifecycle': 'immediate' });
    const del = await t.delete(`/widgets/v1/widgets/${w.id}?environment=${t.env}`);
    expect(del.status).toBe(204);
    expect(del.raw).toBe('');
    expect((await read(w.id)).body.status.phase).toBe('DEPROVISIONING');
    await advance(2000);
    expect((await read(w.id)).status).toBe(404);
    expect(t.rt.resources.reserveId(w.id)).toBe(false);
  });

  it('deleting an environment deletes what is scoped to it', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'doomed' })).body.id;
    const w = (await t.post('/widgets/v1/widgets', { spec: { display_name: 'w-env', cloud: 'AWS', environment: { id: env } } })).body;
    expect((await t.delete(`/org/v2/environments/${env}`)).status).toBe(204);
    expect((await read(w.id, env)).status).toBe(404);
    expect((await t.get(`/org/v2/environments/${env}`)).status).toBe(404);
  });

  it('enforces the quota (overridable by configuration) with 402', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'quota' })).body.id;
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await t.post('/widgets/v1/widgets', { spec: { display_name: `q${i}`, cloud: 'AWS', environment: { id: env } } })).status);
    expect(codes.slice(0, 8).every((c) => c === 202)).toBe(true);
    expect(codes[8]).toBe(402);
  });

  it('answers 501 in the group error shape for an operation without a handler', async () => {
    const r = await t.post('/widgets/v1/widgets/wdg-00000:ping', {});
    expect(r.status).toBe(501);
    expect(errorsOf(r)[0]).toMatchObject({ status: '501', code: 'not_implemented' });
    const ops = await t.get('/_emulator/operations');
    expect(ops.body.data.find((o: any) => o.operation_id === 'pingWidgetsV1Widget')).toMatchObject({ implemented: false, group: 'widgets/v1' });
  });
});
