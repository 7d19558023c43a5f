import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { topicAdminOf } from './topic-admin-of.js';

interface DeleteTopicsRequest {
  names: string[];
}

interface DeleteTopicsResponse {
  topics: Array<{ name: string; errorCode: number }>;
}

/** DeleteTopics (20) v0-3: a topic goes with its records, committed offsets and mirror state. */
export const deleteTopics: ApiModule<DeleteTopicsRequest, DeleteTopicsResponse> = {
  key: ApiKey.DeleteTopics,
  name: 'DeleteTopics',
  minVersion: 0,
  maxVersion: 3,
  decode(r) {
    const names = r.array((r) => r.string());
    r.int32(); // timeout
    return { names };
  },
  handle(req, session) {
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    return {
      topics: req.names.map((name) => {
        if (!authorize(session, 'Delete', 'Topic', name)) return { name, errorCode: authorizationError('Topic') };
        if (!rt.kafka.topic(cluster, name)) return { name, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        topicAdminOf(rt).delete(cluster, name);
        return { name, errorCode: ErrorCode.NONE };
      }),
    };
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0);
    w.array(res.topics, (w, t) => w.string(t.name).int16(t.errorCode));
  },
};
