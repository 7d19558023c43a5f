import { randomUUID } from 'node:crypto';
import { ApiError, badRequest, conflict, forbidden, notFound, unauthenticated, unprocessable } from '../../core/errors.js';
import { allowsTransition, compileGraph, phasesOf, type LifecyclePolicy } from '../../core/lifecycle.js';
import { listIdentity } from '../../core/pagination.js';
import { getAt } from '../../core/pointer.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { cursorOf } from '../../engine/paging.js';
import { header, type HandlerMap, type RequestContext, type AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import { COMPUTE_POOL, STATEMENT, refreshCurrentCfu } from './compute-pools.js';
import { findFlinkRegion } from './regions.js';
import { transactionsOf } from '../kafka/transactions.js';
import { plan as planStatement, recordRow, type Plan } from './sql.js';
import { queryValues } from '../../engine/query.js';
import { encodeSegment } from '../../core/url.js';

/** How long each transitional phase (PENDING, FAILING, DELETING) lasts in `timed` mode. */
const STAGE_MS = 3000;
/** Rows per results batch. */
const BATCH = 100;
/** Exceptions kept per statement; the API answers the 10 most recent. */
const MAX_EXCEPTIONS = 10;
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

interface Stage {
  mode: LifecyclePolicy['mode'];
  readsNeeded: number;
  since: number;
  reads: number;
}

interface StatementException {
  name: string;
  message: string;
  timestamp: number;
}

/** What the emulator keeps about a statement beyond what the API shows, in its row's internal column. */
interface Internal {
  version: number;
  /** The timing of the current transitional phase. */
  stage: Stage | null;
  policy: LifecyclePolicy;
  /** `X-Emulator-Outcome: failed` at create: the statement goes FAILING, then FAILED. */
  inject_failure: boolean;
  /** Set once the statement ran (left PENDING for the first time). */
  plan?: Plan;
  /** Per-partition end offsets the results stop at: a completed LIMIT statement, or a stopped one. */
  ends?: number[];
  exceptions: StatementException[];
  /** Result positions too long for a page_token, by number (see encodeToken). */
  cursors?: Record<string, { o: number[]; n: number }>;
  next_cursor?: number;
}

type Body = Record<string, any>;

const b = (row: ResourceRow) => row.body as Body;
const internal = (row: ResourceRow) => row.internal as unknown as Internal;
const phaseOf = (row: ResourceRow) => String(getAt(row.body, '/status/phase'));

const newStage = (policy: LifecyclePolicy, now: number): Stage => ({ mode: policy.mode, readsNeeded: policy.reads, since: now, reads: 0 });

/**
 * A statement's phase graph. PENDING leads to RUNNING (or COMPLETED, for a statement that reads
 * no topic) once its compute pool is PROVISIONED, or to FAILING when it was created to fail; a
 * topic-reading RUNNING statement completes or fails as its topic does. Those guards and choices
 * are the service's (observe below); the machine's graph gives the phases and their timing.
 */
export const STATEMENT_GRAPH = compileGraph(
  {
    field: '/status/phase',
    initial: 'PENDING',
    failed: 'FAILED',
    deleting: 'DELETING',
    phases: {
      PENDING: { next: 'RUNNING', duration_ms: STAGE_MS, fail: 'FAILING' },
      RUNNING: {},
      COMPLETED: {},
      STOPPING: {},
      STOPPED: {},
      FAILING: { next: 'FAILED', duration_ms: STAGE_MS },
      FAILED: {},
      DELETING: { duration_ms: STAGE_MS },
    },
    transitions: { stop: { from: ['PENDING', 'RUNNING'], to: 'STOPPED' }, resume: { from: ['STOPPED'], to: 'PENDING' } },
  },
  'FlinkStatement',
);

function stageDone(s: Stage, now: number, phase: string): boolean {
  if (s.mode === 'immediate') return true;
  if (s.mode === 'reads') return s.reads >= s.readsNeeded;
  return now - s.since >= (STATEMENT_GRAPH.phases[phase]?.duration_ms ?? STAGE_MS);
}

/**
 * The declared FlinkStatement resource serves storage and cascades only (deleting an environment
 * or a compute pool deletes its statements); statements are created through sql/v1, never as
 * fixtures.
 */
export const statementHooks: ResourceHooks = {
  beforeCreate() {
    throw badRequest('Flink statements are created through sql/v1, not as fixtures');
  },
};

export function statementHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  const statements = engine.repository(STATEMENT);

  // ---- scope and authorization ----------------------------------------------------------------

  /**
   * The environment of the path, once the caller may use it: the organization must be the key's
   * (403), and the key a Flink key: scoped to this environment, to a compute pool of it, or to a
   * Flink region (`aws.us-east-2`). A key of a Kafka or Schema Registry cluster answers 401; one
   * of another environment 403. An environment that does not exist answers 404 (403 on create,
   * which documents no 404).
   */
  function scopeOf(ctx: AuthenticatedContext): ResourceRow {
    const org = ctx.caller.orgId;
    const { organization_id: orgId, environment_id: envId } = ctx.params;
    if (orgId !== org) throw forbidden(`The API key is not authorized for the organization '${orgId}'`);
    const keyed = ctx.caller.resourceId!;
    if (!findFlinkRegion(keyed) && keyed !== envId) {
      const target = engine.repositories.findById(org, keyed);
      if (!target || (target.type !== 'Environment' && target.type !== COMPUTE_POOL)) {
        throw unauthenticated('The API key is not a Flink API key: scope it to an environment, a compute pool or a Flink region');
      }
      if (target.scope !== envId) throw forbidden(`The API key is not authorized for the environment '${envId}'`);
    }
    const env = engine.repository('Environment').get(org, envId);
    if (!env) {
      if (ctx.op.method === 'POST') throw forbidden(`The environment '${envId}' does not exist or the API key is not authorized for it`);
      throw notFound(`The environment '${envId}' was not found`);
    }
    return env;
  }

  const selfUrl = (baseUrl: string, row: ResourceRow) =>
    `${baseUrl}/sql/v1/organizations/${row.org_id}/environments/${encodeSegment(row.scope)}/statements/${encodeSegment(String(b(row).name))}`;

  function findStatement(org: string, env: string, name: string): ResourceRow | undefined {
    return statements.first(org, '/name', name, env);
  }

  /**
   * The statement of the path, its phase brought up to date in a transaction of its own (so that
   * a deletion completed by this read is kept even when the request then fails); 404 when absent
   * or gone.
   */
  function target(ctx: AuthenticatedContext, name: string): ResourceRow {
    const seen = rt.tx(() => {
      const env = scopeOf(ctx);
      const row = findStatement(env.org_id, env.id, name);
      return row && observe(row, true, ctx.baseUrl);
    });
    if (!seen) throw notFound(`The statement '${name}' was not found`);
    return seen;
  }

  // ---- phases ---------------------------------------------------------------------------------

  function setPhase(row: ResourceRow, phase: string, detail: string, now: number): void {
    b(row).status = { ...b(row).status, phase, detail };
    b(row).status.scaling_status = { scaling_state: 'OK', last_updated: rt.clock.iso(now) };
    internal(row).version++;
    row.updated_at = now;
  }

  function addException(row: ResourceRow, name: string, message: string, now: number): void {
    const x = internal(row);
    x.exceptions = [...x.exceptions, { name, message, timestamp: now }].slice(-MAX_EXCEPTIONS);
  }

  /** Per-partition end offsets of a topic plan's topic now; undefined when the topic is gone. */
  function endsOf(p: Extract<Plan, { kind: 'topic' }>): number[] | undefined {
    const topic = rt.kafka.topic(p.cluster, p.topic);
    if (!topic) return undefined;
    return Array.from({ length: topic.partitions }, (_, i) => rt.kafka.endOffset(p.cluster, p.topic, i));
  }

  function traitsOf(p: Exclude<Plan, { kind: 'failed' }>) {
    return {
      sql_kind: p.sql_kind,
      is_bounded: p.kind === 'static' || p.limit !== undefined,
      is_append_only: true,
      upsert_columns: [],
      schema: { columns: p.columns },
    };
  }

  /** Runs a statement leaving PENDING: plans it the first time, then RUNNING or COMPLETED or FAILED. */
  function start(row: ResourceRow, now: number): void {
    const x = internal(row);
    if (!x.plan) {
      const pool = engine.repository(COMPUTE_POOL).get(row.org_id, String(b(row).spec.compute_pool_id));
      x.plan = planStatement(
        { rt, org: row.org_id, env: row.scope, properties: b(row).spec.properties ?? {}, pool: { cloud: String(getAt(pool?.body, '/spec/cloud') ?? ''), region: String(getAt(pool?.body, '/spec/region') ?? '') } },
        String(b(row).spec.statement),
      );
    }
    const p = x.plan;
    if (p.kind === 'failed') {
      addException(row, p.exception, p.detail, now);
      setPhase(row, 'FAILED', p.detail, now);
      return;
    }
    b(row).status.traits = traitsOf(p);
    if (p.kind === 'static') setPhase(row, 'COMPLETED', 'The statement completed.', now);
    else {
      delete x.ends;
      setPhase(row, 'RUNNING', p.limit === undefined ? 'The statement is running: its results follow the topic.' : `The statement is running until ${p.limit} rows have been read.`, now);
    }
  }

  /**
   * Advances a statement on the virtual clock, as one observation (a read counts in `reads`
   * mode); writes the row when it changed. Undefined once a deletion completed.
   */
  function observe(row: ResourceRow, isRead: boolean, baseUrl: string): ResourceRow | undefined {
    const now = rt.clock.now();
    const x = internal(row);
    let changed = false;
    if (x.stage && isRead) {
      x.stage.reads++;
      changed = true;
    }
    for (let guard = 0; guard < 5; guard++) {
      const phase = phaseOf(row);
      if (phase === 'DELETING' && x.stage && stageDone(x.stage, now, phase)) {
        row.deleted_at = now;
        saveRow(row);
        return undefined;
      }
      if (phase === 'PENDING' && x.stage && stageDone(x.stage, now, phase)) {
        // A statement waits for its compute pool to be PROVISIONED.
        const poolRow = engine.repository(COMPUTE_POOL).get(row.org_id, String(b(row).spec.compute_pool_id));
        const pool = poolRow && engine.observeRow(engine.decl(COMPUTE_POOL), poolRow, baseUrl);
        if (!pool || getAt(pool.body, '/status/phase') !== 'PROVISIONED') break;
        changed = true;
        if (x.inject_failure) {
          x.stage = newStage(x.policy, now);
          setPhase(row, 'FAILING', 'The statement is failing (X-Emulator-Outcome: failed).', now);
          continue;
        }
        x.stage = null;
        start(row, now);
        continue;
      }
      if (phase === 'FAILING' && x.stage && stageDone(x.stage, now, phase)) {
        changed = true;
        x.stage = null;
        const message = 'The statement failed as requested with X-Emulator-Outcome: failed';
        addException(row, 'io.confluent.emulator.InjectedFailureException', message, now);
        setPhase(row, 'FAILED', message, now);
        continue;
      }
      if (phase === 'RUNNING' && x.plan?.kind === 'topic') {
        const ends = endsOf(x.plan);
        if (!ends) {
          changed = true;
          const message = `The table '${x.plan.topic}' no longer exists: its topic was deleted`;
          addException(row, 'org.apache.flink.table.api.TableException', message, now);
          setPhase(row, 'FAILED', message, now);
          continue;
        }
        if (x.plan.limit !== undefined && ends.reduce((a, b) => a + b, 0) >= x.plan.limit) {
          changed = true;
          x.ends = ends;
          setPhase(row, 'COMPLETED', 'The statement completed.', now);
        }
      }
      break;
    }
    if (changed) saveRow(row);
    return row;
  }

  /** Writes a statement back; its pool's allocation follows its phase. */
  function saveRow(row: ResourceRow): void {
    statements.save(row);
    refreshCurrentCfu(engine.repositories, row.org_id, String(b(row).spec.compute_pool_id));
  }

  // ---- rendering ------------------------------------------------------------------------------

  function render(row: ResourceRow, baseUrl: string): Record<string, unknown> {
    const body = b(row);
    const x = internal(row);
    return {
      api_version: 'sql/v1',
      kind: 'Statement',
      metadata: {
        self: selfUrl(baseUrl, row),
        created_at: rt.clock.iso(row.created_at),
        updated_at: rt.clock.iso(row.updated_at),
        uid: row.id,
        resource_version: String(x.version),
      },
      ...body,
      // Confluent's document requires the statement's name inside its spec too, in every answer.
      spec: { ...(body.spec as Record<string, unknown>), statement_name: body.name },
    };
  }

  // ---- results tokens -------------------------------------------------------------------------

  type Position = { i: number } | { o: number[]; n: number };

  /**
   * Results tokens are the position itself, in base 36: `i.<row>` in a static result, `t.<rows
   * emitted>.<offset of partition 0>.<offset of partition 1>...` in a topic's records (trailing
   * zero offsets left out). A position too long for a page_token (255 characters: a topic of many
   * partitions) is kept with the statement instead, as `c.<n>`; the last 100 are kept.
   */
  function decodeToken(row: ResourceRow, token: unknown): Position | undefined {
    if (token === undefined || token === '') return undefined;
    const invalid = () => badRequest('The page token is invalid for this statement', { parameter: 'page_token' }, 'invalid_page_token');
    const [kind, ...rest] = String(token).split('.');
    if (!rest.length || rest.some((v) => !/^[0-9a-z]{1,10}$/.test(v))) throw invalid();
    const nums = rest.map((v) => parseInt(v, 36));
    if (kind === 'i' && nums.length === 1) return { i: nums[0] };
    if (kind === 't') return { n: nums[0], o: nums.slice(1) };
    if (kind === 'c' && nums.length === 1) {
      const kept = internal(row).cursors?.[String(nums[0])];
      if (kept) return kept;
    }
    throw invalid();
  }

  const MAX_TOKEN = 255;
  const MAX_CURSORS = 100;

  function encodeToken(row: ResourceRow, pos: Position): string {
    if ('i' in pos) return `i.${pos.i.toString(36)}`;
    const offsets = [...pos.o];
    while (offsets.length && offsets[offsets.length - 1] === 0) offsets.pop();
    const token = ['t', pos.n, ...offsets].map((v) => v.toString(36)).join('.');
    if (token.length <= MAX_TOKEN) return token;
    const x = internal(row);
    const cursors = (x.cursors ??= {});
    const id = (x.next_cursor = (x.next_cursor ?? 0) + 1);
    cursors[String(id)] = pos;
    for (const k of Object.keys(cursors)) if (Number(k) <= id - MAX_CURSORS) delete cursors[k];
    statements.save(row);
    return `c.${id.toString(36)}`;
  }

  /** One batch of results from a position: rows, and the next position or none when no more will come. */
  function batch(row: ResourceRow, pos: Position | undefined): { data: Array<{ op: number; row: unknown[] }>; next?: Position } {
    const x = internal(row);
    const phase = phaseOf(row);
    const p = x.plan;
    // Not run yet (PENDING, or stopped before it ran): nothing yet, more to come. Failed: nothing.
    if (!p) return { data: [], next: phase === 'PENDING' || phase === 'STOPPED' || phase === 'FAILING' ? (pos ?? { i: 0 }) : undefined };
    if (p.kind === 'failed') return { data: [] };
    if (p.kind === 'static') {
      const from = pos && 'i' in pos ? pos.i : 0;
      const rows = p.rows.slice(from, from + BATCH);
      const end = from + rows.length;
      return { data: rows.map((r) => ({ op: 0, row: r })), next: end < p.rows.length ? { i: end } : undefined };
    }
    const live = endsOf(p) ?? [];
    const ends = x.ends ?? live;
    const offsets = pos && 'o' in pos ? [...pos.o] : [];
    while (offsets.length < ends.length) offsets.push(0);
    let emitted = pos && 'n' in pos ? pos.n : 0;
    const data: Array<{ op: number; row: unknown[] }> = [];
    for (let part = 0; part < ends.length && data.length < BATCH; part++) {
      const remaining = p.limit === undefined ? Infinity : p.limit - emitted;
      const want = Math.min(BATCH - data.length, remaining, ends[part] - offsets[part]);
      if (want <= 0) continue;
      const read = rt.kafka.read(p.cluster, p.topic, part, offsets[part], want);
      // Transaction markers take offsets but are no rows: the position moves past them.
      for (const rec of transactionsOf(rt).dataRecords(p.cluster, p.topic, part, read)) {
        data.push({ op: 0, row: recordRow(p, rec) });
        emitted++;
      }
      if (read.length) offsets[part] = read[read.length - 1].offset + 1;
    }
    const limitReached = p.limit !== undefined && emitted >= p.limit;
    const drained = offsets.every((o, i) => o >= (ends[i] ?? 0));
    const done = limitReached || phase === 'FAILED' || (phase === 'COMPLETED' && drained);
    return { data, next: done ? undefined : { o: offsets, n: emitted } };
  }

  // ---- handlers -------------------------------------------------------------------------------

  const policyOf = (ctx: RequestContext) => engine.policyFrom(header(ctx, 'x-emulator-lifecycle'));

  // The control plane's advance (the transitional phase ends now) and fail (FAILED at once).
  rt.phasedKinds.register({
    type: STATEMENT,
    kind: 'Statement',
    api_version: 'sql/v1',
    graph: STATEMENT_GRAPH,
    phases: phasesOf(STATEMENT_GRAPH),
    byName: true,
    phaseOf,
    settled: (row) => !internal(row).stage,
    tick: (row, baseUrl) => void observe(row, false, baseUrl),
    advance(row, baseUrl) {
      const stage = internal(row).stage;
      if (!stage) return row;
      stage.mode = 'immediate';
      return observe(row, false, baseUrl);
    },
    fail(row, _baseUrl, message = 'The statement was failed through the emulator control plane') {
      const now = rt.clock.now();
      internal(row).stage = null;
      addException(row, 'io.confluent.emulator.InjectedFailureException', message, now);
      setPhase(row, 'FAILED', message, now);
      saveRow(row);
      return row;
    },
  });

  return {
    createSqlv1Statement: (ctx) => {
      const policy = policyOf(ctx);
      const failed = header(ctx, 'x-emulator-outcome')?.toLowerCase() === 'failed';
      return rt.tx(() => {
        const env = scopeOf(ctx);
        const body = ctx.body as Record<string, any>;
        const name = String(body.name);
        if (!NAME.test(name)) throw badRequest(`The statement name '${name}' must be lower-case letters, digits, '-' and '.', starting and ending with a letter or digit`, { pointer: '/name' });
        if (body.organization_id !== undefined && body.organization_id !== env.org_id) throw badRequest('organization_id must be the organization of the path', { pointer: '/organization_id' });
        if (body.environment_id !== undefined && body.environment_id !== env.id) throw badRequest('environment_id must be the environment of the path', { pointer: '/environment_id' });
        const spec = body.spec as Record<string, any>;
        const poolId = String(spec.compute_pool_id);
        const poolRow = engine.repository(COMPUTE_POOL).get(env.org_id, poolId);
        const pool = poolRow && poolRow.scope === env.id ? engine.observeRow(engine.decl(COMPUTE_POOL), poolRow, ctx.baseUrl) : undefined;
        if (!pool || !['PROVISIONING', 'PROVISIONED'].includes(String(getAt(pool.body, '/status/phase')))) {
          throw unprocessable(`The compute pool '${poolId}' does not exist in the environment '${env.id}' or is not usable`, '/spec/compute_pool_id');
        }
        let principal = spec.principal as string | undefined;
        if (principal !== undefined && !engine.repositories.getAny(env.org_id, ['User', 'ServiceAccount'], principal)) {
          throw unprocessable(`The principal '${principal}' is not a user or service account of the organization`, '/spec/principal');
        }
        principal ??= ctx.caller.ownerId;
        const clash = findStatement(env.org_id, env.id, name);
        if (clash) throw conflict(`A statement named '${name}' already exists in the environment '${env.id}'`, selfUrl(ctx.baseUrl, clash));

        const now = rt.clock.now();
        const uid = randomUUID();
        engine.repositories.reserveId(uid);
        const stopped = spec.stopped === true;
        const stored: Body = {
          name,
          organization_id: env.org_id,
          environment_id: env.id,
          spec: { statement: String(spec.statement), properties: { ...(spec.properties ?? {}) }, compute_pool_id: poolId, principal, stopped },
          status: { phase: stopped ? 'STOPPED' : 'PENDING', detail: stopped ? 'The statement was created stopped.' : 'The statement is waiting to run.', scaling_status: { scaling_state: 'OK', last_updated: rt.clock.iso(now) }, network_kind: 'PUBLIC' },
        };
        const x: Internal = { version: 1, stage: stopped ? null : newStage(policy, now), policy, inject_failure: failed, exceptions: [] };
        let row = statements.insert({
          org: env.org_id,
          id: uid,
          scope: env.id,
          crn: `crn://confluent.cloud/organization=${env.org_id}/environment=${env.id}/statement=${name}`,
          body: stored,
          internal: x as unknown as Record<string, unknown>,
        });
        row = observe(row, false, ctx.baseUrl) ?? row;
        return { status: 201, headers: { location: selfUrl(ctx.baseUrl, row) }, body: render(row, ctx.baseUrl) };
      });
    },

    listSqlv1Statements: (ctx) =>
      rt.tx(() => {
        const env = scopeOf(ctx);
        const values = queryValues(ctx.query['spec.compute_pool_id']);
        const filters = values.length ? [{ pointer: '/spec/compute_pool_id', values, match: 'exact' as const }] : [];
        const q = { org: env.org_id, scope: env.id, filters };
        const cursor = cursorOf(rt.tokens, ctx, listIdentity([q.org, STATEMENT, env.id, filters]));
        const rows = statements.list({ ...q, after: cursor.after, limit: cursor.size });
        const last = rows[rows.length - 1]?.seq;
        const hasNext = last !== undefined && statements.exists(q, 'after', last);
        const data = rows.map((r) => observe(r, true, ctx.baseUrl)).filter((r): r is ResourceRow => r !== undefined).map((r) => render(r, ctx.baseUrl));
        const base = `${ctx.baseUrl}/sql/v1/organizations/${env.org_id}/environments/${encodeSegment(env.id)}/statements`;
        const params = new URLSearchParams();
        if (values.length) params.set('spec.compute_pool_id', values.join(','));
        const self = params.toString() ? `${base}?${params}` : base;
        const metadata: Record<string, unknown> = { self };
        if (hasNext) {
          params.set('page_token', rt.tokens.encode({ list: cursor.list, size: cursor.size, after: last }));
          metadata.next = `${base}?${params}`;
        }
        return { status: 200, body: { api_version: 'sql/v1', kind: 'StatementList', metadata, data } };
      }),

    getSqlv1Statement: (ctx) => ({ status: 200, body: render(target(ctx, ctx.params.statement_name), ctx.baseUrl) }),

    updateSqlv1Statement: (ctx) => {
      const row = target(ctx, ctx.params.statement_name);
      return rt.tx(() => {
        const body = ctx.body as Record<string, any>;
        if (body.name !== b(row).name) throw badRequest('The name in the body must be the statement of the path', { pointer: '/name' });
        const x = internal(row);
        if (String(body.metadata.resource_version) !== String(x.version)) {
          throw new ApiError({
            status: 409,
            code: 'conflict',
            title: 'Conflict',
            detail: `The statement changed since it was read (resource_version ${x.version}, not ${body.metadata.resource_version}): read it again and retry`,
          });
        }
        const spec = body.spec as Record<string, any>;
        for (const field of ['statement', 'compute_pool_id', 'principal', 'properties'] as const) {
          if (spec[field] !== undefined && JSON.stringify(spec[field]) !== JSON.stringify(b(row).spec[field])) {
            throw badRequest(`Only spec.stopped can be changed; spec.${field} cannot`, { pointer: `/spec/${field}` });
          }
        }
        const now = rt.clock.now();
        const stopped = spec.stopped === true;
        const phase = phaseOf(row);
        if (stopped !== b(row).spec.stopped) {
          b(row).spec.stopped = stopped;
          // Which phases a statement stops or resumes from is its graph's (`stop`, `resume`).
          if (stopped && allowsTransition(STATEMENT_GRAPH, 'stop', phase)) {
            x.stage = null;
            if (x.plan?.kind === 'topic') x.ends = endsOf(x.plan);
            setPhase(row, 'STOPPED', 'The statement was stopped.', now);
          } else if (!stopped && allowsTransition(STATEMENT_GRAPH, 'resume', phase)) {
            x.stage = newStage(policyOf(ctx), now);
            setPhase(row, 'PENDING', 'The statement is resuming.', now);
          } else {
            x.version++;
            row.updated_at = now;
          }
          saveRow(row);
          observe(row, false, ctx.baseUrl);
        }
        return { status: 202 };
      });
    },

    deleteSqlv1Statement: (ctx) => {
      const policy = policyOf(ctx);
      const row = target(ctx, ctx.params.statement_name);
      return rt.tx(() => {
        if (phaseOf(row) !== 'DELETING') {
          const x = internal(row);
          x.stage = newStage(policy, rt.clock.now());
          setPhase(row, 'DELETING', 'The statement is being deleted.', rt.clock.now());
          saveRow(row);
          observe(row, false, ctx.baseUrl);
        }
        return { status: 202 };
      });
    },

    getSqlv1StatementResult: (ctx) => {
      const row = target(ctx, ctx.params.name);
      return rt.tx(() => {
        const pos = decodeToken(row, ctx.query.page_token);
        const { data, next } = batch(row, pos);
        const self = `${selfUrl(ctx.baseUrl, row)}/results`;
        const metadata: Record<string, unknown> = { self: pos ? `${self}?page_token=${ctx.query.page_token}` : self, created_at: rt.clock.iso(row.created_at) };
        if (next) metadata.next = `${self}?page_token=${encodeToken(row, next)}`;
        return { status: 200, body: { api_version: 'sql/v1', kind: 'StatementResult', metadata, results: { data } } };
      });
    },

    getSqlv1StatementExceptions: (ctx) => {
      const row = target(ctx, ctx.params.statement_name);
      {
        const data = [...internal(row).exceptions]
          .reverse()
          .slice(0, MAX_EXCEPTIONS)
          .map((e) => ({ kind: 'StatementException', name: e.name, message: e.message, timestamp: rt.clock.iso(e.timestamp) }));
        return { status: 200, body: { api_version: 'sql/v1', kind: 'StatementExceptionList', metadata: { self: `${selfUrl(ctx.baseUrl, row)}/exceptions` }, data } };
      }
    },
  };
}
