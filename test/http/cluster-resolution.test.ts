import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCluster } from '../../src/http/cluster.js';
import { repositoriesOf } from '../../src/engine/repository.js';
import type { RequestContext } from '../../src/contract/handler.js';
import { TEST_DOCS, TestEmulator } from '../helpers.js';

/** Widgets (a test-only kind) stand in for clusters of a data plane whose paths carry no cluster id. */
describe('cluster resolution for paths without a cluster id', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ extraDocuments: [TEST_DOCS] });
  });
  afterAll(() => t.close());

  const widget = async (o: { auth: string; env: string }, name: string) =>
    (await t.post('/widgets/v1/widgets', { spec: { display_name: name, cloud: 'AWS', environment: { id: o.env } } }, { authorization: o.auth })).body.id as string;
  const ctx = (orgId: string, resourceId?: string, host = 'emulator.test'): RequestContext =>
    ({ caller: { orgId, keyId: 'K', ownerId: 'u', resourceId }, headers: { host } }) as unknown as RequestContext;
  const resolve = (c: RequestContext) => resolveCluster(repositoriesOf(t.rt), c, ['Widget']).id;

  it('takes the key scope first, then the Host label, then the only cluster', async () => {
    const o = await t.newOrg();
    const a = await widget(o, 'a');
    expect(resolve(ctx(o.org))).toBe(a);
    const b = await widget(o, 'b');
    expect(resolve(ctx(o.org, b, `${a}.emulator.local:8080`))).toBe(b);
    // A key scoped to something that is not a cluster of these kinds is refused, not redirected.
    expect(() => resolve(ctx(o.org, o.env, `${a}.emulator.local:8080`))).toThrow(/not scoped/);
    expect(resolve(ctx(o.org, undefined, `${a}.emulator.local:8080`))).toBe(a);
    expect(() => resolve(ctx(o.org))).toThrow(/Several clusters/);
  });

  it('never resolves to another organization’s cluster', async () => {
    const mine = await t.newOrg();
    const theirs = await t.newOrg();
    const w = await widget(theirs, 'x');
    expect(() => resolve(ctx(mine.org, w, `${w}.emulator.local`))).toThrow(/not scoped/);
    expect(() => resolve(ctx(mine.org, undefined, `${w}.emulator.local`))).toThrow(/No cluster exists/);
  });
});
