import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import type { HeartbeatRequest } from '../../services/kafka/groups/types.js';

interface HeartbeatResponse {
  errorCode: number;
}

/** Heartbeat (12) v0-3: keeps a member's session; REBALANCE_IN_PROGRESS tells it to rejoin. */
export const heartbeat: ApiModule<HeartbeatRequest, HeartbeatResponse> = {
  key: ApiKey.Heartbeat,
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 3,
  decode(r, version) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    return { groupId, generationId, memberId, groupInstanceId: version >= 3 ? r.nullableString() : null };
  },
  handle(req, session) {
    if (!authorize(session, 'Read', 'Group', req.groupId)) return { errorCode: authorizationError('Group') };
    return { errorCode: session.runtime.groups.heartbeat(session.principal.clusterId, req) };
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.int16(res.errorCode);
  },
  errorResponse: (_req, errorCode) => ({ errorCode }),
};
