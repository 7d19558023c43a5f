import type { Runtime } from '../../runtime.js';
import type { NewRecord, StoredRecord, TopicRow } from '../../store/kafka.js';
import { TOPIC_CONFIG_DEFAULTS } from './config-catalog.js';
import { Mirroring } from './mirroring.js';

export type TimestampType = 'CreateTime' | 'LogAppendTime';

/** A topic config's value, or its default. */
export const topicConfig = (topic: TopicRow, name: string): string => topic.configs[name] ?? TOPIC_CONFIG_DEFAULTS[name];

/**
 * Appending to a topic, whatever the transport (Kafka REST v3, REST Proxy v2, the Kafka protocol):
 * the topic's size limit, the mirror-topic read-only rule, the timestamp the topic keeps
 * (`message.timestamp.type`), one transaction per append, and the mirrors fed in it.
 */
export class RecordLog {
  constructor(
    private readonly rt: Runtime,
    readonly mirroring: Mirroring,
  ) {}

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
    return this.rt.tx(() => {
      const appended = this.rt.kafka.append(cluster, topic.name, stamped);
      this.mirroring.propagate(cluster, topic.name);
      return appended;
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
