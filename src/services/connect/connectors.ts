import { badRequest } from '../../core/errors.js';
import { compileGraph, observe, startState, type LifecyclePolicy, type LifecycleSpec, type Observation, type PhaseGraph } from '../../core/lifecycle.js';
import { CRN_PREFIX, stripCrnPrefix } from '../../core/crn.js';
import { lifecycleKind } from '../../control/phased-kinds.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { header, type HandlerMap, type AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import { liveBootstrapEndpoint } from '../cmk/bootstrap.js';
import { configProblems, connectError, invalidConfig, managedTypeOf, masked, taskCount, type ConnectorType } from './config.js';

export const CONNECTOR = 'ConnectConnector';
export const CUSTOM_PLUGIN = 'CustomConnectorPlugin';

/** Time on the virtual clock (timed mode) for a connector to start, and to pause or resume. */
export const PROVISION_MS = 30_000;
export const PAUSE_MS = 5_000;

type State = 'PROVISIONING' | 'RUNNING' | 'PAUSED' | 'FAILED';

/** What the emulator keeps of a connector (the `body` of its resource row). */
interface ConnectorBody {
  name: string;
  environment: string;
  kafka_cluster: string;
  config: Record<string, string>;
  type: ConnectorType;
  /** The custom plugin's sensitive properties, masked on output with the usual secrets. */
  sensitive?: string[];
  /** The state asked for: pause and resume change it. */
  target: 'RUNNING' | 'PAUSED';
  /** The transition under way (or last completed): from one state to another in duration_ms. */
  from: State;
  to: State;
  duration_ms: number;
  /** The state shown, as of the last observation. */
  state: State;
  /** Why the connector failed, shown in its status once FAILED. */
  trace: string;
  /** `kafka.endpoint` was filled in from the cluster (not given): it is shown as the cluster's live bootstrap. */
  endpoint_filled?: boolean;
}

/**
 * Connectors are created by the handlers below; a fixture may also load one, which needs a name
 * and a config and starts RUNNING. The CRN names the connector, as Confluent's role bindings do.
 */
export const connectorHooks: ResourceHooks = {
  beforeCreate(_h, d) {
    const b = d.body as Partial<ConnectorBody>;
    if (typeof b.name !== 'string' || !b.config || typeof b.config !== 'object') throw badRequest('A connector needs a `name` and a `config` object');
    b.config = Object.fromEntries(Object.entries(b.config).map(([k, v]) => [k, String(v)]));
    b.type ??= managedTypeOf(b.config['connector.class'] ?? '') ?? 'source';
    b.target ??= 'RUNNING';
    b.from ??= 'RUNNING';
    b.to ??= b.target;
    b.state ??= b.to;
    b.duration_ms ??= PROVISION_MS;
    b.trace ??= '';
  },
  crn(h, d) {
    const cluster = h.engine.repository('KafkaCluster').get(d.org, d.scope);
    const parent = cluster ? stripCrnPrefix(cluster.crn) : `organization=${d.org}/cloud-cluster=${d.scope}`;
    return `${CRN_PREFIX}${parent}/connector=${String(d.body.name ?? d.id)}`;
  },
};

const org = (ctx: AuthenticatedContext) => ctx.caller.orgId;

/**
 * The Kafka cluster of the path, which must be in the environment of the path, in the caller's
 * organization (404 `account not found` otherwise, as Confluent answers).
 */
export function clusterOf(engine: Engine, ctx: AuthenticatedContext): ResourceRow {
  const env = ctx.params.environment_id;
  const id = ctx.params.kafka_cluster_id;
  if (!engine.repository('Environment').get(org(ctx), env)) throw connectError(404, `account not found: the environment '${env}' does not exist`);
  const cluster = engine.repository('KafkaCluster').get(org(ctx), id);
  if (!cluster || cluster.scope !== env) throw connectError(404, `account not found: the Kafka cluster '${id}' does not exist in the environment '${env}'`);
  return cluster;
}

