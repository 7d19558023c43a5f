import { notFound, quotaExceeded, unprocessable } from '../../core/errors.js';
import { observe, startState } from '../../core/lifecycle.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Engine } from '../../engine/engine.js';
import { crudHandler } from '../../engine/crud.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { header, type HandlerMap, type RequestContext } from '../../contract/handler.js';
import { pickDeclared } from '../../engine/objects.js';

const PIPELINE = 'Pipeline';

/** The quotas on pipelines (Confluent's codes), enforced here; `quotas` in the configuration overrides them. */
export const PIPELINE_QUOTAS = {
  perOrg: { name: 'pipelines_per_org', limit: 100 },
  perCluster: { name: 'pipelines_per_cluster', limit: 50 },
} as const;

type Ref = { id?: string; environment?: string };

/**
 * What a pipeline's ksqlDB statements define: a topic per stream or table declared, a connector
 * per CREATE SOURCE/SINK CONNECTOR, a query per CREATE ... AS SELECT and INSERT INTO. A count
 * of statements, not a parse: text in comments and string literals is counted too.
 */
export function countComponents(sql: string): { topic_count: number; connector_count: number; query_count: number } {
  const count = (re: RegExp) => (sql.match(re) ?? []).length;
  return {
    topic_count: count(/\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:SOURCE\s+)?(?:STREAM|TABLE)\b/gi),
    connector_count: count(/\bCREATE\s+(?:SOURCE|SINK)\s+CONNECTOR\b/gi),
    query_count: count(/\bAS\s+SELECT\b/gi) + count(/\bINSERT\s+INTO\b/gi),
  };
}

/**
 * The state shown for a phase of the activation lifecycle: the declared phases are those of an
 * activation (ACTIVATING, then ACTIVE); a deactivation runs the same clock and shows DEACTIVATING,
 * then DRAFT.
 */
function stateOf(phase: string, activated: boolean): string {
  if (activated || phase === 'FAILED') return phase;
  return phase === 'ACTIVE' ? 'DRAFT' : 'DEACTIVATING';
}

const activatedOf = (body: Record<string, unknown>) => getAt(body, '/spec/activated') === true;

function checkPrivilege(spec: Record<string, unknown>): void {
  if (spec.activated === true && spec.activation_privilege !== true) {
    throw unprocessable('A pipeline can be activated only with spec.activation_privilege set to true', '/spec/activated');
  }
}

/** A ksqlDB cluster must run on the pipeline's Kafka cluster; a Schema Registry cluster must be in its environment. */
function checkClusters(engine: Engine, org: string, body: Record<string, unknown>, env: string, kafka: string): void {
  const ksql = getAt(body, '/spec/ksql_cluster') as Ref | undefined;
  if (ksql?.id) {
    const row = engine.rt.resources.get(org, 'KsqlCluster', ksql.id);
    if (row && getAt(row.body, '/spec/kafka_cluster/id') !== kafka) {
      throw unprocessable(`The ksqlDB cluster '${ksql.id}' does not run on the Kafka cluster '${kafka}'`, '/spec/ksql_cluster/id');
    }
  }
  const sr = getAt(body, '/spec/stream_governance_cluster') as Ref | undefined;
  if (sr?.id && sr.environment !== undefined && sr.environment !== env) {
    throw unprocessable(`The Schema Registry cluster '${sr.id}' is not in the environment '${env}'`, '/spec/stream_governance_cluster/id');
  }
}

/**
 * Stream Designer pipelines (sd/v1): the Kafka cluster must be in the pipeline's environment, the
 * per-organization and per-cluster quotas, the component counts, and the activation state: DRAFT
 * until activated, then ACTIVATING and ACTIVE on the lifecycle clock (DEACTIVATING and DRAFT on
 * the way back).
 */
export const pipelineHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const kafka = getAt(d.body, '/spec/kafka_cluster') as Ref;
    if (kafka.environment !== d.scope) {
      throw unprocessable(`The Kafka cluster '${kafka.id}' is not in the environment '${d.scope}'`, '/spec/kafka_cluster/id');
    }
    checkPrivilege(d.body.spec as Record<string, unknown>);
    checkClusters(h.engine, d.org, d.body, d.scope, kafka.id!);
    const rt = h.engine.rt;
    const { perOrg, perCluster } = PIPELINE_QUOTAS;
    if (rt.resources.atLeast({ org: d.org, type: PIPELINE, filters: [], limit: 0 }, rt.config.quotas[perOrg.name] ?? perOrg.limit)) throw quotaExceeded(perOrg.name);
    const onCluster = { org: d.org, type: PIPELINE, filters: [{ pointer: '/spec/kafka_cluster/id', values: [kafka.id!], match: 'exact' as const }], limit: 0 };
    if (rt.resources.atLeast(onCluster, rt.config.quotas[perCluster.name] ?? perCluster.limit)) throw quotaExceeded(perCluster.name);
    d.body.status = countComponents(String(getAt(d.body, '/spec/source_code/sql') ?? ''));
  },

  afterCreate(h, row) {
    if (activatedOf(row.body)) return;
    // Not activated: a DRAFT, with no activation running.
    row.lifecycle = null;
    setAt(row.body, '/status/state', 'DRAFT');
    h.engine.rt.resources.update(row);
  },

  onPhase(_h, row, phase) {
    setAt(row.body, '/status/state', stateOf(phase, activatedOf(row.body)));
  },
};

