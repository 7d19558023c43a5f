import type { Runtime } from '../../runtime.js';
import { Statements } from '../../store/db.js';
import { recordLogOf } from './record-log.js';

/** The Kafka errors the transaction coordinator answers (org.apache.kafka.common.protocol.Errors). */
export const TxnError = {
  NONE: 0,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  INVALID_PRODUCER_EPOCH: 47,
  INVALID_TXN_STATE: 48,
  INVALID_PRODUCER_ID_MAPPING: 49,
  INVALID_TRANSACTION_TIMEOUT: 50,
  CONCURRENT_TRANSACTIONS: 51,
  OPERATION_NOT_ATTEMPTED: 55,
  PRODUCER_FENCED: 90,
} as const;

/** The broker's `transaction.max.timeout.ms` (Kafka's and Confluent Cloud's default). */
export const TRANSACTION_MAX_TIMEOUT_MS = 900_000;

/** Producer ids of transactional ids start here, apart from the idempotent producers' in-memory ids. */
const FIRST_TRANSACTIONAL_PRODUCER_ID = 1_000_000;
const MAX_EPOCH = 32767;

/** Empty: no transaction yet; Ongoing: partitions or groups added; Complete*: how the last one ended. */
type TxnState = 'Empty' | 'Ongoing' | 'CompleteCommit' | 'CompleteAbort';

interface TransactionalIdRow {
  producer_id: number;
  producer_epoch: number;
  timeout_ms: number;
  state: TxnState;
  started_at: number | null;
}

/** A run of offsets written by one transactional producer: data records, or one control record. */
export interface TxnBatch {
  firstOffset: number;
  lastOffset: number;
  producerId: number;
  producerEpoch: number;
  control: boolean;
}

export interface AbortedTxn {
  producerId: number;
  firstOffset: number;
}

export interface TopicPartitionRef {
  topic: string;
  partition: number;
}

/** A control record's key: version 0, type 0 (ABORT) or 1 (COMMIT). */
export function controlRecordKey(commit: boolean): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt16BE(0, 0);
  b.writeInt16BE(commit ? 1 : 0, 2);
  return b;
}

/** A control record's value: version 0 and the coordinator epoch (always 0: one coordinator). */
const CONTROL_RECORD_VALUE = Buffer.from([0, 0, 0, 0, 0, 0]);

/**
 * The transaction coordinator of every cluster, as Kafka's: transactional ids keep a producer id
 * and an epoch bumped by each InitProducerId (fencing older producers); a transaction collects
 * partitions and consumer groups, and ends with a COMMIT or ABORT control record appended to each
 * of its partitions (a commit also makes its offsets the groups' committed offsets). Everything
 * is in the store, so open transactions survive a restart and time out after it. Ends are
 * written at once, so the coordinator is never in Kafka's PrepareCommit/PrepareAbort states and
 * never answers CONCURRENT_TRANSACTIONS.
 */
export class TransactionCoordinator {
  private readonly sql: Statements;
  /** The coordinator's prepared statements, shared with `copyTransactionalRanges`. */
  get statements(): Statements {
    return this.sql;
  }
  private timer?: NodeJS.Timeout;
  private timerAt = Infinity;

  constructor(private readonly rt: Runtime) {
    this.sql = new Statements(rt.db);
    this.scheduleExpiry();
  }

  private row(cluster: string, tid: string): TransactionalIdRow | undefined {
    return this.sql.get('SELECT producer_id, producer_epoch, timeout_ms, state, started_at FROM kafka_transactional_ids WHERE cluster_id = ? AND transactional_id = ?').get(cluster, tid) as
      | TransactionalIdRow
      | undefined;
  }

  private nextProducerId(): number {
    const r = this.sql.get('SELECT MAX(producer_id) AS m FROM kafka_transactional_ids').get() as { m: number | null };
    return Math.max(FIRST_TRANSACTIONAL_PRODUCER_ID, (r.m ?? 0) + 1);
  }

