import type { HandlerMap } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { BROKERS } from './partitions.js';

/**
 * The self-balancing state of a cluster, read-only and consistent: the balancer is enabled, the
 * load is balanced (the emulator never moves replicas; broker removals are in broker-removal.ts),
 * and all brokers form one cell. These are Confluent Platform operations; they answer so that
 * tooling that polls them sees a settled cluster.
 */
export function balancerHandlers(rt: Runtime): HandlerMap {
  const since = (scope: ClusterScope) => new Date(scope.cluster.created_at).toISOString();
  return {
    getKafkaBalancerStatus: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return {
        status: 200,
        body: {
          kind: 'KafkaBalancerStatus',
          metadata: { self: scope.links.url('balancer'), resource_name: scope.links.crn(['balancer', 'balancer']) },
          cluster_id: scope.id,
          status: 'ENABLED',
          error_code: null,
          error_message: null,
          any_uneven_load: scope.links.related('balancer', 'any-uneven-load'),
          broker_tasks: scope.links.related('brokers', '-', 'tasks'),
        },
      };
    },
    getKafkaBalancerAnyUnevenLoad: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return {
        status: 200,
        body: {
          kind: 'KafkaAnyUnevenLoad',
          metadata: { self: scope.links.url('balancer', 'any-uneven-load'), resource_name: scope.links.crn(['balancer', 'balancer'], ['any-uneven-load', 'any-uneven-load']) },
          cluster_id: scope.id,
          status: 'BALANCED',
          previous_status: 'STARTING',
          status_updated_at: since(scope),
          previous_status_updated_at: since(scope),
          error_code: null,
          error_message: null,
          broker_tasks: scope.links.related('brokers', '-', 'tasks'),
        },
      };
    },
    describeCells: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return {
        status: 200,
        body: {
          kind: 'KafkaCells',
          metadata: { self: scope.links.url('cells'), resource_name: scope.links.crn(['cells', 'cells']) },
          cluster_id: scope.id,
          cells_enabled: false,
          error_code: null,
          error_message: null,
          cells: [{ kind: 'Cell', metadata: { self: scope.links.url('cells'), resource_name: 'cell' }, cell_id: 0, state: 1, brokers: BROKERS, 'open-for-tenant-assignment': true }],
        },
      };
    },
  };
}
