import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { RawConnection, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

/** The group APIs over hand-built frames, every version layout a client may pick. */
describe('Kafka protocol group APIs on the wire', () => {
  let env: KafkaEnv;
  let raw: RawConnection;
  let correlation = 100;

  /** Sends one request and returns a Reader positioned after the response's correlation id. */
  async function call(apiKey: number, version: number, body: (w: Writer) => void, flexible = false): Promise<Reader> {
    const id = ++correlation;
    raw.send(requestFrame(apiKey, version, id, (w) => (flexible ? (w.taggedFields(), body(w)) : body(w)), 'wire-test'));
    const r = new Reader((await raw.frame())!);
    expect(r.int32()).toBe(id);
    if (flexible) r.taggedFields();
    return r;
  }

  beforeAll(async () => {
    env = await startKafkaEnv();
    const t = await env.http('POST', `/kafka/v3/clusters/${env.clusterId}/topics`, { topic_name: 'orders', partitions_count: 2 }, env.restAuth);
    expect(t.status).toBe(201);
    raw = await RawConnection.open(env.port);
    expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
  });
  afterAll(async () => {
    raw.close();
    await env.close();
  });

  it('FindCoordinator v0-v2 names the single broker', async () => {
    const v0 = await call(10, 0, (w) => w.string('g'));
    expect([v0.int16(), v0.int32(), v0.string(), v0.int32()]).toEqual([0, expect.any(Number), env.host, env.port]);
    expect(v0.remaining).toBe(0);
    const v2 = await call(10, 2, (w) => w.string('g').int8(0));
    expect([v2.int32(), v2.int16(), v2.nullableString(), v2.int32(), v2.string(), v2.int32()]).toEqual([0, 0, null, expect.any(Number), env.host, env.port]);
    const bad = await call(10, 1, (w) => w.string('g').int8(7));
    bad.int32();
    expect(bad.int16()).toBe(42);
  });

  it('JoinGroup v5, SyncGroup v3, Heartbeat v3, OffsetCommit v7, OffsetFetch v5, DescribeGroups v4, ListGroups v3, LeaveGroup v3', async () => {
    const join = (memberId: string) =>
      call(11, 5, (w) =>
        w.string('wire-group').int32(6000).int32(10000).string(memberId).nullableString(null).string('consumer').array([{ name: 'range', metadata: Buffer.from([0, 1]) }], (w, p) => w.string(p.name).bytes(p.metadata)),
      );
    const readJoin = (r: Reader) => ({
      throttle: r.int32(),
      error: r.int16(),
      generation: r.int32(),
      protocol: r.string(),
      leader: r.string(),
      memberId: r.string(),
      members: r.array((r) => ({ memberId: r.string(), instanceId: r.nullableString(), metadata: r.bytes() })),
    });
    const first = readJoin(await join(''));
    expect(first).toMatchObject({ error: 79, generation: -1, members: [] });
    expect(first.memberId).toMatch(/^wire-test-/);
    const joined = readJoin(await join(first.memberId));
    expect(joined).toMatchObject({ error: 0, generation: 1, protocol: 'range', leader: first.memberId, memberId: first.memberId });
    expect(joined.members).toEqual([{ memberId: first.memberId, instanceId: null, metadata: Buffer.from([0, 1]) }]);
    const me = first.memberId;

    const sync = await call(14, 3, (w) => w.string('wire-group').int32(1).string(me).nullableString(null).array([me], (w, m) => w.string(m).bytes(Buffer.from('plan'))));
    expect([sync.int32(), sync.int16(), sync.bytes().toString()]).toEqual([0, 0, 'plan']);

    const hb = await call(12, 3, (w) => w.string('wire-group').int32(1).string(me).nullableString(null));
    expect([hb.int32(), hb.int16()]).toEqual([0, 0]);
    const stale = await call(12, 0, (w) => w.string('wire-group').int32(0).string(me));
    expect(stale.int16()).toBe(22);

    const commit = await call(8, 7, (w) =>
      w.string('wire-group').int32(1).string(me).nullableString(null).array(['orders', 'nope'], (w, t) => w.string(t).array([1], (w, p) => w.int32(p).int64(42).int32(-1).nullableString('m1'))),
    );
    commit.int32();
    const committed = commit.array((r) => ({ name: r.string(), partitions: r.array((r) => [r.int32(), r.int16()]) }));
    expect(committed).toEqual([
      { name: 'orders', partitions: [[1, 0]] },
      { name: 'nope', partitions: [[1, 3]] },
    ]);

    const fetch5 = await call(9, 5, (w) => w.string('wire-group').array([{ t: 'orders', p: [0, 1] }], (w, t) => w.string(t.t).array(t.p, (w, p) => w.int32(p))));
    fetch5.int32();
    const fetched = fetch5.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ p: r.int32(), offset: r.int64(), epoch: r.int32(), metadata: r.nullableString(), error: r.int16() })) }));
    expect(fetched).toEqual([
      {
        name: 'orders',
        partitions: [
          { p: 0, offset: -1, epoch: -1, metadata: '', error: 0 },
          { p: 1, offset: 42, epoch: -1, metadata: 'm1', error: 0 },
        ],
      },
    ]);
    expect(fetch5.int16()).toBe(0);
    const fetchAll = await call(9, 2, (w) => w.string('wire-group').int32(-1));
    const all = fetchAll.array((r) => ({ name: r.string(), partitions: r.array((r) => [r.int32(), r.int64(), r.nullableString(), r.int16()]) }));
    expect(all).toEqual([{ name: 'orders', partitions: [[1, 42, 'm1', 0]] }]);
    expect(fetchAll.int16()).toBe(0);
    expect(fetchAll.remaining).toBe(0);

    const describe4 = await call(15, 4, (w) => w.array(['wire-group', 'unknown-group'], (w, g) => w.string(g)).boolean(true));
    describe4.int32();
    const groups = describe4.array((r) => ({
      error: r.int16(),
      id: r.string(),
      state: r.string(),
      type: r.string(),
      protocol: r.string(),
      members: r.array((r) => ({ id: r.string(), instance: r.nullableString(), client: r.string(), host: r.string(), metadata: r.bytes(), assignment: r.bytes().toString() })),
      ops: r.int32(),
    }));
    expect(groups[0]).toMatchObject({ error: 0, id: 'wire-group', state: 'Stable', type: 'consumer', protocol: 'range', ops: (1 << 3) | (1 << 6) | (1 << 8) });
    expect(groups[0].members).toEqual([{ id: me, instance: null, client: 'wire-test', host: expect.stringMatching(/^\//), metadata: Buffer.from([0, 1]), assignment: 'plan' }]);
    expect(groups[1]).toMatchObject({ error: 0, id: 'unknown-group', state: 'Dead', members: [] });

    const list3 = await call(16, 3, (w) => w.taggedFields(), true);
    list3.int32();
    expect(list3.int16()).toBe(0);
    const listed = list3.compactArray((r) => {
      const g = { id: r.compactString(), type: r.compactString() };
      r.taggedFields();
      return g;
    });
    expect(listed).toContainEqual({ id: 'wire-group', type: 'consumer' });
    const list0 = await call(16, 0, () => {});
    expect(list0.int16()).toBe(0);
    expect(list0.array((r) => [r.string(), r.string()])).toContainEqual(['wire-group', 'consumer']);

    const leave = await call(13, 3, (w) => w.string('wire-group').array([me, 'ghost'], (w, m) => w.string(m).nullableString(null)));
    leave.int32();
    expect(leave.int16()).toBe(0);
    expect(leave.array((r) => [r.string(), r.nullableString(), r.int16()])).toEqual([
      [me, null, 0],
      ['ghost', null, 25],
    ]);
    // The group emptied but keeps its offsets.
    const after = await call(15, 0, (w) => w.array(['wire-group'], (w, g) => w.string(g)));
    const [g] = after.array((r) => ({ error: r.int16(), id: r.string(), state: r.string(), type: r.string(), protocol: r.string(), members: r.array(() => null) }));
    expect(g).toMatchObject({ state: 'Empty', members: [] });

    // DeleteGroups v1: the empty group goes with its offsets; an unknown one is not found.
    const del = await call(42, 1, (w) => w.array(['wire-group', 'never-was'], (w, g) => w.string(g)));
    del.int32();
    expect(del.array((r) => [r.string(), r.int16()])).toEqual([
      ['wire-group', 0],
      ['never-was', 69],
    ]);
    const gone = await call(9, 2, (w) => w.string('wire-group').int32(-1));
    expect(gone.array(() => null)).toEqual([]);
  });

  it('older layouts: JoinGroup v0 (no rebalance timeout, no MEMBER_ID_REQUIRED), SyncGroup v0, Heartbeat v0, OffsetCommit v0-v2, OffsetFetch v1, LeaveGroup v0', async () => {
    const join = await call(11, 0, (w) => w.string('old-group').int32(6000).string('').string('consumer').array(['range'], (w, p) => w.string(p).bytes(Buffer.alloc(0))));
    const j = { error: join.int16(), generation: join.int32(), protocol: join.string(), leader: join.string(), memberId: join.string(), members: join.array((r) => [r.string(), r.bytes()]) };
    expect(j).toMatchObject({ error: 0, generation: 1, protocol: 'range' });
    expect(j.leader).toBe(j.memberId);
    const sync = await call(14, 0, (w) => w.string('old-group').int32(1).string(j.memberId).array([], () => {}));
    expect([sync.int16(), sync.bytes().length]).toEqual([0, 0]);
    const hb = await call(12, 0, (w) => w.string('old-group').int32(1).string(j.memberId));
    expect(hb.int16()).toBe(0);

    // v1 (with a commit timestamp) and v2 (with a retention time) from the member.
    const c1 = await call(8, 1, (w) => w.string('old-group').int32(1).string(j.memberId).array(['orders'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(7).int64(Date.now()).nullableString(null))));
    expect(c1.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([['orders', [[0, 0]]]]);
    const c2 = await call(8, 2, (w) => w.string('old-group').int32(9).string(j.memberId).int64(-1).array(['orders'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(8).nullableString(null))));
    expect(c2.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([['orders', [[0, 22]]]]);
    // v0 is a commit outside group management: refused while the group has a member.
    const c0 = await call(8, 0, (w) => w.string('old-group').array(['orders'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(9).nullableString(null))));
    expect(c0.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([['orders', [[0, 25]]]]);

    const f1 = await call(9, 1, (w) => w.string('old-group').array(['orders'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p))));
    expect(f1.array((r) => [r.string(), r.array((r) => [r.int32(), r.int64(), r.nullableString(), r.int16()])])).toEqual([['orders', [[0, 7, '', 0]]]]);
    expect(f1.remaining).toBe(0);

    const leave = await call(13, 0, (w) => w.string('old-group').string(j.memberId));
    expect(leave.int16()).toBe(0);
    const again = await call(13, 1, (w) => w.string('old-group').string(j.memberId));
    expect([again.int32(), again.int16()]).toEqual([0, 25]);
    // Now empty: a simple commit is accepted.
    const c0b = await call(8, 0, (w) => w.string('old-group').array(['orders'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(9).nullableString(null))));
    expect(c0b.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([['orders', [[0, 0]]]]);
  });

  it('Kafka REST v3 lists a protocol group: state, assignor, members with client and instance ids, assignments, lag with owner', async () => {
    const v3 = `/kafka/v3/clusters/${env.clusterId}/consumer-groups`;
    // A consumer-protocol assignment: version 0, orders -> [0, 1], no user data.
    const plan = new Writer().int16(0).array(['orders'], (w, t) => w.string(t).array([1, 0], (w, p) => w.int32(p))).nullableBytes(null);
    const assignment = Buffer.from(plan.toBuffer());
    const join = await call(11, 5, (w) =>
      w.string('rest-seen').int32(6000).int32(10000).string('').nullableString('static-1').string('consumer').array(['roundrobin'], (w, p) => w.string(p).bytes(Buffer.alloc(0))),
    );
    join.int32();
    expect(join.int16()).toBe(0);
    join.int32();
    join.string();
    join.string();
    const me = join.string();

    const rebalancing = await env.http('GET', `${v3}/rest-seen`, undefined, env.restAuth);
    expect(rebalancing.body).toMatchObject({ state: 'COMPLETING_REBALANCE', is_simple: false, partition_assignor: '' });

    const sync = await call(14, 3, (w) => w.string('rest-seen').int32(1).string(me).nullableString('static-1').array([me], (w, m) => w.string(m).bytes(assignment)));
    sync.int32();
    expect(sync.int16()).toBe(0);
    const commit = await call(8, 7, (w) => w.string('rest-seen').int32(1).string(me).nullableString('static-1').array(['orders'], (w, t) => w.string(t).array([0], (w, p) => w.int32(p).int64(0).int32(-1).nullableString(null))));
    commit.int32();
    expect(commit.array((r) => [r.string(), r.array((r) => [r.int32(), r.int16()])])).toEqual([['orders', [[0, 0]]]]);
    const produced = await env.http('POST', `/kafka/v3/clusters/${env.clusterId}/topics/orders/records`, { partition_id: 0, value: { type: 'JSON', data: 1 } }, env.restAuth);
    expect(produced.status).toBe(200);

    const group = await env.http('GET', `${v3}/rest-seen`, undefined, env.restAuth);
    expect(group.body).toMatchObject({ state: 'STABLE', is_simple: false, partition_assignor: 'roundrobin' });
    const list = await env.http('GET', v3, undefined, env.restAuth);
    expect(list.body.data.map((g: any) => g.consumer_group_id)).toEqual(expect.arrayContaining(['old-group', 'rest-seen']));
    const consumers = await env.http('GET', `${v3}/rest-seen/consumers`, undefined, env.restAuth);
    expect(consumers.body.data).toEqual([expect.objectContaining({ consumer_id: me, instance_id: 'static-1', client_id: 'wire-test' })]);
    const assignments = await env.http('GET', `${v3}/rest-seen/consumers/${me}/assignments`, undefined, env.restAuth);
    expect(assignments.body.data.map((a: any) => [a.topic_name, a.partition_id])).toEqual([
      ['orders', 0],
      ['orders', 1],
    ]);
    const lag = await env.http('GET', `${v3}/rest-seen/lags/orders/partitions/0`, undefined, env.restAuth);
    expect(lag.body).toMatchObject({ current_offset: 0, log_end_offset: 1, lag: 1, consumer_id: me, instance_id: 'static-1', client_id: 'wire-test' });
    const summary = await env.http('GET', `${v3}/rest-seen/lag-summary`, undefined, env.restAuth);
    expect(summary.body).toMatchObject({ max_lag: 1, total_lag: 1, max_lag_consumer_id: me, max_lag_instance_id: 'static-1' });

    // Gone over LeaveGroup v3 by its instance id alone: an Empty group with offsets.
    const leave = await call(13, 3, (w) => w.string('rest-seen').array(['static-1'], (w, i) => w.string('').nullableString(i)));
    leave.int32();
    expect(leave.int16()).toBe(0);
    expect(leave.array((r) => [r.string(), r.nullableString(), r.int16()])).toEqual([['', 'static-1', 0]]);
    const empty = await env.http('GET', `${v3}/rest-seen`, undefined, env.restAuth);
    expect(empty.body).toMatchObject({ state: 'EMPTY', is_simple: false, partition_assignor: '' });
    expect((await env.http('GET', `${v3}/rest-seen/consumers`, undefined, env.restAuth)).body.data).toEqual([]);
  });

  it('a static member restarting (new connection, empty member id, same group.instance.id) rejoins without a rebalance', async () => {
    const joinStatic = (conn: RawConnection, id: number) => {
      conn.send(
        requestFrame(11, 5, id, (w) =>
          w.string('statics').int32(6000).int32(10000).string('').nullableString('pod-1').string('consumer').array(['range'], (w, p) => w.string(p).bytes(Buffer.alloc(0))),
        ),
      );
    };
    const readJoin = async (conn: RawConnection) => {
      const r = new Reader((await conn.frame())!);
      r.int32();
      r.int32();
      return { error: r.int16(), generation: r.int32(), protocol: r.string(), leader: r.string(), memberId: r.string(), members: r.array((r) => r.string()) };
    };
    joinStatic(raw, 900);
    const first = await readJoin(raw);
    expect(first).toMatchObject({ error: 0, generation: 1, leader: first.memberId });
    const sync = await call(14, 3, (w) => w.string('statics').int32(1).string(first.memberId).nullableString('pod-1').array([first.memberId], (w, m) => w.string(m).bytes(Buffer.from('mine'))));
    sync.int32();
    expect(sync.int16()).toBe(0);

    const restarted = await RawConnection.open(env.port);
    try {
      expect(await rawAuthenticate(restarted, env.key, env.secret)).toBe(0);
      joinStatic(restarted, 901);
      const again = await readJoin(restarted);
      // Same generation, a new member id, the old leader id (so it does not assign), no members list.
      expect(again).toMatchObject({ error: 0, generation: 1, leader: first.memberId, members: [] });
      expect(again.memberId).not.toBe(first.memberId);
      restarted.send(requestFrame(14, 3, 902, (w) => w.string('statics').int32(1).string(again.memberId).nullableString('pod-1').array([], () => {})));
      const synced = new Reader((await restarted.frame())!);
      synced.int32();
      synced.int32();
      expect([synced.int16(), synced.bytes().toString()]).toEqual([0, 'mine']);
      // The old instance is fenced.
      const hb = await call(12, 3, (w) => w.string('statics').int32(1).string(first.memberId).nullableString('pod-1'));
      hb.int32();
      expect(hb.int16()).toBe(82);
      const d = await call(15, 4, (w) => w.array(['statics'], (w, g) => w.string(g)).boolean(false));
      d.int32();
      const [g] = d.array((r) => ({ error: r.int16(), id: r.string(), state: r.string(), type: r.string(), protocol: r.string(), members: r.array((r) => { const m = { id: r.string(), instance: r.nullableString() }; r.string(); r.string(); r.bytes(); r.bytes(); return m; }), ops: r.int32() }));
      expect(g).toMatchObject({ state: 'Stable', members: [{ id: again.memberId, instance: 'pod-1' }], ops: -2147483648 });
    } finally {
      restarted.close();
    }
  });

  it("another cluster's key sees none of this cluster's groups", async () => {
    const other = await env.newCluster();
    const conn = await RawConnection.open(env.port);
    try {
      expect(await rawAuthenticate(conn, other.key, other.secret)).toBe(0);
      conn.send(requestFrame(16, 0, 1));
      const list = new Reader((await conn.frame())!);
      list.int32();
      expect(list.int16()).toBe(0);
      expect(list.array((r) => r.string())).toEqual([]);
      conn.send(requestFrame(15, 0, 2, (w) => w.array(['statics', 'old-group'], (w, g) => w.string(g))));
      const d = new Reader((await conn.frame())!);
      d.int32();
      expect(d.array((r) => ({ error: r.int16(), id: r.string(), state: r.string(), type: r.string(), protocol: r.string(), members: r.array(() => null) })).map((g) => g.state)).toEqual(['Dead', 'Dead']);
      conn.send(requestFrame(12, 0, 3, (w) => w.string('statics').int32(1).string('anyone')));
      const hb = new Reader((await conn.frame())!);
      hb.int32();
      expect(hb.int16()).toBe(25);
    } finally {
      conn.close();
    }
  });
});
