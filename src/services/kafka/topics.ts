import { mayKafka, type HandlerMap, type RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { invalidKafkaRequest, kafkaError } from './errors.js';
import { configsOf as checkedConfigs, TopicAdmin, TopicError } from './topic-admin.js';
import type { Mirroring } from './mirroring.js';
import { queryFlag } from '../../engine/query.js';

export { LEGAL_TOPIC_NAME } from './topic-admin.js';

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

/** Kafka REST words every refusal of the topic rules as Kafka's INVALID_REQUEST family. */
function asRestError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TopicError) throw invalidKafkaRequest(err.message);
    throw err;
  }
}

/** Validates create-time configs, refusing in Kafka REST's words. */
export const configsOf = (input: Array<{ name: string; value?: string | null }> | undefined) => asRestError(() => checkedConfigs(input));

export function topicHandlers(rt: Runtime, mirroring: Mirroring): HandlerMap {
  const admin = new TopicAdmin(rt, mirroring);
  return {
    listKafkaTopics: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: scope.links.list('KafkaTopicList', scope.links.url('topics'), rt.kafka.topics(scope.id).filter((t) => mayKafka(ctx, 'DESCRIBE', 'TOPIC', t.name)).map((t) => renderTopic(scope, t))) };
    },

    createKafkaTopic: (ctx: RequestContext) => {
      const scope = clusterOf(rt, ctx);
      const b = ctx.body as { topic_name: string; partitions_count?: number; replication_factor?: number; configs?: Array<{ name: string; value?: string | null }>; validate_only?: boolean };
      const row = asRestError(() =>
        admin.create(scope.id, { name: b.topic_name, partitions: b.partitions_count, replicationFactor: b.replication_factor, configs: b.configs, validateOnly: b.validate_only }),
      );
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
      asRestError(() => admin.increasePartitions(scope.id, topic, wanted));
      return { status: 200, body: renderTopic(scope, { ...topic, partitions: wanted }) };
    },

    deleteKafkaTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      admin.delete(scope.id, topic.name);
      return { status: 204 };
    },
  };
}
