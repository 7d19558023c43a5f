import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { topicAdminOf } from './topic-admin-of.js';
import { topicErrorOf } from './topic-errors.js';

interface CreateTopicsRequest {
  topics: Array<{ name: string; numPartitions: number; replicationFactor: number; assignments: number; configs: Array<{ name: string; value: string | null }> }>;
  validateOnly: boolean;
}

interface CreateTopicsResponse {
  topics: Array<{ name: string; errorCode: number; errorMessage: string | null }>;
}

/**
 * CreateTopics (19) v0-4 through the topic rules Kafka REST v3 uses: legal names, 1-4096
 * partitions (-1: the default), replication factor 3 (-1: the default) only, known writable
 * configs; validate_only checks without creating. Manual replica assignments are refused.
 */
export const createTopics: ApiModule<CreateTopicsRequest, CreateTopicsResponse> = {
  key: ApiKey.CreateTopics,
  name: 'CreateTopics',
  minVersion: 0,
  maxVersion: 4,
  decode(r, version) {
    const topics = r.array((r) => ({
      name: r.string(),
      numPartitions: r.int32(),
      replicationFactor: r.int16(),
      assignments: r.array((r) => ({ index: r.int32(), brokers: r.array((r) => r.int32()) })).length,
      configs: r.array((r) => ({ name: r.string(), value: r.nullableString() })),
    }));
    r.int32(); // timeout
    const validateOnly = version >= 1 ? r.boolean() : false;
    return { topics, validateOnly };
  },
  handle(req, session) {
    const admin = topicAdminOf(session.runtime);
    const cluster = session.principal.clusterId;
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    return {
      topics: req.topics.map((t) => {
        if (counts.get(t.name)! > 1) return { name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: `Topic '${t.name}' appears more than once in the request` };
        if (!authorize(session, 'Create', 'Topic', t.name)) return { name: t.name, errorCode: authorizationError('Topic'), errorMessage: null };
        if (t.assignments > 0) return { name: t.name, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Manual replica assignment is not supported on Confluent Cloud' };
        try {
          admin.create(cluster, {
            name: t.name,
            partitions: t.numPartitions === -1 ? undefined : t.numPartitions,
            replicationFactor: t.replicationFactor === -1 ? undefined : t.replicationFactor,
            configs: t.configs,
            validateOnly: req.validateOnly,
          });
          return { name: t.name, errorCode: ErrorCode.NONE, errorMessage: null };
        } catch (err) {
          return { name: t.name, ...topicErrorOf(err) };
        }
      }),
    };
  },
  encode(w, res, version) {
    if (version >= 2) w.int32(0);
    w.array(res.topics, (w, t) => {
      w.string(t.name).int16(t.errorCode);
      if (version >= 1) w.nullableString(t.errorMessage);
    });
  },
};
