import { randomUUID } from 'node:crypto';
import type { KafkaStore } from '../../../store/kafka.js';
import { GroupError, type GroupErrorCode } from './errors.js';
import { Group, Member } from './group.js';
import { assignedPartitions } from './consumer-protocol.js';
import type {
  FetchedOffset,
  GroupSummary,
  HeartbeatRequest,
  JoinRequest,
  JoinResult,
  LeaveResult,
  LeavingMember,
  OffsetCommitRequest,
  SyncRequest,
  SyncResult,
} from './types.js';

export interface CoordinatorOptions {
  /** Kafka's group.min.session.timeout.ms / group.max.session.timeout.ms. */
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  /**
   * Kafka's group.initial.rebalance.delay.ms: how long the first rebalance of an empty group waits
   * for more members. Kafka's default is 3 s; 0 completes as soon as every known member joined.
   */
  initialRebalanceDelayMs: number;
}

export const DEFAULT_COORDINATOR_OPTIONS: CoordinatorOptions = {
  // Brokers default to 6 s; a lower minimum lets tests use short sessions.
  minSessionTimeoutMs: 1000,
  maxSessionTimeoutMs: 1_800_000,
  initialRebalanceDelayMs: 0,
};

/** Kafka's offset.metadata.max.bytes. */
const MAX_OFFSET_METADATA = 4096;

/** The store the coordinator commits offsets to, in one transaction per request. */
export interface OffsetStorage {
  kafka: Pick<KafkaStore, 'commit' | 'committed' | 'deleteCommitted' | 'deleteCommittedPartition' | 'groups' | 'topic'>;
  tx<T>(fn: () => T): T;
  clock: { now(): number };
}

const EMPTY = Buffer.alloc(0);
const key = (cluster: string, groupId: string) => `${cluster}\u0000${groupId}`;

const joinError = (memberId: string, errorCode: GroupErrorCode): JoinResult => ({
  errorCode,
  generationId: -1,
  protocolType: null,
  protocolName: null,
  leader: '',
  memberId,
  members: [],
});
const syncError = (errorCode: GroupErrorCode): SyncResult => ({ errorCode, protocolType: null, protocolName: null, assignment: EMPTY });

/**
 * The group coordinator of every emulated cluster: Kafka's classic rebalance protocol (JoinGroup,
 * SyncGroup, Heartbeat, LeaveGroup) over in-memory group state, and committed offsets in the store
 * that Kafka REST v3 and REST Proxy v2 read. It follows Kafka's GroupCoordinator: a rebalance waits
 * for every known member to rejoin, bounded by the largest rebalance timeout; the leader receives
 * the members' metadata and its assignment is handed out in SyncGroup; members expire when they
 * send no heartbeat within their session timeout (wall-clock timers, cleared by `close`).
 */
