import type { ApiModule } from '../api.js';
import { addOffsetsToTxn } from './add-offsets-to-txn.js';
import { addPartitionsToTxn } from './add-partitions-to-txn.js';
import { endTxn } from './end-txn.js';
import { txnOffsetCommit } from './txn-offset-commit.js';

/**
 * The transaction APIs (InitProducerId, with the idempotent producers', is in `core.ts`): one
 * module per file in this folder, listed here. Their meaning is the transaction coordinator's
 * (`services/kafka/transactions.ts`).
 */
export const transactionApis: ApiModule[] = [addPartitionsToTxn, addOffsetsToTxn, endTxn, txnOffsetCommit];
