import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';

interface MetadataRequest {
  /** null: every topic. */
  topics: string[] | null;
  allowAutoTopicCreation: boolean;
  includeClusterAuthorizedOperations: boolean;
  includeTopicAuthorizedOperations: boolean;
}

interface TopicMetadata {
  errorCode: number;
  name: string;
  partitions: number[];
  authorizedOperations: number;
}

interface MetadataResponse {
  broker: { nodeId: number; host: string; port: number };
  clusterId: string;
  topics: TopicMetadata[];
  clusterAuthorizedOperations: number;
}

/** "Authorized operations not requested" (Kafka's Integer.MIN_VALUE). */
export const NOT_REQUESTED = -2147483648;
/** Bit sets of Kafka's AclOperation codes: READ 3 .. ALTER_CONFIGS 11, IDEMPOTENT_WRITE 12. */
const TOPIC_OPERATIONS = [3, 4, 5, 6, 7, 8, 10, 11].reduce((bits, op) => bits | (1 << op), 0);
export const CLUSTER_OPERATIONS = [5, 7, 8, 9, 10, 11, 12].reduce((bits, op) => bits | (1 << op), 0);

/**
 * Metadata (3) v0-8: one broker (the address the client reached), which is also the controller
 * and every partition's leader; the cluster id is the `lkc-` id. Topics are never created here
 * (Confluent Cloud does not auto-create): an unknown one is UNKNOWN_TOPIC_OR_PARTITION.
 */
export const metadata: ApiModule<MetadataRequest, MetadataResponse> = {
  key: ApiKey.Metadata,
  name: 'Metadata',
  minVersion: 0,
  maxVersion: 8,
  decode(r, version) {
    let topics = version === 0 ? r.array((r) => r.string()) : r.nullableArray((r) => r.string());
    if (version === 0 && topics!.length === 0) topics = null; // v0: an empty list means every topic
    const allowAutoTopicCreation = version >= 4 ? r.boolean() : true;
    const includeClusterAuthorizedOperations = version >= 8 ? r.boolean() : false;
    const includeTopicAuthorizedOperations = version >= 8 ? r.boolean() : false;
    return { topics, allowAutoTopicCreation, includeClusterAuthorizedOperations, includeTopicAuthorizedOperations };
  },
  handle(req, session) {
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    const topicOps = req.includeTopicAuthorizedOperations ? TOPIC_OPERATIONS : NOT_REQUESTED;
    const describe = (name: string) => authorize(session, 'Describe', 'Topic', name);
    let topics: TopicMetadata[];
    if (req.topics === null) {
      topics = rt.kafka
        .topics(cluster)
        .filter((t) => describe(t.name))
        .map((t) => ({ errorCode: ErrorCode.NONE, name: t.name, partitions: range(t.partitions), authorizedOperations: topicOps }));
    } else {
      topics = req.topics.map((name) => {
        if (!describe(name)) return { errorCode: authorizationError('Topic'), name, partitions: [], authorizedOperations: topicOps };
        const t = rt.kafka.topic(cluster, name);
        if (!t) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, name, partitions: [], authorizedOperations: topicOps };
        return { errorCode: ErrorCode.NONE, name, partitions: range(t.partitions), authorizedOperations: topicOps };
      });
    }
    const { nodeId, host, port } = session.advertised;
    return {
      broker: { nodeId, host, port },
      clusterId: cluster,
      topics,
      clusterAuthorizedOperations: req.includeClusterAuthorizedOperations ? CLUSTER_OPERATIONS : NOT_REQUESTED,
    };
  },
  encode(w, res, version) {
    if (version >= 3) w.int32(0);
    w.array([res.broker], (w, b) => {
      w.int32(b.nodeId).string(b.host).int32(b.port);
      if (version >= 1) w.nullableString(null);
    });
    if (version >= 2) w.nullableString(res.clusterId);
    if (version >= 1) w.int32(res.broker.nodeId);
    w.array(res.topics, (w, t) => {
      w.int16(t.errorCode).string(t.name);
      if (version >= 1) w.boolean(false);
      w.array(t.partitions, (w, p) => {
        w.int16(ErrorCode.NONE).int32(p).int32(res.broker.nodeId);
        if (version >= 7) w.int32(-1); // leader epoch unknown: clients skip epoch validation
        w.array([res.broker.nodeId], (w, n) => w.int32(n));
        w.array([res.broker.nodeId], (w, n) => w.int32(n));
        if (version >= 5) w.array([], () => {});
      });
      if (version >= 8) w.int32(t.authorizedOperations);
    });
    if (version >= 8) w.int32(res.clusterAuthorizedOperations);
  },
};

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
