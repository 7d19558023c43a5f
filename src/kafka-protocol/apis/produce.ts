import type { ApiModule, AuthenticatedSession } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { decodeRecordSet, InvalidRecordsError } from '../records/batch.js';
import { recordLogOf } from '../../services/kafka/record-log.js';
import type { TopicRow } from '../../store/kafka.js';
import { producerStateOf } from '../producer-state.js';
import { recordTransactionalAppend, transactionalProduceError } from './produce-transactions.js';

interface ProduceRequest {
  transactionalId: string | null;
  acks: number;
  timeoutMs: number;
  topics: Array<{ name: string; partitions: Array<{ index: number; records: Buffer | null }> }>;
}

interface PartitionResult {
  index: number;
  errorCode: number;
  baseOffset: number;
  logAppendTimeMs: number;
  logStartOffset: number;
  errorMessage: string | null;
}

interface ProduceResponse {
  topics: Array<{ name: string; partitions: PartitionResult[] }>;
}

const failed = (index: number, errorCode: number, errorMessage: string | null = null): PartitionResult => ({ index, errorCode, baseOffset: -1, logAppendTimeMs: -1, logStartOffset: -1, errorMessage });

/** A topic of the request as looked up once for all its partitions: the row, and why it takes no records (a mirror). */
interface TargetTopic {
  row: TopicRow | undefined;
  readOnly: string | undefined;
}

/** Appends one partition's record set: every batch decoded and checked before anything is stored. */
function producePartition(session: AuthenticatedSession, target: TargetTopic, index: number, records: Buffer | null, transactionalId: string | null): PartitionResult {
  const rt = session.runtime;
  const cluster = session.principal.clusterId;
  const log = recordLogOf(rt);
  const topic = target.row;
  if (!topic || index < 0 || index >= topic.partitions) return failed(index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  if (records === null) return failed(index, ErrorCode.CORRUPT_MESSAGE, 'The record set is null');
  if (target.readOnly) return failed(index, ErrorCode.INVALID_REQUEST, target.readOnly);
  let batches;
  try {
    batches = decodeRecordSet(records);
  } catch (err) {
    if (err instanceof InvalidRecordsError) return failed(index, err.errorCode, err.message);
    throw err;
  }
  // Kafka's limit applies to each batch as sent (compressed, with its overhead).
  const limit = log.maxMessageBytes(topic);
  const large = batches.find((b) => b.sizeInBytes > limit);
  if (large) return failed(index, ErrorCode.MESSAGE_TOO_LARGE, `A batch of ${large.sizeInBytes} bytes exceeds max.message.bytes (${limit})`);
  const txnError = transactionalProduceError(rt, cluster, transactionalId, topic.name, index, batches);
  if (txnError) return failed(index, txnError.errorCode, txnError.message);
  const producers = producerStateOf(rt);
  const first = batches[0];
  const count = batches.reduce((n, b) => n + b.records.length, 0);
  if (first) {
    const duplicate = producers.duplicateOf(cluster, topic.name, index, first.producerId, first.baseSequence, count);
    if (duplicate !== undefined) return { index, errorCode: ErrorCode.NONE, baseOffset: duplicate, logAppendTimeMs: -1, logStartOffset: log.logStartOffset(cluster, topic.name, index), errorMessage: null };
  }
  const now = rt.clock.now();
  const decoded = batches.length === 1 ? batches[0].records : batches.flatMap((b) => b.records);
  const { baseOffset, firstTimestamp } = log.appendProtocolRecords(cluster, topic, index, decoded, now);
  if (first) producers.remember(cluster, topic.name, index, first.producerId, first.baseSequence, count, baseOffset);
  recordTransactionalAppend(rt, cluster, transactionalId, topic.name, index, batches, baseOffset);
  return {
    index,
    errorCode: ErrorCode.NONE,
    baseOffset,
    logAppendTimeMs: log.timestampType(topic) === 'LogAppendTime' ? firstTimestamp : -1,
    logStartOffset: log.logStartOffset(cluster, topic.name, index),
    errorMessage: null,
  };
}

/** The topic row and its read-only reason, looked up once per topic of a request rather than per partition. */
function targetTopic(session: AuthenticatedSession, name: string): TargetTopic {
  const cluster = session.principal.clusterId;
  const row = session.runtime.kafka.topic(cluster, name);
  return { row, readOnly: row && recordLogOf(session.runtime).readOnlyReason(cluster, row.name) };
}

/**
 * Produce (0) v0-8 (record batches, magic 2; v0-v2 message sets are refused per partition): acks 0
 * gets no answer, 1 and -1 an answer once stored (one broker: every replica in sync). Idempotent
 * producers' retried batches are not stored twice. Transactional batches are checked against the
 * transaction coordinator (`produce-transactions.ts`).
 */
export const produce: ApiModule<ProduceRequest, ProduceResponse> = {
  key: ApiKey.Produce,
  name: 'Produce',
  minVersion: 0,
  maxVersion: 8,
  decode(r, version) {
    const transactionalId = version >= 3 ? r.nullableString() : null;
    const acks = r.int16();
    const timeoutMs = r.int32();
    const topics = r.array((r) => ({ name: r.string(), partitions: r.array((r) => ({ index: r.int32(), records: r.nullableBytes() })) }));
    return { transactionalId, acks, timeoutMs, topics };
  },
  handle(req, session) {
    const transactionAllowed = req.transactionalId === null || authorize(session, 'Write', 'TransactionalId', req.transactionalId);
    // One transaction for the request (each partition's append nests in it): a commit per
    // partition would cost more than the rows.
    const result: ProduceResponse = session.runtime.tx(() => ({
      topics: req.topics.map((t) => {
        // Asked once per topic: each append moves the store on, which starts the decision cache afresh.
        const allowed = authorize(session, 'Write', 'Topic', t.name);
        const target = targetTopic(session, t.name);
        return {
          name: t.name,
          partitions: t.partitions.map((p) => {
            if (req.acks !== 0 && req.acks !== 1 && req.acks !== -1) return failed(p.index, ErrorCode.INVALID_REQUIRED_ACKS);
            if (!transactionAllowed) return failed(p.index, authorizationError('TransactionalId'));
            if (!allowed) return failed(p.index, authorizationError('Topic'));
            return producePartition(session, target, p.index, p.records, req.transactionalId);
          }),
        };
      }),
    }));
    return req.acks === 0 ? undefined : result;
  },
  encode(w, res, version) {
    w.array(res.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => {
        w.int32(p.index).int16(p.errorCode).int64(p.baseOffset);
        if (version >= 2) w.int64(p.logAppendTimeMs);
        if (version >= 5) w.int64(p.logStartOffset);
        if (version >= 8) {
          w.array([], () => {});
          w.nullableString(p.errorMessage);
        }
      });
    });
    if (version >= 1) w.int32(0);
  },
  errorResponse(req, errorCode) {
    // A producer with acks 0 reads no answer, to a failure neither.
    if (req.acks === 0) return undefined;
    return { topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => failed(p.index, errorCode)) })) };
  },
};
