import { getAt } from '../core/pointer.js';
import { advanceState, failState, isResting, observe, phaseOfState, phasesOf, type Observation, type PhaseGraph } from '../core/lifecycle.js';
import type { ResourceRow } from '../store/resources.js';

/** Who a phased item is, as the control plane and the event stream name it. */
export interface PhasedRef {
  id: string;
  org_id: string;
}

/**
 * A kind of resource with asynchronous phases, as the control plane's advance and fail see it.
 * Every kind declares its phase graph (core/lifecycle.ts) and runs on the one phase machine: the
 * engine's declared lifecycles are registered from their declarations; a service that keeps its
 * phases elsewhere (connectors, Flink statements, mirror topics, broker tasks, exporters)
 * registers its kind when it is built.
 *
 * Items are resource rows by default (found by id in the resource table, their events sent by
 * the store); a kind kept in tables of its own finds its items itself (`find`) and reports its
 * phase changes (`PhasedKinds.notify`).
 */
export interface PhasedKind<T = any> {
  /** The resource type in the store (or the kind's own name when kept elsewhere). */
  type: string;
  kind: string;
  api_version: string;
  /** The declared phase graph. */
  graph: PhaseGraph;
  /** The phases it can show, for the catalogue (the graph's, and any it derives). */
  phases: string[];
  /** Found by `name` as well as by id (Flink statements are known by name). */
  byName?: boolean;
  /** Finds an item by the id the control plane was given, in one organization when named; rows of the resource table when absent. */
  find?(id: string, org: string | undefined): T | undefined;
  /** Its id and organization; a row's own when absent. */
  ref?(item: T): PhasedRef;
  phaseOf(item: T): string | undefined;
  /** Whether it rests in a phase that nothing but a request changes. */
  settled(item: T): boolean;
  /** Completes the current stage, stored; undefined when that completed a deletion. */
  advance(item: T, baseUrl: string): T | undefined;
  /** Sends it to its failure phase, stored. */
  fail(item: T, baseUrl: string, message?: string): T;
  /** Brings its phase up to date with the clock without counting a read (the event stream's ticker). */
  tick?(item: T, baseUrl: string): void;
  /** Kept outside the resource table: the kind reports its own phase changes (`PhasedKinds.notify`), the store cannot. */
  external?: boolean;
  /** For kinds kept outside the resource table: the items whose phase may be due, for the ticker. */
  pending?(): T[];
}

/** Told of the phase changes of kinds kept outside the resource table (the event stream). */
export interface PhaseObserver {
  phaseChanged(kind: PhasedKind, ref: PhasedRef, phase: string | undefined): void;
}

export class PhasedKinds {
  private readonly kinds = new Map<string, PhasedKind>();
  observer?: PhaseObserver;

  register<T>(kind: PhasedKind<T>): void {
    this.kinds.set(kind.type, kind);
  }

  get(type: string): PhasedKind | undefined {
    return this.kinds.get(type);
  }

  has(type: string): boolean {
    return this.kinds.has(type);
  }

  list(): PhasedKind[] {
    return [...this.kinds.values()];
  }

  /** A kind kept outside the resource table moved an item to `phase` (undefined: it is gone). */
  notify(type: string, ref: PhasedRef, phase: string | undefined): void {
    const kind = this.kinds.get(type);
    if (kind) this.observer?.phaseChanged(kind, ref, phase);
  }
}

/**
 * A phased kind of resource rows that keep a LifecycleState (`row.lifecycle`), run by the phase
 * machine: `graph` is the row's graph (a connector's depends on the transition under way), and
 * `apply` stores what the machine decided (and runs the kind's side effects).
 */
export function lifecycleKind(o: {
  type: string;
  kind: string;
  api_version: string;
  graph: (row: ResourceRow | undefined) => PhaseGraph;
  phases?: string[];
  apply: (row: ResourceRow, seen: Observation, baseUrl: string) => ResourceRow | undefined;
  now: () => number;
}): PhasedKind<ResourceRow> {
  const graph = o.graph(undefined);
  return {
    type: o.type,
    kind: o.kind,
    api_version: o.api_version,
    graph,
    phases: o.phases ?? phasesOf(graph),
    phaseOf: (row) => getAt(row.body, o.graph(row).field) as string | undefined,
    settled: (row) => !row.lifecycle || (row.lifecycle.stage !== 'deleting' && isResting(o.graph(row), phaseOfState(row.lifecycle, o.graph(row)))),
    advance: (row, baseUrl) => (row.lifecycle ? o.apply(row, advanceState(row.lifecycle, o.graph(row), o.now()), baseUrl) : row),
    tick: (row, baseUrl) => void (row.lifecycle && o.apply(row, observe(row.lifecycle, o.graph(row), o.now(), false), baseUrl)),
    fail: (row, baseUrl) => o.apply(row, failState(row.lifecycle, o.graph(row), o.now()), baseUrl) ?? row,
  };
}
