import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';

type ListGroupsRequest = Record<string, never>;

interface ListGroupsResponse {
  errorCode: number;
  groups: Array<{ groupId: string; protocolType: string }>;
}

/**
 * ListGroups (16) v0-3 (v3 is flexible): the cluster's groups, with members or committed offsets.
 * Without Describe on the cluster, only the groups the key may describe are listed, as Kafka does.
 */
export const listGroups: ApiModule<ListGroupsRequest, ListGroupsResponse> = {
  key: ApiKey.ListGroups,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 3,
  firstFlexibleVersion: 3,
  decode(r, version) {
    if (version >= 3) r.taggedFields();
    return {};
  },
  handle(_req, session) {
    const cluster = session.principal.clusterId;
    const all = session.runtime.groups.list(cluster);
    const seeAll = authorize(session, 'Describe', 'Cluster', 'kafka-cluster');
    const groups = all.filter((g) => seeAll || authorize(session, 'Describe', 'Group', g.groupId));
    return { errorCode: ErrorCode.NONE, groups: groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType })) };
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.int16(res.errorCode);
    if (version >= 3) {
      w.compactArray(res.groups, (w, g) => w.compactString(g.groupId).compactString(g.protocolType).taggedFields());
      w.taggedFields();
      return;
    }
    w.array(res.groups, (w, g) => w.string(g.groupId).string(g.protocolType));
  },
  errorResponse: (_req, errorCode) => ({ errorCode, groups: [] }),
};