function findConnector(engine: Engine, ctx: AuthenticatedContext, cluster: ResourceRow, name: string): ResourceRow | undefined {
  return engine.repository(CONNECTOR).where(org(ctx), '/name', name, cluster.id)[0];
}

function connectorOf(engine: Engine, ctx: AuthenticatedContext, cluster: ResourceRow): ResourceRow {
  const row = findConnector(engine, ctx, cluster, ctx.params.connector_name);
  if (!row) throw connectError(404, `Connector ${ctx.params.connector_name} not found`);
  return observeConnector(engine, row, true);
}

const specOf = (b: ConnectorBody): LifecycleSpec => ({ field: '/state', initial: b.from, ready: b.to, failed: 'FAILED', duration_ms: b.duration_ms });

/**
 * A connector's phase graph: every state it shows, the transition under way (from one state to
 * another in duration_ms: provisioning, pausing, resuming) being the one transitional phase.
 */
const CONNECTOR_STATES: State[] = ['PROVISIONING', 'RUNNING', 'PAUSED', 'FAILED'];
function graphOfConnector(b: ConnectorBody | undefined): PhaseGraph {
  const spec = b ? specOf(b) : { field: '/state', initial: 'PROVISIONING', ready: 'RUNNING', failed: 'FAILED', duration_ms: PROVISION_MS };
  const g = compileGraph(spec, 'connector');
  for (const s of CONNECTOR_STATES) g.phases[s] ??= {};
  return g;
}

/** Stores what the phase machine decided for a connector. */
function applyConnector(engine: Engine, row: ResourceRow, seen: Observation): ResourceRow {
  if (!seen.changed) return row;
  row.lifecycle = seen.state;
  (row.body as unknown as ConnectorBody).state = seen.phase as State;
  engine.repositories.save(row);
  return row;
}

/** Brings a connector's state up to date on the virtual clock, as one read (or not). */
function observeConnector(engine: Engine, row: ResourceRow, isRead: boolean): ResourceRow {
  if (!row.lifecycle) return row;
  return applyConnector(engine, row, observe(row.lifecycle, specOf(row.body as unknown as ConnectorBody), engine.rt.clock.now(), isRead));
}

/** Starts a transition of the shown state, which completes on the virtual clock under the policy. */
function transition(engine: Engine, row: ResourceRow, from: State, to: State, durationMs: number, policy: LifecyclePolicy, outcome: 'ready' | 'failed' = 'ready'): void {
  const b = row.body as unknown as ConnectorBody;
  const now = engine.rt.clock.now();
  Object.assign(b, { from, to, duration_ms: durationMs });
  const seen = observe(startState(policy, now, outcome), specOf(b), now, false);
  row.lifecycle = seen.state;
  b.state = seen.phase as State;
  row.updated_at = now;
}

const failedOutcome = (row: ResourceRow) => row.lifecycle?.outcome === 'failed';

// ---- rendering --------------------------------------------------------------------------------

const bodyOf = (row: ResourceRow) => row.body as unknown as ConnectorBody;
const tasksOf = (b: ConnectorBody) => Array.from({ length: taskCount(b.config) }, (_, task) => ({ connector: b.name, task }));

/**
 * The configuration as shown, secrets masked. A `kafka.endpoint` that Confluent filled in is the
 * cluster's bootstrap as of this request (its host and the Kafka listener's port, which can change
 * between runs), the same address the cluster itself shows; one the user gave stays as given.
 */
function configShown(engine: Engine, baseUrl: string, cluster: ResourceRow, b: ConnectorBody): Record<string, string> {
  const config = b.endpoint_filled ? { ...b.config, 'kafka.endpoint': liveBootstrapEndpoint(engine.rt, baseUrl, cluster) } : b.config;
  return masked(config, b.sensitive);
}

