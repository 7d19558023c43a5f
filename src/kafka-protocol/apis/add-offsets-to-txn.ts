import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { transactionsOf } from '../../services/kafka/transactions.js';
import { fencedAs } from './txn-errors.js';

interface AddOffsetsToTxnRequest {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  groupId: string;
}

interface AddOffsetsToTxnResponse {
  errorCode: number;
}

/** AddOffsetsToTxn (25) v0-2: the consumer group's offsets may then be committed in the transaction (TxnOffsetCommit). */
export const addOffsetsToTxn: ApiModule<AddOffsetsToTxnRequest, AddOffsetsToTxnResponse> = {
  key: ApiKey.AddOffsetsToTxn,
  name: 'AddOffsetsToTxn',
  minVersion: 0,
  maxVersion: 2,
  decode(r) {
    return { transactionalId: r.string(), producerId: r.int64(), producerEpoch: r.int16(), groupId: r.string() };
  },
  handle(req, session, version) {
    if (!authorize(session, 'Write', 'TransactionalId', req.transactionalId)) return { errorCode: authorizationError('TransactionalId') };
    if (!authorize(session, 'Read', 'Group', req.groupId)) return { errorCode: authorizationError('Group') };
    const errorCode = transactionsOf(session.runtime).addOffsets(session.principal.clusterId, req.transactionalId, req.producerId, req.producerEpoch, req.groupId);
    return { errorCode: fencedAs(errorCode, version, 2) };
  },
  encode(w, res) {
    w.int32(0).int16(res.errorCode);
  },
  errorResponse: (_req, errorCode) => ({ errorCode }),
};
