import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import type { GroupProtocol, JoinResult } from '../../services/kafka/groups/types.js';

interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: GroupProtocol[];
}

const failed = (memberId: string, errorCode: number): JoinResult => ({ errorCode: errorCode as JoinResult['errorCode'], generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, members: [] });

/**
 * JoinGroup (11) v0-5. The answer waits in the group coordinator until the rebalance completes;
 * the dispatcher keeps later responses of the connection behind it. v4+ gets MEMBER_ID_REQUIRED
 * for a first join, v5 carries static membership (group.instance.id).
 */
export const joinGroup: ApiModule<JoinGroupRequest, JoinResult> = {
  key: ApiKey.JoinGroup,
  name: 'JoinGroup',
  minVersion: 0,
  maxVersion: 5,
  decode(r, version) {
    const groupId = r.string();
    const sessionTimeoutMs = r.int32();
    // v0 has no rebalance timeout: the session timeout bounds the rebalance.
    const rebalanceTimeoutMs = version >= 1 ? r.int32() : sessionTimeoutMs;
    const memberId = r.string();
    const groupInstanceId = version >= 5 ? r.nullableString() : null;
    const protocolType = r.string();
    const protocols = r.array((r) => ({ name: r.string(), metadata: Buffer.from(r.bytes()) }));
    return { groupId, sessionTimeoutMs, rebalanceTimeoutMs, memberId, groupInstanceId, protocolType, protocols };
  },
  handle(req, session, version) {
    if (!authorize(session, 'Read', 'Group', req.groupId)) return failed(req.memberId, authorizationError('Group'));
    return session.runtime.groups.join(session.principal.clusterId, {
      ...req,
      requireKnownMemberId: version >= 4,
      clientId: session.clientId ?? '',
      clientHost: `/${session.remoteHost}`,
    });
  },
  encode(w, res, version) {
    if (version >= 2) w.int32(0);
    w.int16(res.errorCode).int32(res.generationId).string(res.protocolName ?? '').string(res.leader).string(res.memberId);
    w.array(res.members, (w, m) => {
      w.string(m.memberId);
      if (version >= 5) w.nullableString(m.groupInstanceId);
      w.bytes(m.metadata);
    });
  },
  errorResponse: (req, errorCode) => failed(req.memberId, errorCode),
};