function connectorView(row: ResourceRow, config: Record<string, string>) {
  const b = bodyOf(row);
  return { name: b.name, config, tasks: tasksOf(b), type: b.type };
}

/**
 * The status: tasks appear once the connector runs (they are [] while it provisions, and when it
 * failed), each in the connector's state; the worker is named after the connector, and `trace`
 * says why a FAILED connector failed.
 */
function statusView(row: ResourceRow) {
  const b = bodyOf(row);
  const state = b.state ?? 'RUNNING';
  const tasks = state === 'RUNNING' || state === 'PAUSED' ? tasksOf(b).map((t) => ({ id: t.task, state, worker_id: b.name, msg: '' })) : [];
  return { name: b.name, connector: { state, worker_id: b.name, trace: state === 'FAILED' ? b.trace : '' }, tasks, type: b.type };
}

// ---- configuration --------------------------------------------------------------------------

interface Resolved {
  config: Record<string, string>;
  type: ConnectorType;
  sensitive: string[];
  /** Why the connector will fail once provisioned, or '' when it will run. */
  trace: string;
  /** `kafka.endpoint` came from the cluster, not from the input. */
  endpointFilled: boolean;
}

/**
 * Checks a configuration (400 in the connect shape when invalid), fills in what Confluent adds
 * (the Kafka endpoint, region and cloud of the cluster), and works out whether the connector will
 * run: its Kafka API key must be a live key of this cluster with that secret, or its service
 * account must exist; otherwise it ends FAILED with the reason in its trace, as on Confluent Cloud.
 */
function resolveConfig(engine: Engine, ctx: AuthenticatedContext, cluster: ResourceRow, name: string, input: Record<string, string>): Resolved {
  const config: Record<string, string> = { ...input };
  if (config.name !== undefined && config.name !== name) {
    throw connectError(400, `Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`);
  }
  config.name = name;
  const custom = config['confluent.connector.type'] === 'CUSTOM';
  let type: ConnectorType | undefined;
  let sensitive: string[] = [];
  if (custom) {
    const pluginId = config['confluent.custom.plugin.id'];
    const plugin = pluginId ? engine.repository(CUSTOM_PLUGIN).get(org(ctx), pluginId) : undefined;
    if (pluginId && !plugin) throw connectError(400, `The custom connector plugin '${pluginId}' does not exist`);
    if (plugin) {
      type = String(plugin.body.connector_type).toLowerCase() as ConnectorType;
      sensitive = (plugin.body.sensitive_config_properties as string[] | undefined) ?? [];
      config['connector.class'] ??= String(plugin.body.connector_class);
    }
  } else if (config['connector.class']) {
    type = managedTypeOf(config['connector.class']);
    if (!type) throw connectError(400, `Failed to find any class that implements Connector and which name matches ${config['connector.class']}`);
  }
  const problems = configProblems(config, type, custom);
  if (problems.length) throw invalidConfig(problems);

  const spec = (cluster.body.spec ?? {}) as Record<string, unknown>;
  config['cloud.environment'] ??= 'prod';
  if (spec.cloud) config['cloud.provider'] ??= String(spec.cloud).toLowerCase();
  const endpointFilled = config['kafka.endpoint'] === undefined && !!spec.kafka_bootstrap_endpoint;
  if (endpointFilled) config['kafka.endpoint'] = String(spec.kafka_bootstrap_endpoint);
  if (spec.region) config['kafka.region'] ??= String(spec.region);

  const errors: string[] = [];
  if ((config['kafka.auth.mode'] ?? 'KAFKA_API_KEY') === 'KAFKA_API_KEY') {
    const cred = engine.rt.credentials.verify(config['kafka.api.key'], config['kafka.api.secret']);
    if (!cred || cred.org_id !== org(ctx) || cred.resource_id !== cluster.id) {
      errors.push('kafka.api.key: Provided Kafka ApiKey is invalid', 'kafka.api.secret: Provided Kafka ApiKey is invalid');
    }
  } else if (!engine.repository('ServiceAccount').get(org(ctx), config['kafka.service.account.id'])) {
    errors.push(`kafka.service.account.id: The service account '${config['kafka.service.account.id']}' does not exist`);
  }
  let trace = errors.length ? `There were some errors with your configuration:\n${errors.join('\n')}\n` : '';
  if (!trace && header(ctx, 'x-emulator-outcome')?.toLowerCase() === 'failed') {
    trace = 'The connector failed because the request that configured it asked for it (X-Emulator-Outcome: failed).\n';
  }
  return { config, type: type!, sensitive, trace, endpointFilled };
}

