import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCoordinator, type CoordinatorOptions, type OffsetStorage } from '../../src/services/kafka/groups/coordinator.js';
import { GroupError } from '../../src/services/kafka/groups/errors.js';
import type { JoinRequest, JoinResult } from '../../src/services/kafka/groups/types.js';
import type { CommittedOffset } from '../../src/store/kafka.js';

const CLUSTER = 'lkc-test';
const SESSION = 1000;
const REBALANCE = 3000;

/** Committed offsets in memory, and one topic `t` of 4 partitions. */
function memoryStorage(): OffsetStorage & { rows: Map<string, CommittedOffset[]> } {
  const rows = new Map<string, CommittedOffset[]>();
  return {
    rows,
    tx: (fn) => fn(),
    clock: { now: () => Date.now() },
    kafka: {
      commit: (cluster, group, offsets) => {
        const k = `${cluster}/${group}`;
        const kept = (rows.get(k) ?? []).filter((r) => !offsets.some((o) => o.topic === r.topic && o.partition === r.partition));
        rows.set(k, [...kept, ...offsets]);
      },
      committed: (cluster, group) => rows.get(`${cluster}/${group}`) ?? [],
      deleteCommitted: (cluster, group) => void rows.delete(`${cluster}/${group}`),
      deleteCommittedPartition: (cluster, group, topic, partition) =>
        void rows.set(`${cluster}/${group}`, (rows.get(`${cluster}/${group}`) ?? []).filter((r) => r.topic !== topic || r.partition !== partition)),
      groups: (cluster) => [...rows.keys()].filter((k) => k.startsWith(`${cluster}/`)).map((k) => k.slice(cluster.length + 1)),
      topic: (cluster, name) => (name === 't' ? { cluster_id: cluster, name, topic_id: 'x', partitions: 4, replication_factor: 3, configs: {}, created_at: 0 } : undefined),
    },
  };
}

const protocols = (...names: string[]) => names.map((name) => ({ name, metadata: Buffer.from(`meta-${name}`) }));

const joinReq = (over: Partial<JoinRequest> = {}): JoinRequest => ({
  groupId: 'g',
  memberId: '',
  groupInstanceId: null,
  requireKnownMemberId: false,
  clientId: 'client',
  clientHost: '/127.0.0.1',
  sessionTimeoutMs: SESSION,
  rebalanceTimeoutMs: REBALANCE,
  protocolType: 'consumer',
  protocols: protocols('range'),
  ...over,
});

/** Lets resolved promises run. */
const flush = () => vi.advanceTimersByTimeAsync(0);

/** Whether a promise has settled yet, without waiting for it. */
async function settled<T>(p: Promise<T>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await flush();
  return done;
}

