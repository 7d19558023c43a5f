import type { HandlerMap } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { BROKERS } from './partitions.js';

export function renderClusterOf({ id, links }: ClusterScope) {
  return {
    kind: 'KafkaCluster',
    metadata: { self: links.url(), resource_name: links.crn() },
    cluster_id: id,
    controller: links.related('brokers', BROKERS[0]),
    acls: links.related('acls'),
    brokers: links.related('brokers'),
    broker_configs: links.related('broker-configs'),
    consumer_groups: links.related('consumer-groups'),
    topics: links.related('topics'),
    partition_reassignments: links.related('topics', '-', 'partitions', '-', 'reassignment'),
  };
}

export function clusterHandlers(rt: Runtime): HandlerMap {
  return {
    getKafkaCluster: (ctx) => ({ status: 200, body: renderClusterOf(clusterOf(rt, ctx)) }),
  };
}