export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private closed = false;

  constructor(
    private readonly storage: OffsetStorage,
    private readonly options: CoordinatorOptions = DEFAULT_COORDINATOR_OPTIONS,
  ) {}

  // ---------------------------------------------------------------- JoinGroup

  join(cluster: string, req: JoinRequest): Promise<JoinResult> {
    if (this.closed) return Promise.resolve(joinError(req.memberId, GroupError.COORDINATOR_NOT_AVAILABLE));
    if (!req.groupId) return Promise.resolve(joinError(req.memberId, GroupError.INVALID_GROUP_ID));
    if (req.sessionTimeoutMs < this.options.minSessionTimeoutMs || req.sessionTimeoutMs > this.options.maxSessionTimeoutMs) {
      return Promise.resolve(joinError(req.memberId, GroupError.INVALID_SESSION_TIMEOUT));
    }
    let group = this.groups.get(key(cluster, req.groupId));
    if (!group) {
      if (req.memberId !== '') return Promise.resolve(joinError(req.memberId, GroupError.UNKNOWN_MEMBER_ID));
      group = new Group(cluster, req.groupId);
    }
    if (!group.supportsProtocols(req.protocolType, req.protocols.map((p) => p.name))) {
      return Promise.resolve(joinError(req.memberId, GroupError.INCONSISTENT_GROUP_PROTOCOL));
    }
    this.groups.set(key(cluster, req.groupId), group);
    const g = group;
    return new Promise<JoinResult>((resolve) => {
      if (req.memberId === '') this.joinNewMember(g, req, resolve);
      else this.joinKnownMember(g, req, resolve);
      if (g.state === 'PreparingRebalance') this.tryCompleteJoin(g);
    });
  }

  private joinNewMember(group: Group, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    // As Kafka names members: the instance id of a static member, else the client id, and a UUID.
    const memberId = `${req.groupInstanceId ?? req.clientId}-${randomUUID()}`;
    const known = req.groupInstanceId === null ? undefined : group.staticMembers.get(req.groupInstanceId);
    if (known !== undefined) return this.rejoinStaticMember(group, req, known, memberId, resolve);
    if (req.requireKnownMemberId && req.groupInstanceId === null) {
      // Kafka hands the id out first, so that a client that times out and retries rejoins as the
      // same member instead of leaving a defunct one behind in the rebalance.
      group.pendingMembers.set(
        memberId,
        setTimeout(() => this.expirePendingMember(group, memberId), req.sessionTimeoutMs),
      );
      return resolve(joinError(memberId, GroupError.MEMBER_ID_REQUIRED));
    }
    this.addMemberAndRebalance(group, memberId, req, resolve);
  }

  private joinKnownMember(group: Group, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    const { memberId } = req;
    const pending = group.pendingMembers.get(memberId);
    if (pending !== undefined) {
      clearTimeout(pending);
      group.pendingMembers.delete(memberId);
      return this.addMemberAndRebalance(group, memberId, req, resolve);
    }
    if (group.isFenced(memberId, req.groupInstanceId)) return resolve(joinError(memberId, GroupError.FENCED_INSTANCE_ID));
    const member = group.members.get(memberId);
    if (!member || (req.groupInstanceId !== null && !group.staticMembers.has(req.groupInstanceId))) {
      return resolve(joinError(memberId, GroupError.UNKNOWN_MEMBER_ID));
    }
    switch (group.state) {
      case 'PreparingRebalance':
        return this.updateMemberAndRebalance(group, member, req, resolve);
      case 'CompletingRebalance':
        // The same metadata again: the member missed the JoinGroup answer; answer it again.
        if (member.matches(req.protocols)) return resolve(this.joinResultFor(group, member));
        return this.updateMemberAndRebalance(group, member, req, resolve);
      case 'Stable':
        // A leader's rejoin rebalances (it may have seen topic changes); so do changed metadata.
        if (group.isLeader(memberId) || !member.matches(req.protocols)) return this.updateMemberAndRebalance(group, member, req, resolve);
        return resolve({ ...this.joinResultFor(group, member), members: [] });
      default:
        return resolve(joinError(memberId, GroupError.UNKNOWN_MEMBER_ID));
    }
  }

  /**
   * A static member rejoining with an empty member id (a restarted process) takes over its old
   * member: in a Stable group whose protocol would not change this answers the current generation
   * at once, without a rebalance, and the member syncs to get its old assignment back.
   */
  private rejoinStaticMember(group: Group, req: JoinRequest, oldMemberId: string, newMemberId: string, resolve: (r: JoinResult) => void): void {
    const oldLeader = group.leaderId;
    const old = group.members.get(oldMemberId)!;
    // The old instance's pending requests are fenced: it is no longer this member.
    old.joinWaiter?.(joinError(oldMemberId, GroupError.FENCED_INSTANCE_ID));
    old.joinWaiter = undefined;
    old.syncWaiter?.(syncError(GroupError.FENCED_INSTANCE_ID));
    old.syncWaiter = undefined;
    const member = group.replaceStaticMember(req.groupInstanceId!, oldMemberId, newMemberId);
    member.clientId = req.clientId;
    member.clientHost = req.clientHost;
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    member.protocols = req.protocols;
    this.scheduleSessionExpiry(group, member);
    switch (group.state) {
      case 'Stable':
        if (group.selectProtocol() === group.protocolName) {
          // The old leader id is answered so that the rejoining member does not think itself the
          // leader and compute an assignment a Stable group would never hand out.
          return resolve({ ...this.joinResultFor(group, member), leader: oldLeader ?? '', members: [] });
        }
        member.joinWaiter = resolve;
        return this.prepareRebalance(group);
      case 'CompletingRebalance':
        member.joinWaiter = resolve;
        return this.prepareRebalance(group);
      default:
        // PreparingRebalance: it waits with the others.
        member.joinWaiter = resolve;
    }
  }

  private addMemberAndRebalance(group: Group, memberId: string, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    const member = new Member(memberId, req.groupInstanceId, req.clientId, req.clientHost, req.sessionTimeoutMs, req.rebalanceTimeoutMs, req.protocolType, req.protocols);
    member.joinWaiter = resolve;
    if (group.state === 'PreparingRebalance' && group.generationId === 0) group.newMemberAdded = true;
    group.add(member);
    this.scheduleSessionExpiry(group, member);
    this.maybePrepareRebalance(group);
  }

  private updateMemberAndRebalance(group: Group, member: Member, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    member.protocols = req.protocols;
    member.clientId = req.clientId;
    member.sessionTimeoutMs = req.sessionTimeoutMs;
    member.rebalanceTimeoutMs = req.rebalanceTimeoutMs;
    // A second JoinGroup while the first still waits (a client retry) supersedes it.
    member.joinWaiter?.(joinError(member.memberId, GroupError.REBALANCE_IN_PROGRESS));
    member.joinWaiter = resolve;
    this.maybePrepareRebalance(group);
  }

  private joinResultFor(group: Group, member: Member): JoinResult {
    return {
      errorCode: GroupError.NONE,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? '',
      memberId: member.memberId,
      members: group.isLeader(member.memberId)
        ? [...group.members.values()].map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadataFor(group.protocolName) }))
        : [],
    };
  }

  private maybePrepareRebalance(group: Group): void {
    if (group.state === 'Stable' || group.state === 'CompletingRebalance' || group.state === 'Empty') this.prepareRebalance(group);
  }

  private prepareRebalance(group: Group): void {
    // Members waiting for an assignment of the generation being abandoned rejoin instead.
    if (group.state === 'CompletingRebalance') this.propagateAssignmentError(group, GroupError.REBALANCE_IN_PROGRESS);
    clearTimeout(group.syncTimer);
    group.pendingSync.clear();
    clearTimeout(group.joinTimer);
    const wasEmpty = group.state === 'Empty';
    group.state = 'PreparingRebalance';
    if (wasEmpty && this.options.initialRebalanceDelayMs > 0) {
      group.initialDelay = true;
      group.newMemberAdded = false;
      const delay = this.options.initialRebalanceDelayMs;
      this.armInitialDelay(group, delay, Math.max(group.rebalanceTimeoutMs - delay, 0));
    } else {
      group.joinTimer = setTimeout(() => this.completeJoin(group), group.rebalanceTimeoutMs);
      this.tryCompleteJoin(group);
    }
  }

  /** Kafka's InitialDelayedJoin: waits the delay, again while new members keep coming, within the rebalance timeout. */
  private armInitialDelay(group: Group, delayMs: number, remainingMs: number): void {
    const initial = this.options.initialRebalanceDelayMs;
    group.joinTimer = setTimeout(() => {
      if (group.newMemberAdded && remainingMs > 0) {
        group.newMemberAdded = false;
        this.armInitialDelay(group, Math.min(initial, remainingMs), Math.max(remainingMs - initial, 0));
      } else {
        group.initialDelay = false;
        this.completeJoin(group);
      }
    }, delayMs);
  }

  private tryCompleteJoin(group: Group): void {
    if (group.state === 'PreparingRebalance' && !group.initialDelay && group.allMembersJoined()) this.completeJoin(group);
  }

  /** Ends PreparingRebalance: drops dynamic members that did not rejoin and starts the next generation. */
  private completeJoin(group: Group): void {
    clearTimeout(group.joinTimer);
    if (group.state !== 'PreparingRebalance' || this.closed) return;
    group.initialDelay = false;
    for (const m of [...group.members.values()]) if (!m.joinWaiter && m.groupInstanceId === null) group.remove(m.memberId);
    if (group.members.size > 0 && !group.electJoinedLeader()) {
      // Only static members that did not rejoin are left: wait for them or for their sessions to end.
      group.joinTimer = setTimeout(() => this.completeJoin(group), group.rebalanceTimeoutMs);
      return;
    }
    group.generationId++;
    if (group.members.size === 0) {
      group.protocolName = null;
      group.state = 'Empty';
      this.dropIfForgotten(group);
      return;
    }
    group.protocolName = group.selectProtocol();
    group.state = 'CompletingRebalance';
    for (const m of group.members.values()) {
      const waiter = m.joinWaiter;
      m.joinWaiter = undefined;
      m.isNew = false;
      waiter?.(this.joinResultFor(group, m));
      this.scheduleSessionExpiry(group, m);
      group.pendingSync.add(m.memberId);
    }
    group.syncTimer = setTimeout(() => this.expirePendingSync(group), group.rebalanceTimeoutMs);
  }

  /** Members of the generation that never sent SyncGroup within the rebalance timeout are removed. */
  private expirePendingSync(group: Group): void {
    if (this.closed || (group.state !== 'CompletingRebalance' && group.state !== 'Stable') || group.pendingSync.size === 0) return;
    for (const id of [...group.pendingSync]) {
      const m = group.members.get(id);
      if (m) this.answerRemoved(m);
      group.remove(id);
    }
    this.prepareRebalance(group);
  }

  private expirePendingMember(group: Group, memberId: string): void {
    group.pendingMembers.delete(memberId);
    this.tryCompleteJoin(group);
    this.dropIfForgotten(group);
  }

  // ---------------------------------------------------------------- SyncGroup

  sync(cluster: string, req: SyncRequest): Promise<SyncResult> {
    const group = this.groups.get(key(cluster, req.groupId));
    if (!group) return Promise.resolve(syncError(GroupError.UNKNOWN_MEMBER_ID));
    if (group.isFenced(req.memberId, req.groupInstanceId)) return Promise.resolve(syncError(GroupError.FENCED_INSTANCE_ID));
    const member = group.members.get(req.memberId);
    if (!member) return Promise.resolve(syncError(GroupError.UNKNOWN_MEMBER_ID));
    if (req.generationId !== group.generationId) return Promise.resolve(syncError(GroupError.ILLEGAL_GENERATION));
    if ((req.protocolType !== null && req.protocolType !== group.protocolType) || (req.protocolName !== null && req.protocolName !== group.protocolName)) {
      return Promise.resolve(syncError(GroupError.INCONSISTENT_GROUP_PROTOCOL));
    }
    switch (group.state) {
      case 'PreparingRebalance':
        return Promise.resolve(syncError(GroupError.REBALANCE_IN_PROGRESS));
      case 'Stable':
        group.pendingSync.delete(member.memberId);
        this.scheduleSessionExpiry(group, member);
        return Promise.resolve(this.syncResultFor(group, member));
      case 'CompletingRebalance':
        return new Promise<SyncResult>((resolve) => {
          member.syncWaiter?.(syncError(GroupError.REBALANCE_IN_PROGRESS));
          member.syncWaiter = resolve;
          group.pendingSync.delete(member.memberId);
          if (group.isLeader(member.memberId)) {
            const assignments = new Map(req.assignments.map((a) => [a.memberId, a.assignment]));
            for (const m of group.members.values()) m.assignment = assignments.get(m.memberId) ?? EMPTY;
            group.state = 'Stable';
            this.propagateAssignment(group);
          }
        });
      default:
        return Promise.resolve(syncError(GroupError.UNKNOWN_MEMBER_ID));
    }
  }

  private syncResultFor(group: Group, member: Member): SyncResult {
    return { errorCode: GroupError.NONE, protocolType: group.protocolType, protocolName: group.protocolName, assignment: member.assignment };
  }

  private propagateAssignment(group: Group): void {
    for (const m of group.members.values()) {
      const waiter = m.syncWaiter;
      m.syncWaiter = undefined;
      if (waiter) {
        waiter(this.syncResultFor(group, m));
        this.scheduleSessionExpiry(group, m);
      }
    }
  }

  private propagateAssignmentError(group: Group, errorCode: GroupErrorCode): void {
    for (const m of group.members.values()) {
      m.assignment = EMPTY;
      const waiter = m.syncWaiter;
      m.syncWaiter = undefined;
      waiter?.(syncError(errorCode));
    }
  }

  // ---------------------------------------------------------------- Heartbeat, LeaveGroup, expiry

  heartbeat(cluster: string, req: HeartbeatRequest): GroupErrorCode {
    const group = this.groups.get(key(cluster, req.groupId));
    if (!group) return GroupError.UNKNOWN_MEMBER_ID;
    if (group.isFenced(req.memberId, req.groupInstanceId)) return GroupError.FENCED_INSTANCE_ID;
    const member = group.members.get(req.memberId);
    if (!member) return GroupError.UNKNOWN_MEMBER_ID;
    if (req.generationId !== group.generationId) return GroupError.ILLEGAL_GENERATION;
    switch (group.state) {
      case 'CompletingRebalance':
      case 'Stable':
        this.scheduleSessionExpiry(group, member);
        return GroupError.NONE;
      case 'PreparingRebalance':
        this.scheduleSessionExpiry(group, member);
        return GroupError.REBALANCE_IN_PROGRESS;
      default:
        return GroupError.UNKNOWN_MEMBER_ID;
    }
  }

  leave(cluster: string, groupId: string, leaving: LeavingMember[]): LeaveResult {
    const group = this.groups.get(key(cluster, groupId));
    const members = leaving.map((l) => ({ ...l, errorCode: group ? this.leaveOne(group, l) : GroupError.UNKNOWN_MEMBER_ID }));
    return { errorCode: GroupError.NONE, members };
  }

  private leaveOne(group: Group, l: LeavingMember): GroupErrorCode {
    if (l.memberId === '' && l.groupInstanceId !== null) {
      // LeaveGroup v3+ may name a static member by its instance id alone.
      const id = group.staticMembers.get(l.groupInstanceId);
      if (id === undefined) return GroupError.UNKNOWN_MEMBER_ID;
      this.removeMemberAndUpdateGroup(group, group.members.get(id)!);
      return GroupError.NONE;
    }
    if (group.isFenced(l.memberId, l.groupInstanceId)) return GroupError.FENCED_INSTANCE_ID;
    const pending = group.pendingMembers.get(l.memberId);
    if (pending !== undefined) {
      clearTimeout(pending);
      group.pendingMembers.delete(l.memberId);
      this.tryCompleteJoin(group);
      return GroupError.NONE;
    }
    const member = group.members.get(l.memberId);
    if (!member) return GroupError.UNKNOWN_MEMBER_ID;
    this.removeMemberAndUpdateGroup(group, member);
    return GroupError.NONE;
  }

  private answerRemoved(member: Member): void {
    const join = member.joinWaiter;
    const sync = member.syncWaiter;
    member.joinWaiter = member.syncWaiter = undefined;
    join?.(joinError(member.memberId, GroupError.UNKNOWN_MEMBER_ID));
    sync?.(syncError(GroupError.UNKNOWN_MEMBER_ID));
  }

  private removeMemberAndUpdateGroup(group: Group, member: Member): void {
    this.answerRemoved(member);
    group.remove(member.memberId);
    switch (group.state) {
      case 'Stable':
      case 'CompletingRebalance':
        return this.maybePrepareRebalance(group);
      case 'PreparingRebalance':
        return this.tryCompleteJoin(group);
      default:
    }
  }

  /** (Re)starts a member's session: it expires unless a heartbeat (or join, sync, commit) comes first. */
  private scheduleSessionExpiry(group: Group, member: Member): void {
    clearTimeout(member.sessionTimer);
    if (this.closed) return;
    member.sessionTimer = setTimeout(() => {
      if (group.members.get(member.memberId) !== member) return;
      // A member waiting in JoinGroup or SyncGroup is alive: the coordinator holds its request.
      if (member.joinWaiter || member.syncWaiter) return this.scheduleSessionExpiry(group, member);
      this.removeMemberAndUpdateGroup(group, member);
    }, member.sessionTimeoutMs);
  }

  /** An empty group with nothing committed is gone (Dead), as Kafka drops it. */
  private dropIfForgotten(group: Group): void {
    if (group.state !== 'Empty' || group.members.size > 0 || group.pendingMembers.size > 0) return;
    if (this.storage.kafka.committed(group.cluster, group.groupId).length > 0) return;
    if (this.groups.get(key(group.cluster, group.groupId)) === group) this.groups.delete(key(group.cluster, group.groupId));
  }

  // ---------------------------------------------------------------- Offsets

  /**
   * Commits offsets for a member of the current generation, or outside group management
   * (generation -1) while the group has no members. Answers one error code per offset, in order.
   */
  commitOffsets(cluster: string, req: OffsetCommitRequest): GroupErrorCode[] {
    const refused = this.commitRefusal(cluster, req);
    if (refused !== GroupError.NONE) return req.offsets.map(() => refused);
    const codes = req.offsets.map((o): GroupErrorCode => {
      if ((o.metadata?.length ?? 0) > MAX_OFFSET_METADATA) return GroupError.OFFSET_METADATA_TOO_LARGE;
      const topic = this.storage.kafka.topic(cluster, o.topic);
      if (!topic || o.partition < 0 || o.partition >= topic.partitions) return GroupError.UNKNOWN_TOPIC_OR_PARTITION;
      return GroupError.NONE;
    });
    const accepted = req.offsets.filter((_, i) => codes[i] === GroupError.NONE).map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset, metadata: o.metadata ?? '' }));
    if (accepted.length) this.storage.tx(() => this.storage.kafka.commit(cluster, req.groupId, accepted, this.storage.clock.now()));
    return codes;
  }

  private commitRefusal(cluster: string, req: OffsetCommitRequest): GroupErrorCode {
    if (!req.groupId) return GroupError.INVALID_GROUP_ID;
    const group = this.groups.get(key(cluster, req.groupId));
    if (!group) {
      if (req.generationId < 0) return GroupError.NONE;
      // A group known only by its commits is an Empty group: nobody is a member of it.
      return this.storage.kafka.committed(cluster, req.groupId).length > 0 ? GroupError.UNKNOWN_MEMBER_ID : GroupError.ILLEGAL_GENERATION;
    }
    if (group.isFenced(req.memberId, req.groupInstanceId)) return GroupError.FENCED_INSTANCE_ID;
    if (req.generationId < 0 && group.state === 'Empty') return GroupError.NONE;
    const member = group.members.get(req.memberId);
    if (!member) return GroupError.UNKNOWN_MEMBER_ID;
    if (req.generationId !== group.generationId) return GroupError.ILLEGAL_GENERATION;
    // A commit during CompletingRebalance comes from a member that has not synced yet.
    if (group.state === 'CompletingRebalance') return GroupError.REBALANCE_IN_PROGRESS;
    this.scheduleSessionExpiry(group, member);
    return GroupError.NONE;
  }

  /** Committed offsets of the partitions asked for, or of every committed partition (null). */
  fetchOffsets(cluster: string, groupId: string, partitions: Array<{ topic: string; partition: number }> | null): FetchedOffset[] {
    const committed = this.storage.kafka.committed(cluster, groupId);
    if (partitions === null) return committed.map((c) => ({ ...c, metadata: c.metadata ?? '', errorCode: GroupError.NONE }));
    const byKey = new Map(committed.map((c) => [`${c.topic}\u0000${c.partition}`, c]));
    return partitions.map((p) => {
      const c = byKey.get(`${p.topic}\u0000${p.partition}`);
      return { topic: p.topic, partition: p.partition, offset: c?.offset ?? -1, metadata: c?.metadata ?? '', errorCode: GroupError.NONE };
    });
  }

  /** Deletes a group without members, with its committed offsets (DeleteGroups). */
  deleteGroup(cluster: string, groupId: string): GroupErrorCode {
    if (!groupId) return GroupError.INVALID_GROUP_ID;
    const group = this.groups.get(key(cluster, groupId));
    if (group && (group.state !== 'Empty' || group.pendingMembers.size > 0)) return GroupError.NON_EMPTY_GROUP;
    if (!group && this.storage.kafka.committed(cluster, groupId).length === 0) return GroupError.GROUP_ID_NOT_FOUND;
    this.storage.tx(() => this.storage.kafka.deleteCommitted(cluster, groupId));
    if (group) this.forget(group);
    return GroupError.NONE;
  }

  /**
   * OffsetDelete: a group's committed offsets of some partitions go, unless the group's members
   * consume the topic (GROUP_SUBSCRIBED_TO_TOPIC, judged by their assignments). Answers the
   * group's error and one per partition.
   */
  deleteOffsets(cluster: string, groupId: string, partitions: Array<{ topic: string; partition: number }>): { errorCode: GroupErrorCode; partitions: GroupErrorCode[] } {
    if (!groupId) return { errorCode: GroupError.INVALID_GROUP_ID, partitions: [] };
    const group = this.groups.get(key(cluster, groupId));
    if (!group && this.storage.kafka.committed(cluster, groupId).length === 0) return { errorCode: GroupError.GROUP_ID_NOT_FOUND, partitions: [] };
    const consumed = new Set<string>();
    if (group && group.state !== 'Empty') for (const m of group.members.values()) for (const a of assignedPartitions(m.assignment)) consumed.add(a.topic);
    const errors = partitions.map((p) => (consumed.has(p.topic) ? GroupError.GROUP_SUBSCRIBED_TO_TOPIC : GroupError.NONE));
    this.storage.tx(() => partitions.forEach((p, i) => errors[i] === GroupError.NONE && this.storage.kafka.deleteCommittedPartition(cluster, groupId, p.topic, p.partition)));
    return { errorCode: GroupError.NONE, partitions: errors };
  }

  // ---------------------------------------------------------------- Views

  /** A group as DescribeGroups and Kafka REST v3 see it; Dead when the cluster knows nothing of it. */
  describe(cluster: string, groupId: string): GroupSummary {
    const group = this.groups.get(key(cluster, groupId));
    if (!group) {
      const known = this.storage.kafka.committed(cluster, groupId).length > 0;
      return { groupId, state: known ? 'Empty' : 'Dead', protocolType: '', protocolName: '', members: [] };
    }
    // As Kafka: metadata and assignments are described only once the group is Stable.
    const stable = group.state === 'Stable';
    return {
      groupId,
      state: group.state,
      protocolType: group.protocolType ?? '',
      protocolName: stable ? (group.protocolName ?? '') : '',
      members: [...group.members.values()].map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        metadata: stable ? m.metadataFor(group.protocolName) : EMPTY,
        assignment: stable ? m.assignment : EMPTY,
      })),
    };
  }

  /** Every group of a cluster: those with state here and those known only by committed offsets. */
  list(cluster: string): Array<{ groupId: string; protocolType: string; state: string }> {
    const out = new Map<string, { groupId: string; protocolType: string; state: string }>();
    for (const groupId of this.storage.kafka.groups(cluster)) out.set(groupId, { groupId, protocolType: '', state: 'Empty' });
    for (const g of this.groups.values()) {
      if (g.cluster === cluster) out.set(g.groupId, { groupId: g.groupId, protocolType: g.protocolType ?? '', state: g.state });
    }
    return [...out.values()].sort((a, b) => a.groupId.localeCompare(b.groupId));
  }

  /** Forgets every group of the clusters named (deleted clusters), or of every cluster. */
  dropClusters(clusters: ReadonlySet<string> | 'all'): void {
    for (const g of [...this.groups.values()]) if (clusters === 'all' || clusters.has(g.cluster)) this.forget(g);
  }

  private forget(group: Group): void {
    clearTimeout(group.joinTimer);
    clearTimeout(group.syncTimer);
    for (const t of group.pendingMembers.values()) clearTimeout(t);
    for (const m of group.members.values()) {
      clearTimeout(m.sessionTimer);
      const join = m.joinWaiter;
      const sync = m.syncWaiter;
      m.joinWaiter = m.syncWaiter = undefined;
      join?.(joinError(m.memberId, GroupError.COORDINATOR_NOT_AVAILABLE));
      sync?.(syncError(GroupError.COORDINATOR_NOT_AVAILABLE));
    }
    this.groups.delete(key(group.cluster, group.groupId));
  }

  /** Stops every timer and answers every waiting request: the emulator is closing. */
  close(): void {
    this.closed = true;
    for (const g of [...this.groups.values()]) this.forget(g);
  }
}
