import { mayKafka, type HandlerMap } from '../../../contract/handler.js';
import type { Runtime } from '../../../runtime.js';
import type { TopicRow } from '../../../store/kafka.js';
import { BROKERS, leaderOf } from '../partitions.js';
import { recordLogOf } from '../record-log.js';
import { clusterIdOf, partitionV2, topicV2, V2_JSON } from './scope.js';

function renderPartition(p: number) {
  const leader = leaderOf(p);
  return { partition: p, leader, replicas: BROKERS.map((broker) => ({ broker, leader: broker === leader, in_sync: true })) };
}

const partitionsOf = (t: TopicRow) => Array.from({ length: t.partitions }, (_, p) => renderPartition(p));

/** REST Proxy v2 metadata: topics, partitions, offsets and brokers. */
export function restProxyTopicHandlers(rt: Runtime): HandlerMap {
  return {
    listRestProxyV2Topics: (ctx) => ({ status: 200, headers: V2_JSON, body: rt.kafka.topics(clusterIdOf(rt, ctx)).map((t) => t.name).filter((name) => mayKafka(ctx, 'DESCRIBE', 'TOPIC', name)) }),
    getRestProxyV2Topic: (ctx) => {
      const t = topicV2(rt, clusterIdOf(rt, ctx), ctx.params.topic_name);
      return { status: 200, headers: V2_JSON, body: { name: t.name, configs: t.configs, partitions: partitionsOf(t) } };
    },
    listRestProxyV2Partitions: (ctx) => ({ status: 200, headers: V2_JSON, body: partitionsOf(topicV2(rt, clusterIdOf(rt, ctx), ctx.params.topic_name)) }),
    getRestProxyV2Partition: (ctx) => {
      const t = topicV2(rt, clusterIdOf(rt, ctx), ctx.params.topic_name);
      return { status: 200, headers: V2_JSON, body: renderPartition(partitionV2(t, ctx.params.partition_id)) };
    },
    getRestProxyV2PartitionOffsets: (ctx) => {
      const cluster = clusterIdOf(rt, ctx);
      const t = topicV2(rt, cluster, ctx.params.topic_name);
      const p = partitionV2(t, ctx.params.partition_id);
      return { status: 200, headers: V2_JSON, body: { beginning_offset: recordLogOf(rt).logStartOffset(cluster, t.name, p), end_offset: rt.kafka.endOffset(cluster, t.name, p) } };
    },
    listRestProxyV2Brokers: () => ({ status: 200, headers: V2_JSON, body: { brokers: BROKERS } }),
  };
}
