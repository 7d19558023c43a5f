import type { ApiModule, AuthenticatedSession } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { Writer } from '../codec/writer.js';
import { ErrorCode } from '../error-codes.js';
import { encodeBatch, type BatchProducer, type WireHeader } from '../records/batch.js';
import { recordLogOf, type RecordLog } from '../../services/kafka/record-log.js';
import type { StoredRecord } from '../../store/kafka.js';
import { transactionsOf, type AbortedTxn, type TransactionCoordinator, type TxnBatch } from '../../services/kafka/transactions.js';

interface FetchRequest {
  maxWaitMs: number;
  minBytes: number;
  maxBytes: number;
  /** 0: read_uncommitted, 1: read_committed (records up to the last stable offset, aborted transactions listed). */
  isolationLevel: number;
  topics: Array<{ name: string; partitions: Array<{ index: number; fetchOffset: number; maxBytes: number }> }>;
}

interface PartitionData {
  index: number;
  errorCode: number;
  highWatermark: number;
  lastStableOffset: number;
  logStartOffset: number;
  /** read_committed: the aborted transactions within the records returned (empty for read_uncommitted). */
  abortedTransactions: AbortedTxn[];
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
const READ_UNCOMMITTED = 0;
const READ_COMMITTED = 1;

const approximateSize = (r: StoredRecord) =>
  RECORD_OVERHEAD + (r.key?.length ?? 0) + (r.value?.length ?? 0) + r.headers.reduce((n, h) => n + h.name.length + 2 + (h.value ? (h.value.length * 3) / 4 : 0), 0);

const NO_HEADERS: readonly WireHeader[] = [];

/** Stored headers (base64 values, as REST keeps them) in wire form. */
const wireHeaders = (r: StoredRecord): readonly WireHeader[] =>
  r.headers.length ? r.headers.map((h) => ({ key: Buffer.from(h.name, 'utf8'), value: h.value === null ? null : Buffer.from(h.value, 'base64') })) : NO_HEADERS;

/** The writer of a run of records: a transactional batch's producer, else none (-1). */
function producerOf(batch: TxnBatch | undefined): BatchProducer | undefined {
  return batch && { producerId: batch.producerId, producerEpoch: batch.producerEpoch, transactional: true, control: batch.control };
}

/**
 * Encodes records as batches the way they were written: a run of a transactional producer's
 * records (or a control record) is a batch of its own carrying the producer, the rest are
 * batched together as before.
 */
function encodeRuns(w: Writer, records: StoredRecord[], txnBatches: readonly TxnBatch[], logAppendTime: boolean): void {
  if (!txnBatches.length) return encodeBatch(w, records, logAppendTime, wireHeaders);
  let b = 0;
  let start = 0;
  let current: TxnBatch | undefined;
  const batchOf = (offset: number): TxnBatch | undefined => {
    while (b < txnBatches.length && txnBatches[b].lastOffset < offset) b++;
    const t = txnBatches[b];
    return t && t.firstOffset <= offset ? t : undefined;
  };
  for (let i = 0; i < records.length; i++) {
    const owner = batchOf(records[i].offset);
    if (i > 0 && owner !== current) {
      encodeBatch(w, records.slice(start, i), logAppendTime, wireHeaders, producerOf(current));
      start = i;
    }
    current = owner;
  }
  encodeBatch(w, records.slice(start), logAppendTime, wireHeaders, producerOf(current));
}

/**
 * Reads one partition from `offset` up to `upTo` (exclusive) within `budget` bytes; at least one
 * record when `atLeastOne` (KIP-74: a record larger than the limits still makes progress).
 * Answers the batches and the last offset returned.
 */
function readPartition(log: RecordLog, txns: TransactionCoordinator, cluster: string, topic: string, partition: number, offset: number, upTo: number, budget: number, atLeastOne: boolean, logAppendTime: boolean): { records: Buffer; lastOffset: number } {
  const picked: StoredRecord[] = [];
  let used = BATCH_HEADER;
  let next = offset;
  for (;;) {
    const chunk = log.readForFetch(cluster, topic, partition, next, READ_CHUNK);
    let full = false;
    for (const r of chunk) {
      const size = approximateSize(r);
      if (r.offset >= upTo || (used + size > budget && !(atLeastOne && picked.length === 0))) {
        full = true;
        break;
      }
      picked.push(r);
      used += size;
    }
    if (full || chunk.length < READ_CHUNK) break;
    next = chunk[chunk.length - 1].offset + 1;
  }
  if (!picked.length) return { records: EMPTY, lastOffset: offset - 1 };
  const lastOffset = picked[picked.length - 1].offset;
  const txnBatches = txns.batchesIn(cluster, topic, partition, picked[0].offset, lastOffset);
  const w = new Writer(used + 64 + txnBatches.length * 2 * BATCH_HEADER);
  encodeRuns(w, picked, txnBatches, logAppendTime);
  return { records: w.toBuffer(), lastOffset };
}

function readAll(session: AuthenticatedSession, req: FetchRequest): { response: FetchResponse; bytes: number; errors: boolean } {
  const rt = session.runtime;
  const cluster = session.principal.clusterId;
  const log = recordLogOf(rt);
  const txns = transactionsOf(rt);
  const readCommitted = req.isolationLevel === READ_COMMITTED;
  let left = req.maxBytes;
  let bytes = 0;
  let errors = false;
  const topics = req.topics.map((t) => {
    const allowed = authorize(session, 'Read', 'Topic', t.name);
    const topic = allowed ? rt.kafka.topic(cluster, t.name) : undefined;
    return {
      name: t.name,
      partitions: t.partitions.map((p): PartitionData => {
        const none = { index: p.index, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, abortedTransactions: [], records: EMPTY };
        if (!allowed) return (errors = true), { ...none, errorCode: authorizationError('Topic') };
        if (!topic || p.index < 0 || p.index >= topic.partitions) return (errors = true), { ...none, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION };
        const highWatermark = log.endOffset(cluster, t.name, p.index);
        const lastStableOffset = txns.lastStableOffset(cluster, t.name, p.index, highWatermark);
        const logStartOffset = log.logStartOffset(cluster, t.name, p.index);
        if (p.fetchOffset < logStartOffset || p.fetchOffset > highWatermark) {
          errors = true;
          return { index: p.index, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE, highWatermark, lastStableOffset, logStartOffset, abortedTransactions: [], records: EMPTY };
        }
        // read_committed consumers read up to the last stable offset, read_uncommitted ones to the end.
        const upTo = readCommitted ? lastStableOffset : highWatermark;
        let records = EMPTY;
        let abortedTransactions: AbortedTxn[] = [];
        if (p.fetchOffset < upTo && left > 0) {
          const read = readPartition(log, txns, cluster, t.name, p.index, p.fetchOffset, upTo, Math.min(p.maxBytes, left), bytes === 0, log.timestampType(topic) === 'LogAppendTime');
          records = read.records;
          if (readCommitted && records.length) abortedTransactions = txns.abortedTransactions(cluster, t.name, p.index, p.fetchOffset, read.lastOffset);
          left -= records.length;
          bytes += records.length;
        }
        return { index: p.index, errorCode: ErrorCode.NONE, highWatermark, lastStableOffset, logStartOffset, abortedTransactions, records };
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
 * no preferred read replica; records are never null. read_committed (isolation level 1) reads up
 * to the last stable offset and lists the aborted transactions among the records returned, so that
 * clients drop their records; control batches are returned as Kafka returns them.
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
    const isolationLevel = version >= 4 ? r.int8() : READ_UNCOMMITTED;
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
    return { maxWaitMs, minBytes, maxBytes, isolationLevel, topics };
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
        if (version >= 4) w.int64(p.lastStableOffset);
        if (version >= 5) w.int64(p.logStartOffset);
        if (version >= 4) w.nullableArray(p.abortedTransactions, (w, a) => w.int64(a.producerId).int64(a.firstOffset));
        if (version >= 11) w.int32(-1); // preferred read replica
        w.bytes(p.records);
      });
    });
  },
  errorResponse(req, errorCode) {
    return { topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ index: p.index, errorCode, highWatermark: -1, lastStableOffset: -1, logStartOffset: -1, abortedTransactions: [], records: EMPTY })) })) };
  },
};
