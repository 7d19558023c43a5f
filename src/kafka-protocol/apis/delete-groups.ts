import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';

interface DeleteGroupsRequest {
  groups: string[];
}

interface DeleteGroupsResponse {
  results: Array<{ groupId: string; errorCode: number }>;
}

/** DeleteGroups (42) v0-1: deletes groups without members, with their committed offsets. */
export const deleteGroups: ApiModule<DeleteGroupsRequest, DeleteGroupsResponse> = {
  key: ApiKey.DeleteGroups,
  name: 'DeleteGroups',
  minVersion: 0,
  maxVersion: 1,
  decode(r) {
    return { groups: r.array((r) => r.string()) };
  },
  handle(req, session) {
    return {
      results: req.groups.map((groupId) => ({
        groupId,
        errorCode: authorize(session, 'Delete', 'Group', groupId) ? session.runtime.groups.deleteGroup(session.principal.clusterId, groupId) : authorizationError('Group'),
      })),
    };
  },
  encode(w, res) {
    w.int32(0);
    w.array(res.results, (w, g) => w.string(g.groupId).int16(g.errorCode));
  },
  errorResponse: (req, errorCode) => ({ results: req.groups.map((groupId) => ({ groupId, errorCode })) }),
};
