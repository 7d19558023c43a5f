import { header, type HandlerMap, type Reply, type RequestContext } from '../../contract/handler.js';
import { compileGraph, parsePolicy } from '../../core/lifecycle.js';
import { PhaseRecords } from '../../engine/phase-records.js';
import { repositoriesOf } from '../../engine/repository.js';
import { SR_CLUSTER } from '../srcm/clusters.js';
import type { Runtime } from '../../runtime.js';
import type { ExporterRow } from '../../store/schema-registry.js';
import { srError } from './errors.js';

/** How long an exporter stays STARTING before it runs, on the virtual clock. */
const STARTING_MS = 2000;

/** The phased kind of exporters, in the control plane and the event stream. */
export const EXPORTER = 'SchemaExporter';

/**
 * An exporter's phase graph: STARTING, then RUNNING on the clock; PAUSED and back (resume starts
 * it again); ERROR when it fails, its trace saying why.
 */
export const EXPORTER_GRAPH = compileGraph(
  {
    field: '/state',
    initial: 'STARTING',
    failed: 'ERROR',
    phases: { STARTING: { next: 'RUNNING', duration_ms: STARTING_MS }, RUNNING: {}, PAUSED: {}, ERROR: {} },
    transitions: { pause: { to: 'PAUSED' }, resume: { from: ['PAUSED'], to: 'STARTING' } },
  },
  EXPORTER,
);

/** An exporter's id in the control plane: `<Schema Registry cluster id>:<exporter name>`. */
export const exporterId = (cluster: string, name: string) => `${cluster}:${name}`;
const CONTEXT_TYPES = ['AUTO', 'CUSTOM', 'NONE'];
const SR_JSON = { 'content-type': 'application/vnd.schemaregistry.v1+json' };

const ok = (body: unknown): Reply => ({ status: 200, headers: SR_JSON, body });
const notFound = (name: string) => srError(404, 40450, `Exporter '${name}' not found.`);
const notPaused = (name: string) => srError(409, 40963, `Exporter '${name}' is not paused.`);

type ExporterBody = { name?: unknown; contextType?: unknown; context?: unknown; subjects?: unknown; subjectRenameFormat?: unknown; config?: unknown };

/** The stored description of an exporter: the create body with its defaults. */
function describe(b: ExporterBody, name: string): Record<string, unknown> {
  if (b.config === undefined || b.config === null || typeof b.config !== 'object') throw srError(409, 40951, 'Missing or invalid exporter config');
  const contextType = String(b.contextType ?? 'AUTO').toUpperCase();
  if (!CONTEXT_TYPES.includes(contextType)) throw srError(409, 40951, `Invalid contextType ${String(b.contextType)}`);
  if (b.subjects !== undefined && (!Array.isArray(b.subjects) || b.subjects.some((x) => typeof x !== 'string'))) throw srError(409, 40952, 'Invalid exporter subjects');
  return {
    name,
    contextType,
    context: contextType === 'CUSTOM' ? String(b.context ?? '') : '',
    subjects: (b.subjects as string[] | undefined) ?? [],
    subjectRenameFormat: String(b.subjectRenameFormat ?? ''),
    config: b.config,
  };
}

/**
 * Schema exporters (schema linking) of a Schema Registry cluster: STARTING, then RUNNING once
 * started on the virtual clock, PAUSED on request. Changing or resetting one needs it paused
 * (40963); resuming one that runs is 40961. The offset is the number of schema versions of the
 * exported subjects: nothing is sent anywhere, there being no other registry offline.
 */
