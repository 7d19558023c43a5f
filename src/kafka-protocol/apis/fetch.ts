import type { ApiModule, AuthenticatedSession } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { Writer } from '../codec/writer.js';
import { ErrorCode } from '../error-codes.js';
import { encodeBatch, type WireHeader } from '../records/batch.js';
import { recordLogOf, type RecordLog } from '../../services/kafka/record-log.js';
import type { StoredRecord } from '../../store/kafka.js';

interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  topics: Array<{ name: string; partitions: Array<{ index: number; fetchOffset: number; maxBytes: number }> }>;
}

interface PartitionData {
  index: number;
  errorCode: number;
  highWatermark: number;
  logStartOffset: number;
  records: Buffer;
}

interface FetchResponse {
  topics: Array<{ name: string; partitions: PartitionData[] }>;
}

/** Records read from the store per query while filling a partition's byte budget. */
const READ_CHUNK = 500;
/** A record's bytes in a batch beyond its key, value and headers (lengths, deltas, attributes). */
const RECORD_OVERHEAD = 16;
const BATCH_HEADER = 61;
const EMPTY: Buffer = Buffer.alloc(0);

const approximateSize = (r: StoredRecord) =>
  RECORD_OVERHEAD + (r.key?.length ?? 0) + (r.value?.length ?? 0) + r.headers.reduce((n, h) => n + h.name.length + 2 + (h.value ? (h.value.length * 3) / 4 : 0), 0);

const NO_HEADERS: readonly WireHeader[] = [];

/** Stored headers (base64 values, as REST keeps them) in wire form. */
const wireHeaders = (r: StoredRecord): readonly WireHeader[] =>
  r.headers.length ? r.headers.map((h) => ({ key: Buffer.from(h.name, 'utf8'), value: h.value === null ? null : Buffer.from(h.value, 'base64') })) : NO_HEADERS;

/**
 * Reads one partition from `offset` within `budget` bytes as one batch; at least one record when
 * `atLeastOne` (KIP-74: a record larger than the limits still makes progress).
 */
function readPartition(log: RecordLog, cluster: string, topic: string, partition: number, offset: number, budget: number, atLeastOne: boolean, logAppendTime: boolean): Buffer {
  const picked: StoredRecord[] = [];
  let used = BATCH_HEADER;
  let next = offset;
  for (;;) {
    const chunk = log.readForFetch(cluster, topic, partition, next, READ_CHUNK);
    let full = false;
    for (const r of chunk) {
      const size = approximateSize(r);
      if (used + size > budget && !(atLeastOne && picked.length === 0)) {
        full = true;
        break;
      }
      picked.push(r);
      used += size;
    }
    if (full || chunk.length < READ_CHUNK) break;
    next = chunk[chunk.length - 1].offset + 1;
  }
  if (!picked.length) return EMPTY;
  const w = new Writer(used + 64);
  encodeBatch(w, picked, logAppendTime, wireHeaders);
  return w.toBuffer();
}

