import { TxnError } from '../../services/kafka/transactions.js';

/**
 * PRODUCER_FENCED (90) exists from these request versions on (KIP-588); older ones answer a fenced
 * producer with INVALID_PRODUCER_EPOCH (47), as brokers do.
 */
export function fencedAs(errorCode: number, version: number, firstVersionWithProducerFenced: number): number {
  return errorCode === TxnError.PRODUCER_FENCED && version < firstVersionWithProducerFenced ? TxnError.INVALID_PRODUCER_EPOCH : errorCode;
}
