import type { GroupErrorCode } from './errors.js';

/** The classic group states, named as Kafka names them (DescribeGroups answers these strings). */
export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** One protocol (for consumers: one partition assignor) a member supports, with its metadata. */
export interface GroupProtocol {
  name: string;
  metadata: Buffer;
}

export interface JoinRequest {
  groupId: string;
  /** '' for a member joining for the first time. */
  memberId: string;
  /** Static membership (`group.instance.id`), or null. */
  groupInstanceId: string | null;
  /** JoinGroup v4+: a new dynamic member first gets MEMBER_ID_REQUIRED with its id. */
  requireKnownMemberId: boolean;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: GroupProtocol[];
}

export interface JoinedMember {
  memberId: string;
  groupInstanceId: string | null;
  metadata: Buffer;
}

export interface JoinResult {
  errorCode: GroupErrorCode;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  memberId: string;
  /** Every member with its metadata for the chosen protocol: for the leader only. */
  members: JoinedMember[];
}

export interface SyncRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  /** SyncGroup v5 checks these; earlier versions send none. */
  protocolType: string | null;
  protocolName: string | null;
  /** The leader's assignment per member; empty from followers. */
  assignments: Array<{ memberId: string; assignment: Buffer }>;
}

export interface SyncResult {
  errorCode: GroupErrorCode;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeavingMember {
  memberId: string;
  groupInstanceId: string | null;
}

export interface LeaveResult {
  errorCode: GroupErrorCode;
  members: Array<LeavingMember & { errorCode: GroupErrorCode }>;
}

export interface OffsetCommitRequest {
  groupId: string;
  /** -1 (with an empty member id) for a commit outside group management. */
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  offsets: Array<{ topic: string; partition: number; offset: number; metadata: string | null }>;
}

export interface FetchedOffset {
  topic: string;
  partition: number;
  /** -1 when nothing is committed. */
  offset: number;
  metadata: string;
  errorCode: GroupErrorCode;
}

/** What DescribeGroups, ListGroups and Kafka REST v3 see of a group. */
export interface GroupSummary {
  groupId: string;
  state: GroupState;
  protocolType: string;
  /** The chosen protocol (assignor); '' unless the group has a generation with members. */
  protocolName: string;
  members: MemberSummary[];
}

export interface MemberSummary {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  /** The member's metadata for the chosen protocol (empty unless Stable). */
  metadata: Buffer;
  /** The member's assignment (empty unless Stable). */
  assignment: Buffer;
}
