import type { Statement } from 'better-sqlite3';
import type { Runtime } from '../../runtime.js';
import { Statements } from '../../store/db.js';
import type { NewRecord, StoredRecord, TopicRow } from '../../store/kafka.js';
import { TOPIC_CONFIG_DEFAULTS } from './config-catalog.js';
import { Mirroring } from './mirroring.js';

/** Shared by records without headers: never changed. */
const NO_HEADERS: StoredRecord['headers'] = [];

export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** A record as a Kafka protocol batch carries it (headers with byte values). */
export interface ProtocolRecord {
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: ReadonlyArray<{ key: string; value: Buffer | null }>;
}

const INSERT_RECORD = 'INSERT INTO kafka_records (cluster_id, topic, partition, offset, timestamp, key, value, headers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';

/** A protocol record's headers in the stored form (values base64), or null for none. */
const storedHeaders = (headers: ProtocolRecord['headers']): string | null =>
  headers.length ? JSON.stringify(headers.map((h) => ({ name: h.key, value: h.value === null ? null : h.value.toString('base64') }))) : null;

/** A topic config's value, or its default. */
export const topicConfig = (topic: TopicRow, name: string): string => topic.configs[name] ?? TOPIC_CONFIG_DEFAULTS[name];

/**
 * Appending to a topic, whatever the transport (Kafka REST v3, REST Proxy v2, the Kafka protocol):
 * the topic's size limit, the mirror-topic read-only rule, the timestamp the topic keeps
 * (`message.timestamp.type`), one transaction per append, and the mirrors fed in it.
 */
export class RecordLog {
  private readonly sql: Statements;
  private readonly waiters = new Set<(cluster: string, topic: string) => void>();
  private fetchStatement?: Statement;
  private insertStatement?: Statement;

  constructor(
    private readonly rt: Runtime,
    readonly mirroring: Mirroring,
  ) {
    this.sql = new Statements(rt.db);
  }

  /** Calls fn after each append (a long-polling fetch waits on it); returns the unsubscribe. */
  onAppend(fn: (cluster: string, topic: string) => void): () => void {
    this.waiters.add(fn);
    return () => this.waiters.delete(fn);
  }

  /** The first offset still stored in a partition (its log start offset). */
  logStartOffset(cluster: string, topic: string, partition: number): number {
    const r = this.sql.get('SELECT MIN(offset) AS o FROM kafka_records WHERE cluster_id = ? AND topic = ? AND partition = ?').get(cluster, topic, partition) as { o: number | null };
    return r.o ?? this.rt.kafka.endOffset(cluster, topic, partition);
  }

  /**
   * Kafka's DeleteRecords: the partition's records below `before` go and its log start offset
   * (low watermark) moves there; an offset at or below the current start changes nothing.
   * Answers the new log start offset. The caller has checked `before` against the end offset.
   */
  deleteRecords(cluster: string, topic: string, partition: number, before: number): number {
    const start = this.logStartOffset(cluster, topic, partition);
    if (before > start) this.rt.tx(() => this.rt.kafka.deleteBefore(cluster, topic, partition, before));
    return this.logStartOffset(cluster, topic, partition);
  }

  /** The high watermark: the offset the next record gets. */
  endOffset(cluster: string, topic: string, partition: number): number {
    return this.rt.kafka.endOffset(cluster, topic, partition);
  }

  /** The earliest record whose timestamp is at or after `timestamp` (ListOffsets by time), or undefined. */
  offsetForTimestamp(cluster: string, topic: string, partition: number, timestamp: number): { offset: number; timestamp: number } | undefined {
    return this.sql
      .get('SELECT offset, timestamp FROM kafka_records WHERE cluster_id = ? AND topic = ? AND partition = ? AND timestamp >= ? ORDER BY offset LIMIT 1')
      .get(cluster, topic, partition, timestamp) as { offset: number; timestamp: number } | undefined;
  }

  /** The record with the largest timestamp (ListOffsets MAX_TIMESTAMP), or undefined. */
  maxTimestamp(cluster: string, topic: string, partition: number): { offset: number; timestamp: number } | undefined {
    return this.sql
      .get('SELECT offset, timestamp FROM kafka_records WHERE cluster_id = ? AND topic = ? AND partition = ? ORDER BY timestamp DESC, offset LIMIT 1')
      .get(cluster, topic, partition) as { offset: number; timestamp: number } | undefined;
  }

  /** Up to `limit` records from `offset` on (the rows themselves, headers parsed in place). */
  read(cluster: string, topic: string, partition: number, offset: number, limit: number): StoredRecord[] {
    const rows = this.sql
      .get('SELECT partition, offset, timestamp, key, value, headers FROM kafka_records WHERE cluster_id = ? AND topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?')
      .all(cluster, topic, partition, offset, limit) as Array<Omit<StoredRecord, 'headers'> & { headers: string | null | StoredRecord['headers'] }>;
    for (const r of rows) r.headers = r.headers ? JSON.parse(r.headers as string) : [];
    return rows as StoredRecord[];
  }

