import { mayKafka, type HandlerMap, type RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { kafkaError } from './errors.js';
import { BROKERS } from './partitions.js';
import { assignedPartitions } from './groups/consumer-protocol.js';
import type { GroupState } from './groups/types.js';
import { tpKey, type ConsumerInstance, type ConsumerInstances, type TopicPartition } from './rest-proxy/consumer-instances.js';

const groupNotFound = (group: string) => kafkaError(404, 404, `Consumer group ${group} cannot be found.`);
const clientIdOf = (m: ConsumerInstance) => `consumer-${m.group}-${m.name}`;

/** Kafka REST's names of the group states. */
const STATE_NAMES: Record<GroupState, string> = {
  Empty: 'EMPTY',
  PreparingRebalance: 'PREPARING_REBALANCE',
  CompletingRebalance: 'COMPLETING_REBALANCE',
  Stable: 'STABLE',
  Dead: 'DEAD',
};

/** A consumer of a group: a Kafka protocol member, or a REST Proxy v2 consumer instance. */
interface Consumer {
  group: string;
  consumerId: string;
  instanceId: string | null;
  clientId: string;
  partitions: TopicPartition[];
}

interface GroupView {
  scope: ClusterScope;
  group: string;
  state: string;
  assignor: string;
  isSimple: boolean;
  members: Consumer[];
}

interface Lag {
  topic: string;
  partition: number;
  current: number;
  end: number;
  lag: number;
  owner?: Consumer;
}

/**
 * Consumer groups as Kafka REST v3 sees them: the Kafka protocol's groups (from the group
 * coordinator: state, assignor, members and their assignments) and REST Proxy v2 consumer
 * instances' groups; a group exists while it has members or committed offsets. Lag is the log end
 * offset minus the committed offset, per committed partition, from the records actually stored.
 */
export function consumerGroupHandlers(rt: Runtime, instances: ConsumerInstances): HandlerMap {
  const groupsOf = (cluster: string) =>
    [...new Set([...rt.kafka.groups(cluster), ...instances.groups(cluster), ...rt.groups.list(cluster).map((g) => g.groupId)])].sort();

  function viewOf(scope: ClusterScope, group: string): GroupView {
    const described = rt.groups.describe(scope.id, group);
    const protocolMembers: Consumer[] = described.members.map((m) => ({
      group,
      consumerId: m.memberId,
      instanceId: m.groupInstanceId,
      clientId: m.clientId,
      partitions: described.protocolType === 'consumer' ? assignedPartitions(m.assignment) : [],
    }));
    const restMembers: Consumer[] = instances.members(scope.id, group).map((m) => ({ group, consumerId: m.name, instanceId: null, clientId: clientIdOf(m), partitions: instances.partitionsOf(m) }));
    const members = [...protocolMembers, ...restMembers];
    const rebalancing = described.state !== 'Empty' && described.state !== 'Dead';
    return {
      scope,
      group,
      state: rebalancing ? STATE_NAMES[described.state] : restMembers.length ? 'STABLE' : 'EMPTY',
      assignor: described.protocolName || (restMembers.length ? 'range' : ''),
      // Kafka calls a group simple when it has no protocol type: only offsets, never a member.
      isSimple: described.protocolType === '' && restMembers.length === 0,
      members,
    };
  }

  function groupOf(ctx: RequestContext): GroupView {
    const scope = clusterOf(rt, ctx);
    const group = ctx.params.consumer_group_id;
    if (!groupsOf(scope.id).includes(group)) throw groupNotFound(group);
    return viewOf(scope, group);
  }

  function lagsOf({ scope, group, members }: GroupView): Lag[] {
    const owners = new Map<string, Consumer>();
    for (const m of members) for (const tp of m.partitions) owners.set(tpKey(tp.topic, tp.partition), m);
    return rt.kafka.committed(scope.id, group).map((c) => {
      const end = rt.kafka.endOffset(scope.id, c.topic, c.partition);
      return { topic: c.topic, partition: c.partition, current: c.offset, end, lag: Math.max(0, end - c.offset), owner: owners.get(tpKey(c.topic, c.partition)) };
    });
  }

  const renderGroup = ({ scope, group, state, assignor, isSimple }: GroupView) => ({
    kind: 'KafkaConsumerGroup',
    metadata: { self: scope.links.url('consumer-groups', group), resource_name: scope.links.crn(['consumer-group', group]) },
    cluster_id: scope.id,
    consumer_group_id: group,
    is_simple: isSimple,
    partition_assignor: assignor,
    state,
    // Members join through REST Proxy or the classic protocol: never the KIP-848 consumer protocol.
    type: 'CLASSIC',
    is_mixed_consumer_group: false,
    coordinator: scope.links.related('brokers', BROKERS[0]),
    consumers: scope.links.related('consumer-groups', group, 'consumers'),
    lag_summary: scope.links.related('consumer-groups', group, 'lag-summary'),
  });

  const renderConsumer = (scope: ClusterScope, m: Consumer) => ({
    kind: 'KafkaConsumer',
    metadata: { self: scope.links.url('consumer-groups', m.group, 'consumers', m.consumerId), resource_name: scope.links.crn(['consumer-group', m.group], ['consumer', m.consumerId]) },
    cluster_id: scope.id,
    consumer_group_id: m.group,
    consumer_id: m.consumerId,
    instance_id: m.instanceId,
    client_id: m.clientId,
    assignments: scope.links.related('consumer-groups', m.group, 'consumers', m.consumerId, 'assignments'),
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
    consumer_id: l.owner?.consumerId ?? '',
    instance_id: l.owner?.instanceId ?? null,
    client_id: l.owner?.clientId ?? '',
  });

  const renderAssignment = (scope: ClusterScope, m: Consumer, topic: string, partition: number) => ({
    kind: 'KafkaConsumerAssignment',
    metadata: {
      self: scope.links.url('consumer-groups', m.group, 'consumers', m.consumerId, 'assignments', topic, 'partitions', partition),
      resource_name: scope.links.crn(['consumer-group', m.group], ['consumer', m.consumerId], ['assignment', topic], ['partition', partition]),
    },
    cluster_id: scope.id,
    consumer_group_id: m.group,
    consumer_id: m.consumerId,
    topic_name: topic,
    partition_id: partition,
    partition: scope.links.related('topics', topic, 'partitions', partition),
    lag: scope.links.related('consumer-groups', m.group, 'lags', topic, 'partitions', partition),
  });

  function memberOf(ctx: RequestContext) {
    const { scope, members } = groupOf(ctx);
    const m = members.find((x) => x.consumerId === ctx.params.consumer_id);
    if (!m) throw kafkaError(404, 404, `Consumer ${ctx.params.consumer_id} cannot be found.`);
    return { scope, m };
  }

  return {
    listKafkaConsumerAssignment: (ctx) => {
      const { scope, m } = memberOf(ctx);
      const data = m.partitions.map((tp) => renderAssignment(scope, m, tp.topic, tp.partition));
      return { status: 200, body: scope.links.list('KafkaConsumerAssignmentList', scope.links.url('consumer-groups', m.group, 'consumers', m.consumerId, 'assignments'), data) };
    },
    getKafkaConsumerAssignment: (ctx) => {
      const { scope, m } = memberOf(ctx);
      const tp = m.partitions.find((x) => x.topic === ctx.params.topic_name && x.partition === Number(ctx.params.partition_id));
      if (!tp) throw kafkaError(404, 40403, 'This server does not host this topic-partition.');
      return { status: 200, body: renderAssignment(scope, m, tp.topic, tp.partition) };
    },
    listKafkaConsumerGroups: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = groupsOf(scope.id).filter((g) => mayKafka(ctx, 'DESCRIBE', 'GROUP', g)).map((g) => renderGroup(viewOf(scope, g)));
      return { status: 200, body: scope.links.list('KafkaConsumerGroupList', scope.links.url('consumer-groups'), data) };
    },
    getKafkaConsumerGroup: (ctx) => {
      return { status: 200, body: renderGroup(groupOf(ctx)) };
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
      const view = groupOf(ctx);
      const { scope, group } = view;
      const data = lagsOf(view).map((l) => renderLag(scope, group, l));
      return { status: 200, body: scope.links.list('KafkaConsumerLagList', scope.links.url('consumer-groups', group, 'lags'), data) };
    },
    getKafkaConsumerLag: (ctx) => {
      const view = groupOf(ctx);
      const { scope, group } = view;
      const l = lagsOf(view).find((x) => x.topic === ctx.params.topic_name && x.partition === Number(ctx.params.partition_id));
      if (!l) throw kafkaError(404, 40403, 'This server does not host this topic-partition.');
      return { status: 200, body: renderLag(scope, group, l) };
    },
    getKafkaConsumerGroupLagSummary: (ctx) => {
      const view = groupOf(ctx);
      const { scope, group } = view;
      const lags = lagsOf(view);
      const max = lags.reduce<Lag | undefined>((a, b) => (!a || b.lag > a.lag ? b : a), undefined);
      return {
        status: 200,
        body: {
          kind: 'KafkaConsumerGroupLagSummary',
          // Confluent writes this one name with the plural `consumer-groups=`.
          metadata: { self: scope.links.url('consumer-groups', group, 'lag-summary'), resource_name: `${scope.links.crn()}/consumer-groups=${group}/lag-summary` },
          cluster_id: scope.id,
          consumer_group_id: group,
          max_lag_consumer_id: max?.owner?.consumerId ?? '',
          max_lag_instance_id: max?.owner?.instanceId ?? null,
          max_lag_client_id: max?.owner?.clientId ?? '',
          max_lag_topic_name: max?.topic ?? '',
          max_lag_partition_id: max?.partition ?? 0,
          max_lag: max?.lag ?? 0,
          total_lag: lags.reduce((n, l) => n + l.lag, 0),
          max_lag_consumer: scope.links.related('consumer-groups', group, 'consumers', max?.owner?.consumerId ?? ''),
          max_lag_partition: scope.links.related('topics', max?.topic ?? '', 'partitions', max?.partition ?? 0),
        },
      };
    },
  };
}