  /** Whether (producerId, epoch) is the transactional id's current producer: NONE, PRODUCER_FENCED or INVALID_PRODUCER_ID_MAPPING. */
  private check(row: TransactionalIdRow | undefined, producerId: number, epoch: number): number {
    if (!row || row.producer_id !== producerId) return TxnError.INVALID_PRODUCER_ID_MAPPING;
    if (epoch !== row.producer_epoch) return TxnError.PRODUCER_FENCED;
    return TxnError.NONE;
  }

  /**
   * Runs `work` in one transaction when (producerId, epoch) is the transactional id's current
   * producer; otherwise answers the error `check` gives. Overdue transactions are aborted first.
   */
  private asCurrentProducer(cluster: string, tid: string, producerId: number, epoch: number, work: (row: TransactionalIdRow) => number): number {
    this.expireOverdue();
    return this.rt.tx(() => {
      const row = this.row(cluster, tid);
      const error = this.check(row, producerId, epoch);
      return error ? error : work(row!);
    });
  }

  /**
   * InitProducerId with a transactional id: the id's producer id (a new one the first time) with
   * its epoch bumped, fencing the previous producer; a transaction it left open is aborted.
   */
  initProducerId(cluster: string, tid: string, timeoutMs: number): { errorCode: number; producerId: number; producerEpoch: number } {
    if (timeoutMs <= 0 || timeoutMs > TRANSACTION_MAX_TIMEOUT_MS) return { errorCode: TxnError.INVALID_TRANSACTION_TIMEOUT, producerId: -1, producerEpoch: -1 };
    this.expireOverdue();
    return this.rt.tx(() => {
      const row = this.row(cluster, tid);
      if (row?.state === 'Ongoing') this.complete(cluster, tid, row, false);
      let producerId = row?.producer_id ?? this.nextProducerId();
      let producerEpoch = row ? row.producer_epoch + 1 : 0;
      if (producerEpoch > MAX_EPOCH) {
        producerId = this.nextProducerId();
        producerEpoch = 0;
      }
      this.sql
        .get(
          `INSERT INTO kafka_transactional_ids (cluster_id, transactional_id, producer_id, producer_epoch, timeout_ms, state, started_at) VALUES (?, ?, ?, ?, ?, 'Empty', NULL)
           ON CONFLICT (cluster_id, transactional_id) DO UPDATE SET producer_id = excluded.producer_id, producer_epoch = excluded.producer_epoch, timeout_ms = excluded.timeout_ms, state = 'Empty', started_at = NULL`,
        )
        .run(cluster, tid, producerId, producerEpoch, timeoutMs);
      return { errorCode: TxnError.NONE, producerId, producerEpoch };
    });
  }

  /** Starts the transaction if none is open (its timeout counts from now, on the wall clock). */
  private begin(cluster: string, tid: string, row: TransactionalIdRow): void {
    if (row.state === 'Ongoing') return;
    this.sql.get("UPDATE kafka_transactional_ids SET state = 'Ongoing', started_at = ? WHERE cluster_id = ? AND transactional_id = ?").run(Date.now(), cluster, tid);
    this.scheduleExpiry();
  }

  /** AddPartitionsToTxn: the partitions join the transaction (one error for all when the producer is not current). */
  addPartitions(cluster: string, tid: string, producerId: number, epoch: number, partitions: TopicPartitionRef[]): number {
    return this.asCurrentProducer(cluster, tid, producerId, epoch, (row) => {
      this.begin(cluster, tid, row);
      const insert = this.sql.get('INSERT OR IGNORE INTO kafka_txn_partitions (cluster_id, transactional_id, topic, partition, first_offset) VALUES (?, ?, ?, ?, NULL)');
      for (const p of partitions) insert.run(cluster, tid, p.topic, p.partition);
      return TxnError.NONE;
    });
  }