  /**
   * `read` for the Kafka protocol's Fetch: the same records, fetched as row arrays (cheaper than
   * objects with named fields in better-sqlite3) and given one fixed shape.
   */
  readForFetch(cluster: string, topic: string, partition: number, offset: number, limit: number): StoredRecord[] {
    let stmt = this.fetchStatement;
    if (!stmt) {
      stmt = this.fetchStatement = this.rt.db.prepare('SELECT offset, timestamp, key, value, headers FROM kafka_records WHERE cluster_id = ? AND topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?').raw(true);
    }
    const rows = stmt.all(cluster, topic, partition, offset, limit) as Array<[number, number, Buffer | null, Buffer | null, string | null]>;
    const out: StoredRecord[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      out[i] = { partition, offset: r[0], timestamp: r[1], key: r[2], value: r[3], headers: r[4] ? JSON.parse(r[4]) : NO_HEADERS };
    }
    return out;
  }

  /** The topic's `max.message.bytes`. */
  maxMessageBytes(topic: TopicRow): number {
    return Number(topicConfig(topic, 'max.message.bytes'));
  }

  /** The bytes a record counts against `max.message.bytes` (key, value, header names and values). */
  static recordSize(r: Pick<NewRecord, 'key' | 'value' | 'headers'>): number {
    return (r.key?.length ?? 0) + (r.value?.length ?? 0) + (r.headers ?? []).reduce((n, h) => n + h.name.length + (h.value ? Buffer.byteLength(h.value, 'base64') : 0), 0);
  }

  tooLarge(topic: TopicRow, r: Pick<NewRecord, 'key' | 'value' | 'headers'>): boolean {
    return RecordLog.recordSize(r) > this.maxMessageBytes(topic);
  }

  /** Why the topic takes no records (a mirror topic that is not stopped), or undefined. */
  readOnlyReason(cluster: string, topic: string): string | undefined {
    return this.mirroring.readOnlyReason(cluster, topic);
  }

  timestampType(topic: TopicRow): TimestampType {
    return topicConfig(topic, 'message.timestamp.type') === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime';
  }

  /**
   * Stores records in one transaction and copies them to the topic's active mirrors. A topic
   * with LogAppendTime stamps every record with the broker's (the emulator clock's) time.
   * The caller has checked the read-only rule and the sizes.
   */
  append(cluster: string, topic: TopicRow, records: NewRecord[]): StoredRecord[] {
    if (!records.length) return [];
    const now = this.rt.clock.now();
    const stamped = this.timestampType(topic) === 'LogAppendTime' ? records.map((r) => ({ ...r, timestamp: now })) : records;
    return this.writeRecords(cluster, topic.name, () => this.rt.kafka.append(cluster, topic.name, stamped));
  }

  /**
   * Runs `write` (the inserts of one append) in one transaction with the copy to the topic's
   * active mirrors, then wakes the long-polling fetches of the topic.
   */
  private writeRecords<T>(cluster: string, topic: string, write: () => T): T {
    const written = this.rt.tx(() => {
      const result = write();
      this.mirroring.propagate(cluster, topic);
      return result;
    });
    for (const fn of this.waiters) fn(cluster, topic);
    return written;
  }

  /**
   * `append` for the Kafka protocol's Produce, which stores every record a producer sends: one
   * partition's records as decoded from their batches go straight into the insert, without the
   * two objects per record that `append` builds and answers. The same rules otherwise: a record
   * without a timestamp (-1) gets `now`, LogAppendTime topics stamp every record with it, offsets
   * follow the partition's end, one transaction (nested in the caller's), mirrors fed, long-polling
   * fetches told. Answers the first record's offset (the end offset when there is none) and the
   * timestamp it was stored with.
   */
  appendProtocolRecords(cluster: string, topic: TopicRow, partition: number, records: readonly ProtocolRecord[], now: number): { baseOffset: number; firstTimestamp: number } {
    const kafka = this.rt.kafka;
    if (!records.length) return { baseOffset: kafka.endOffset(cluster, topic.name, partition), firstTimestamp: now };
    const logAppendTime = this.timestampType(topic) === 'LogAppendTime';
    const insert = (this.insertStatement ??= this.rt.db.prepare(INSERT_RECORD));
    const name = topic.name;
    return this.writeRecords(cluster, name, () => {
      const base = kafka.endOffset(cluster, name, partition);
      for (let i = 0; i < records.length; i++) {
        const r = records[i];
        const timestamp = logAppendTime || r.timestamp < 0 ? now : r.timestamp;
        insert.run(cluster, name, partition, base + i, timestamp, r.key, r.value, storedHeaders(r.headers));
      }
      return { baseOffset: base, firstTimestamp: logAppendTime || records[0].timestamp < 0 ? now : records[0].timestamp };
    });
  }
}

const logs = new WeakMap<Runtime, RecordLog>();

/** The runtime's one record log (and its mirroring), shared by every transport. */
export function recordLogOf(rt: Runtime): RecordLog {
  let log = logs.get(rt);
  if (!log) logs.set(rt, (log = new RecordLog(rt, new Mirroring(rt))));
  return log;
}
