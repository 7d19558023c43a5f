import type { ApiModule, Session } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize, type KafkaOperation } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import type { MemberSummary } from '../../services/kafka/groups/types.js';

interface DescribeGroupsRequest {
  groups: string[];
  includeAuthorizedOperations: boolean;
}

interface DescribedGroup {
  errorCode: number;
  groupId: string;
  state: string;
  protocolType: string;
  protocolName: string;
  members: MemberSummary[];
  authorizedOperations: number;
}

interface DescribeGroupsResponse {
  groups: DescribedGroup[];
}

/** Kafka's "not asked for" value of authorized_operations. */
const OPERATIONS_OMITTED = -2147483648;

/** The ACL operation codes a group has (org.apache.kafka.common.acl.AclOperation). */
const GROUP_OPERATIONS: Array<[KafkaOperation, number]> = [
  ['Read', 3],
  ['Delete', 6],
  ['Describe', 8],
];

const authorizedOperations = (session: Session, group: string) =>
  GROUP_OPERATIONS.reduce((bits, [op, code]) => (authorize(session, op, 'Group', group) ? bits | (1 << code) : bits), 0);

const unknown = (groupId: string, errorCode: number): DescribedGroup => ({ errorCode, groupId, state: '', protocolType: '', protocolName: '', members: [], authorizedOperations: OPERATIONS_OMITTED });

/** DescribeGroups (15) v0-4: state, protocol and members (with metadata and assignments once Stable). */
export const describeGroups: ApiModule<DescribeGroupsRequest, DescribeGroupsResponse> = {
  key: ApiKey.DescribeGroups,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 4,
  decode(r, version) {
    const groups = r.array((r) => r.string());
    return { groups, includeAuthorizedOperations: version >= 3 ? r.boolean() : false };
  },
  handle(req, session) {
    return {
      groups: req.groups.map((groupId) => {
        if (!authorize(session, 'Describe', 'Group', groupId)) return unknown(groupId, authorizationError('Group'));
        const g = session.runtime.groups.describe(session.principal.clusterId, groupId);
        return {
          errorCode: ErrorCode.NONE,
          groupId,
          state: g.state,
          protocolType: g.protocolType,
          protocolName: g.protocolName,
          members: g.members,
          authorizedOperations: req.includeAuthorizedOperations ? authorizedOperations(session, groupId) : OPERATIONS_OMITTED,
        };
      }),
    };
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.array(res.groups, (w, g) => {
      w.int16(g.errorCode).string(g.groupId).string(g.state).string(g.protocolType).string(g.protocolName);
      w.array(g.members, (w, m) => {
        w.string(m.memberId);
        if (version >= 4) w.nullableString(m.groupInstanceId);
        w.string(m.clientId).string(m.clientHost).bytes(m.metadata).bytes(m.assignment);
      });
      if (version >= 3) w.int32(g.authorizedOperations);
    });
  },
  errorResponse: (req, errorCode) => ({ groups: req.groups.map((g) => unknown(g, errorCode)) }),
};
