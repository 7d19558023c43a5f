import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { writeTopicPartitionErrors, type TopicPartitionErrors } from './partition-errors.js';

interface OffsetDeleteRequest {
  groupId: string;
  topics: Array<{ name: string; partitions: number[] }>;
}

interface OffsetDeleteResponse {
  errorCode: number;
  topics: TopicPartitionErrors;
}

/**
 * OffsetDelete (47) v0: a group's committed offsets of some partitions are deleted (Delete on the
 * group, Read on each topic), unless its members consume the topic (GROUP_SUBSCRIBED_TO_TOPIC).
 */
export const offsetDelete: ApiModule<OffsetDeleteRequest, OffsetDeleteResponse> = {
  key: ApiKey.OffsetDelete,
  name: 'OffsetDelete',
  minVersion: 0,
  maxVersion: 0,
  decode(r) {
    const groupId = r.string();
    const topics = r.array((r) => ({ name: r.string(), partitions: r.array((r) => r.int32()) }));
    return { groupId, topics };
  },
  handle(req, session) {
    if (!authorize(session, 'Delete', 'Group', req.groupId)) return { errorCode: authorizationError('Group'), topics: [] };
    const cluster = session.principal.clusterId;
    const rt = session.runtime;
    const asked: Array<{ topic: string; partition: number }> = [];
    const topics = req.topics.map((t) => {
      const allowed = authorize(session, 'Read', 'Topic', t.name);
      const known = allowed && rt.kafka.topic(cluster, t.name);
      return {
        name: t.name,
        partitions: t.partitions.map((index) => {
          if (!allowed) return { index, errorCode: authorizationError('Topic') };
          if (!known) return { index, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
          asked.push({ topic: t.name, partition: index });
          return { index, errorCode: -2 };
        }),
      };
    });
    const result = rt.groups.deleteOffsets(cluster, req.groupId, asked);
    if (result.errorCode !== ErrorCode.NONE) return { errorCode: result.errorCode, topics: [] };
    let next = 0;
    for (const t of topics) for (const p of t.partitions) if (p.errorCode === -2) p.errorCode = result.partitions[next++];
    return { errorCode: ErrorCode.NONE, topics };
  },
  encode(w, res) {
    w.int16(res.errorCode).int32(0);
    writeTopicPartitionErrors(w, res.topics);
  },
  errorResponse: (_req, errorCode) => ({ errorCode, topics: [] }),
};
