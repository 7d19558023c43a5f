import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import type { SyncRequest } from '../../services/kafka/groups/types.js';

interface SyncGroupResponse {
  errorCode: number;
  assignment: Buffer;
}

const EMPTY = Buffer.alloc(0);

/** SyncGroup (14) v0-3: the leader hands in the assignment; every member waits for its share. */
export const syncGroup: ApiModule<SyncRequest, SyncGroupResponse> = {
  key: ApiKey.SyncGroup,
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 3,
  decode(r, version) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    const groupInstanceId = version >= 3 ? r.nullableString() : null;
    const assignments = r.array((r) => ({ memberId: r.string(), assignment: Buffer.from(r.bytes()) }));
    return { groupId, generationId, memberId, groupInstanceId, protocolType: null, protocolName: null, assignments };
  },
  async handle(req, session) {
    if (!authorize(session, 'Read', 'Group', req.groupId)) return { errorCode: authorizationError('Group'), assignment: EMPTY };
    const res = await session.runtime.groups.sync(session.principal.clusterId, req);
    return { errorCode: res.errorCode, assignment: res.assignment };
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.int16(res.errorCode).bytes(res.assignment);
  },
  errorResponse: (_req, errorCode) => ({ errorCode, assignment: EMPTY }),
};
