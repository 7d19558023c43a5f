import type { HandlerMap, RequestContext } from '../../engine/types.js';
import type { Runtime } from '../../runtime.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { kafkaError } from './errors.js';
import { BROKERS } from './partitions.js';
import { tpKey, type ConsumerInstance, type ConsumerInstances } from './rest-proxy/consumer-instances.js';

const groupNotFound = (group: string) => kafkaError(404, 404, `Consumer group ${group} cannot be found.`);
const clientIdOf = (m: ConsumerInstance) => `consumer-${m.group}-${m.name}`;

interface Lag {
  topic: string;
  partition: number;
  current: number;
  end: number;
  lag: number;
  owner?: ConsumerInstance;
}

/**
 * Consumer groups as Kafka REST v3 sees them: a group exists while it has members (REST Proxy v2
 * consumer instances) or committed offsets. Lag is the log end offset minus the committed offset,
 * per committed partition, from the records actually stored.
 */
export function consumerGroupHandlers(rt: Runtime, instances: ConsumerInstances): HandlerMap {
  const groupsOf = (cluster: string) => [...new Set([...rt.kafka.groups(cluster), ...instances.groups(cluster)])].sort();

  function groupOf(ctx: RequestContext): { scope: ClusterScope; group: string; members: ConsumerInstance[] } {
    const scope = clusterOf(rt, ctx);
    const group = ctx.params.consumer_group_id;
    if (!groupsOf(scope.id).includes(group)) throw groupNotFound(group);
    return { scope, group, members: instances.members(scope.id, group) };
  }

  function lagsOf(scope: ClusterScope, group: string, members: ConsumerInstance[]): Lag[] {
    const owners = new Map<string, ConsumerInstance>();
    for (const m of members) for (const tp of instances.partitionsOf(m)) owners.set(tpKey(tp.topic, tp.partition), m);
    return rt.kafka.committed(scope.id, group).map((c) => {
      const end = rt.kafka.endOffset(scope.id, c.topic, c.partition);
      return { topic: c.topic, partition: c.partition, current: c.offset, end, lag: Math.max(0, end - c.offset), owner: owners.get(tpKey(c.topic, c.partition)) };
    });
  }

  const renderGroup = (scope: ClusterScope, group: string, members: ConsumerInstance[]) => ({
    kind: 'KafkaConsumerGroup',
    metadata: { self: scope.links.url('consumer-groups', group), resource_name: scope.links.crn(['consumer-group', group]) },
    cluster_id: scope.id,
    consumer_group_id: group,
    is_simple: members.length === 0,
    partition_assignor: members.length ? 'range' : '',
    state: members.length ? 'STABLE' : 'EMPTY',
    // Members join through REST Proxy or the classic protocol: never the KIP-848 consumer protocol.
    type: 'CLASSIC',
    is_mixed_consumer_group: false,
    coordinator: scope.links.related('brokers', BROKERS[0]),
    consumers: scope.links.related('consumer-groups', group, 'consumers'),
    lag_summary: scope.links.related('consumer-groups', group, 'lag-summary'),
  });

  const renderConsumer = (scope: ClusterScope, m: ConsumerInstance) => ({
    kind: 'KafkaConsumer',
    metadata: { self: scope.links.url('consumer-groups', m.group, 'consumers', m.name), resource_name: scope.links.crn(['consumer-group', m.group], ['consumer', m.name]) },
    cluster_id: scope.id,
    consumer_group_id: m.group,
    consumer_id: m.name,
    instance_id: null,
    client_id: clientIdOf(m),
    assignments: scope.links.related('consumer-groups', m.group, 'consumers', m.name, 'assignments'),
  });

  const renderLag = (scope: ClusterScope, group: string, l: Lag) => ({
    kind: 'KafkaConsumerLag',
    metadata: {
      self: scope.links.url('consumer-groups', group, 'lags', l.topic, 'partitions', l.partition),
      resource_name: scope.links.crn(['consumer-group', group], ['lag', l.topic], ['partition', l.partition]),
    },
    cluster_id: scope.id,
    consumer_group_id: group,
    topic_name: l.topic,
    partition_id: l.partition,
    current_offset: l.current,
    log_end_offset: l.end,
    lag: l.lag,
    consumer_id: l.owner?.name ?? '',
    instance_id: null,
    client_id: l.owner ? clientIdOf(l.owner) : '',
  });

  const renderAssignment = (scope: ClusterScope, m: ConsumerInstance, topic: string, partition: number) => ({
    kind: 'KafkaConsumerAssignment',
    metadata: {
      self: scope.links.url('consumer-groups', m.group, 'consumers', m.name, 'assignments', topic, 'partitions', partition),
      resource_name: scope.links.crn(['consumer-group', m.group], ['consumer', m.name], ['assignment', topic], ['partition', partition]),
    },
    cluster_id: scope.id,
    consumer_group_id: m.group,
    consumer_id: m.name,
    topic_name: topic,
    partition_id: partition,
    partition: scope.links.related('topics', topic, 'partitions', partition),
    lag: scope.links.related('consumer-groups', m.group, 'lags', topic, 'partitions', partition),
  });

  function memberOf(ctx: RequestContext) {
    const { scope, members } = groupOf(ctx);
    const m = members.find((x) => x.name === ctx.params.consumer_id);
    if (!m) throw kafkaError(404, 404, `Consumer ${ctx.params.consumer_id} cannot be found.`);
    return { scope, m };
  }

  return {
    listKafkaConsumerAssignment: (ctx) => {
      const { scope, m } = memberOf(ctx);
      const data = instances.partitionsOf(m).map((tp) => renderAssignment(scope, m, tp.topic, tp.partition));
      return { status: 200, body: scope.links.list('KafkaConsumerAssignmentList', scope.links.url('consumer-groups', m.group, 'consumers', m.name, 'assignments'), data) };
    },
    getKafkaConsumerAssignment: (ctx) => {
      const { scope, m } = memberOf(ctx);
      const tp = instances.partitionsOf(m).find((x) => x.topic === ctx.params.topic_name && x.partition === Number(ctx.params.partition_id));
      if (!tp) throw kafkaError(404, 40403, 'This server does not host this topic-partition.');
      return { status: 200, body: renderAssignment(scope, m, tp.topic, tp.partition) };
    },
    listKafkaConsumerGroups: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = groupsOf(scope.id).map((g) => renderGroup(scope, g, instances.members(scope.id, g)));
      return { status: 200, body: scope.links.list('KafkaConsumerGroupList', scope.links.url('consumer-groups'), data) };
    },
    getKafkaConsumerGroup: (ctx) => {
      const { scope, group, members } = groupOf(ctx);
      return { status: 200, body: renderGroup(scope, group, members) };
    },
    listKafkaConsumers: (ctx) => {
      const { scope, group, members } = groupOf(ctx);
      return { status: 200, body: scope.links.list('KafkaConsumerList', scope.links.url('consumer-groups', group, 'consumers'), members.map((m) => renderConsumer(scope, m))) };
    },
    getKafkaConsumer: (ctx) => {
      const { scope, m } = memberOf(ctx);
      return { status: 200, body: renderConsumer(scope, m) };
    },
    listKafkaConsumerLags: (ctx) => {
      const { scope, group, members } = groupOf(ctx);
      const data = lagsOf(scope, group, members).map((l) => renderLag(scope, group, l));
      return { status: 200, body: scope.links.list('KafkaConsumerLagList', scope.links.url('consumer-groups', group, 'lags'), data) };
    },
    getKafkaConsumerLag: (ctx) => {
      const { scope, group, members } = groupOf(ctx);
      const l = lagsOf(scope, group, members).find((x) => x.topic === ctx.params.topic_name && x.partition === Number(ctx.params.partition_id));
      if (!l) throw kafkaError(404, 40403, 'This server does not host this topic-partition.');
      return { status: 200, body: renderLag(scope, group, l) };
    },
    getKafkaConsumerGroupLagSummary: (ctx) => {
      const { scope, group, members } = groupOf(ctx);
      const lags = lagsOf(scope, group, members);
      const max = lags.reduce<Lag | undefined>((a, b) => (!a || b.lag > a.lag ? b : a), undefined);
      return {
        status: 200,
        body: {
          kind: 'KafkaConsumerGroupLagSummary',
          // Confluent writes this one name with the plural `consumer-groups=`.
          metadata: { self: scope.links.url('consumer-groups', group, 'lag-summary'), resource_name: `${scope.links.crn()}/consumer-groups=${group}/lag-summary` },
          cluster_id: scope.id,
          consumer_group_id: group,
          max_lag_consumer_id: max?.owner?.name ?? '',
          max_lag_instance_id: null,
          max_lag_client_id: max?.owner ? clientIdOf(max.owner) : '',
          max_lag_topic_name: max?.topic ?? '',
          max_lag_partition_id: max?.partition ?? 0,
          max_lag: max?.lag ?? 0,
          total_lag: lags.reduce((n, l) => n + l.lag, 0),
          max_lag_consumer: scope.links.related('consumer-groups', group, 'consumers', max?.owner?.name ?? ''),
          max_lag_partition: scope.links.related('topics', max?.topic ?? '', 'partitions', max?.partition ?? 0),
        },
      };
    },
  };
}
