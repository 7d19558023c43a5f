import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { kafkaError, topicNotFound } from './errors.js';
import { BROKERS, leaderOf } from './partitions.js';
import { renderClusterOf } from './clusters.js';

/**
 * The emulated brokers and replicas. A cluster has three brokers; every partition has a replica on
 * each, all in sync, led by broker `partition mod 3`. Replica logs are the stored partition:
 * they start at 0 and end at the partition's next offset.
 */
const brokerNotFound = (scope: ClusterScope, broker: string | number) => kafkaError(404, 404, `Broker not found. Broker: ${broker} not found in the cluster: ${scope.id}`);

/** A broker id of the path or body; 404 for one the cluster has not got. */
export function brokerOf(scope: ClusterScope, raw: string | number): number {
  const id = Number(raw);
  if (!BROKERS.includes(id)) throw brokerNotFound(scope, raw);
  return id;
}

function partitionOf(topic: TopicRow, raw: string | number): number {
  const p = Number(raw);
  if (!Number.isInteger(p) || p < 0 || p >= topic.partitions) throw topicNotFound();
  return p;
}

const renderBroker = (scope: ClusterScope, id: number) => ({
  kind: 'KafkaBroker',
  metadata: { self: scope.links.url('brokers', id), resource_name: scope.links.crn(['broker', id]) },
  cluster_id: scope.id,
  broker_id: id,
  host: `b${id}-${scope.id}.ccloud-emulator.local`,
  port: 9092,
  rack: null,
  configs: scope.links.related('brokers', id, 'configs'),
  partition_replicas: scope.links.related('brokers', id, 'partition-replicas'),
});

const renderReplica = (scope: ClusterScope, topic: string, p: number, broker: number) => ({
  kind: 'KafkaReplica',
  metadata: { self: scope.links.url('topics', topic, 'partitions', p, 'replicas', broker), resource_name: scope.links.crn(['topic', topic], ['partition', p], ['replica', broker]) },
  cluster_id: scope.id,
  topic_name: topic,
  partition_id: p,
  broker_id: broker,
  is_leader: leaderOf(p) === broker,
  is_in_sync: true,
  broker: scope.links.related('brokers', broker),
});

export function brokerHandlers(rt: Runtime): HandlerMap {
  const replicaStatuses = (scope: ClusterScope, topics: TopicRow[], only?: number) => {
    const now = rt.clock.now();
    return topics.flatMap((t) =>
      Array.from({ length: t.partitions }, (_, p) => p)
        .filter((p) => only === undefined || p === only)
        .flatMap((p) =>
          BROKERS.map((b) => ({
            kind: 'KafkaReplicaStatus',
            metadata: { self: scope.links.url('topics', t.name, 'partitions', p, 'replica-status'), resource_name: scope.links.crn(['topic', t.name], ['partition', p], ['replica', b]) },
            cluster_id: scope.id,
            topic_name: t.name,
            partition_id: p,
            broker_id: b,
            is_leader: leaderOf(p) === b,
            is_observer: false,
            is_isr_eligible: true,
            is_in_isr: true,
            is_caught_up: true,
            log_start_offset: 0,
            log_end_offset: rt.kafka.endOffset(scope.id, t.name, p),
            last_caught_up_time_ms: now,
            last_fetch_time_ms: now,
            // `link_name` names the cluster link of a mirror's replica; the document declares it a
            // string, so a replica of no link leaves it out rather than sending null.
          })),
        ),
    );
  };
  const statusList = (scope: ClusterScope, self: string, data: unknown[]) => scope.links.list('KafkaReplicaStatusList', self, data);

  return {
    /** The clusters a key can see: the one it is scoped to. */
    listKafkaClusters: (ctx: RequestContext) => {
      const resourceId = ctx.caller?.resourceId;
      const scope = resourceId ? clusterOf(rt, { ...ctx, params: { ...ctx.params, cluster_id: resourceId } }) : undefined;
      const data = scope ? [renderClusterOf(scope)] : [];
      return { status: 200, body: { kind: 'KafkaClusterList', metadata: { self: `${ctx.baseUrl}/kafka/v3/clusters`, next: null }, data } };
    },
    listKafkaBrokers: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: scope.links.list('KafkaBrokerList', scope.links.url('brokers'), BROKERS.map((b) => renderBroker(scope, b))) };
    },
    getKafkaBroker: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: renderBroker(scope, brokerOf(scope, ctx.params.broker_id)) };
    },
    searchKafkaReplicasByBroker: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const broker = brokerOf(scope, ctx.params.broker_id);
      const data = rt.kafka.topics(scope.id).flatMap((t) => Array.from({ length: t.partitions }, (_, p) => renderReplica(scope, t.name, p, broker)));
      return { status: 200, body: scope.links.list('KafkaReplicaList', scope.links.url('brokers', broker, 'partition-replicas'), data) };
    },
    listKafkaReplicas: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      const p = partitionOf(topic, ctx.params.partition_id);
      const data = BROKERS.map((b) => renderReplica(scope, topic.name, p, b));
      return { status: 200, body: scope.links.list('KafkaReplicaList', scope.links.url('topics', topic.name, 'partitions', p, 'replicas'), data) };
    },
    getKafkaReplica: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      const p = partitionOf(topic, ctx.params.partition_id);
      return { status: 200, body: renderReplica(scope, topic.name, p, brokerOf(scope, ctx.params.broker_id)) };
    },
    // The emulator never moves replicas, so no reassignment is ever in progress.
    listKafkaReassignments: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: scope.links.list('KafkaReassignmentList', scope.links.url('topics', '-', 'partitions', '-', 'reassignment'), []) };
    },
    searchKafkaReassignmentsByTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      return { status: 200, body: scope.links.list('KafkaReassignmentList', scope.links.url('topics', topic.name, 'partitions', '-', 'reassignment'), []) };
    },
    getKafkaReassignment: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const p = partitionOf(topicOf(rt, scope, ctx.params.topic_name), ctx.params.partition_id);
      throw kafkaError(404, 404, `No ongoing reassignment for partition ${p} of topic ${ctx.params.topic_name}.`);
    },
    listKafkaAllReplicaStatuses: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: statusList(scope, scope.links.url('topics', '-', 'partitions', '-', 'replica-status'), replicaStatuses(scope, rt.kafka.topics(scope.id))) };
    },
    listKafkaTopicReplicaStatuses: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      return { status: 200, body: statusList(scope, scope.links.url('topics', topic.name, 'partitions', '-', 'replica-status'), replicaStatuses(scope, [topic])) };
    },
    listKafkaPartitionReplicaStatuses: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      const p = partitionOf(topic, ctx.params.partition_id);
      return { status: 200, body: statusList(scope, scope.links.url('topics', topic.name, 'partitions', p, 'replica-status'), replicaStatuses(scope, [topic], p)) };
    },
  };
}
