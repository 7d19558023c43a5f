/**
 * Asynchronous phases on the virtual clock. A resource's lifecycle state is stored with it and
 * advanced lazily whenever it is read, so nothing runs in the background and a test that moves
 * the clock (or reads N times) sees the next phase deterministically.
 */
export type LifecycleMode = 'immediate' | 'timed' | 'reads';

export interface LifecycleSpec {
  field: string;
  initial: string;
  ready: string;
  failed: string;
  deleting?: string;
  duration_ms: number;
}

export interface LifecyclePolicy {
  mode: LifecycleMode;
  /** Reads before the phase advances, in `reads` mode. */
  reads: number;
}

export interface LifecycleState {
  mode: LifecycleMode;
  readsNeeded: number;
  /** When the current stage began, on the virtual clock. */
  since: number;
  reads: number;
  outcome: 'ready' | 'failed';
  stage: 'creating' | 'settled' | 'deleting';
}

export function startState(policy: LifecyclePolicy, now: number, outcome: 'ready' | 'failed'): LifecycleState {
  return { mode: policy.mode, readsNeeded: policy.reads, since: now, reads: 0, outcome, stage: 'creating' };
}

export function startDeleting(state: LifecycleState, policy: LifecyclePolicy, now: number): LifecycleState {
  return { ...state, mode: policy.mode, readsNeeded: policy.reads, since: now, reads: 0, stage: 'deleting' };
}

/** Whether the current stage has run its course, counting this observation as a read. */
function stageDone(state: LifecycleState, spec: LifecycleSpec, now: number): boolean {
  switch (state.mode) {
    case 'immediate':
      return true;
    case 'reads':
      return state.reads >= state.readsNeeded;
    default:
      return now - state.since >= spec.duration_ms;
  }
}

export interface Observation {
  state: LifecycleState;
  /** The phase to show, or undefined when the resource finished deleting. */
  phase: string | undefined;
  changed: boolean;
  /** True once a deletion completed: the resource is gone. */
  gone: boolean;
}

export function observe(state: LifecycleState, spec: LifecycleSpec, now: number, isRead: boolean): Observation {
  if (state.stage === 'settled') {
    return { state, phase: state.outcome === 'ready' ? spec.ready : spec.failed, changed: false, gone: false };
  }
  const next = { ...state, reads: state.reads + (isRead ? 1 : 0) };
  const done = stageDone(next, spec, now);
  if (next.stage === 'deleting') {
    return done
      ? { state: next, phase: undefined, changed: true, gone: true }
      : { state: next, phase: spec.deleting, changed: isRead, gone: false };
  }
  if (done) {
    const settled: LifecycleState = { ...next, stage: 'settled', since: now };
    return { state: settled, phase: settled.outcome === 'ready' ? spec.ready : spec.failed, changed: true, gone: false };
  }
  return { state: next, phase: spec.initial, changed: isRead, gone: false };
}

/** Parses `immediate`, `timed`, `reads` or `reads=N` (header or configuration). */
export function parsePolicy(value: string | undefined, fallback: LifecyclePolicy): LifecyclePolicy | undefined {
  if (value === undefined || value === '') return fallback;
  const m = /^(immediate|timed|reads)(?:=(\d+))?$/.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  const mode = m[1] as LifecycleMode;
  return { mode, reads: m[2] ? Math.max(1, Number(m[2])) : fallback.reads };
}
