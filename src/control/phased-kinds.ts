import { getAt } from '../core/pointer.js';
import { startState, type LifecycleSpec } from '../core/lifecycle.js';
import type { ResourceRow } from '../store/resources.js';

/**
 * A kind of resource with asynchronous phases, as the control plane's advance and fail see it.
 * The engine's declared lifecycles are registered from their declarations; a service that keeps
 * phases its own way (Flink statements, connectors, ...) registers its kind when it is built.
 */
export interface PhasedKind {
  /** The resource type in the store. */
  type: string;
  kind: string;
  api_version: string;
  /** The phases it can show, for the catalogue. */
  phases: string[];
  /** Found by `name` as well as by id (Flink statements are known by name). */
  byName?: boolean;
  phaseOf(row: ResourceRow): string | undefined;
  /** Whether it rests in a phase that nothing but a request changes. */
  settled(row: ResourceRow): boolean;
  /** Completes the current stage, stored; undefined when that completed a deletion. */
  advance(row: ResourceRow, baseUrl: string): ResourceRow | undefined;
  /** Sends it to its failure phase, stored. */
  fail(row: ResourceRow, baseUrl: string, message?: string): ResourceRow;
  /** Brings its phase up to date with the clock without counting a read (the event stream's ticker). */
  tick?(row: ResourceRow, baseUrl: string): void;
}

export class PhasedKinds {
  private readonly kinds = new Map<string, PhasedKind>();

  register(kind: PhasedKind): void {
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
}

/**
 * A phased kind whose rows keep a LifecycleState (core/lifecycle.ts), observed by `observe`:
 * advancing switches the current stage to `immediate` and observes it once; failing settles it
 * with the failure outcome.
 */
export function lifecycleKind(o: {
  type: string;
  kind: string;
  api_version: string;
  spec: (row: ResourceRow | undefined) => LifecycleSpec;
  observe: (row: ResourceRow, baseUrl: string) => ResourceRow | undefined;
}): PhasedKind {
  const phases = (s: LifecycleSpec) => [s.initial, s.ready, s.failed, ...(s.deleting ? [s.deleting] : [])];
  return {
    type: o.type,
    kind: o.kind,
    api_version: o.api_version,
    phases: phases(o.spec(undefined)),
    phaseOf: (row) => getAt(row.body, o.spec(row).field) as string | undefined,
    settled: (row) => !row.lifecycle || row.lifecycle.stage === 'settled',
    advance(row, baseUrl) {
      if (!row.lifecycle || row.lifecycle.stage === 'settled') return row;
      row.lifecycle = { ...row.lifecycle, mode: 'immediate' };
      return o.observe(row, baseUrl);
    },
    tick(row, baseUrl) {
      o.observe(row, baseUrl);
    },
    fail(row, baseUrl) {
      const state = row.lifecycle ?? startState({ mode: 'immediate', reads: 1 }, row.updated_at, 'failed');
      row.lifecycle = { ...state, mode: 'immediate', stage: 'creating', outcome: 'failed' };
      return o.observe(row, baseUrl) ?? row;
    },
  };
}