  /** AddOffsetsToTxn: the group's offsets may be committed in the transaction. */
  addOffsets(cluster: string, tid: string, producerId: number, epoch: number, groupId: string): number {
    return this.asCurrentProducer(cluster, tid, producerId, epoch, (row) => {
      this.begin(cluster, tid, row);
      this.sql.get('INSERT OR IGNORE INTO kafka_txn_groups (cluster_id, transactional_id, group_id) VALUES (?, ?, ?)').run(cluster, tid, groupId);
      return TxnError.NONE;
    });
  }

  /** TxnOffsetCommit: offsets kept with the transaction, the group's only when it commits. */
  commitOffsets(cluster: string, tid: string, producerId: number, epoch: number, groupId: string, offsets: Array<TopicPartitionRef & { offset: number; metadata: string | null }>): number {
    return this.asCurrentProducer(cluster, tid, producerId, epoch, (row) => {
      const added = this.sql.get('SELECT 1 FROM kafka_txn_groups WHERE cluster_id = ? AND transactional_id = ? AND group_id = ?').get(cluster, tid, groupId);
      if (row.state !== 'Ongoing' || !added) return TxnError.INVALID_TXN_STATE;
      const upsert = this.sql.get(
        `INSERT INTO kafka_txn_offsets (cluster_id, transactional_id, group_id, topic, partition, offset, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (cluster_id, transactional_id, group_id, topic, partition) DO UPDATE SET offset = excluded.offset, metadata = excluded.metadata`,
      );
      for (const o of offsets) upsert.run(cluster, tid, groupId, o.topic, o.partition, o.offset, o.metadata ?? '');
      return TxnError.NONE;
    });
  }

  /**
   * EndTxn: commits or aborts the open transaction. Ending it again the same way answers NONE (a
   * retry), the other way or with none open INVALID_TXN_STATE.
   */
  endTxn(cluster: string, tid: string, producerId: number, epoch: number, commit: boolean): number {
    return this.asCurrentProducer(cluster, tid, producerId, epoch, (row) => {
      if (row.state === 'Ongoing') {
        this.complete(cluster, tid, row, commit);
        return TxnError.NONE;
      }
      if (row.state === (commit ? 'CompleteCommit' : 'CompleteAbort')) return TxnError.NONE;
      return TxnError.INVALID_TXN_STATE;
    });
  }

  /**
   * Ends the open transaction: a control record on each of its partitions, the aborted ranges
   * remembered for read_committed fetches, a commit's offsets made the groups'.
   */
  private complete(cluster: string, tid: string, row: TransactionalIdRow, commit: boolean): void {
    const log = recordLogOf(this.rt);
    const partitions = this.sql
      .get('SELECT topic, partition, first_offset FROM kafka_txn_partitions WHERE cluster_id = ? AND transactional_id = ? ORDER BY topic, partition')
      .all(cluster, tid) as Array<{ topic: string; partition: number; first_offset: number | null }>;
    const now = this.rt.clock.now();
    for (const p of partitions) {
      const topic = this.rt.kafka.topic(cluster, p.topic);
      if (!topic || p.partition >= topic.partitions) continue;
      const [marker] = log.append(cluster, topic, [{ partition: p.partition, timestamp: now, key: controlRecordKey(commit), value: CONTROL_RECORD_VALUE, headers: [] }]);
      this.recordBatch(cluster, p.topic, p.partition, marker.offset, marker.offset, row.producer_id, row.producer_epoch, true);
      if (!commit && p.first_offset !== null) {
        this.sql
          .get('INSERT OR REPLACE INTO kafka_aborted_txns (cluster_id, topic, partition, last_offset, first_offset, producer_id) VALUES (?, ?, ?, ?, ?, ?)')
          .run(cluster, p.topic, p.partition, marker.offset, p.first_offset, row.producer_id);
      }
      this.mirrorRows(cluster, p.topic, p.partition, marker.offset, marker.offset);
    }
    if (commit) {
      const offsets = this.sql
        .get('SELECT group_id, topic, partition, offset, metadata FROM kafka_txn_offsets WHERE cluster_id = ? AND transactional_id = ? ORDER BY group_id')
        .all(cluster, tid) as Array<{ group_id: string; topic: string; partition: number; offset: number; metadata: string }>;
      const byGroup = new Map<string, typeof offsets>();
      for (const o of offsets) byGroup.set(o.group_id, [...(byGroup.get(o.group_id) ?? []), o]);
      for (const [group, list] of byGroup) this.rt.kafka.commit(cluster, group, list, now);
    }
    for (const table of ['kafka_txn_partitions', 'kafka_txn_groups', 'kafka_txn_offsets']) {
      this.sql.get(`DELETE FROM ${table} WHERE cluster_id = ? AND transactional_id = ?`).run(cluster, tid);
    }
    this.sql.get('UPDATE kafka_transactional_ids SET state = ?, started_at = NULL WHERE cluster_id = ? AND transactional_id = ?').run(commit ? 'CompleteCommit' : 'CompleteAbort', cluster, tid);
  }

