import { randomUUID } from 'node:crypto';
import type { KafkaStore } from '../../../store/kafka.js';
import { kafkaError } from '../errors.js';

export interface TopicPartition {
  topic: string;
  partition: number;
}

export interface ConsumerInstance {
  org: string;
  cluster: string;
  group: string;
  name: string;
  format: string;
  autoOffsetReset: 'earliest' | 'latest' | 'none';
  autoCommit: boolean;
  /** Longest time a fetch waits for records, in ms. */
  requestTimeoutMs: number;
  /** Subscribed topic names, or a pattern; mutually exclusive with assignments. */
  topics: string[];
  pattern: RegExp | null;
  assignments: TopicPartition[];
  /** Next offset to fetch, by `topic/partition`. */
  positions: Map<string, number>;
}

export const tpKey = (topic: string, partition: number) => `${topic}/${partition}`;

const DEFAULT_REQUEST_TIMEOUT_MS = 1000;

export const consumerNotFound = (name: string) => kafkaError(404, 40403, `Consumer instance ${name} not found.`);

/**
 * REST Proxy v2 consumer instances. They are state of one proxy process, as in REST Proxy itself:
 * they live in memory and end with the process. What they commit goes to the store, where Kafka
 * REST v3's consumer-group lag reads it.
 */
/** The embedded formats of REST Proxy v2. */
const FORMATS = ['binary', 'json', 'avro', 'protobuf', 'jsonschema'];

export class ConsumerInstances {
  private readonly instances = new Map<string, ConsumerInstance>();

  constructor(private readonly kafka: KafkaStore) {}

  private key = (cluster: string, group: string, name: string) => `${cluster}\u0000${group}\u0000${name}`;

  create(org: string, cluster: string, group: string, config: Record<string, string | undefined>): ConsumerInstance {
    const name = config.name ?? `rest-consumer-${randomUUID()}`;
    if (this.instances.has(this.key(cluster, group, name))) throw kafkaError(409, 40902, `Consumer instance with the specified name ${name} already exists.`);
    const format = config.format ?? 'binary';
    if (!FORMATS.includes(format)) throw kafkaError(422, 42204, `Unknown format ${format}; use binary, json, avro, protobuf or jsonschema.`);
    const timeout = config['consumer.request.timeout.ms'] === undefined ? DEFAULT_REQUEST_TIMEOUT_MS : Number(config['consumer.request.timeout.ms']);
    if (!Number.isInteger(timeout) || timeout < 0) throw kafkaError(422, 42204, 'consumer.request.timeout.ms must be a non-negative integer.');
    const instance: ConsumerInstance = {
      org,
      cluster,
      group,
      name,
      format,
      autoOffsetReset: (config['auto.offset.reset'] as ConsumerInstance['autoOffsetReset']) ?? 'latest',
      autoCommit: config['auto.commit.enable'] !== 'false',
      requestTimeoutMs: timeout,
      topics: [],
      pattern: null,
      assignments: [],
      positions: new Map(),
    };
    this.instances.set(this.key(cluster, group, name), instance);
    return instance;
  }

  get(cluster: string, group: string, name: string): ConsumerInstance {
    const instance = this.instances.get(this.key(cluster, group, name));
    if (!instance) throw consumerNotFound(name);
    return instance;
  }

  delete(instance: ConsumerInstance): void {
    this.instances.delete(this.key(instance.cluster, instance.group, instance.name));
  }

  /** The groups with live instances on a cluster. */
  groups(cluster: string): string[] {
    return [...new Set([...this.instances.values()].filter((i) => i.cluster === cluster).map((i) => i.group))];
  }

  /** The instances of a group, by name, so that partitions are shared out deterministically. */
  members(cluster: string, group: string): ConsumerInstance[] {
    return [...this.instances.values()].filter((i) => i.cluster === cluster && i.group === group).sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The partitions an instance reads: its manual assignment, or its share of the partitions of the
   * topics its group's subscribed members want, dealt out round-robin over the members in name
   * order (a fixed stand-in for the group coordinator's rebalance).
   */
  partitionsOf(instance: ConsumerInstance): TopicPartition[] {
    if (instance.assignments.length) return instance.assignments;
    const subscribed = this.members(instance.cluster, instance.group).filter((m) => m.topics.length || m.pattern);
    const me = subscribed.indexOf(instance);
    if (me < 0) return [];
    const all: TopicPartition[] = [];
    for (const t of this.kafka.topics(instance.cluster)) {
      if (!subscribed.some((m) => wants(m, t.name))) continue;
      for (let p = 0; p < t.partitions; p++) all.push({ topic: t.name, partition: p });
    }
    return all.filter((tp, i) => i % subscribed.length === me && wants(instance, tp.topic));
  }

  /** Where the next fetch of a partition starts: a seek, else the group's commit, else auto.offset.reset. */
  position(instance: ConsumerInstance, tp: TopicPartition): number {
    const key = tpKey(tp.topic, tp.partition);
    const known = instance.positions.get(key);
    if (known !== undefined) return known;
    const committed = this.kafka.committed(instance.cluster, instance.group).find((c) => c.topic === tp.topic && c.partition === tp.partition);
    let start: number;
    if (committed) start = committed.offset;
    else if (instance.autoOffsetReset === 'earliest') start = 0;
    else if (instance.autoOffsetReset === 'latest') start = this.kafka.endOffset(instance.cluster, tp.topic, tp.partition);
    else throw kafkaError(500, 50002, `No committed offset for ${tp.topic}-${tp.partition} and auto.offset.reset is none.`);
    instance.positions.set(key, start);
    return start;
  }
}

const wants = (m: ConsumerInstance, topic: string) => m.topics.includes(topic) || (m.pattern !== null && m.pattern.test(topic));
