import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignerProtocol, type Consumer, type ConsumerConfig, type EachMessagePayload, type PartitionAssigner } from 'kafkajs';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { RawConnection, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

/** Polls until cond holds (or fails after timeoutMs). */
async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A kafkajs consumer with short timings, recording its assignments and the records it saw. */
interface TrackedConsumer {
  consumer: Consumer;
  assigned: number[];
  joins: number;
  seen: string[];
  crash?: Error & { type?: string };
}

describe('consumer groups with kafkajs', () => {
  let env: KafkaEnv;
  const v3 = () => `/kafka/v3/clusters/${env.clusterId}`;
  const running: Consumer[] = [];

  async function produce(topic: string, partition: number, values: string[]): Promise<void> {
    for (const value of values) {
      const r = await env.http('POST', `${v3()}/topics/${topic}/records`, { partition_id: partition, value: { type: 'STRING', data: value } }, env.restAuth);
      expect(r.status).toBe(200);
    }
  }

  async function consume(groupId: string, topic: string, config: Partial<ConsumerConfig> = {}): Promise<TrackedConsumer> {
    const consumer = env.kafka({ clientId: `client-${running.length}` }).consumer({ groupId, sessionTimeout: 6000, rebalanceTimeout: 4000, heartbeatInterval: 100, maxWaitTimeInMs: 100, retry: { retries: 0 }, ...config });
    const tracked: TrackedConsumer = { consumer, assigned: [], joins: 0, seen: [] };
    consumer.on(consumer.events.GROUP_JOIN, (e) => {
      tracked.joins++;
      tracked.assigned = [...(e.payload.memberAssignment[topic] ?? [])].sort();
    });
    consumer.on(consumer.events.CRASH, (e) => {
      tracked.crash = e.payload.error as TrackedConsumer['crash'];
    });
    running.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }: EachMessagePayload) => {
        tracked.seen.push(`${partition}:${message.value!.toString()}`);
      },
    });
    return tracked;
  }

  async function createTopic(name: string, partitions: number): Promise<void> {
    const r = await env.http('POST', `${v3()}/topics`, { topic_name: name, partitions_count: partitions }, env.restAuth);
    expect(r.status).toBe(201);
  }

  beforeAll(async () => {
    env = await startKafkaEnv();
  });
  afterAll(async () => {
    await Promise.allSettled(running.map((c) => c.disconnect()));
    await env.close();
  });

  it('splits the partitions between two members, gives the survivor all of them, and a new member resumes from the commits', async () => {
    await createTopic('split', 4);
    for (let p = 0; p < 4; p++) await produce('split', p, [`a${p}`, `b${p}`]);

    const a = await consume('splitters', 'split');
    await until(() => a.assigned.length === 4, 10_000, 'a alone to own all partitions');
    const b = await consume('splitters', 'split');
    await until(() => a.assigned.length === 2 && b.assigned.length === 2, 10_000, 'the partitions to be split');
    expect([...a.assigned, ...b.assigned].sort()).toEqual([0, 1, 2, 3]);
    await until(() => a.seen.length + b.seen.length >= 8, 10_000, 'every record consumed');
    expect([...a.seen, ...b.seen].sort()).toEqual(['0:a0', '0:b0', '1:a1', '1:b1', '2:a2', '2:b2', '3:a3', '3:b3']);

    // Kafka REST v3 sees the two members and their assignments.
    const group = await env.http('GET', `${v3()}/consumer-groups/splitters`, undefined, env.restAuth);
    expect(group.body).toMatchObject({ state: 'STABLE', partition_assignor: 'RoundRobinAssigner', is_simple: false });
    const consumers = (await env.http('GET', `${v3()}/consumer-groups/splitters/consumers`, undefined, env.restAuth)).body.data;
    expect(consumers.map((c: any) => c.client_id).sort()).toEqual(['client-0', 'client-1']);

    // b leaves: a is told to rejoin and gets every partition.
    const joinsBefore = a.joins;
    await b.consumer.disconnect();
    await until(() => a.joins > joinsBefore && a.assigned.length === 4, 10_000, 'the survivor to own all partitions');

    // Offsets were committed as kafkajs went: the lag is 0, over v3.
    await until(async () => (await env.http('GET', `${v3()}/consumer-groups/splitters/lag-summary`, undefined, env.restAuth)).body.total_lag === 0, 5000, 'commits');
    await a.consumer.disconnect();
    const empty = await env.http('GET', `${v3()}/consumer-groups/splitters`, undefined, env.restAuth);
    expect(empty.body).toMatchObject({ state: 'EMPTY' });

    // New records while nobody consumes: v3 counts them as lag, owned by no one.
    await produce('split', 1, ['c1']);
    await produce('split', 3, ['c3', 'd3']);
    const lags = (await env.http('GET', `${v3()}/consumer-groups/splitters/lags`, undefined, env.restAuth)).body.data;
    expect(lags.map((l: any) => [l.partition_id, l.current_offset, l.log_end_offset, l.lag, l.consumer_id])).toEqual([
      [0, 2, 2, 0, ''],
      [1, 2, 3, 1, ''],
      [2, 2, 2, 0, ''],
      [3, 2, 4, 2, ''],
    ]);

    // A new member starts where the group left off, not from the beginning.
    const c = await consume('splitters', 'split');
    await until(() => c.seen.length >= 3, 10_000, 'the new records');
    await new Promise((r) => setTimeout(r, 300));
    expect(c.seen.sort()).toEqual(['1:c1', '3:c3', '3:d3']);
    await until(async () => (await env.http('GET', `${v3()}/consumer-groups/splitters/lag-summary`, undefined, env.restAuth)).body.total_lag === 0, 5000, 'the new commits');
    const owned = (await env.http('GET', `${v3()}/consumer-groups/splitters/lags/split/partitions/3`, undefined, env.restAuth)).body;
    expect(owned.consumer_id).toMatch(/^client-\d+-/);
    await c.consumer.disconnect();

    // The admin deletes the group, now empty, and its offsets with it.
    const admin = env.kafka().admin();
    await admin.connect();
    try {
      await admin.deleteGroups(['splitters']);
    } finally {
      await admin.disconnect();
    }
    expect((await env.http('GET', `${v3()}/consumer-groups/splitters`, undefined, env.restAuth)).status).toBe(404);
  });

  it('refuses a member whose assignor the group does not share (INCONSISTENT_GROUP_PROTOCOL)', async () => {
    await createTopic('mixed', 1);
    const a = await consume('mixed-group', 'mixed');
    await until(() => a.assigned.length === 1, 10_000, 'a to join');
    const other: PartitionAssigner = () => ({
      name: 'SomethingElse',
      version: 0,
      assign: async ({ members }) => members.map((m) => ({ memberId: m.memberId, memberAssignment: AssignerProtocol.MemberAssignment.encode({ version: 0, assignment: {}, userData: Buffer.alloc(0) }) })),
      protocol: ({ topics }) => ({ name: 'SomethingElse', metadata: AssignerProtocol.MemberMetadata.encode({ version: 0, topics, userData: Buffer.alloc(0) }) }),
    });
    const b = await consume('mixed-group', 'mixed', { partitionAssigners: [other] });
    await until(() => b.crash !== undefined, 10_000, 'the refusal');
    expect(b.crash!.type).toBe('INCONSISTENT_GROUP_PROTOCOL');
    // The group carries on with its member.
    const group = await env.http('GET', `${v3()}/consumer-groups/mixed-group/consumers`, undefined, env.restAuth);
    expect(group.body.data).toHaveLength(1);
    await a.consumer.disconnect();
  });

  it('a member that stops heartbeating (a crashed process) expires after its session timeout and kafkajs takes over its partitions', async () => {
    await createTopic('orphaned', 2);
    // A raw member with a 1 s session joins first, takes the group and then goes silent.
    const raw = await RawConnection.open(env.port);
    try {
      expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
      raw.send(
        requestFrame(11, 5, 10, (w) =>
          w.string('orphans').int32(1000).int32(1000).string('').nullableString(null).string('consumer').array(['RoundRobinAssigner'], (w, p) => w.string(p).bytes(Buffer.alloc(0))),
        ),
      );
      const required = new Reader((await raw.frame())!);
      required.int32();
      required.int32();
      expect(required.int16()).toBe(79);
      required.int32();
      required.string();
      required.string();
      const memberId = required.string();
      raw.send(
        requestFrame(11, 5, 11, (w) =>
          w.string('orphans').int32(1000).int32(1000).string(memberId).nullableString(null).string('consumer').array(['RoundRobinAssigner'], (w, p) => w.string(p).bytes(Buffer.alloc(0))),
        ),
      );
      const joined = new Reader((await raw.frame())!);
      joined.int32();
      joined.int32();
      expect(joined.int16()).toBe(0);
      raw.send(requestFrame(14, 3, 12, (w) => w.string('orphans').int32(1).string(memberId).nullableString(null).array([], () => {})));
      await raw.frame();

      const started = Date.now();
      const survivor = await consume('orphans', 'orphaned');
      await until(() => survivor.assigned.length === 2, 10_000, 'the silent member to expire');
      // Not before the silent member's session ran out.
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      const consumers = (await env.http('GET', `${v3()}/consumer-groups/orphans/consumers`, undefined, env.restAuth)).body.data;
      expect(consumers.map((c: any) => c.consumer_id)).not.toContain(memberId);
      expect(consumers).toHaveLength(1);
      await survivor.consumer.disconnect();
    } finally {
      raw.close();
    }
  });
});
