import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthenticatedSession } from '../../src/kafka-protocol/api.js';
import { TestEmulator } from '../helpers.js';

/** The seam refuses what `refused` names ("Group:g", "Topic:t", "Cluster:*"); the calls are recorded. */
const seam = vi.hoisted(() => ({ refused: new Set<string>(), asked: [] as string[] }));
vi.mock('../../src/kafka-protocol/authorize.js', async (importOriginal) => (await import('./authorization-seam.js')).withSeam(await importOriginal(), seam));

const { findCoordinator } = await import('../../src/kafka-protocol/apis/find-coordinator.js');
const { joinGroup } = await import('../../src/kafka-protocol/apis/join-group.js');
const { syncGroup } = await import('../../src/kafka-protocol/apis/sync-group.js');
const { heartbeat } = await import('../../src/kafka-protocol/apis/heartbeat.js');
const { leaveGroup } = await import('../../src/kafka-protocol/apis/leave-group.js');
const { offsetCommit } = await import('../../src/kafka-protocol/apis/offset-commit.js');
const { offsetFetch } = await import('../../src/kafka-protocol/apis/offset-fetch.js');
const { describeGroups } = await import('../../src/kafka-protocol/apis/describe-groups.js');
const { listGroups } = await import('../../src/kafka-protocol/apis/list-groups.js');
const { deleteGroups } = await import('../../src/kafka-protocol/apis/delete-groups.js');

describe('group APIs ask the authorization seam', () => {
  let t: TestEmulator;
  let session: AuthenticatedSession;
  const CLUSTER = 'lkc-authz';

  beforeAll(async () => {
    t = await TestEmulator.start();
    t.rt.kafka.createTopic(CLUSTER, 'open', 1, 3, {}, 0);
    t.rt.kafka.createTopic(CLUSTER, 'secret', 1, 3, {}, 0);
    session = {
      runtime: t.rt,
      principal: { orgId: 'o', keyId: 'k', ownerId: 'u-1', clusterId: CLUSTER },
      clientId: 'authz',
      connectionId: 'c1',
      remoteHost: '127.0.0.1',
      advertised: { host: 'localhost', port: 9092, nodeId: 0 },
      tls: false,
      closed: false,
      onClose: () => () => {},
    };
  });
  afterAll(() => t.close());
  beforeEach(() => {
    seam.refused.clear();
    seam.asked.length = 0;
  });

  it('answers GROUP_AUTHORIZATION_FAILED (30) for a refused group on every group API', async () => {
    seam.refused.add('Group:g');
    expect((await findCoordinator.handle({ key: 'g', keyType: 0 }, session, 2))!.errorCode).toBe(30);
    expect((await findCoordinator.handle({ key: 'tx', keyType: 1 }, session, 2))!.errorCode).toBe(0);
    const join = await joinGroup.handle({ groupId: 'g', sessionTimeoutMs: 6000, rebalanceTimeoutMs: 6000, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] }, session, 5);
    expect(join!.errorCode).toBe(30);
    expect((await syncGroup.handle({ groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] }, session, 3))!.errorCode).toBe(30);
    expect((await heartbeat.handle({ groupId: 'g', generationId: 1, memberId: 'm', groupInstanceId: null }, session, 3))!.errorCode).toBe(30);
    expect((await leaveGroup.handle({ groupId: 'g', members: [{ memberId: 'm', groupInstanceId: null }] }, session, 3))!.errorCode).toBe(30);
    const commit = await offsetCommit.handle({ groupId: 'g', generationId: -1, memberId: '', groupInstanceId: null, topics: [{ name: 'open', partitions: [{ partition: 0, offset: 1, metadata: null }] }] }, session, 7);
    expect(commit!.topics[0].partitions[0].errorCode).toBe(30);
    const fetched = await offsetFetch.handle({ groupId: 'g', topics: [{ name: 'open', partitions: [0] }] }, session, 5);
    expect(fetched!.errorCode).toBe(30);
    expect(fetched!.topics[0].partitions[0].errorCode).toBe(30);
    const described = await describeGroups.handle({ groups: ['g', 'other'], includeAuthorizedOperations: true }, session, 4);
    expect(described!.groups.map((g) => g.errorCode)).toEqual([30, 0]);
    t.rt.kafka.commit(CLUSTER, 'g', [{ topic: 'open', partition: 0, offset: 1, metadata: '' }], 0);
    expect((await deleteGroups.handle({ groups: ['g'] }, session, 1))!.results).toEqual([{ groupId: 'g', errorCode: 30 }]);
    expect(seam.asked).toContain('Delete Group:g');
    t.rt.kafka.deleteCommitted(CLUSTER, 'g');
    // Nothing was committed or joined.
    expect(t.rt.kafka.committed(CLUSTER, 'g')).toEqual([]);
    expect(t.rt.groups.describe(CLUSTER, 'g').state).toBe('Dead');
  });

  it('answers TOPIC_AUTHORIZATION_FAILED (29) per refused topic and commits the others', async () => {
    seam.refused.add('Topic:secret');
    const commit = await offsetCommit.handle(
      { groupId: 'simple', generationId: -1, memberId: '', groupInstanceId: null, topics: ['open', 'secret'].map((name) => ({ name, partitions: [{ partition: 0, offset: 3, metadata: 'x' }] })) },
      session,
      7,
    );
    expect(commit!.topics.map((tp) => [tp.name, tp.partitions[0].errorCode])).toEqual([
      ['open', 0],
      ['secret', 29],
    ]);
    expect(t.rt.kafka.committed(CLUSTER, 'simple').map((c) => c.topic)).toEqual(['open']);
    expect(seam.asked).toContain('Read Group:simple');
    expect(seam.asked).toContain('Read Topic:secret');

    t.rt.kafka.commit(CLUSTER, 'simple', [{ topic: 'secret', partition: 0, offset: 9, metadata: '' }], 0);
    const asked = await offsetFetch.handle({ groupId: 'simple', topics: [{ name: 'secret', partitions: [0] }] }, session, 5);
    expect(asked!.topics[0].partitions[0]).toMatchObject({ offset: -1, errorCode: 29 });
    // Asking for every partition leaves the refused topic out.
    const all = await offsetFetch.handle({ groupId: 'simple', topics: null }, session, 5);
    expect(all!.topics.map((tp) => tp.name)).toEqual(['open']);
  });

  it('lists only the groups the key may describe unless it may describe the cluster; reports authorized operations', async () => {
    t.rt.kafka.commit(CLUSTER, 'visible', [{ topic: 'open', partition: 0, offset: 1, metadata: '' }], 0);
    t.rt.kafka.commit(CLUSTER, 'hidden', [{ topic: 'open', partition: 0, offset: 1, metadata: '' }], 0);
    expect((await listGroups.handle({}, session, 3))!.groups.map((g) => g.groupId)).toEqual(expect.arrayContaining(['hidden', 'visible']));
    seam.refused.add('Cluster:*');
    seam.refused.add('Group:hidden');
    const listed = (await listGroups.handle({}, session, 3))!.groups.map((g) => g.groupId);
    expect(listed).toContain('visible');
    expect(listed).not.toContain('hidden');

    seam.refused.clear();
    const described = await describeGroups.handle({ groups: ['visible'], includeAuthorizedOperations: true }, session, 4);
    expect(described!.groups[0]).toMatchObject({ errorCode: 0, state: 'Empty', authorizedOperations: (1 << 3) | (1 << 6) | (1 << 8) });
  });
});