describe('group coordinator (classic rebalance protocol)', () => {
  let storage: ReturnType<typeof memoryStorage>;
  let gc: GroupCoordinator;
  const start = (options: Partial<CoordinatorOptions> = {}) => {
    gc = new GroupCoordinator(storage, { minSessionTimeoutMs: 500, maxSessionTimeoutMs: 60_000, initialRebalanceDelayMs: 0, ...options });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    storage = memoryStorage();
    start();
  });
  afterEach(() => {
    gc.close();
    vi.useRealTimers();
  });

  /** A member joins alone and syncs: the group is Stable at generation 1. */
  async function stableSingle(over: Partial<JoinRequest> = {}): Promise<JoinResult> {
    const j = await gc.join(CLUSTER, joinReq(over));
    const s = await gc.sync(CLUSTER, { groupId: 'g', generationId: j.generationId, memberId: j.memberId, groupInstanceId: over.groupInstanceId ?? null, protocolType: null, protocolName: null, assignments: [{ memberId: j.memberId, assignment: Buffer.from('all') }] });
    expect(s.errorCode).toBe(GroupError.NONE);
    return j;
  }

  it('hands a new member its id with MEMBER_ID_REQUIRED (v4+), then makes it leader of generation 1', async () => {
    const first = await gc.join(CLUSTER, joinReq({ requireKnownMemberId: true }));
    expect(first.errorCode).toBe(GroupError.MEMBER_ID_REQUIRED);
    expect(first.memberId).toMatch(/^client-/);
    expect(gc.describe(CLUSTER, 'g').members).toHaveLength(0);

    const j = await gc.join(CLUSTER, joinReq({ requireKnownMemberId: true, memberId: first.memberId }));
    expect(j).toMatchObject({ errorCode: 0, generationId: 1, leader: first.memberId, memberId: first.memberId, protocolType: 'consumer', protocolName: 'range' });
    expect(j.members).toEqual([{ memberId: first.memberId, groupInstanceId: null, metadata: Buffer.from('meta-range') }]);
    expect(gc.describe(CLUSTER, 'g').state).toBe('CompletingRebalance');

    const s = await gc.sync(CLUSTER, { groupId: 'g', generationId: 1, memberId: j.memberId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [{ memberId: j.memberId, assignment: Buffer.from('a') }] });
    expect(s).toMatchObject({ errorCode: 0, protocolName: 'range', assignment: Buffer.from('a') });
    expect(gc.describe(CLUSTER, 'g')).toMatchObject({ state: 'Stable', protocolName: 'range' });
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: j.memberId, groupInstanceId: null })).toBe(GroupError.NONE);
  });

  it('rebalances when a second member joins: the first learns it from its heartbeat, the leader assigns, followers wait for it', async () => {
    const a = await stableSingle();
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    expect(await settled(bJoin)).toBe(false);
    expect(gc.describe(CLUSTER, 'g').state).toBe('PreparingRebalance');
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null })).toBe(GroupError.REBALANCE_IN_PROGRESS);

    const aJoin = await gc.join(CLUSTER, joinReq({ memberId: a.memberId }));
    const b = await bJoin;
    expect(aJoin).toMatchObject({ errorCode: 0, generationId: 2, leader: a.memberId });
    expect(aJoin.members.map((m) => m.memberId).sort()).toEqual([a.memberId, b.memberId].sort());
    expect(b).toMatchObject({ errorCode: 0, generationId: 2, leader: a.memberId, members: [] });

    const bSync = gc.sync(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
    expect(await settled(bSync)).toBe(false);
    const aSync = await gc.sync(CLUSTER, {
      groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null, protocolType: null, protocolName: null,
      assignments: [{ memberId: a.memberId, assignment: Buffer.from('p0') }, { memberId: b.memberId, assignment: Buffer.from('p1') }],
    });
    expect(aSync.assignment.toString()).toBe('p0');
    expect((await bSync).assignment.toString()).toBe('p1');
    // The old generation is refused.
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null })).toBe(GroupError.ILLEGAL_GENERATION);
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: 'nobody', groupInstanceId: null })).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('drops a member that does not rejoin within the rebalance timeout', async () => {
    const a = await stableSingle();
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    // a never rejoins (but keeps its session alive).
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(REBALANCE / 6);
      gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null });
    }
    expect(await settled(bJoin)).toBe(false);
    await vi.advanceTimersByTimeAsync(REBALANCE / 6);
    const b = await bJoin;
    expect(b).toMatchObject({ errorCode: 0, generationId: 2, leader: b.memberId });
    expect(b.members.map((m) => m.memberId)).toEqual([b.memberId]);
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null })).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('expires a member without heartbeats after its session timeout, on the wall clock', async () => {
    const a = await stableSingle();
    await vi.advanceTimersByTimeAsync(SESSION - 100);
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null })).toBe(GroupError.NONE);
    await vi.advanceTimersByTimeAsync(SESSION - 100);
    expect(gc.describe(CLUSTER, 'g').members).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    // Its session ended: it is gone and the group, with nothing committed, is forgotten.
    expect(gc.describe(CLUSTER, 'g')).toMatchObject({ state: 'Dead', members: [] });
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null })).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('a survivor of an expired member is told to rejoin and then leads alone', async () => {
    const a = await stableSingle();
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    const aJoin = await gc.join(CLUSTER, joinReq({ memberId: a.memberId }));
    const b = await bJoin;
    await gc.sync(CLUSTER, { groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
    await gc.sync(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
    // Only b heartbeats: a's session ends.
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(SESSION / 2);
      gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null });
    }
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null })).toBe(GroupError.REBALANCE_IN_PROGRESS);
    const again = await gc.join(CLUSTER, joinReq({ memberId: b.memberId }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 3, leader: b.memberId });
    expect(again.members.map((m) => m.memberId)).toEqual([b.memberId]);
    expect(aJoin.generationId).toBe(2);
  });

  it('refuses a member whose protocol type or assignors do not match the group (INCONSISTENT_GROUP_PROTOCOL)', async () => {
    await stableSingle({ protocols: protocols('range', 'roundrobin') });
    expect((await gc.join(CLUSTER, joinReq({ protocolType: 'connect' }))).errorCode).toBe(GroupError.INCONSISTENT_GROUP_PROTOCOL);
    expect((await gc.join(CLUSTER, joinReq({ protocols: protocols('RoundRobinAssigner') }))).errorCode).toBe(GroupError.INCONSISTENT_GROUP_PROTOCOL);
    expect((await gc.join(CLUSTER, joinReq({ groupId: 'other', protocolType: '' }))).errorCode).toBe(GroupError.INCONSISTENT_GROUP_PROTOCOL);
    // A common assignor is enough; the group keeps the vote of its members.
    const joining = gc.join(CLUSTER, joinReq({ protocols: protocols('roundrobin') }));
    expect(await settled(joining)).toBe(false);
  });

  it('checks session timeouts against the configured bounds and refuses an empty group id', async () => {
    expect((await gc.join(CLUSTER, joinReq({ sessionTimeoutMs: 100 }))).errorCode).toBe(GroupError.INVALID_SESSION_TIMEOUT);
    expect((await gc.join(CLUSTER, joinReq({ sessionTimeoutMs: 120_000 }))).errorCode).toBe(GroupError.INVALID_SESSION_TIMEOUT);
    expect((await gc.join(CLUSTER, joinReq({ groupId: '' }))).errorCode).toBe(GroupError.INVALID_GROUP_ID);
    expect((await gc.join(CLUSTER, joinReq({ memberId: 'made-up' }))).errorCode).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('lets a static member rejoin with a new member id without a rebalance, keeping its assignment and fencing the old id', async () => {
    const a = await stableSingle({ groupInstanceId: 'instance-1' });
    const rejoined = await gc.join(CLUSTER, joinReq({ groupInstanceId: 'instance-1', requireKnownMemberId: true }));
    expect(rejoined.errorCode).toBe(GroupError.NONE);
    expect(rejoined.memberId).not.toBe(a.memberId);
    expect(rejoined.memberId).toMatch(/^instance-1-/);
    expect(rejoined.generationId).toBe(1);
    // The old leader id is answered, so the member does not compute an assignment.
    expect(rejoined.leader).toBe(a.memberId);
    expect(gc.describe(CLUSTER, 'g').state).toBe('Stable');
    const s = await gc.sync(CLUSTER, { groupId: 'g', generationId: 1, memberId: rejoined.memberId, groupInstanceId: 'instance-1', protocolType: null, protocolName: null, assignments: [] });
    expect(s.assignment.toString()).toBe('all');
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: 'instance-1' })).toBe(GroupError.FENCED_INSTANCE_ID);
    expect(gc.describe(CLUSTER, 'g').members).toMatchObject([{ memberId: rejoined.memberId, groupInstanceId: 'instance-1' }]);
  });

  it('keeps a static member that misses a rebalance in the group until its session ends', async () => {
    // Static members have long sessions: a restart should not cost a rebalance.
    const a = await stableSingle({ groupInstanceId: 'instance-1', sessionTimeoutMs: 10_000 });
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(REBALANCE / 6);
      gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 1, memberId: 'whatever', groupInstanceId: null });
    }
    const b = await bJoin;
    expect(b.generationId).toBe(2);
    // The static member stayed a member (b leads and assigns to it as well)...
    expect(b.members.map((m) => m.memberId).sort()).toEqual([a.memberId, b.memberId].sort());
    // ...until its session ends.
    for (let i = 0; i < 20; i++) {
      await vi.advanceTimersByTimeAsync(SESSION / 2);
      gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null });
    }
    expect(gc.describe(CLUSTER, 'g').members.map((m) => m.memberId)).not.toContain(a.memberId);
  });

  it('LeaveGroup removes members (by member id, or by instance id alone) and rebalances the rest', async () => {
    const a = await stableSingle({ groupInstanceId: 'i-a' });
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    await gc.join(CLUSTER, joinReq({ memberId: a.memberId, groupInstanceId: 'i-a' }));
    const b = await bJoin;
    const left = gc.leave(CLUSTER, 'g', [{ memberId: '', groupInstanceId: 'i-a' }, { memberId: 'ghost', groupInstanceId: null }]);
    expect(left.members.map((m) => m.errorCode)).toEqual([GroupError.NONE, GroupError.UNKNOWN_MEMBER_ID]);
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null })).toBe(GroupError.REBALANCE_IN_PROGRESS);
    expect(gc.leave(CLUSTER, 'g', [{ memberId: b.memberId, groupInstanceId: null }]).members[0].errorCode).toBe(GroupError.NONE);
    await flush();
    expect(gc.describe(CLUSTER, 'g').state).toBe('Dead');
    expect(gc.leave(CLUSTER, 'nope', [{ memberId: 'x', groupInstanceId: null }]).members[0].errorCode).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('checks commits against the generation and member id; a simple commit (generation -1) only into a group without members', async () => {
    const a = await stableSingle();
    const offsets = [{ topic: 't', partition: 0, offset: 5, metadata: 'meta' }];
    expect(gc.commitOffsets(CLUSTER, { groupId: 'g', generationId: 0, memberId: a.memberId, groupInstanceId: null, offsets })).toEqual([GroupError.ILLEGAL_GENERATION]);
    expect(gc.commitOffsets(CLUSTER, { groupId: 'g', generationId: 1, memberId: 'stranger', groupInstanceId: null, offsets })).toEqual([GroupError.UNKNOWN_MEMBER_ID]);
    expect(gc.commitOffsets(CLUSTER, { groupId: 'g', generationId: -1, memberId: '', groupInstanceId: null, offsets })).toEqual([GroupError.UNKNOWN_MEMBER_ID]);
    expect(storage.rows.size).toBe(0);
    expect(
      gc.commitOffsets(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null, offsets: [...offsets, { topic: 'missing', partition: 0, offset: 1, metadata: null }, { topic: 't', partition: 9, offset: 1, metadata: null }] }),
    ).toEqual([GroupError.NONE, GroupError.UNKNOWN_TOPIC_OR_PARTITION, GroupError.UNKNOWN_TOPIC_OR_PARTITION]);
    expect(gc.fetchOffsets(CLUSTER, 'g', [{ topic: 't', partition: 0 }, { topic: 't', partition: 1 }])).toEqual([
      { topic: 't', partition: 0, offset: 5, metadata: 'meta', errorCode: 0 },
      { topic: 't', partition: 1, offset: -1, metadata: '', errorCode: 0 },
    ]);
    // During CompletingRebalance a commit is told to wait for the rebalance.
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    await gc.join(CLUSTER, joinReq({ memberId: a.memberId }));
    await bJoin;
    expect(gc.commitOffsets(CLUSTER, { groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null, offsets })).toEqual([GroupError.REBALANCE_IN_PROGRESS]);

    // A group nobody joined takes simple commits; a generation there is stale.
    expect(gc.commitOffsets(CLUSTER, { groupId: 'simple', generationId: -1, memberId: '', groupInstanceId: null, offsets })).toEqual([GroupError.NONE]);
    expect(gc.commitOffsets(CLUSTER, { groupId: 'fresh', generationId: 3, memberId: 'm', groupInstanceId: null, offsets })).toEqual([GroupError.ILLEGAL_GENERATION]);
    expect(gc.commitOffsets(CLUSTER, { groupId: 'simple', generationId: 1, memberId: 'm', groupInstanceId: null, offsets })).toEqual([GroupError.UNKNOWN_MEMBER_ID]);
    expect(gc.fetchOffsets(CLUSTER, 'simple', null)).toEqual([{ topic: 't', partition: 0, offset: 5, metadata: 'meta', errorCode: 0 }]);
    expect(gc.list(CLUSTER).map((g) => [g.groupId, g.state])).toEqual([
      ['g', 'CompletingRebalance'],
      ['simple', 'Empty'],
    ]);
  });

  it('deletes only groups without members, with their offsets (DeleteGroups)', async () => {
    const a = await stableSingle();
    gc.commitOffsets(CLUSTER, { groupId: 'g', generationId: 1, memberId: a.memberId, groupInstanceId: null, offsets: [{ topic: 't', partition: 0, offset: 1, metadata: null }] });
    expect(gc.deleteGroup(CLUSTER, 'g')).toBe(GroupError.NON_EMPTY_GROUP);
    expect(gc.deleteGroup(CLUSTER, 'unknown')).toBe(GroupError.GROUP_ID_NOT_FOUND);
    gc.leave(CLUSTER, 'g', [{ memberId: a.memberId, groupInstanceId: null }]);
    await flush();
    expect(gc.describe(CLUSTER, 'g').state).toBe('Empty');
    expect(gc.deleteGroup(CLUSTER, 'g')).toBe(GroupError.NONE);
    expect(gc.describe(CLUSTER, 'g').state).toBe('Dead');
    expect(gc.fetchOffsets(CLUSTER, 'g', null)).toEqual([]);
    expect(gc.list(CLUSTER)).toEqual([]);
  });

  it('when the leader leaves before syncing, waiting followers are told to rejoin and one of them leads the next generation', async () => {
    const a = await stableSingle();
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    await gc.join(CLUSTER, joinReq({ memberId: a.memberId }));
    const b = await bJoin;
    expect(gc.describe(CLUSTER, 'g').state).toBe('CompletingRebalance');
    // Heartbeats are fine while the assignment is being computed.
    expect(gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null })).toBe(GroupError.NONE);
    // A JoinGroup with unchanged metadata (a lost answer) gets the same generation back.
    expect(await gc.join(CLUSTER, joinReq({ clientId: 'b', memberId: b.memberId }))).toMatchObject({ errorCode: 0, generationId: 2, leader: a.memberId, members: [] });
    const bSync = gc.sync(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
    expect(await settled(bSync)).toBe(false);
    gc.leave(CLUSTER, 'g', [{ memberId: a.memberId, groupInstanceId: null }]);
    expect((await bSync).errorCode).toBe(GroupError.REBALANCE_IN_PROGRESS);
    const again = await gc.join(CLUSTER, joinReq({ clientId: 'b', memberId: b.memberId }));
    expect(again).toMatchObject({ errorCode: 0, generationId: 3, leader: b.memberId });
    expect(again.members.map((m) => m.memberId)).toEqual([b.memberId]);
  });

  it('a member whose JoinGroup is pending when it leaves gets UNKNOWN_MEMBER_ID for it', async () => {
    const a = await stableSingle();
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    expect(await settled(bJoin)).toBe(false);
    const b = gc.describe(CLUSTER, 'g').members.find((m) => m.memberId !== a.memberId)!;
    gc.leave(CLUSTER, 'g', [{ memberId: b.memberId, groupInstanceId: null }]);
    expect((await bJoin).errorCode).toBe(GroupError.UNKNOWN_MEMBER_ID);
  });

  it('refuses offset metadata over 4 KiB', async () => {
    const codes = gc.commitOffsets(CLUSTER, { groupId: 's', generationId: -1, memberId: '', groupInstanceId: null, offsets: [{ topic: 't', partition: 0, offset: 1, metadata: 'x'.repeat(4097) }] });
    expect(codes).toEqual([GroupError.OFFSET_METADATA_TOO_LARGE]);
  });

  it('with an initial rebalance delay, members joining an empty group together share generation 1', async () => {
    gc.close();
    start({ initialRebalanceDelayMs: 300 });
    const a = gc.join(CLUSTER, joinReq({ clientId: 'a' }));
    await vi.advanceTimersByTimeAsync(200);
    const b = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    await vi.advanceTimersByTimeAsync(200);
    expect(await settled(a)).toBe(false);
    await vi.advanceTimersByTimeAsync(300);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.generationId).toBe(1);
    expect(rb.generationId).toBe(1);
    expect([ra, rb].filter((r) => r.members.length === 2)).toHaveLength(1);
  });

  it('removes members that never sync within the rebalance timeout', async () => {
    const a = await stableSingle();
    const bJoin = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    await gc.join(CLUSTER, joinReq({ memberId: a.memberId }));
    const b = await bJoin;
    await gc.sync(CLUSTER, { groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] });
    // b heartbeats but never syncs.
    for (let i = 0; i < 6; i++) {
      await vi.advanceTimersByTimeAsync(REBALANCE / 5);
      gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: b.memberId, groupInstanceId: null });
      gc.heartbeat(CLUSTER, { groupId: 'g', generationId: 2, memberId: a.memberId, groupInstanceId: null });
    }
    expect(gc.describe(CLUSTER, 'g').members.map((m) => m.memberId)).not.toContain(b.memberId);
  });

  it('close answers waiting requests and stops every timer', async () => {
    await stableSingle();
    const waiting = gc.join(CLUSTER, joinReq({ clientId: 'b' }));
    gc.close();
    expect((await waiting).errorCode).toBe(GroupError.COORDINATOR_NOT_AVAILABLE);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('consumer protocol assignments', () => {
  it('reads the partitions of a ConsumerProtocolAssignment and nothing from other bytes', async () => {
    const { assignedPartitions } = await import('../../src/services/kafka/groups/consumer-protocol.js');
    const { Writer } = await import('../../src/kafka-protocol/codec/writer.js');
    const w = new Writer().int16(1).array(['b', 'a'], (w, t) => w.string(t).array([2, 0], (w, p) => w.int32(p))).nullableBytes(Buffer.from('user'));
    expect(assignedPartitions(Buffer.from(w.toBuffer()))).toEqual([
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 2 },
      { topic: 'b', partition: 0 },
      { topic: 'b', partition: 2 },
    ]);
    expect(assignedPartitions(Buffer.alloc(0))).toEqual([]);
    expect(assignedPartitions(Buffer.from([0, 0, 0, 0, 0, 9, 0]))).toEqual([]);
  });
});
