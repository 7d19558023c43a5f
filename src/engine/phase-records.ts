import { advanceState, enterState, failState, isResting, observe, phaseOfState, phasesOf, type LifecyclePolicy, type Observation, type PhaseGraph } from '../core/lifecycle.js';
import { getAt, setAt } from '../core/pointer.js';
import type { PhasedKind } from '../control/phased-kinds.js';
import type { Runtime } from '../runtime.js';
import type { ResourceRow } from '../store/resources.js';

/**
 * The lifecycle of items a service keeps in tables of its own (broker tasks, schema exporters),
 * run by the phase machine and stored as rows of the resource table under the kind's type: one
 * row per item, its id the item's key, its body the phase shown (at the graph's field). Being
 * resource rows, they belong to an organization, go with its reset, travel in snapshots and send
 * their events like every other resource; the service's own tables keep everything else.
 */
export class PhaseRecords {
  constructor(
    private readonly rt: Runtime,
    readonly type: string,
    readonly graph: PhaseGraph,
  ) {}

  /** Starts (or restarts) an item's lifecycle at `phase` (the graph's initial one by default), under a policy. */
  start(org: string, id: string, scope: string, policy: LifecyclePolicy, o: { phase?: string; outcome?: 'ready' | 'failed' } = {}): ResourceRow {
    const now = this.rt.clock.now();
    const seen = observe(enterState(this.graph, o.phase ?? this.graph.initial, policy, now, o.outcome ?? 'ready'), this.graph, now, false);
    const body: Record<string, unknown> = {};
    setAt(body, this.graph.field, seen.phase);
    const existing = this.rt.resources.getIncludingDeleted(this.type, id);
    if (!existing) return this.rt.resources.insert({ org_id: org, type: this.type, id, scope, crn: '', body, lifecycle: seen.state, created_at: now, updated_at: now });
    const row: ResourceRow = { ...existing, org_id: org, scope, body, lifecycle: seen.state, created_at: now, updated_at: now, deleted_at: null };
    this.rt.resources.update(row);
    return row;
  }

  /** The live record of an item, its phase brought up to date (a read counts in `reads` mode). */
  get(id: string, isRead = true): ResourceRow | undefined {
    const row = this.rt.resources.getInAnyOrg(this.type, id);
    return row && this.apply(row, observe(row.lifecycle!, this.graph, this.rt.clock.now(), isRead));
  }

  phaseOf(row: ResourceRow): string {
    return String(getAt(row.body, this.graph.field));
  }

  /** When the record's current phase began, on the virtual clock. */
  since(row: ResourceRow): number {
    return row.lifecycle?.since ?? row.updated_at;
  }

  /** The item is gone: its record too. */
  remove(id: string): void {
    const row = this.rt.resources.getInAnyOrg(this.type, id);
    if (row) this.rt.resources.markDeleted(row.seq, this.rt.clock.now());
  }

  /** Stores what the machine decided; undefined when a deletion completed. */
  apply(row: ResourceRow, seen: Observation): ResourceRow | undefined {
    if (!seen.changed) return row;
    row.lifecycle = seen.state;
    row.updated_at = this.rt.clock.now();
    if (seen.gone) row.deleted_at = row.updated_at;
    else setAt(row.body, this.graph.field, seen.phase);
    this.rt.resources.update(row);
    return seen.gone ? undefined : row;
  }

  /**
   * The phased kind of these records for the control plane. `exists` says whether the item is
   * still in its service's tables (a record whose item went is not found, and is closed by the
   * ticker); `onFail` lets the service record why it failed.
   */
  kind(o: { kind: string; api_version: string; exists: (row: ResourceRow) => boolean; onFail?: (row: ResourceRow, message: string | undefined) => void }): PhasedKind<ResourceRow> {
    const now = () => this.rt.clock.now();
    return {
      type: this.type,
      kind: o.kind,
      api_version: o.api_version,
      graph: this.graph,
      phases: phasesOf(this.graph),
      find: (id, org) => {
        const row = this.rt.resources.getInAnyOrg(this.type, id);
        return row && (org === undefined || row.org_id === org) && o.exists(row) ? row : undefined;
      },
      phaseOf: (row) => this.phaseOf(row),
      settled: (row) => !row.lifecycle || (row.lifecycle.stage !== 'deleting' && isResting(this.graph, phaseOfState(row.lifecycle, this.graph))),
      advance: (row) => (row.lifecycle ? this.apply(row, advanceState(row.lifecycle, this.graph, now())) : row),
      fail: (row, _baseUrl, message) => {
        o.onFail?.(row, message);
        return this.apply(row, failState(row.lifecycle, this.graph, now())) ?? row;
      },
      tick: (row) => {
        if (!o.exists(row)) this.rt.resources.markDeleted(row.seq, now());
        else if (row.lifecycle) this.apply(row, observe(row.lifecycle, this.graph, now(), false));
      },
    };
  }
}
