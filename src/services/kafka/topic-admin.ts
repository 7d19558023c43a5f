import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { isTopicConfig, READ_ONLY_TOPIC_CONFIGS, TOPIC_CONFIG_DEFAULTS } from './config-catalog.js';
import type { Mirroring } from './mirroring.js';
import { partitionLimit } from './partition-limit.js';

export const DEFAULT_PARTITIONS = 6;
/** Confluent Cloud runs every topic with three replicas and accepts no other factor. */
export const REPLICATION_FACTOR = 3;
export const MAX_PARTITIONS = 4096;
export const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Why a topic operation is refused, in terms each transport maps to its own error. */
export type TopicErrorKind = 'INVALID_TOPIC' | 'TOPIC_EXISTS' | 'INVALID_PARTITIONS' | 'INVALID_REPLICATION_FACTOR' | 'INVALID_CONFIG' | 'UNKNOWN_TOPIC' | 'MIRROR_TOPIC' | 'POLICY_VIOLATION';

export class TopicError extends Error {
  constructor(
    readonly kind: TopicErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface NewTopic {
  name: string;
  partitions?: number;
  replicationFactor?: number;
  configs?: Array<{ name: string; value?: string | null }>;
  validateOnly?: boolean;
}

/** Validates create-time configs: known names, writable, string values. */
export function configsOf(input: Array<{ name: string; value?: string | null }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of input ?? []) {
    if (!isTopicConfig(c.name)) throw new TopicError('INVALID_CONFIG', `Unknown topic config name: ${c.name}`);
    if (READ_ONLY_TOPIC_CONFIGS.has(c.name)) throw new TopicError('INVALID_CONFIG', `Config ${c.name} cannot be set on Confluent Cloud.`);
    if (c.value !== undefined && c.value !== null) out[c.name] = String(c.value);
  }
  return out;
}

/** Kafka's config operations (IncrementalAlterConfigs); APPEND and SUBTRACT act on list values. */
export type ConfigOperation = 'SET' | 'DELETE' | 'APPEND' | 'SUBTRACT';

export interface ConfigChange {
  name: string;
  operation: ConfigOperation;
  value: string | null;
}

/** Checks that a config may be changed: a known topic config that Confluent Cloud lets clients set. */
function writableConfig(name: string): void {
  if (!isTopicConfig(name)) throw new TopicError('INVALID_CONFIG', `Unknown topic config name: ${name}`);
  if (READ_ONLY_TOPIC_CONFIGS.has(name)) throw new TopicError('INVALID_CONFIG', `Config ${name} cannot be altered on Confluent Cloud.`);
}

const listOf = (value: string | undefined) => (value ? value.split(',').filter((v) => v !== '') : []);

/**
 * Topic creation, partition increases, config changes and deletion for every transport (Kafka REST v3 and the
 * Kafka protocol): the same name rules, partition bounds, replication factor and config checks.
 */
export class TopicAdmin {
  constructor(
    private readonly rt: Runtime,
    private readonly mirroring: Mirroring,
  ) {}

  /** Creates a topic (or only checks it with `validateOnly`); throws TopicError. */
  create(cluster: string, t: NewTopic): TopicRow {
    const name = t.name;
    if (!LEGAL_TOPIC_NAME.test(name) || name === '.' || name === '..') {
      throw new TopicError('INVALID_TOPIC', `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
    }
    if (this.rt.kafka.topic(cluster, name)) throw new TopicError('TOPIC_EXISTS', `Topic '${name}' already exists.`);
    const partitions = t.partitions ?? DEFAULT_PARTITIONS;
    if (partitions < 1 || partitions > MAX_PARTITIONS) throw new TopicError('INVALID_PARTITIONS', `Number of partitions must be between 1 and ${MAX_PARTITIONS}.`);
    this.checkClusterPartitions(cluster, partitions);
    const rf = t.replicationFactor ?? REPLICATION_FACTOR;
    if (rf !== REPLICATION_FACTOR) throw new TopicError('INVALID_REPLICATION_FACTOR', `Replication factor: ${rf} is not allowed; Confluent Cloud uses ${REPLICATION_FACTOR}.`);
    const configs = configsOf(t.configs);
    if (t.validateOnly) return { cluster_id: cluster, name, topic_id: '', partitions, replication_factor: rf, configs, created_at: this.rt.clock.now() };
    return this.rt.tx(() => this.rt.kafka.createTopic(cluster, name, partitions, rf, configs, this.rt.clock.now()));
  }

  /** Raises a topic's partition count; throws TopicError. */
  increasePartitions(cluster: string, topic: TopicRow, wanted: number, validateOnly = false): void {
    if (this.mirroring.readOnlyReason(cluster, topic.name)) throw new TopicError('MIRROR_TOPIC', `Topic '${topic.name}' is a mirror topic: its partitions follow its source topic.`);
    if (wanted === topic.partitions) throw new TopicError('INVALID_PARTITIONS', `Topic already has ${topic.partitions} partitions.`);
    if (wanted < topic.partitions) throw new TopicError('INVALID_PARTITIONS', `Topic currently has ${topic.partitions} partitions, which is higher than the requested ${wanted}.`);
    if (wanted > MAX_PARTITIONS) throw new TopicError('INVALID_PARTITIONS', `Number of partitions must be between 1 and ${MAX_PARTITIONS}.`);
    this.checkClusterPartitions(cluster, wanted - topic.partitions);
    if (!validateOnly) this.rt.tx(() => this.rt.kafka.setPartitions(cluster, topic.name, wanted));
  }

  /** Refuses `added` more partitions when the cluster would hold more than its type allows. */
  private checkClusterPartitions(cluster: string, added: number): void {
    const limit = partitionLimit(this.rt, cluster);
    const current = this.rt.kafka.partitionCount(cluster);
    if (current + added > limit) {
      throw new TopicError('POLICY_VIOLATION', `Adding ${added} partitions would exceed the cluster's partition limit of ${limit} (it has ${current}).`);
    }
  }

  /**
   * Changes a topic's configs with Kafka REST v3's rules (known names, none read-only), every
   * change checked before any is applied. `replace` is AlterConfigs' meaning: the configs given
   * become the topic's whole set of overrides, the others return to their defaults.
   */
  alterConfigs(cluster: string, topic: TopicRow, changes: ConfigChange[], options: { replace?: boolean; validateOnly?: boolean } = {}): Record<string, string> {
    const next: Record<string, string> = options.replace ? {} : { ...topic.configs };
    for (const c of changes) {
      writableConfig(c.name);
      const current = next[c.name] ?? TOPIC_CONFIG_DEFAULTS[c.name];
      switch (c.operation) {
        case 'DELETE':
          delete next[c.name];
          break;
        case 'APPEND':
          next[c.name] = [...new Set([...listOf(current), ...listOf(c.value ?? '')])].join(',');
          break;
        case 'SUBTRACT': {
          const removed = new Set(listOf(c.value ?? ''));
          next[c.name] = listOf(current).filter((v) => !removed.has(v)).join(',');
          break;
        }
        default:
          if (c.value === null) throw new TopicError('INVALID_CONFIG', `Config ${c.name} needs a value.`);
          next[c.name] = c.value;
      }
    }
    if (!options.validateOnly) this.rt.tx(() => this.rt.kafka.setConfigs(cluster, topic.name, next));
    return next;
  }

  /** Deletes a topic with its records, committed offsets and mirror state. */
  delete(cluster: string, name: string): void {
    this.rt.tx(() => {
      this.rt.kafka.deleteTopic(cluster, name);
      this.mirroring.store.deleteMirror(cluster, name);
    });
  }
}