/**
 * The operations whose scoping the engine cannot express, each after deleting the pipelines whose
 * Kafka cluster is gone: read and delete are scoped to the Kafka cluster (`spec.kafka_cluster`)
 * as well as the environment; update takes both from its body, changes the ksqlDB and Schema
 * Registry clusters, and starts an activation or deactivation under the request's lifecycle policy.
 */
export function pipelineHandlers(engine: Engine): HandlerMap {
  const ops = new Map(engine.rt.docs.operations.map((op) => [op.operationId, op]));
  const decl = engine.decl(PIPELINE);
  const list = crudHandler(engine, ops.get('listSdV1Pipelines')!);
  const read = crudHandler(engine, ops.get('getSdV1Pipeline')!);
  const remove = crudHandler(engine, ops.get('deleteSdV1Pipeline')!);

  const missing = (id: string) => notFound(`The Pipeline '${id}' was not found`);

  /** 404 unless the pipeline is on the Kafka cluster the query names. */
  const onCluster = (ctx: RequestContext) => {
    const row = engine.rt.resources.get(ctx.caller!.orgId, PIPELINE, ctx.params.id);
    if (row && getAt(row.body, '/spec/kafka_cluster/id') !== ctx.query['spec.kafka_cluster']) throw missing(ctx.params.id);
  };

  return {
    listSdV1Pipelines: list,
    getSdV1Pipeline: (ctx) => {
      onCluster(ctx);
      return read(ctx);
    },
    deleteSdV1Pipeline: (ctx) => {
      onCluster(ctx);
      return remove(ctx);
    },
    updateSdV1Pipeline: (ctx) => {
      const org = ctx.caller!.orgId;
      const patch = (pickDeclared(ctx.body ?? {}, ctx.op.requestSchema) ?? {}) as Record<string, unknown>;
      const spec = (patch.spec ?? {}) as Record<string, unknown>;
      const policy = engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));
      const row = engine.rt.tx(() => {
        const current = engine.read(decl, org, ctx.params.id, undefined, ctx.baseUrl);
        const env = (spec.environment as Ref | undefined)?.id;
        const kafka = (spec.kafka_cluster as Ref | undefined)?.id;
        if ((env !== undefined && env !== current.scope) || (kafka !== undefined && kafka !== getAt(current.body, '/spec/kafka_cluster/id'))) throw missing(ctx.params.id);
        const wasActivated = activatedOf(current.body);
        const merged = { ...(current.body.spec as Record<string, unknown>), ...spec };
        if (merged.activated === true && !wasActivated) checkPrivilege(merged);

        // The ksqlDB and Schema Registry clusters may change: resolved as on create (422 when missing).
        const refs: Record<string, unknown> = {};
        for (const [field, type] of [['ksql_cluster', 'KsqlCluster'], ['stream_governance_cluster', 'SchemaRegistryCluster']] as const) {
          const ref = spec[field] as Ref | undefined;
          if (ref === undefined) continue;
          const target = ref.id ? engine.rt.resources.get(org, type, ref.id) : undefined;
          if (!target) throw unprocessable(`The referenced object '${ref.id ?? ''}' at '/spec/${field}' does not exist`, `/spec/${field}/id`);
          refs[field] = engine.reference(target, ctx.baseUrl);
        }
        checkClusters(engine, org, { spec: refs }, current.scope, String(getAt(current.body, '/spec/kafka_cluster/id')));

        const updated: ResourceRow = engine.update(decl, current, patch, ctx.baseUrl, ctx.caller!.ownerId);
        for (const [field, ref] of Object.entries(refs)) setAt(updated.body, `/spec/${field}`, ref);
        if (typeof spec.source_code === 'object' && spec.source_code !== null) {
          Object.assign(updated.body.status as Record<string, unknown>, countComponents(String(getAt(updated.body, '/spec/source_code/sql') ?? '')));
        }
        const activated = activatedOf(updated.body);
        if (activated !== wasActivated) {
          // An activation or a deactivation: the lifecycle clock starts again.
          const seen = observe(startState(policy, engine.rt.clock.now(), 'ready'), decl.lifecycle!, engine.rt.clock.now(), false);
          updated.lifecycle = seen.state;
          setAt(updated.body, '/status/state', stateOf(seen.phase!, activated));
        }
        engine.rt.resources.update(updated);
        return updated;
      });
      return { status: ctx.op.successStatus, body: engine.render(decl, row, ctx.baseUrl) };
    },
  };
}
