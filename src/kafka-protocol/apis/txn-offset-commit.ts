import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { writeTopicPartitionErrors, type TopicPartitionErrors } from './partition-errors.js';
import { transactionsOf } from '../../services/kafka/transactions.js';

interface TxnOffsetCommitRequest {
  transactionalId: string;
  groupId: string;
  producerId: number;
  producerEpoch: number;
  topics: Array<{ name: string; partitions: Array<{ index: number; offset: number; metadata: string | null }> }>;
}

interface TxnOffsetCommitResponse {
  topics: TopicPartitionErrors;
}

const answerAll = (req: TxnOffsetCommitRequest, errorCode: number): TxnOffsetCommitResponse => ({
  topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ index: p.index, errorCode })) })),
});

/**
 * TxnOffsetCommit (28) v0-2: a consumer group's offsets committed in the producer's transaction;
 * the group sees them only once the transaction commits. The group must have been added with
 * AddOffsetsToTxn (INVALID_TXN_STATE otherwise). Leader epochs (v2) are read and not kept.
 */
export const txnOffsetCommit: ApiModule<TxnOffsetCommitRequest, TxnOffsetCommitResponse> = {
  key: ApiKey.TxnOffsetCommit,
  name: 'TxnOffsetCommit',
  minVersion: 0,
  maxVersion: 2,
  decode(r, version) {
    const transactionalId = r.string();
    const groupId = r.string();
    const producerId = r.int64();
    const producerEpoch = r.int16();
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r) => {
        const index = r.int32();
        const offset = r.int64();
        if (version >= 2) r.int32(); // committed leader epoch
        return { index, offset, metadata: r.nullableString() };
      }),
    }));
    return { transactionalId, groupId, producerId, producerEpoch, topics };
  },
  handle(req, session) {
    if (!authorize(session, 'Read', 'Group', req.groupId)) return answerAll(req, authorizationError('Group'));
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    const refused = new Map<string, number>();
    const offsets = [];
    for (const t of req.topics) {
      const allowed = authorize(session, 'Read', 'Topic', t.name);
      const topic = allowed ? rt.kafka.topic(cluster, t.name) : undefined;
      for (const p of t.partitions) {
        if (!allowed) refused.set(`${t.name}\0${p.index}`, authorizationError('Topic'));
        else if (!topic || p.index < 0 || p.index >= topic.partitions) refused.set(`${t.name}\0${p.index}`, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        else offsets.push({ topic: t.name, partition: p.index, offset: p.offset, metadata: p.metadata });
      }
    }
    const txns = transactionsOf(rt);
    let errorCode: number = txns.commitOffsets(cluster, req.transactionalId, req.producerId, req.producerEpoch, req.groupId, offsets);
    // No version of TxnOffsetCommit this module answers knows PRODUCER_FENCED.
    if (errorCode === ErrorCode.PRODUCER_FENCED) errorCode = ErrorCode.INVALID_PRODUCER_EPOCH;
    return {
      topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ index: p.index, errorCode: refused.get(`${t.name}\0${p.index}`) ?? errorCode })) })),
    };
  },
  encode(w, res) {
    w.int32(0);
    writeTopicPartitionErrors(w, res.topics);
  },
  errorResponse: answerAll,
};