  private recordBatch(cluster: string, topic: string, partition: number, first: number, last: number, producerId: number, epoch: number, control: boolean): void {
    this.sql
      .get('INSERT OR REPLACE INTO kafka_txn_batches (cluster_id, topic, partition, first_offset, last_offset, producer_id, producer_epoch, control) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(cluster, topic, partition, first, last, producerId, epoch, control ? 1 : 0);
  }

  /**
   * Whether a transactional batch of (producerId, epoch) may be appended to the partition: the
   * producer must be the id's current one (INVALID_PRODUCER_EPOCH for a fenced one) and the
   * partition added to its open transaction (INVALID_TXN_STATE otherwise, as Kafka's
   * transaction verification answers).
   */
  checkProduce(cluster: string, tid: string, producerId: number, epoch: number, topic: string, partition: number): { errorCode: number; message: string } | undefined {
    this.expireOverdue();
    const row = this.row(cluster, tid);
    const error = this.check(row, producerId, epoch);
    if (error === TxnError.PRODUCER_FENCED) return { errorCode: TxnError.INVALID_PRODUCER_EPOCH, message: `Producer ${producerId} with epoch ${epoch} is fenced by a newer producer of transactional id ${tid}` };
    if (error) return { errorCode: error, message: `Producer ${producerId} is not the producer of transactional id ${tid}` };
    const added = this.sql.get('SELECT 1 FROM kafka_txn_partitions WHERE cluster_id = ? AND transactional_id = ? AND topic = ? AND partition = ?').get(cluster, tid, topic, partition);
    if (row!.state !== 'Ongoing' || !added) return { errorCode: TxnError.INVALID_TXN_STATE, message: `Partition ${topic}-${partition} was not added to the transaction of ${tid}` };
    return undefined;
  }

  /** Remembers a transactional batch appended at [first, last] (the transaction's first offset there too). */
  recordAppend(cluster: string, tid: string, producerId: number, epoch: number, topic: string, partition: number, first: number, last: number): void {
    this.recordBatch(cluster, topic, partition, first, last, producerId, epoch, false);
    this.sql
      .get('UPDATE kafka_txn_partitions SET first_offset = ? WHERE cluster_id = ? AND transactional_id = ? AND topic = ? AND partition = ? AND first_offset IS NULL')
      .run(first, cluster, tid, topic, partition);
    this.mirrorRows(cluster, topic, partition, first, last);
  }

  /**
   * The topic's mirrors copied the records at once, while they were appended (before these rows
   * were written): the mirrors that hold the offsets get the rows too, and their own mirrors.
   */
  private mirrorRows(cluster: string, topic: string, partition: number, first: number, last: number, seen = new Set<string>()): void {
    const key = `${cluster}\0${topic}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const m of recordLogOf(this.rt).mirroring.store.mirrorsOf(cluster, topic)) {
      if (this.rt.kafka.endOffset(m.cluster_id, m.mirror_topic_name, partition) <= last) continue;
      copyTransactionalRanges(this.rt, cluster, topic, m.cluster_id, m.mirror_topic_name, partition, first, last + 1);
      this.mirrorRows(m.cluster_id, m.mirror_topic_name, partition, first, last, seen);
    }
  }

  /** The last stable offset: the first offset of the partition's earliest open transaction, else the high watermark. */
  lastStableOffset(cluster: string, topic: string, partition: number, highWatermark: number): number {
    const r = this.sql.get('SELECT MIN(first_offset) AS o FROM kafka_txn_partitions WHERE cluster_id = ? AND topic = ? AND partition = ? AND first_offset IS NOT NULL').get(cluster, topic, partition) as {
      o: number | null;
    };
    return r.o === null ? highWatermark : Math.min(r.o, highWatermark);
  }

  /** The aborted transactions whose records overlap [from, to], by first offset (what Fetch returns to read_committed consumers). */
  abortedTransactions(cluster: string, topic: string, partition: number, from: number, to: number): AbortedTxn[] {
    return (
      this.sql
        .get('SELECT producer_id, first_offset FROM kafka_aborted_txns WHERE cluster_id = ? AND topic = ? AND partition = ? AND last_offset >= ? AND first_offset <= ? ORDER BY first_offset')
        .all(cluster, topic, partition, from, to) as Array<{ producer_id: number; first_offset: number }>
    ).map((r) => ({ producerId: r.producer_id, firstOffset: r.first_offset }));
  }

  /** The transactional batches (data and control) overlapping [from, to], in offset order. */
  batchesIn(cluster: string, topic: string, partition: number, from: number, to: number): TxnBatch[] {
    const rows = this.sql
      .get(
        `SELECT * FROM (SELECT first_offset, last_offset, producer_id, producer_epoch, control FROM kafka_txn_batches WHERE cluster_id = @cluster AND topic = @topic AND partition = @partition AND first_offset < @from ORDER BY first_offset DESC LIMIT 1)
         UNION ALL
         SELECT first_offset, last_offset, producer_id, producer_epoch, control FROM kafka_txn_batches WHERE cluster_id = @cluster AND topic = @topic AND partition = @partition AND first_offset BETWEEN @from AND @to`,
      )
      .all({ cluster, topic, partition, from, to }) as Array<{ first_offset: number; last_offset: number; producer_id: number; producer_epoch: number; control: number }>;
    return rows
      .filter((r) => r.last_offset >= from)
      .sort((a, b) => a.first_offset - b.first_offset)
      .map((r) => ({ firstOffset: r.first_offset, lastOffset: r.last_offset, producerId: r.producer_id, producerEpoch: r.producer_epoch, control: r.control === 1 }));
  }

  /** The offsets of control records in [from, to]: REST readers skip them, as Kafka consumers do. */
  controlOffsets(cluster: string, topic: string, partition: number, from: number, to: number): Set<number> {
    const rows = this.sql
      .get('SELECT first_offset FROM kafka_txn_batches WHERE cluster_id = ? AND topic = ? AND partition = ? AND first_offset BETWEEN ? AND ? AND control = 1')
      .all(cluster, topic, partition, from, to) as Array<{ first_offset: number }>;
    return new Set(rows.map((r) => r.first_offset));
  }

  /**
   * The data records among `records` (one partition's, read in offset order): transaction markers
   * are not records to any reader (Kafka consumers, REST Proxy, Flink, the console).
   */
  dataRecords<R extends { offset: number }>(cluster: string, topic: string, partition: number, records: R[]): R[] {
    if (records.length === 0) return records;
    const markers = this.controlOffsets(cluster, topic, partition, records[0].offset, records[records.length - 1].offset);
    return markers.size === 0 ? records : records.filter((r) => !markers.has(r.offset));
  }

  /**
   * Aborts every transaction open past its timeout (wall clock), bumping its epoch as Kafka's
   * coordinator does, so that the producer learns it was fenced on its next request.
   */
  expireOverdue(): void {
    // Nothing can be overdue before the earliest deadline the timer knows (the store is asked only after it).
    if (Date.now() < this.timerAt) return;
    this.sweep();
  }

  private sweep(): void {
    if (!this.rt.db.open) return;
    const now = Date.now();
    const overdue = this.sql
      .get("SELECT cluster_id, transactional_id FROM kafka_transactional_ids WHERE state = 'Ongoing' AND started_at + timeout_ms <= ?")
      .all(now) as Array<{ cluster_id: string; transactional_id: string }>;
    if (!overdue.length) return;
    this.rt.tx(() => {
      for (const o of overdue) {
        const row = this.row(o.cluster_id, o.transactional_id)!;
        const bumped = { ...row, producer_epoch: Math.min(row.producer_epoch + 1, MAX_EPOCH) };
        this.sql.get('UPDATE kafka_transactional_ids SET producer_epoch = ? WHERE cluster_id = ? AND transactional_id = ?').run(bumped.producer_epoch, o.cluster_id, o.transactional_id);
        this.complete(o.cluster_id, o.transactional_id, bumped, false);
      }
    });
  }

  /** Wakes up at the earliest open transaction's deadline (an unreferenced timer: it never keeps the process alive). */
  private scheduleExpiry(): void {
    if (!this.rt.db.open) return;
    const r = this.sql.get("SELECT MIN(started_at + timeout_ms) AS at FROM kafka_transactional_ids WHERE state = 'Ongoing'").get() as { at: number | null };
    if (r.at === null || r.at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = r.at;
    this.timer = setTimeout(() => {
      this.timerAt = Infinity;
      this.timer = undefined;
      this.sweep();
      this.scheduleExpiry();
    }, Math.max(0, r.at - Date.now()) + 5);
    this.timer.unref();
  }
}

/**
 * A mirror topic copies its source's offsets one for one: the source's transactional batches and
 * aborted transactions of [from, to) are copied with them, so that the mirror's control records
 * stay control records and read_committed consumers of the mirror drop the same records.
 */
export function copyTransactionalRanges(rt: Runtime, sourceCluster: string, sourceTopic: string, cluster: string, topic: string, partition: number, from: number, to: number): void {
  if (from >= to) return;
  const sql = transactionsOf(rt).statements;
  sql
    .get(
      `INSERT OR REPLACE INTO kafka_txn_batches (cluster_id, topic, partition, first_offset, last_offset, producer_id, producer_epoch, control)
       SELECT ?, ?, partition, first_offset, MIN(last_offset, ? - 1), producer_id, producer_epoch, control FROM kafka_txn_batches
       WHERE cluster_id = ? AND topic = ? AND partition = ? AND first_offset >= ? AND first_offset < ?`,
    )
    .run(cluster, topic, to, sourceCluster, sourceTopic, partition, from, to);
  sql
    .get(
      `INSERT OR REPLACE INTO kafka_aborted_txns (cluster_id, topic, partition, last_offset, first_offset, producer_id)
       SELECT ?, ?, partition, last_offset, first_offset, producer_id FROM kafka_aborted_txns
       WHERE cluster_id = ? AND topic = ? AND partition = ? AND last_offset >= ? AND last_offset < ?`,
    )
    .run(cluster, topic, sourceCluster, sourceTopic, partition, from, to);
}

const coordinators = new WeakMap<Runtime, TransactionCoordinator>();

/** The runtime's one transaction coordinator, shared by every transport. */
export function transactionsOf(rt: Runtime): TransactionCoordinator {
  let c = coordinators.get(rt);
  if (!c) coordinators.set(rt, (c = new TransactionCoordinator(rt)));
  return c;
}
