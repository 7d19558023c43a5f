import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { kafkaError } from './errors.js';

type Exclusion = { broker_id: number; reason: string };

/**
 * Brokers excluded from replica placement (Confluent Platform). Exclusions are stored and listed;
 * as the emulator never moves replicas, they change no placement. Creating one again changes its
 * reason; deleting one that does not exist answers 404 with the per-broker result list.
 */
export function replicaExclusionHandlers(rt: Runtime): HandlerMap {
  const render = (scope: ClusterScope, e: Exclusion) => ({
    kind: 'KafkaBrokerReplicaExclusion',
    metadata: { self: scope.links.url('broker-replica-exclusions', e.broker_id), resource_name: scope.links.crn(['broker-replica-exclusion', e.broker_id]) },
    cluster_id: scope.id,
    broker_id: e.broker_id,
    reason: e.reason,
    broker: scope.links.related('brokers', e.broker_id),
  });

  const result = (scope: ClusterScope, e: Exclusion, exclusion: 'SET' | 'DELETE', error?: { code: number; message: string }) => ({
    kind: 'KafkaAlterBrokerReplicaExclusion',
    metadata: { self: scope.links.url('broker-replica-exclusions', e.broker_id), resource_name: scope.links.crn(['broker-replica-exclusion', e.broker_id]) },
    cluster_id: scope.id,
    broker_id: e.broker_id,
    exclusion,
    reason: e.reason,
    error_code: error?.code ?? null,
    error_message: error?.message ?? null,
    broker: scope.links.related('brokers', e.broker_id),
  });

  const requested = (ctx: RequestContext): Exclusion[] => {
    const data = (ctx.body as { data: Exclusion[] }).data;
    for (const e of data) if (!Number.isInteger(e.broker_id) || e.broker_id < 0) throw kafkaError(400, 400, `The given broker id ${e.broker_id} is invalid`);
    return data;
  };

  return {
    listKafkaBrokerReplicaExclusions: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = rt.kafka.replicaExclusions(scope.id).map((e) => render(scope, e));
      return { status: 200, body: scope.links.list('KafkaBrokerReplicaExclusionList', scope.links.url('broker-replica-exclusions'), data) };
    },
    getKafkaBrokerReplicaExclusion: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const e = rt.kafka.replicaExclusions(scope.id).find((x) => x.broker_id === Number(ctx.params.broker_id));
      if (!e) throw kafkaError(404, 404, `No replica exclusion for broker ${ctx.params.broker_id} was present.`);
      return { status: 200, body: render(scope, e) };
    },
    createKafkaBrokerReplicaExclusions: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = requested(ctx);
      rt.tx(() => data.forEach((e) => rt.kafka.setReplicaExclusion(scope.id, e.broker_id, e.reason)));
      const body = scope.links.list('KafkaAlterBrokerReplicaExclusionList', scope.links.url('broker-replica-exclusions'), data.map((e) => result(scope, e, 'SET')));
      return { status: 201, body };
    },
    deleteKafkaBrokerReplicaExclusions: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const present = new Set(rt.kafka.replicaExclusions(scope.id).map((e) => e.broker_id));
      const data = requested(ctx);
      rt.tx(() => data.forEach((e) => rt.kafka.setReplicaExclusion(scope.id, e.broker_id, null)));
      const missing = data.filter((e) => !present.has(e.broker_id));
      const items = data.map((e) => (present.has(e.broker_id) ? result(scope, e, 'DELETE') : result(scope, e, 'DELETE', { code: 404, message: `No replica exclusion for broker ${e.broker_id} was present.` })));
      return { status: missing.length ? 404 : 200, body: scope.links.list('KafkaAlterBrokerReplicaExclusionList', scope.links.url('broker-replica-exclusions'), items) };
    },
  };
}