export function exporterHandlers(rt: Runtime, clusterOf: (ctx: RequestContext) => string): HandlerMap {
  const store = rt.schemaRegistry;
  const find = (ctx: RequestContext): { cluster: string; e: ExporterRow } => {
    const cluster = clusterOf(ctx);
    const e = store.exporter(cluster, ctx.params.name);
    if (!e) throw notFound(ctx.params.name);
    return { cluster, e };
  };
  const save = (cluster: string, e: ExporterRow) => rt.tx(() => store.saveExporter(cluster, e));

  // The phase machine keeps each exporter's state; the control plane can advance and fail it.
  const records = new PhaseRecords(rt, EXPORTER, EXPORTER_GRAPH);
  const clusterOfRecord = (id: string) => id.slice(0, id.indexOf(':'));
  const nameOfRecord = (id: string) => id.slice(id.indexOf(':') + 1);
  rt.phasedKinds.register(
    records.kind({
      kind: 'Exporter',
      api_version: 'schema-registry/v1',
      exists: (row) => store.exporter(clusterOfRecord(row.id), nameOfRecord(row.id)) !== undefined,
      // The trace a failed exporter reports is kept with its phase.
      onFail: (row, message) => {
        row.body.trace = message ?? 'The exporter was failed through the emulator control plane.';
      },
    }),
  );
  /** (Re)starts an exporter's lifecycle at `phase`, under the request's lifecycle policy. */
  const startPhase = (ctx: RequestContext, cluster: string, name: string, phase: 'STARTING' | 'PAUSED') => {
    const policy = parsePolicy(header(ctx, 'x-emulator-lifecycle'), rt.config.lifecycle) ?? rt.config.lifecycle;
    const org = repositoriesOf(rt).of(SR_CLUSTER).getInAnyOrg(cluster)?.org_id ?? ctx.caller?.orgId ?? '';
    rt.tx(() => records.start(org, exporterId(cluster, name), cluster, policy, { phase }));
  };

  /** The exporter's state and, once it failed, why. */
  function stateOf(cluster: string, e: ExporterRow): { state: string; trace: string } {
    const record = records.get(exporterId(cluster, e.name));
    if (record) {
      const state = records.phaseOf(record);
      return { state, trace: state === 'ERROR' ? String(record.body.trace ?? '') : '' };
    }
    if (e.paused) return { state: 'PAUSED', trace: '' };
    return { state: rt.clock.now() - e.started_at >= STARTING_MS ? 'RUNNING' : 'STARTING', trace: '' };
  }

  function offsetOf(cluster: string, e: ExporterRow): number {
    const subjects = e.body.subjects as string[];
    return store.allVersions(cluster).filter((v) => !v.deleted && (subjects.length === 0 || subjects.includes(v.subject))).length;
  }

  return {
    listExporters: (ctx) => ok(store.exporters(clusterOf(ctx)).map((e) => e.name)),
    registerExporter: (ctx) => {
      const cluster = clusterOf(ctx);
      const b = (ctx.body ?? {}) as ExporterBody;
      if (typeof b.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(b.name)) throw srError(409, 40950, 'Missing or invalid exporter name');
      if (store.exporter(cluster, b.name)) throw srError(409, 40960, `Exporter '${b.name}' already exists.`);
      save(cluster, { name: b.name, body: describe(b, b.name), paused: false, started_at: rt.clock.now() });
      startPhase(ctx, cluster, b.name, 'STARTING');
      return ok({ name: b.name });
    },
    getExporterInfoByName: (ctx) => ok(find(ctx).e.body),
    updateExporterInfo: (ctx) => {
      const { cluster, e } = find(ctx);
      if (!e.paused) throw notPaused(e.name);
      save(cluster, { ...e, body: describe({ ...e.body, ...(ctx.body as ExporterBody) }, e.name) });
      return ok({ name: e.name });
    },
    deleteExporter: (ctx) => {
      const { cluster, e } = find(ctx);
      rt.tx(() => {
        store.deleteExporter(cluster, e.name);
        records.remove(exporterId(cluster, e.name));
      });
      return { status: 204 };
    },
    getExporterStatusByName: (ctx) => {
      const { cluster, e } = find(ctx);
      const { state, trace } = stateOf(cluster, e);
      return ok({ name: e.name, state, offset: offsetOf(cluster, e), ts: Math.floor(rt.clock.now() / 1000), trace });
    },
    getExporterConfigByName: (ctx) => ok(find(ctx).e.body.config),
    updateExporterConfigByName: (ctx) => {
      const { cluster, e } = find(ctx);
      if (!e.paused) throw notPaused(e.name);
      save(cluster, { ...e, body: { ...e.body, config: { ...(e.body.config as object), ...((ctx.body ?? {}) as object) } } });
      return ok({ name: e.name });
    },
    pauseExporterByName: (ctx) => {
      const { cluster, e } = find(ctx);
      save(cluster, { ...e, paused: true });
      startPhase(ctx, cluster, e.name, 'PAUSED');
      return ok({ name: e.name });
    },
    resumeExporterByName: (ctx) => {
      const { cluster, e } = find(ctx);
      if (!e.paused) throw srError(409, 40961, `Exporter '${e.name}' is already running.`);
      save(cluster, { ...e, paused: false, started_at: rt.clock.now() });
      startPhase(ctx, cluster, e.name, 'STARTING');
      return ok({ name: e.name });
    },
    resetExporterByName: (ctx) => {
      const { cluster, e } = find(ctx);
      if (!e.paused) throw notPaused(e.name);
      save(cluster, { ...e, started_at: rt.clock.now() });
      return ok({ name: e.name });
    },
  };
}
