import { header, type HandlerMap, type RequestContext } from '../../contract/handler.js';
import { compileGraph, parsePolicy } from '../../core/lifecycle.js';
import { PhaseRecords } from '../../engine/phase-records.js';
import type { Runtime } from '../../runtime.js';
import type { BrokerRemovalRow } from '../../store/kafka.js';
import type { ResourceRow } from '../../store/resources.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { brokerOf } from './brokers.js';
import { kafkaError } from './errors.js';
import { BROKERS } from './partitions.js';

/** How long a removal runs before its outcome, on the virtual clock. */
export const REMOVAL_MS = 5000;

/** Every topic, internal ones included, has three replicas (Confluent Cloud accepts no other factor). */
const REPLICATION_FACTOR = 3;

const TASK_TYPES = ['add-broker', 'remove-broker'];

/** The phased kind of remove-broker tasks, in the control plane and the event stream. */
export const BROKER_TASK = 'KafkaBrokerTask';

/**
 * A remove-broker task's phase graph: IN_PROGRESS for REMOVAL_MS, then COMPLETED, or FAILED when
 * the balancer's plan cannot be carried out (always, for the emulator's three brokers).
 */
export const BROKER_TASK_GRAPH = compileGraph(
  {
    field: '/task_status',
    initial: 'IN_PROGRESS',
    failed: 'FAILED',
    phases: { IN_PROGRESS: { next: 'COMPLETED', duration_ms: REMOVAL_MS }, COMPLETED: {}, FAILED: {} },
  },
  BROKER_TASK,
);

/** A task's id in the control plane: `<cluster id>:<broker id>`. */
export const brokerTaskId = (cluster: string, broker: number) => `${cluster}:${broker}`;

/**
 * Broker removal (Confluent Platform's self-balancing): a request records a `remove-broker` task
 * per broker, IN_PROGRESS for REMOVAL_MS on the virtual clock (at once in immediate lifecycle
 * mode), then settled. The balancer must move the broker's replicas to the brokers that remain;
 * with three brokers and replication factor 3 (`__consumer_offsets` included) they cannot hold
 * them, so the plan fails and the task ends FAILED with the reason, the broker staying in service,
 * as Confluent Server's balancer answers for such a cluster. A new request for a broker replaces
 * its settled task; a request while one runs answers the running one.
 */
