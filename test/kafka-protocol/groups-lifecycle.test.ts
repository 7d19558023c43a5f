import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';
import type { JoinRequest } from '../../src/services/kafka/groups/types.js';

const joinReq = (groupId: string): JoinRequest => ({
  groupId,
  memberId: '',
  groupInstanceId: null,
  requireKnownMemberId: false,
  clientId: 'c',
  clientHost: '/127.0.0.1',
  sessionTimeoutMs: 30_000,
  rebalanceTimeoutMs: 30_000,
  protocolType: 'consumer',
  protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
});

/** In-memory group state goes with the cluster (deleted, its org reset, or everything reset). */
describe('consumer groups follow their cluster', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('deleting a cluster forgets its groups and answers their waiting members', async () => {
    const c = await kafkaCluster(t);
    const joined = await t.rt.groups.join(c.id, joinReq('g'));
    expect(joined.errorCode).toBe(0);
    const waiting = t.rt.groups.join(c.id, joinReq('g'));
    expect(t.rt.groups.list(c.id).map((g) => g.groupId)).toEqual(['g']);
    const del = await t.delete(`/cmk/v2/clusters/${c.id}?environment=${c.org.env}`, { authorization: c.orgAuth, 'x-emulator-lifecycle': 'immediate' });
    expect(del.status, del.raw).toBe(204);
    expect((await waiting).errorCode).toBe(15);
    expect(t.rt.groups.list(c.id)).toEqual([]);
    expect(t.rt.groups.describe(c.id, 'g').state).toBe('Dead');
  });

  it('resetting an organization forgets the groups of its clusters only; a full reset forgets all', async () => {
    const a = await kafkaCluster(t);
    const b = await kafkaCluster(t);
    await t.rt.groups.join(a.id, joinReq('ga'));
    await t.rt.groups.join(b.id, joinReq('gb'));
    expect((await t.post('/_emulator/reset', { org: a.org.org })).status).toBe(200);
    expect(t.rt.groups.list(a.id)).toEqual([]);
    expect(t.rt.groups.list(b.id).map((g) => g.groupId)).toEqual(['gb']);
    expect((await t.post('/_emulator/reset', {})).status).toBe(200);
    expect(t.rt.groups.list(b.id)).toEqual([]);
  });
});
