import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { topicAdminOf } from './topic-admin-of.js';
import { topicErrorOf } from './topic-errors.js';

interface CreatePartitionsRequest {
  topics: Array<{ name: string; count: number; assigned: boolean }>;
  validateOnly: boolean;
}

interface CreatePartitionsResponse {
  results: Array<{ name: string; errorCode: number; errorMessage: string | null }>;
}

/** CreatePartitions (37) v0-1: raises a topic's partition count, by Kafka REST v3's rules. */
export const createPartitions: ApiModule<CreatePartitionsRequest, CreatePartitionsResponse> = {
  key: ApiKey.CreatePartitions,
  name: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 1,
  decode(r) {
    const topics = r.array((r) => ({ name: r.string(), count: r.int32(), assigned: r.nullableArray((r) => r.array((r) => r.int32())) !== null }));
    r.int32(); // timeout
    const validateOnly = r.boolean();
    return { topics, validateOnly };
  },
  handle(req, session) {
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    return {
      results: req.topics.map((t) => {
        if (!authorize(session, 'Alter', 'Topic', t.name)) return { name: t.name, errorCode: authorizationError('Topic'), errorMessage: null };
        const topic = rt.kafka.topic(cluster, t.name);
        if (!topic) return { name: t.name, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: `Topic '${t.name}' does not exist` };
        if (t.assigned) return { name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Manual replica assignment is not supported on Confluent Cloud' };
        try {
          topicAdminOf(rt).increasePartitions(cluster, topic, t.count, req.validateOnly);
          return { name: t.name, errorCode: ErrorCode.NONE, errorMessage: null };
        } catch (err) {
          return { name: t.name, ...topicErrorOf(err) };
        }
      }),
    };
  },
  encode(w, res) {
    w.int32(0);
    w.array(res.results, (w, t) => w.string(t.name).int16(t.errorCode).nullableString(t.errorMessage));
  },
};
