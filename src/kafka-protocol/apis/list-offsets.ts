import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { recordLogOf } from '../../services/kafka/record-log.js';
import { transactionsOf } from '../../services/kafka/transactions.js';

interface ListOffsetsRequest {
  /** 1 (read_committed): latest is the last stable offset. */
  isolationLevel: number;
  topics: Array<{ name: string; partitions: Array<{ index: number; timestamp: number }> }>;
}

interface PartitionOffset {
  index: number;
  errorCode: number;
  timestamp: number;
  offset: number;
}

interface ListOffsetsResponse {
  topics: Array<{ name: string; partitions: PartitionOffset[] }>;
}

const LATEST = -1;
const EARLIEST = -2;
const MAX_TIMESTAMP = -3;
const READ_COMMITTED = 1;

/**
 * ListOffsets (2) v0-5: the latest (high watermark) and earliest offsets, and by timestamp the
 * first record at or after it (the high watermark with timestamp -1 when there is none). With
 * isolation level read_committed (v2+), latest is the last stable offset.
 */
export const listOffsets: ApiModule<ListOffsetsRequest, ListOffsetsResponse> = {
  key: ApiKey.ListOffsets,
  name: 'ListOffsets',
  minVersion: 0,
  maxVersion: 5,
  decode(r, version) {
    r.int32(); // replica id
    const isolationLevel = version >= 2 ? r.int8() : 0;
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => {
        const index = r.int32();
        if (version >= 4) r.int32(); // current leader epoch
        const timestamp = r.int64();
        if (version === 0) r.int32(); // max number of offsets
        return { index, timestamp };
      }),
    }));
    return { isolationLevel, topics };
  },
  handle(req, session) {
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    const log = recordLogOf(rt);
    return {
      topics: req.topics.map((t) => {
        const allowed = authorize(session, 'Describe', 'Topic', t.name);
        const topic = allowed ? rt.kafka.topic(cluster, t.name) : undefined;
        return {
          name: t.name,
          partitions: t.partitions.map((p): PartitionOffset => {
            const fail = (errorCode: number) => ({ index: p.index, errorCode, timestamp: -1, offset: -1 });
            if (!allowed) return fail(authorizationError('Topic'));
            if (!topic || p.index < 0 || p.index >= topic.partitions) return fail(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
            const end = log.endOffset(cluster, t.name, p.index);
            const ok = (offset: number, timestamp = -1) => ({ index: p.index, errorCode: ErrorCode.NONE, timestamp, offset });
            if (p.timestamp === LATEST) return ok(req.isolationLevel === READ_COMMITTED ? transactionsOf(rt).lastStableOffset(cluster, t.name, p.index, end) : end);
            if (p.timestamp === EARLIEST) return ok(log.logStartOffset(cluster, t.name, p.index));
            if (p.timestamp === MAX_TIMESTAMP) {
              const m = log.maxTimestamp(cluster, t.name, p.index);
              return m ? ok(m.offset, m.timestamp) : ok(end);
            }
            if (p.timestamp < 0) return fail(ErrorCode.INVALID_REQUEST);
            const found = log.offsetForTimestamp(cluster, t.name, p.index, p.timestamp);
            return found ? ok(found.offset, found.timestamp) : ok(end);
          }),
        };
      }),
    };
  },
  encode(w, res, version) {
    if (version >= 2) w.int32(0);
    w.array(res.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => {
        w.int32(p.index).int16(p.errorCode);
        if (version === 0) {
          w.array(p.offset >= 0 ? [p.offset] : [], (w, o) => w.int64(o));
          return;
        }
        w.int64(p.timestamp).int64(p.offset);
        if (version >= 4) w.int32(-1); // leader epoch
      });
    });
  },
};
