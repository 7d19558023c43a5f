import type { HandlerMap } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { topicNotFound } from './errors.js';

/** The emulated brokers: every cluster reports three, and partition p is led by broker p mod 3. */
export const BROKERS = [0, 1, 2];
export const leaderOf = (partition: number) => BROKERS[partition % BROKERS.length];

export function renderPartition(scope: ClusterScope, t: TopicRow, p: number) {
  const { links } = scope;
  return {
    kind: 'KafkaPartition',
    metadata: { self: links.url('topics', t.name, 'partitions', p), resource_name: links.crn(['topic', t.name], ['partition', p]) },
    cluster_id: scope.id,
    topic_name: t.name,
    partition_id: p,
    leader: links.related('topics', t.name, 'partitions', p, 'replicas', leaderOf(p)),
    replicas: links.related('topics', t.name, 'partitions', p, 'replicas'),
    reassignment: links.related('topics', t.name, 'partitions', p, 'reassignment'),
  };
}

export function partitionHandlers(rt: Runtime): HandlerMap {
  return {
    listKafkaPartitions: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      const data = Array.from({ length: topic.partitions }, (_, p) => renderPartition(scope, topic, p));
      return { status: 200, body: scope.links.list('KafkaPartitionList', scope.links.url('topics', topic.name, 'partitions'), data) };
    },
    getKafkaPartition: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      const p = Number(ctx.params.partition_id);
      if (!Number.isInteger(p) || p < 0 || p >= topic.partitions) throw topicNotFound();
      return { status: 200, body: renderPartition(scope, topic, p) };
    },
  };
}