/** Creates a connector, or replaces the configuration of an existing one; either way it (re)starts provisioning. */
function upsert(engine: Engine, ctx: AuthenticatedContext, cluster: ResourceRow, name: string, input: Record<string, string>, existing: ResourceRow | undefined): ResourceRow {
  const policy = engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
  const r = resolveConfig(engine, ctx, cluster, name, input);
  const outcome = r.trace ? 'failed' : 'ready';
  if (existing) {
    const b = bodyOf(existing);
    Object.assign(b, { config: r.config, type: r.type, sensitive: r.sensitive, trace: r.trace, endpoint_filled: r.endpointFilled });
    transition(engine, existing, 'PROVISIONING', b.target, PROVISION_MS, policy, outcome);
    engine.repositories.save(existing);
    return existing;
  }
  const body: ConnectorBody = {
    name,
    environment: ctx.params.environment_id,
    kafka_cluster: cluster.id,
    config: r.config,
    type: r.type,
    sensitive: r.sensitive,
    target: 'RUNNING',
    from: 'PROVISIONING',
    to: 'RUNNING',
    duration_ms: PROVISION_MS,
    state: 'PROVISIONING',
    trace: r.trace,
    endpoint_filled: r.endpointFilled,
  };
  const row = engine.create(engine.decl(CONNECTOR), body as unknown as Record<string, unknown>, { org: org(ctx), baseUrl: ctx.baseUrl, scope: cluster.id, trusted: true });
  transition(engine, row, 'PROVISIONING', 'RUNNING', PROVISION_MS, policy, outcome);
  engine.repositories.save(row);
  return row;
}

/** The expansions `expand` asks for, repeated or comma-separated; undefined without the parameter. */
function expansions(ctx: AuthenticatedContext): Set<string> | undefined {
  const raw = ctx.query.expand;
  if (raw === undefined) return undefined;
  return new Set((Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).map((v) => v.trim()));
}

// ---- handlers ---------------------------------------------------------------------------------

