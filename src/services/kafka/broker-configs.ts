import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { CLUSTER_WIDE } from '../../store/kafka.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { invalidKafkaRequest, kafkaError } from './errors.js';
import { BROKERS } from './partitions.js';
import { brokerOf } from './brokers.js';

/** The broker configs the emulated clusters report, with their defaults; the first group may be changed. */
export const BROKER_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'auto.create.topics.enable': 'false',
  'log.cleaner.max.compaction.lag.ms': '9223372036854775807',
  'log.retention.ms': '604800000',
  'num.partitions': '6',
  'ssl.cipher.suites': '',
  'default.replication.factor': '3',
  'message.max.bytes': '2097164',
  'min.insync.replicas': '2',
};
const WRITABLE = new Set(['auto.create.topics.enable', 'log.cleaner.max.compaction.lag.ms', 'log.retention.ms', 'num.partitions', 'ssl.cipher.suites']);

const isBrokerConfig = (name: string) => Object.prototype.hasOwnProperty.call(BROKER_CONFIG_DEFAULTS, name);
const configNotFound = (name: string) => kafkaError(404, 404, `Config ${name} cannot be found.`);

function writable(name: string): void {
  if (!isBrokerConfig(name)) throw invalidKafkaRequest(`Unknown broker config name: ${name}`);
  if (!WRITABLE.has(name)) throw invalidKafkaRequest(`Config ${name} cannot be altered on Confluent Cloud.`);
}

interface Layers {
  broker?: Record<string, string>;
  cluster: Record<string, string>;
}

/** A config with its synonyms in precedence order: the broker's value, the cluster-wide one, the default. */
function describe(name: string, layers: Layers) {
  const synonyms = [
    ...(layers.broker?.[name] !== undefined ? [{ name, value: layers.broker[name], source: 'DYNAMIC_BROKER_CONFIG' }] : []),
    ...(layers.cluster[name] !== undefined ? [{ name, value: layers.cluster[name], source: 'DYNAMIC_DEFAULT_BROKER_CONFIG' }] : []),
    { name, value: BROKER_CONFIG_DEFAULTS[name], source: 'DEFAULT_CONFIG' },
  ];
  return { name, value: synonyms[0].value, is_default: synonyms[0].source === 'DEFAULT_CONFIG', is_read_only: !WRITABLE.has(name), is_sensitive: false, source: synonyms[0].source, synonyms };
}

export function brokerConfigHandlers(rt: Runtime): HandlerMap {
  const cluster = (scope: ClusterScope) => rt.kafka.brokerConfigs(scope.id, CLUSTER_WIDE);

  const clusterConfig = (scope: ClusterScope, name: string) => ({
    kind: 'KafkaClusterConfig',
    metadata: { self: scope.links.url('broker-configs', name), resource_name: scope.links.crn(['broker-config', name]) },
    cluster_id: scope.id,
    config_type: 'BROKER',
    ...describe(name, { cluster: cluster(scope) }),
  });

  const brokerConfig = (scope: ClusterScope, broker: number, name: string) => ({
    kind: 'KafkaBrokerConfig',
    metadata: { self: scope.links.url('brokers', broker, 'configs', name), resource_name: scope.links.crn(['broker', broker], ['config', name]) },
    cluster_id: scope.id,
    broker_id: broker,
    ...describe(name, { broker: rt.kafka.brokerConfigs(scope.id, broker), cluster: cluster(scope) }),
  });

  /** Applies a batch after checking every entry: all or nothing. */
  function alter(ctx: RequestContext, scope: ClusterScope, broker: number) {
    const b = ctx.body as { data: Array<{ name: string; value?: string | null; operation?: string | null }>; validate_only?: boolean };
    for (const e of b.data) writable(e.name);
    if (!b.validate_only) {
      rt.tx(() => {
        for (const e of b.data) rt.kafka.setBrokerConfig(scope.id, broker, e.name, e.operation === 'DELETE' ? null : String(e.value ?? BROKER_CONFIG_DEFAULTS[e.name]));
      });
    }
    return { status: 204 };
  }

  function set(ctx: RequestContext, broker: number) {
    const scope = clusterOf(rt, ctx);
    writable(ctx.params.name);
    const value = (ctx.body as { value?: string | null }).value;
    rt.tx(() => rt.kafka.setBrokerConfig(scope.id, broker, ctx.params.name, value === null || value === undefined ? null : String(value)));
    return { status: 204 };
  }

  function reset(ctx: RequestContext, broker: number) {
    const scope = clusterOf(rt, ctx);
    if (!isBrokerConfig(ctx.params.name)) throw configNotFound(ctx.params.name);
    rt.tx(() => rt.kafka.setBrokerConfig(scope.id, broker, ctx.params.name, null));
    return { status: 204 };
  }

  return {
    /** Lists only the configs set dynamically for the whole cluster, as Kafka REST does. */
    listKafkaClusterConfigs: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = Object.keys(cluster(scope)).sort().map((n) => clusterConfig(scope, n));
      return { status: 200, body: scope.links.list('KafkaClusterConfigList', scope.links.url('broker-configs'), data) };
    },
    getKafkaClusterConfig: (ctx) => {
      const scope = clusterOf(rt, ctx);
      if (!isBrokerConfig(ctx.params.name)) throw configNotFound(ctx.params.name);
      return { status: 200, body: clusterConfig(scope, ctx.params.name) };
    },
    updateKafkaClusterConfig: (ctx) => set(ctx, CLUSTER_WIDE),
    deleteKafkaClusterConfig: (ctx) => reset(ctx, CLUSTER_WIDE),
    updateKafkaClusterConfigs: (ctx) => alter(ctx, clusterOf(rt, ctx), CLUSTER_WIDE),

    listKafkaBrokerConfigs: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const broker = brokerOf(scope, ctx.params.broker_id);
      const data = Object.keys(BROKER_CONFIG_DEFAULTS).map((n) => brokerConfig(scope, broker, n));
      return { status: 200, body: scope.links.list('KafkaBrokerConfigList', scope.links.url('brokers', broker, 'configs'), data) };
    },
    listKafkaAllBrokerConfigs: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = BROKERS.flatMap((b) => Object.keys(BROKER_CONFIG_DEFAULTS).map((n) => brokerConfig(scope, b, n)));
      return { status: 200, body: scope.links.list('KafkaBrokerConfigList', scope.links.url('brokers', '-', 'configs'), data) };
    },
    getKafkaBrokerConfig: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const broker = brokerOf(scope, ctx.params.broker_id);
      if (!isBrokerConfig(ctx.params.name)) throw configNotFound(ctx.params.name);
      return { status: 200, body: brokerConfig(scope, broker, ctx.params.name) };
    },
    updateKafkaBrokerConfig: (ctx) => set(ctx, brokerOf(clusterOf(rt, ctx), ctx.params.broker_id)),
    deleteKafkaBrokerConfig: (ctx) => reset(ctx, brokerOf(clusterOf(rt, ctx), ctx.params.broker_id)),
    updateKafkaBrokerConfigBatch: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return alter(ctx, scope, brokerOf(scope, ctx.params.broker_id));
    },
  };
}