export function brokerRemovalHandlers(rt: Runtime): HandlerMap {
  const records = new PhaseRecords(rt, BROKER_TASK, BROKER_TASK_GRAPH);
  rt.phasedKinds.register(
    records.kind({
      kind: BROKER_TASK,
      api_version: 'kafka/v3',
      exists: (row) => {
        const [cluster, broker] = row.id.split(':');
        return rt.kafka.brokerRemovals(cluster).some((r) => r.broker_id === Number(broker));
      },
    }),
  );
  /** The task's phase record, brought up to date (a read counts in `reads` mode); tasks recorded before records existed have none. */
  const recordOf = (cluster: string, r: BrokerRemovalRow, isRead: boolean) => records.get(brokerTaskId(cluster, r.broker_id), isRead);
  const running = (r: BrokerRemovalRow, record: ResourceRow | undefined) => {
    if (record) return records.phaseOf(record) === 'IN_PROGRESS';
    return rt.config.lifecycle.mode !== 'immediate' && rt.clock.now() - r.created_at < REMOVAL_MS;
  };
  const remaining = BROKERS.length - 1;
  const failure = `Cannot move the replicas of the broker: the ${remaining} brokers that would remain cannot hold replication factor ${REPLICATION_FACTOR}.`;

  function task(scope: ClusterScope, r: BrokerRemovalRow) {
    const record = recordOf(scope.id, r, true);
    const inProgress = running(r, record);
    const updated = inProgress ? r.created_at : record ? records.since(record) : r.created_at + REMOVAL_MS;
    return {
      kind: 'KafkaBrokerTask',
      metadata: { self: scope.links.url('brokers', r.broker_id, 'tasks', 'remove-broker'), resource_name: scope.links.crn(['broker', r.broker_id], ['task', 'remove-broker']) },
      cluster_id: scope.id,
      broker_id: r.broker_id,
      task_type: 'remove-broker',
      task_status: inProgress ? 'IN_PROGRESS' : 'FAILED',
      shutdown_scheduled: r.should_shutdown,
      sub_task_statuses: inProgress
        ? { partition_reassignment_status: 'IN_PROGRESS', broker_replica_exclusion_status: 'EXCLUDED', broker_shutdown_status: 'PENDING' }
        : { partition_reassignment_status: 'FAILED', broker_replica_exclusion_status: 'CANCELED', broker_shutdown_status: 'CANCELED' },
      created_at: new Date(r.created_at).toISOString(),
      updated_at: new Date(updated).toISOString(),
      error_code: inProgress ? null : 400,
      error_message: inProgress ? null : failure,
      broker: scope.links.related('brokers', r.broker_id),
    };
  }

  /** The deprecated view of the same task. */
  function removeBrokerTask(scope: ClusterScope, r: BrokerRemovalRow) {
    const t = task(scope, r);
    return {
      kind: 'KafkaRemoveBrokerTask',
      metadata: { self: scope.links.url('remove-broker-tasks', r.broker_id), resource_name: scope.links.crn(['remove-broker-task', r.broker_id]) },
      cluster_id: scope.id,
      broker_id: r.broker_id,
      shutdown_scheduled: r.should_shutdown,
      broker_replica_exclusion_status: t.sub_task_statuses.broker_replica_exclusion_status,
      partition_reassignment_status: t.sub_task_statuses.partition_reassignment_status,
      broker_shutdown_status: t.sub_task_statuses.broker_shutdown_status,
      error_code: t.error_code,
      error_message: t.error_message,
      broker: t.broker,
    };
  }

  const removal = (scope: ClusterScope, broker: number) => ({
    kind: 'KafkaBrokerRemoval',
    metadata: { self: scope.links.url('brokers', broker), resource_name: scope.links.crn(['broker', broker]) },
    cluster_id: scope.id,
    broker_id: broker,
    broker_task: scope.links.related('brokers', broker, 'tasks', 'remove-broker'),
    broker: scope.links.related('brokers', broker),
  });

  /** Starts the removal of brokers (all checked first): a new task unless one is running. */
  function remove(ctx: RequestContext, scope: ClusterScope, raw: Array<string | number>) {
    const brokers = raw.map((b) => brokerOf(scope, b));
    const shutdown = ctx.query.should_shutdown !== false && ctx.query.should_shutdown !== 'false';
    const current = new Map(rt.kafka.brokerRemovals(scope.id).map((r) => [r.broker_id, r]));
    const policy = parsePolicy(header(ctx, 'x-emulator-lifecycle'), rt.config.lifecycle) ?? rt.config.lifecycle;
    rt.tx(() => {
      for (const b of brokers) {
        const existing = current.get(b);
        if (existing && running(existing, recordOf(scope.id, existing, false))) continue;
        rt.kafka.saveBrokerRemoval(scope.id, { broker_id: b, should_shutdown: shutdown, created_at: rt.clock.now() });
        // The balancer cannot place the broker's replicas elsewhere: the task's outcome is a failure.
        records.start(scope.cluster.org_id, brokerTaskId(scope.id, b), scope.id, policy, { outcome: 'failed' });
      }
    });
    return brokers.map((b) => removal(scope, b));
  }

  const tasksOf = (scope: ClusterScope, broker?: number) => rt.kafka.brokerRemovals(scope.id).filter((r) => broker === undefined || r.broker_id === broker);
  const taskType = (raw: string) => {
    if (!TASK_TYPES.includes(raw)) throw kafkaError(400, 400, `Unknown task type ${raw}; one of ${TASK_TYPES.join(', ')}.`);
    return raw;
  };
  const noTask = (broker: number, type: string) => kafkaError(404, 404, `No ${type} task for broker ${broker}.`);

  return {
    deleteKafkaBroker: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 202, body: remove(ctx, scope, [ctx.params.broker_id])[0] };
    },
    deleteKafkaBrokers: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const ids = (ctx.body as { broker_ids: number[] }).broker_ids;
      if (!ids.length) throw kafkaError(400, 400, 'broker_ids must name at least one broker.');
      return { status: 202, body: scope.links.list('KafkaBrokerRemovalList', scope.links.url('brokers:delete'), remove(ctx, scope, ids)) };
    },
    /** KRaft: the broker is unregistered from the controller; a running broker registers again at once. */
    unregisterKafkaBroker: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const id = Number(ctx.params.broker_id);
      if (!BROKERS.includes(id)) throw kafkaError(404, 404102, 'The given broker ID was not registered in the cluster.');
      return { status: 202, body: { cluster_id: scope.id, broker_id: id } };
    },
    listKafkaAllBrokerTasks: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: scope.links.list('KafkaBrokerTaskList', scope.links.url('brokers', '-', 'tasks'), tasksOf(scope).map((r) => task(scope, r))) };
    },
    listKafkaAllBrokerTasksByType: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const type = taskType(ctx.params.task_type);
      const data = type === 'remove-broker' ? tasksOf(scope).map((r) => task(scope, r)) : [];
      return { status: 200, body: scope.links.list('KafkaBrokerTaskList', scope.links.url('brokers', '-', 'tasks', type), data) };
    },
    listKafkaBrokerTasks: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const broker = brokerOf(scope, ctx.params.broker_id);
      return { status: 200, body: scope.links.list('KafkaBrokerTaskList', scope.links.url('brokers', broker, 'tasks'), tasksOf(scope, broker).map((r) => task(scope, r))) };
    },
    getKafkaBrokerTask: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const broker = brokerOf(scope, ctx.params.broker_id);
      const type = taskType(ctx.params.task_type);
      const [r] = type === 'remove-broker' ? tasksOf(scope, broker) : [];
      if (!r) throw noTask(broker, type);
      return { status: 200, body: task(scope, r) };
    },
    listKafkaRemoveBrokerTasks: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return { status: 200, body: scope.links.list('KafkaRemoveBrokerTaskList', scope.links.url('remove-broker-tasks'), tasksOf(scope).map((r) => removeBrokerTask(scope, r))) };
    },
    getKafkaRemoveBrokerTask: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const broker = brokerOf(scope, ctx.params.broker_id);
      const [r] = tasksOf(scope, broker);
      if (!r) throw noTask(broker, 'remove-broker');
      return { status: 200, body: removeBrokerTask(scope, r) };
    },
  };
}
