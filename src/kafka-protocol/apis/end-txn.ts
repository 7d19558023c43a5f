import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { transactionsOf } from '../../services/kafka/transactions.js';
import { fencedAs } from './txn-errors.js';

interface EndTxnRequest {
  transactionalId: string;
  producerId: number;
  producerEpoch: number;
  committed: boolean;
}

interface EndTxnResponse {
  errorCode: number;
}

/**
 * EndTxn (26) v0-2: commits or aborts the producer's transaction, appending the COMMIT or ABORT
 * control record to each of its partitions (and making a commit's offsets the groups').
 */
export const endTxn: ApiModule<EndTxnRequest, EndTxnResponse> = {
  key: ApiKey.EndTxn,
  name: 'EndTxn',
  minVersion: 0,
  maxVersion: 2,
  decode(r) {
    return { transactionalId: r.string(), producerId: r.int64(), producerEpoch: r.int16(), committed: r.boolean() };
  },
  handle(req, session, version) {
    if (!authorize(session, 'Write', 'TransactionalId', req.transactionalId)) return { errorCode: authorizationError('TransactionalId') };
    const errorCode = transactionsOf(session.runtime).endTxn(session.principal.clusterId, req.transactionalId, req.producerId, req.producerEpoch, req.committed);
    return { errorCode: fencedAs(errorCode, version, 2) };
  },
  encode(w, res) {
    w.int32(0).int16(res.errorCode);
  },
  errorResponse: (_req, errorCode) => ({ errorCode }),
};