function readAll(session: AuthenticatedSession, req: FetchRequest): { response: FetchResponse; bytes: number; errors: boolean } {
  const rt = session.runtime;
  const cluster = session.principal.clusterId;
  const log = recordLogOf(rt);
  let left = req.maxBytes;
  let bytes = 0;
  let errors = false;
  const topics = req.topics.map((t) => {
    const allowed = authorize(session, 'Read', 'Topic', t.name);
    const topic = allowed ? rt.kafka.topic(cluster, t.name) : undefined;
    return {
      name: t.name,
      partitions: t.partitions.map((p): PartitionData => {
        const none = { index: p.index, highWatermark: -1, logStartOffset: -1, records: EMPTY };
        if (!allowed) return (errors = true), { ...none, errorCode: authorizationError('Topic') };
        if (!topic || p.index < 0 || p.index >= topic.partitions) return (errors = true), { ...none, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        const highWatermark = log.endOffset(cluster, t.name, p.index);
        const logStartOffset = log.logStartOffset(cluster, t.name, p.index);
        if (p.fetchOffset < logStartOffset || p.fetchOffset > highWatermark) {
          errors = true;
          return { index: p.index, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark, logStartOffset, records: EMPTY };
        }
        let records = EMPTY;
        if (p.fetchOffset < highWatermark && left > 0) {
          records = readPartition(log, cluster, t.name, p.index, p.fetchOffset, Math.min(p.maxBytes, left), bytes === 0, log.timestampType(topic) === 'LogAppendTime');
          left -= records.length;
          bytes += records.length;
        }
        return { index: p.index, errorCode: ErrorCode.NONE, highWatermark, logStartOffset, records };
      }),
    };
  });
  return { response: { topics }, bytes, errors };
}

/** Resolves when a record is appended to one of the topics, the wait ends, or the connection closes. */
function waitForRecords(session: AuthenticatedSession, topics: Set<string>, ms: number): Promise<void> {
  const log = recordLogOf(session.runtime);
  const cluster = session.principal.clusterId;
  return new Promise((resolve) => {
    let done = false;
    let forgetClose = () => {};
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      forgetClose();
      resolve();
    };
    const timer = setTimeout(finish, ms);
    const unsubscribe = log.onAppend((c, t) => {
      if (c === cluster && topics.has(t)) finish();
    });
    forgetClose = session.onClose(finish);
  });
}

/**
 * Fetch (1) v0-11, answered with record batches (magic 2): whole batches from the requested
 * offset, within the partition and response byte limits (at least one record to make progress),
 * long-polling up to max_wait_ms until min_bytes are there. No fetch sessions (id 0: full fetches),
 * no preferred read replica, no aborted transactions; records are never null.
 */
export const fetch: ApiModule<FetchRequest, FetchResponse> = {
  key: ApiKey.Fetch,
  name: 'Fetch',
  minVersion: 0,
  maxVersion: 11,
  decode(r, version) {
    r.int32(); // replica id
    const maxWaitMs = r.int32();
    const minBytes = r.int32();
    const maxBytes = version >= 3 ? r.int32() : 0x7fffffff;
    if (version >= 4) r.int8(); // isolation level: every record is committed
    if (version >= 7) {
      r.int32(); // session id
      r.int32(); // session epoch
    }
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => {
        const index = r.int32();
        if (version >= 9) r.int32(); // current leader epoch
        const fetchOffset = r.int64();
        if (version >= 5) r.int64(); // log start offset (followers only)
        const maxBytes = r.int32();
        return { index, fetchOffset, maxBytes };
      }),
    }));
    if (version >= 7) r.array((r) => ({ name: r.string(), partitions: r.array((r) => r.int32()) })); // forgotten topics
    if (version >= 11) r.string(); // rack id
    return { maxWaitMs, minBytes, maxBytes, topics };
  },
  async handle(req, session) {
    let result = readAll(session, req);
    const deadline = Date.now() + Math.max(0, req.maxWaitMs);
    const names = new Set(req.topics.map((t) => t.name));
    while (req.minBytes > 0 && result.bytes < req.minBytes && !result.errors && !session.closed && Date.now() < deadline) {
      await waitForRecords(session, names, deadline - Date.now());
      result = readAll(session, req);
    }
    return result.response;
  },
  encode(w, res, version) {
    if (version >= 1) w.int32(0); // throttle time
    if (version >= 7) w.int16(ErrorCode.NONE).int32(0); // error code, session id
    w.array(res.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => {
        w.int32(p.index).int16(p.errorCode).int64(p.highWatermark);
        if (version >= 4) w.int64(p.highWatermark); // last stable offset
        if (version >= 5) w.int64(p.logStartOffset);
        if (version >= 4) w.array([], () => {}); // aborted transactions
        if (version >= 11) w.int32(-1); // preferred read replica
        w.bytes(p.records);
      });
    });
  },
  errorResponse(req, errorCode) {
    return { topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ index: p.index, errorCode, highWatermark: -1, logStartOffset: -1, records: EMPTY })) })) };
  },
};
