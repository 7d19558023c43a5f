import type { GroupProtocol, GroupState, JoinResult, SyncResult } from './types.js';

const EMPTY = Buffer.alloc(0);

/** One member of a group as the coordinator keeps it. */
export class Member {
  assignment: Buffer = EMPTY;
  /** Answers the member's pending JoinGroup, while it waits for the rebalance to complete. */
  joinWaiter?: (r: JoinResult) => void;
  /** Answers the member's pending SyncGroup, while it waits for the leader's assignment. */
  syncWaiter?: (r: SyncResult) => void;
  /** Joined during the current rebalance and not through a generation yet. */
  isNew = true;
  sessionTimer?: NodeJS.Timeout;

  constructor(
    public memberId: string,
    readonly groupInstanceId: string | null,
    public clientId: string,
    public clientHost: string,
    public sessionTimeoutMs: number,
    public rebalanceTimeoutMs: number,
    readonly protocolType: string,
    public protocols: GroupProtocol[],
  ) {}

  /** The member's metadata for a protocol. */
  metadataFor(protocol: string | null): Buffer {
    return this.protocols.find((p) => p.name === protocol)?.metadata ?? EMPTY;
  }

  /** Whether a rejoin brings the same protocols with the same metadata. */
  matches(protocols: GroupProtocol[]): boolean {
    return protocols.length === this.protocols.length && protocols.every((p, i) => p.name === this.protocols[i].name && p.metadata.equals(this.protocols[i].metadata));
  }
}

/** The state of one consumer group (per cluster) under the classic rebalance protocol. */
export class Group {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  /** Members in join order (Kafka keeps a linked map: the first one left becomes the leader). */
  readonly members = new Map<string, Member>();
  /** Static members: group.instance.id → member id. */
  readonly staticMembers = new Map<string, string>();
  /** Member ids handed out with MEMBER_ID_REQUIRED, awaiting their second JoinGroup. */
  readonly pendingMembers = new Map<string, NodeJS.Timeout>();
  /** Members of the current generation that have not sent SyncGroup yet. */
  readonly pendingSync = new Set<string>();
  /** Completes (or re-arms) the PreparingRebalance stage. */
  joinTimer?: NodeJS.Timeout;
  /** Removes members that do not sync within the rebalance timeout. */
  syncTimer?: NodeJS.Timeout;
  /** The initial rebalance delay of a group that was empty is running: joins cannot complete it early. */
  initialDelay = false;
  /** A new member joined during the initial delay, which extends it. */
  newMemberAdded = false;

  constructor(
    readonly cluster: string,
    readonly groupId: string,
  ) {}

  get rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  /** A member id that is not the one registered for its group.instance.id. */
  isFenced(memberId: string, groupInstanceId: string | null): boolean {
    if (groupInstanceId === null) return false;
    const current = this.staticMembers.get(groupInstanceId);
    return current !== undefined && current !== memberId;
  }

  add(member: Member): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    this.members.set(member.memberId, member);
    if (member.groupInstanceId !== null) this.staticMembers.set(member.groupInstanceId, member.memberId);
    if (this.leaderId === null) this.leaderId = member.memberId;
  }

  remove(memberId: string): void {
    const member = this.members.get(memberId);
    if (!member) return;
    clearTimeout(member.sessionTimer);
    this.members.delete(memberId);
    this.pendingSync.delete(memberId);
    if (member.groupInstanceId !== null && this.staticMembers.get(member.groupInstanceId) === memberId) this.staticMembers.delete(member.groupInstanceId);
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value ?? null;
  }

  /** A static member rejoining with a new member id takes over the old one's place and assignment. */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): Member {
    const member = this.members.get(oldMemberId)!;
    this.members.delete(oldMemberId);
    this.pendingSync.delete(oldMemberId);
    member.memberId = newMemberId;
    this.members.set(newMemberId, member);
    this.staticMembers.set(groupInstanceId, newMemberId);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    return member;
  }

  /** Whether a member may join: same protocol type, and one protocol every member supports. */
  supportsProtocols(protocolType: string, protocols: string[]): boolean {
    if (this.state === 'Empty') return protocolType !== '' && protocols.length > 0;
    return this.protocolType === protocolType && protocols.some((p) => this.allSupport(p));
  }

  private allSupport(protocol: string): boolean {
    for (const m of this.members.values()) if (!m.protocols.some((x) => x.name === protocol)) return false;
    return true;
  }

  /** The protocol the members vote for: each votes its most preferred one that all support. */
  selectProtocol(): string {
    const candidates = new Set<string>();
    const first = this.members.values().next().value as Member;
    for (const p of first.protocols) if (this.allSupport(p.name)) candidates.add(p.name);
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const vote = m.protocols.find((p) => candidates.has(p.name))!.name;
      votes.set(vote, (votes.get(vote) ?? 0) + 1);
    }
    let best = '';
    let most = -1;
    for (const [name, n] of votes) if (n > most) [best, most] = [name, n];
    return best;
  }

  allMembersJoined(): boolean {
    if (this.pendingMembers.size > 0) return false;
    for (const m of this.members.values()) if (!m.joinWaiter) return false;
    return true;
  }

  /** Keeps the leader if it rejoined, else makes any rejoined member the leader; false if none rejoined. */
  electJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    if (this.members.get(this.leaderId)?.joinWaiter) return true;
    for (const m of this.members.values()) {
      if (m.joinWaiter) {
        this.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }
}
