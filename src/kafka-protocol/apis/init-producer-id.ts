import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';
import { producerStateOf } from '../producer-state.js';

interface InitProducerIdRequest {
  transactionalId: string | null;
}

interface InitProducerIdResponse {
  errorCode: number;
  producerId: number;
  producerEpoch: number;
}

/**
 * InitProducerId (22) v0-1: a producer id for idempotent producers (the Java client and librdkafka
 * enable idempotence by default). A transactional id is refused with INVALID_REQUEST: the emulator
 * does not implement transactions.
 */
export const initProducerId: ApiModule<InitProducerIdRequest, InitProducerIdResponse> = {
  key: ApiKey.InitProducerId,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  decode(r) {
    const transactionalId = r.nullableString();
    r.int32(); // transaction timeout
    return { transactionalId };
  },
  handle(req, session) {
    if (req.transactionalId !== null) return { errorCode: ErrorCode.INVALID_REQUEST, producerId: -1, producerEpoch: -1 };
    if (!authorize(session, 'IdempotentWrite', 'Cluster', 'kafka-cluster')) return { errorCode: authorizationError('Cluster'), producerId: -1, producerEpoch: -1 };
    return { errorCode: ErrorCode.NONE, producerId: producerStateOf(session.runtime).newProducerId(), producerEpoch: 0 };
  },
  encode(w, res) {
    w.int32(0).int16(res.errorCode).int64(res.producerId).int16(res.producerEpoch);
  },
};
