import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { recordLogOf } from '../../services/kafka/record-log.js';

interface DeleteRecordsRequest {
  topics: Array<{ name: string; partitions: Array<{ index: number; offset: number }> }>;
}

interface DeleteRecordsResponse {
  topics: Array<{ name: string; partitions: Array<{ index: number; lowWatermark: number; errorCode: number }> }>;
}

/** DeleteRecords' offset meaning "up to the high watermark". */
const HIGH_WATERMARK = -1;

/**
 * DeleteRecords (21) v0-1: a partition's records below the given offset (-1: all of them) are
 * deleted and its low watermark moves there, for the Kafka protocol, Kafka REST v3 and REST Proxy
 * v2 alike. An offset past the high watermark is OFFSET_OUT_OF_RANGE; a mirror topic refuses.
 */
export const deleteRecords: ApiModule<DeleteRecordsRequest, DeleteRecordsResponse> = {
  key: ApiKey.DeleteRecords,
  name: 'DeleteRecords',
  minVersion: 0,
  maxVersion: 1,
  decode(r) {
    const topics = r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), offset: r.int64() })) }));
    r.int32(); // timeout
    return { topics };
  },
  handle(req, session) {
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    const log = recordLogOf(rt);
    return {
      topics: req.topics.map((t) => {
        const allowed = authorize(session, 'Delete', 'Topic', t.name);
        const topic = allowed ? rt.kafka.topic(cluster, t.name) : undefined;
        const readOnly = topic ? log.readOnlyReason(cluster, t.name) : undefined;
        return {
          name: t.name,
          partitions: t.partitions.map((p) => {
            const failed = (errorCode: number) => ({ index: p.index, lowWatermark: -1, errorCode });
            if (!allowed) return failed(authorizationError('Topic'));
            if (!topic || p.index < 0 || p.index >= topic.partitions) return failed(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
            if (readOnly) return failed(ErrorCode.POLICY_VIOLATION);
            const end = log.endOffset(cluster, t.name, p.index);
            const before = p.offset === HIGH_WATERMARK ? end : p.offset;
            if (before < 0 || before > end) return failed(ErrorCode.OFFSET_OUT_OF_RANGE);
            return { index: p.index, lowWatermark: log.deleteRecords(cluster, t.name, p.index, before), errorCode: ErrorCode.NONE };
          }),
        };
      }),
    };
  },
  encode(w, res) {
    w.int32(0);
    w.array(res.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.index).int64(p.lowWatermark).int16(p.errorCode));
    });
  },
};