export function connectorHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  const tx = <T>(fn: () => T) => rt.tx(fn);
  const view = (ctx: AuthenticatedContext, cluster: ResourceRow, row: ResourceRow) => connectorView(row, configShown(engine, ctx.baseUrl, cluster, bodyOf(row)));
  // The control plane's advance and fail: a connector's state is a lifecycle of its own transition.
  rt.phasedKinds.register(
    lifecycleKind({
      type: CONNECTOR,
      kind: 'Connector',
      api_version: 'connect/v1',
      graph: (row) => graphOfConnector(row && bodyOf(row)),
      phases: CONNECTOR_STATES,
      apply: (row, seen) => applyConnector(engine, row, seen),
      now: () => rt.clock.now(),
    }),
  );

  return {
    listConnectv1Connectors: (ctx) =>
      tx(() => {
        const cluster = clusterOf(engine, ctx);
        const rows = engine.repository(CONNECTOR).list({ org: org(ctx), scope: cluster.id }).map((r) => observeConnector(engine, r, true));
        const expand = expansions(ctx);
        if (!expand) return { status: 200, body: rows.map((r) => bodyOf(r).name) };
        const out: Record<string, Record<string, unknown>> = {};
        for (const row of rows) {
          const item: Record<string, unknown> = {};
          if (expand.has('id')) item.id = { id: row.id, id_type: 'ID' };
          if (expand.has('info')) item.info = view(ctx, cluster, row);
          if (expand.has('status')) item.status = statusView(row);
          out[bodyOf(row).name] = item;
        }
        return { status: 200, body: out };
      }),

    createConnectv1Connector: (ctx) =>
      tx(() => {
        const cluster = clusterOf(engine, ctx);
        const body = (ctx.body ?? {}) as { name?: string; config?: Record<string, string> };
        if (typeof body.name !== 'string' || body.name.trim() === '') throw connectError(400, 'The connector name is required: send `name`');
        if (!body.config) throw connectError(400, 'The connector configuration is required: send `config`');
        if (findConnector(engine, ctx, cluster, body.name)) throw connectError(409, `Connector ${body.name} already exists`);
        return { status: 201, body: view(ctx, cluster, upsert(engine, ctx, cluster, body.name, body.config, undefined)) };
      }),

    readConnectv1Connector: (ctx) =>
      tx(() => {
        const cluster = clusterOf(engine, ctx);
        return { status: 200, body: view(ctx, cluster, connectorOf(engine, ctx, cluster)) };
      }),

    getConnectv1ConnectorConfig: (ctx) =>
      tx(() => {
        const cluster = clusterOf(engine, ctx);
        return { status: 200, body: configShown(engine, ctx.baseUrl, cluster, bodyOf(connectorOf(engine, ctx, cluster))) };
      }),

    createOrUpdateConnectv1ConnectorConfig: (ctx) =>
      tx(() => {
        const cluster = clusterOf(engine, ctx);
        const name = ctx.params.connector_name;
        const input = (ctx.body ?? {}) as Record<string, string>;
        if (input.name === undefined) throw invalidConfig([{ key: 'name', message: 'Missing required configuration "name" which has no default value.' }]);
        const existing = findConnector(engine, ctx, cluster, name);
        return { status: 200, body: view(ctx, cluster, upsert(engine, ctx, cluster, name, input, existing)) };
      }),

    readConnectv1ConnectorStatus: (ctx) => tx(() => ({ status: 200, body: statusView(connectorOf(engine, ctx, clusterOf(engine, ctx))) })),

    listConnectv1ConnectorTasks: (ctx) =>
      tx(() => {
        const cluster = clusterOf(engine, ctx);
        const b = bodyOf(connectorOf(engine, ctx, cluster));
        const config = configShown(engine, ctx.baseUrl, cluster, b);
        return { status: 200, body: tasksOf(b).map((id) => ({ id, config })) };
      }),

    pauseConnectv1Connector: (ctx) =>
      tx(() => {
        const policy = engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
        const row = connectorOf(engine, ctx, clusterOf(engine, ctx));
        const b = bodyOf(row);
        if (b.target !== 'PAUSED') {
          b.target = 'PAUSED';
          // A failed connector stays FAILED: only the state asked for changes.
          if (!failedOutcome(row)) transition(engine, row, b.state, 'PAUSED', PAUSE_MS, policy);
          engine.repositories.save(row);
        }
        return { status: 202 };
      }),

    resumeConnectv1Connector: (ctx) =>
      tx(() => {
        const policy = engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
        const row = connectorOf(engine, ctx, clusterOf(engine, ctx));
        const b = bodyOf(row);
        // Resuming a connector that is not paused does nothing.
        if (b.target === 'PAUSED') {
          b.target = 'RUNNING';
          if (!failedOutcome(row)) transition(engine, row, b.state, 'RUNNING', PAUSE_MS, policy);
          engine.repositories.save(row);
        }
        return { status: 202 };
      }),

    deleteConnectv1Connector: (ctx) =>
      tx(() => {
        const row = connectorOf(engine, ctx, clusterOf(engine, ctx));
        engine.delete(engine.decl(CONNECTOR), row, ctx.baseUrl);
        return { status: 200, body: { error: null } };
      }),
  };
}
