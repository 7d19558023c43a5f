import type { DecodedBatch } from '../records/batch.js';
import { ErrorCode } from '../error-codes.js';
import { transactionsOf } from '../../services/kafka/transactions.js';
import type { Runtime } from '../../runtime.js';

/**
 * Produce's transactional rules for one partition's batches: clients never send control batches
 * (the coordinator writes them); transactional batches need the request's transactional id, the
 * id's current producer and the partition added to its open transaction. Undefined when the
 * batches may be appended.
 */
export function transactionalProduceError(rt: Runtime, cluster: string, transactionalId: string | null, topic: string, partition: number, batches: readonly DecodedBatch[]): { errorCode: number; message: string } | undefined {
  if (batches.some((b) => b.control)) return { errorCode: ErrorCode.INVALID_REQUEST, message: 'Control batches are written by the transaction coordinator, not by producers' };
  const transactional = batches.filter((b) => b.transactional);
  if (!transactional.length) return undefined;
  if (transactionalId === null) return { errorCode: ErrorCode.INVALID_REQUEST, message: 'A transactional batch needs the transactional id in the produce request' };
  if (transactional.length !== batches.length) return { errorCode: ErrorCode.INVALID_REQUEST, message: 'Transactional and non-transactional batches mixed in one partition' };
  const { producerId, producerEpoch } = batches[0];
  if (batches.some((b) => b.producerId !== producerId || b.producerEpoch !== producerEpoch)) return { errorCode: ErrorCode.INVALID_REQUEST, message: 'Transactional batches of several producers in one partition' };
  return transactionsOf(rt).checkProduce(cluster, transactionalId, producerId, producerEpoch, topic, partition);
}

/** Remembers where transactional batches were appended (Fetch returns them as transactional batches; read_committed stops before open ones). */
export function recordTransactionalAppend(rt: Runtime, cluster: string, transactionalId: string | null, topic: string, partition: number, batches: readonly DecodedBatch[], baseOffset: number): void {
  const first = batches[0];
  if (transactionalId === null || !first?.transactional) return;
  const count = batches.reduce((n, b) => n + b.records.length, 0);
  if (count > 0) transactionsOf(rt).recordAppend(cluster, transactionalId, first.producerId, first.producerEpoch, topic, partition, baseOffset, baseOffset + count - 1);
}
