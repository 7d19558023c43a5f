import { mayKafka, type HandlerMap, type RequestContext } from '../../engine/types.js';
import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { invalidKafkaRequest, kafkaError } from './errors.js';
import { isTopicConfig, READ_ONLY_TOPIC_CONFIGS } from './config-catalog.js';
import type { Mirroring } from './mirroring.js';
import { queryFlag } from '../../engine/query.js';

const DEFAULT_PARTITIONS = 6;
/** Confluent Cloud runs every topic with three replicas and accepts no other factor. */
const REPLICATION_FACTOR = 3;
const MAX_PARTITIONS = 4096;
export const LEGAL_TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

export function renderTopic(scope: ClusterScope, t: TopicRow) {
  const { links } = scope;
  return {
    kind: 'KafkaTopic',
    metadata: { self: links.url('topics', t.name), resource_name: links.crn(['topic', t.name]) },
    cluster_id: scope.id,
    topic_name: t.name,
    is_internal: false,
    replication_factor: t.replication_factor,
    partitions_count: t.partitions,
    partitions: links.related('topics', t.name, 'partitions'),
    configs: links.related('topics', t.name, 'configs'),
    partition_reassignments: links.related('topics', t.name, 'partitions', '-', 'reassignment'),
  };
}

/** Validates create-time configs: known names, writable, string values. */
export function configsOf(input: Array<{ name: string; value?: string | null }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of input ?? []) {
    if (!isTopicConfig(c.name)) throw invalidKafkaRequest(`Unknown topic config name: ${c.name}`);
    if (READ_ONLY_TOPIC_CONFIGS.has(c.name)) throw kafkaError(400, 40002, `Config ${c.name} cannot be set on Confluent Cloud.`);
    if (c.value !== undefined && c.value !== null) out[c.name] = String(c.value);
  }
  return out;
}

export function topicHandlers(rt: Runtime, mirroring: Mirroring): HandlerMap {
  return {
    listKafkaTopics: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: scope.links.list('KafkaTopicList', scope.links.url('topics'), rt.kafka.topics(scope.id).filter((t) => mayKafka(ctx, 'DESCRIBE', 'TOPIC', t.name)).map((t) => renderTopic(scope, t))) };
    },

    createKafkaTopic: (ctx: RequestContext) => {
      const scope = clusterOf(rt, ctx);
      const b = ctx.body as { topic_name: string; partitions_count?: number; replication_factor?: number; configs?: Array<{ name: string; value?: string | null }>; validate_only?: boolean };
      const name = b.topic_name;
      if (!LEGAL_TOPIC_NAME.test(name) || name === '.' || name === '..') {
        throw invalidKafkaRequest(`Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
      }
      if (rt.kafka.topic(scope.id, name)) throw invalidKafkaRequest(`Topic '${name}' already exists.`);
      const partitions = b.partitions_count ?? DEFAULT_PARTITIONS;
      if (partitions < 1 || partitions > MAX_PARTITIONS) throw invalidKafkaRequest(`Number of partitions must be between 1 and ${MAX_PARTITIONS}.`);
      const rf = b.replication_factor ?? REPLICATION_FACTOR;
      if (rf !== REPLICATION_FACTOR) throw invalidKafkaRequest(`Replication factor: ${rf} is not allowed; Confluent Cloud uses ${REPLICATION_FACTOR}.`);
      const configs = configsOf(b.configs);
      const row: TopicRow = b.validate_only
        ? { cluster_id: scope.id, name, topic_id: '', partitions, replication_factor: rf, configs, created_at: rt.clock.now() }
        : rt.tx(() => rt.kafka.createTopic(scope.id, name, partitions, rf, configs, rt.clock.now()));
      return { status: b.validate_only ? 200 : 201, body: renderTopic(scope, row) };
    },

    getKafkaTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const body: Record<string, unknown> = renderTopic(scope, topicOf(rt, scope, ctx.params.topic_name));
      if (queryFlag(ctx.query.include_authorized_operations)) {
        body.authorized_operations = ['ALL'];
      }
      return { status: 200, body };
    },

    updatePartitionCountKafkaTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      const wanted = (ctx.body as { partitions_count: number }).partitions_count;
      if (mirroring.readOnlyReason(scope.id, topic.name)) throw invalidKafkaRequest(`Topic '${topic.name}' is a mirror topic: its partitions follow its source topic.`);
      if (wanted === topic.partitions) throw invalidKafkaRequest(`Topic already has ${topic.partitions} partitions.`);
      if (wanted < topic.partitions) throw invalidKafkaRequest(`Topic currently has ${topic.partitions} partitions, which is higher than the requested ${wanted}.`);
      if (wanted > MAX_PARTITIONS) throw invalidKafkaRequest(`Number of partitions must be between 1 and ${MAX_PARTITIONS}.`);
      rt.tx(() => rt.kafka.setPartitions(scope.id, topic.name, wanted));
      return { status: 200, body: renderTopic(scope, { ...topic, partitions: wanted }) };
    },

    deleteKafkaTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      rt.tx(() => {
        rt.kafka.deleteTopic(scope.id, topic.name);
        mirroring.store.deleteMirror(scope.id, topic.name);
      });
      return { status: 204 };
    },
  };
}
