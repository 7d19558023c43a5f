import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import type { LeavingMember } from '../../services/kafka/groups/types.js';

interface LeaveGroupRequest {
  groupId: string;
  members: LeavingMember[];
}

interface LeaveGroupResponse {
  errorCode: number;
  members: Array<LeavingMember & { errorCode: number }>;
}

/** LeaveGroup (13) v0-3: one member (v0-2), or a batch that may name static members by instance id (v3). */
export const leaveGroup: ApiModule<LeaveGroupRequest, LeaveGroupResponse> = {
  key: ApiKey.LeaveGroup,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 3,
  decode(r, version) {
    const groupId = r.string();
    if (version < 3) return { groupId, members: [{ memberId: r.string(), groupInstanceId: null }] };
    return { groupId, members: r.array((r) => ({ memberId: r.string(), groupInstanceId: r.nullableString() })) };
  },
  handle(req, session, version) {
    if (!authorize(session, 'Read', 'Group', req.groupId)) return { errorCode: authorizationError('Group'), members: [] };
    const res = session.runtime.groups.leave(session.principal.clusterId, req.groupId, req.members);
    // Before v3 the one member's outcome is the answer's error.
    if (version < 3) return { errorCode: res.members[0]?.errorCode ?? ErrorCode.NONE, members: res.members };
    return res;
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.int16(res.errorCode);
    if (version >= 3) w.array(res.members, (w, m) => w.string(m.memberId).nullableString(m.groupInstanceId).int16(m.errorCode));
  },
  errorResponse: (req, errorCode) => ({ errorCode, members: req.members.map((m) => ({ ...m, errorCode })) }),
};
