import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { producerStateOf } from '../producer-state.js';
import { transactionsOf } from '../../services/kafka/transactions.js';

interface InitProducerIdRequest {
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

interface InitProducerIdResponse {
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

const refused = (errorCode: number): InitProducerIdResponse => ({ errorCode, producerId: -1, producerEpoch: -1 });

/**
 * InitProducerId (22) v0-1: a producer id for idempotent producers (the Java client and librdkafka
 * enable idempotence by default), and for transactional ones the transactional id's producer id
 * with its epoch bumped (fencing the previous producer of that id; a transaction it left open is
 * aborted). A timeout above `transaction.max.timeout.ms` answers INVALID_TRANSACTION_TIMEOUT.
 */
export const initProducerId: ApiModule<InitProducerIdRequest, InitProducerIdResponse> = {
  key: ApiKey.InitProducerId,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  decode(r) {
    const transactionalId = r.nullableString();
    return { transactionalId, transactionTimeoutMs: r.int32() };
  },
  handle(req, session) {
    const rt = session.runtime;
    if (req.transactionalId === null) {
      if (!authorize(session, 'IdempotentWrite', 'Cluster', 'kafka-cluster')) return refused(authorizationError('Cluster'));
      return { errorCode: ErrorCode.NONE, producerId: producerStateOf(rt).newProducerId(), producerEpoch: 0 };
    }
    if (!authorize(session, 'Write', 'TransactionalId', req.transactionalId)) return refused(authorizationError('TransactionalId'));
    const res = transactionsOf(rt).initProducerId(session.principal.clusterId, req.transactionalId, req.transactionTimeoutMs);
    // A new epoch starts its sequences afresh: the last batches of the old one are no duplicates.
    if (res.errorCode === ErrorCode.NONE) producerStateOf(rt).forget(res.producerId);
    return res;
  },
  encode(w, res) {
    w.int32(0).int16(res.errorCode).int64(res.producerId).int16(res.producerEpoch);
  },
  errorResponse: (_req, errorCode) => refused(errorCode),
};
