import { unprocessable } from '../../core/errors.js';
import { observe, startState } from '../../core/lifecycle.js';
import { getAt, setAt } from '../../core/pointer.js';
import type { ResourceHooks } from '../../engine/hooks.js';

/** The quotas on pipelines (Confluent's codes), as openapi/sd-v1.yaml declares them; the service-quota API lists them. */
export const PIPELINE_QUOTAS = {
  perOrg: { name: 'pipelines_per_org', limit: 100 },
  perCluster: { name: 'pipelines_per_cluster', limit: 50 },
} as const;

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

/**
 * Stream Designer pipelines (sd/v1): the component counts, the activation privilege, and the
 * activation state: DRAFT until activated, then ACTIVATING and ACTIVE on the lifecycle clock
 * (DEACTIVATING and DRAFT on the way back). The scoping (environment and Kafka cluster), the
 * reference checks and the quotas are declared in openapi/sd-v1.yaml.
 */
export const pipelineHooks: ResourceHooks = {
  beforeCreate(_h, d) {
    checkPrivilege(d.body.spec as Record<string, unknown>);
    d.body.status = countComponents(String(getAt(d.body, '/spec/source_code/sql') ?? ''));
  },

  /** The counts follow the source code; an activation or a deactivation starts the lifecycle clock again, under the request's policy. */
  onUpdate(h, previous, next) {
    const wasActivated = activatedOf(previous.body);
    const activated = activatedOf(next.body);
    if (activated && !wasActivated) checkPrivilege(next.body.spec as Record<string, unknown>);
    next.body.status = { ...(next.body.status as Record<string, unknown>), ...countComponents(String(getAt(next.body, '/spec/source_code/sql') ?? '')) };
    if (activated !== wasActivated) {
      const seen = observe(startState(h.policy!(), h.now, 'ready'), h.decl.lifecycle!, h.now, false);
      next.lifecycle = seen.state;
      setAt(next.body, '/status/state', stateOf(seen.phase!, activated));
    }
  },

  afterCreate(h, row) {
    if (activatedOf(row.body)) return;
    // Not activated: a DRAFT, with no activation running.
    row.lifecycle = null;
    setAt(row.body, '/status/state', 'DRAFT');
    h.engine.repositories.save(row);
  },

  onPhase(_h, row, phase) {
    setAt(row.body, '/status/state', stateOf(phase, activatedOf(row.body)));
  },
};
