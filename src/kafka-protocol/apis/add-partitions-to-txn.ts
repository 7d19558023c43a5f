import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { writeTopicPartitionErrors, type TopicPartitionErrors } from './partition-errors.js';
import { transactionsOf } from '../../services/kafka/transactions.js';
import { fencedAs } from './txn-errors.js';

interface AddPartitionsToTxnRequest {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  topics: Array<{ name: string; partitions: number[] }>;
}

interface AddPartitionsToTxnResponse {
  results: TopicPartitionErrors;
}

const answerAll = (req: AddPartitionsToTxnRequest, errorCode: number): AddPartitionsToTxnResponse => ({
  results: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((index) => ({ index, errorCode })) })),
});

/**
 * AddPartitionsToTxn (24) v0-2: partitions join the producer's transaction. A partition that is
 * unknown or not writable fails the whole request: it answers its own error and the others
 * OPERATION_NOT_ATTEMPTED, as Kafka does.
 */
export const addPartitionsToTxn: ApiModule<AddPartitionsToTxnRequest, AddPartitionsToTxnResponse> = {
  key: ApiKey.AddPartitionsToTxn,
  name: 'AddPartitionsToTxn',
  minVersion: 0,
  maxVersion: 2,
  decode(r) {
    const transactionalId = r.string();
    const producerId = r.int64();
    const producerEpoch = r.int16();
    const topics = r.array((r) => ({ name: r.string(), partitions: r.array((r) => r.int32()) }));
    return { transactionalId, producerId, producerEpoch, topics };
  },
  handle(req, session, version) {
    if (!authorize(session, 'Write', 'TransactionalId', req.transactionalId)) return answerAll(req, authorizationError('TransactionalId'));
    const rt = session.runtime;
    const cluster = session.principal.clusterId;
    const failures = new Map<string, number>();
    for (const t of req.topics) {
      const allowed = authorize(session, 'Write', 'Topic', t.name);
      const topic = allowed ? rt.kafka.topic(cluster, t.name) : undefined;
      for (const p of t.partitions) {
        if (!allowed) failures.set(`${t.name}\0${p}`, authorizationError('Topic'));
        else if (!topic || p < 0 || p >= topic.partitions) failures.set(`${t.name}\0${p}`, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      }
    }
    if (failures.size) {
      return {
        results: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((index) => ({ index, errorCode: failures.get(`${t.name}\0${index}`) ?? ErrorCode.OPERATION_NOT_ATTEMPTED })) })),
      };
    }
    const partitions = req.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
    const errorCode = transactionsOf(rt).addPartitions(cluster, req.transactionalId, req.producerId, req.producerEpoch, partitions);
    return answerAll(req, fencedAs(errorCode, version, 2));
  },
  encode(w, res) {
    w.int32(0);
    writeTopicPartitionErrors(w, res.results);
  },
  errorResponse: answerAll,
};
