import { ApiError, notFound } from '../core/errors.js';
import type { Engine } from '../engine/engine.js';
import type { HandlerMap, RequestContext } from '../contract/handler.js';
import type { ResourceRow } from '../store/resources.js';
import { lifecycleKind, type PhasedKind, type PhasedRef } from './phased-kinds.js';
import type { PhaseGraph } from '../core/lifecycle.js';

/** Every resource the documents declare with a lifecycle is a phased kind, unless its service registered its own. */
export function registerDeclaredLifecycles(engine: Engine): void {
  const rt = engine.rt;
  for (const decl of rt.docs.resources.values()) {
    if (!decl.lifecycle || rt.phasedKinds.has(decl.name)) continue;
    const graph = decl.lifecycle;
    rt.phasedKinds.register(
      lifecycleKind({
        type: decl.name,
        kind: decl.kind,
        api_version: decl.api_version,
        graph: () => graph,
        apply: (row, seen, baseUrl) => engine.applyPhase(decl, row, seen, baseUrl),
        now: () => rt.clock.now(),
      }),
    );
  }
}

const MAX_STAGES = 10;

/** POST /_emulator/resources/{id}/advance and /fail, over the registry of phased kinds. */
export function lifecycleControlHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  registerDeclaredLifecycles(engine);

  /** The live item with this id (or, for kinds known by name, this name) of a phased kind. */
  const find = (ctx: RequestContext): { row: any; kind: PhasedKind } => {
    const id = ctx.params.id;
    const org = typeof ctx.query.organization_id === 'string' ? ctx.query.organization_id : undefined;
    const mine = (row: ResourceRow | undefined) => row && (org === undefined || row.org_id === org) ? row : undefined;
    const kinds = rt.phasedKinds.list();
    for (const kind of kinds) {
      const row = kind.find ? kind.find(id, org) : mine(rt.resources.getInAnyOrg(kind.type, id));
      if (row) return { row, kind };
    }
    for (const kind of kinds.filter((k) => k.byName)) {
      const named = rt.db.prepare("SELECT id FROM resources WHERE type = ? AND json_extract(body, '$.name') = ? AND deleted_at IS NULL").all(kind.type, id) as Array<{ id: string }>;
      for (const n of named) {
        const row = mine(rt.resources.getInAnyOrg(kind.type, n.id));
        if (row) return { row, kind };
      }
    }
    const other = rt.db.prepare('SELECT type, org_id FROM resources WHERE id = ? AND deleted_at IS NULL').get(id) as { type: string; org_id: string } | undefined;
    if (other && (org === undefined || other.org_id === org)) {
      throw new ApiError({ status: 409, code: 'not_phased', title: 'Conflict', detail: `The resource '${id}' is a ${other.type}, which has no phases to advance or fail` });
    }
    throw notFound(`No resource with phases has the id '${id}'${org ? ` in the organization '${org}'` : ''}`);
  };

  const view = (kind: PhasedKind, before: any, previous: string | undefined, after: any) => {
    const ref = refOf(kind, before);
    return {
      status: 200,
      body: {
        id: ref.id,
        kind: kind.kind,
        api_version: kind.api_version,
        organization_id: ref.org_id,
        previous_phase: previous ?? null,
        phase: after !== undefined ? (kind.phaseOf(after) ?? null) : null,
        settled: after !== undefined ? kind.settled(after) : true,
      },
    };
  };

  return {
    advanceEmulatorResource: (ctx) =>
      rt.tx(() => {
        const { row, kind } = find(ctx);
        const previous = kind.phaseOf(row);
        let current: unknown = row;
        const stages = ctx.body?.to === 'settled' ? MAX_STAGES : 1;
        for (let i = 0; i < stages && current !== undefined && !kind.settled(current); i++) current = kind.advance(current, ctx.baseUrl);
        return view(kind, row, previous, current);
      }),

    failEmulatorResource: (ctx) =>
      rt.tx(() => {
        const { row, kind } = find(ctx);
        const previous = kind.phaseOf(row);
        const after = kind.fail(row, ctx.baseUrl, ctx.body?.message);
        return view(kind, row, previous, after);
      }),

    listEmulatorPhasedKinds: () => ({
      status: 200,
      body: { data: rt.phasedKinds.list().map((k) => ({ type: k.type, kind: k.kind, api_version: k.api_version, phases: k.phases, graph: graphView(k.graph) })) },
    }),
  };
}

const refOf = (kind: PhasedKind, item: any): PhasedRef => (kind.ref ? kind.ref(item) : { id: (item as ResourceRow).id, org_id: (item as ResourceRow).org_id });

/** A graph as the catalogue shows it: where each phase leads and how long it lasts. */
function graphView(g: PhaseGraph) {
  return {
    initial: g.initial,
    ready: g.ready,
    failed: g.failed,
    deleting: g.deleting ?? null,
    phases: Object.entries(g.phases).map(([name, n]) => ({ name, next: n.next ?? null, duration_ms: n.duration_ms ?? null, ...(n.on_enter ? { on_enter: n.on_enter } : {}) })),
    transitions: Object.entries(g.transitions ?? {}).map(([name, t]) => ({ name, from: t.from ?? null, to: t.to })),
  };
}
