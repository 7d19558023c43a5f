/**
 * Asynchronous phases on the virtual clock: one state machine for every phased resource.
 *
 * A phased resource declares its **phase graph** (which phases it shows, which of them are
 * transitional and where they lead, how long each lasts, where a failure and a deletion go, and
 * the named hooks run on entering a phase). Its lifecycle state is stored with it and advanced
 * lazily whenever it is observed, so nothing runs in the background and a test that moves the
 * clock (or reads N times) sees the next phase deterministically. The control plane's `advance`
 * and `fail` call the same machine (`advanceState`, `failState`).
 */
export type LifecycleMode = 'immediate' | 'timed' | 'reads';

/**
 * The short form of a lifecycle declaration: `initial` lasts `duration_ms`, then the resource is
 * `ready` (or `failed`); a deletion shows `deleting` for as long. Compiled to a PhaseGraph.
 */
export interface LifecycleSpec {
  field: string;
  initial: string;
  ready: string;
  failed: string;
  deleting?: string;
  duration_ms: number;
}

/** One phase of a graph. A phase with `next` is transitional: it lasts `duration_ms`, then moves on. */
export interface PhaseNode {
  next?: string;
  duration_ms?: number;
  /** Where a failing outcome goes instead of a resting `next` (the graph's `failed` by default). */
  fail?: string;
  /** A named side effect, run when the phase is entered (the resource's hooks define it). */
  on_enter?: string;
}

/** A named transition a request starts: from one of `from` (any settled phase when absent) into `to`. */
export interface PhaseTransition {
  from?: string[];
  to: string;
}

/** A declared phase graph, compiled (`compileGraph`). */
export interface PhaseGraph {
  /** Where the phase shows in the resource's body (a JSON pointer). */
  field: string;
  initial: string;
  /** The resting phase a creation reaches when it succeeds. */
  ready: string;
  failed: string;
  /** Shown while a deletion runs (its `duration_ms` in `phases`); without it a delete is immediate. */
  deleting?: string;
  phases: Record<string, PhaseNode>;
  transitions?: Record<string, PhaseTransition>;
}

/** A lifecycle declaration as written: the short form, or a graph (`phases`, and `ready` optional). */
export type LifecycleDeclaration = LifecycleSpec | (Omit<PhaseGraph, 'ready'> & { ready?: string; duration_ms?: number });

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
  /** The current phase; absent in states stored before graphs (then derived from stage and outcome). */
  phase?: string;
}

const isGraph = (d: LifecycleDeclaration | PhaseGraph): d is PhaseGraph => 'phases' in d && d.phases !== undefined && typeof d.ready === 'string';

/**
 * Compiles a declaration into its graph, checking it: every `next`, `fail` and transition target
 * is a phase of the graph, and `ready` (derived when absent: where `initial` leads) is a resting
 * phase. Throws with `where` named when the graph is broken.
 */
export function compileGraph(decl: LifecycleDeclaration, where = 'lifecycle'): PhaseGraph {
  let graph: PhaseGraph;
  if (!('phases' in decl) || decl.phases === undefined) {
    const s = decl as LifecycleSpec;
    if (s.ready === undefined || s.duration_ms === undefined) throw new Error(`${where}: a lifecycle needs either \`phases\` or \`ready\` and \`duration_ms\``);
    const phases: Record<string, PhaseNode> = { [s.initial]: { next: s.ready, duration_ms: s.duration_ms }, [s.ready]: {}, [s.failed]: {} };
    if (s.deleting) phases[s.deleting] = { duration_ms: s.duration_ms };
    graph = { field: s.field, initial: s.initial, ready: s.ready, failed: s.failed, ...(s.deleting ? { deleting: s.deleting } : {}), phases };
  } else {
    if (decl.duration_ms !== undefined) throw new Error(`${where}: a lifecycle with \`phases\` gives each phase its own duration_ms, not one for the whole`);
    const phases = structuredClone(decl.phases);
    let ready = decl.ready;
    if (ready === undefined) {
      let p: string | undefined = decl.initial;
      for (let i = 0; p !== undefined && phases[p]?.next !== undefined && i < 100; i++) p = phases[p].next;
      ready = p;
    }
    graph = { field: decl.field, initial: decl.initial, ready: ready ?? decl.initial, failed: decl.failed, ...(decl.deleting ? { deleting: decl.deleting } : {}), phases };
    if (decl.transitions) graph.transitions = structuredClone(decl.transitions);
  }
  const known = (p: string | undefined, what: string) => {
    if (p !== undefined && !(p in graph.phases)) throw new Error(`${where}: ${what} '${p}' is not a phase of the graph`);
  };
  known(graph.initial, 'initial');
  known(graph.ready, 'ready');
  known(graph.failed, 'failed');
  known(graph.deleting, 'deleting');
  for (const [name, node] of Object.entries(graph.phases)) {
    known(node.next, `the next phase of ${name}`);
    known(node.fail, `the failure phase of ${name}`);
  }
  for (const [name, t] of Object.entries(graph.transitions ?? {})) {
    known(t.to, `the target of transition ${name}`);
    for (const f of t.from ?? []) known(f, `a source of transition ${name}`);
  }
  if (graph.phases[graph.ready].next !== undefined) throw new Error(`${where}: ready phase '${graph.ready}' must be a resting phase (no next)`);
  if (graph.phases[graph.failed].next !== undefined) throw new Error(`${where}: failed phase '${graph.failed}' must be a resting phase (no next)`);
  return graph;
}

const compiled = new WeakMap<object, PhaseGraph>();

/** The graph of a declaration (compiled once per object), or the graph itself. */
export function graphOf(d: LifecycleDeclaration | PhaseGraph): PhaseGraph {
  if (isGraph(d)) return d;
  let g = compiled.get(d);
  if (!g) compiled.set(d, (g = compileGraph(d)));
  return g;
}

/** Every phase a graph can show, in declaration order. */
export const phasesOf = (g: PhaseGraph): string[] => Object.keys(g.phases);

/** A phase that nothing but a request (or the control plane) moves on from. */
export const isResting = (g: PhaseGraph, phase: string): boolean => phase !== g.deleting && g.phases[phase]?.next === undefined;

/** The phase a state shows under a graph. */
export function phaseOfState(state: LifecycleState, g: PhaseGraph): string {
  if (state.stage === 'deleting') return g.deleting ?? state.phase ?? g.initial;
  if (state.phase !== undefined) return state.phase;
  if (state.stage === 'creating') return g.initial;
  return state.outcome === 'ready' ? g.ready : g.failed;
}

const stageOf = (g: PhaseGraph, phase: string): LifecycleState['stage'] => (phase === g.deleting ? 'deleting' : isResting(g, phase) ? 'settled' : 'creating');

export function startState(policy: LifecyclePolicy, now: number, outcome: 'ready' | 'failed'): LifecycleState {
  return { mode: policy.mode, readsNeeded: policy.reads, since: now, reads: 0, outcome, stage: 'creating' };
}

/** A state entering `phase` now (a named transition, a pause, a resize...). */
export function enterState(g: PhaseGraph, phase: string, policy: LifecyclePolicy, now: number, outcome: 'ready' | 'failed' = 'ready'): LifecycleState {
  if (!(phase in g.phases)) throw new Error(`'${phase}' is not a phase of the graph`);
  return { mode: policy.mode, readsNeeded: policy.reads, since: now, reads: 0, outcome, stage: stageOf(g, phase), phase };
}

/**
 * Starts a declared transition (`transitions` of the graph) from the state's phase, or undefined
 * when the graph has no such transition or the current phase is not one it starts from.
 */
export function beginTransition(state: LifecycleState, g: PhaseGraph, name: string, policy: LifecyclePolicy, now: number): LifecycleState | undefined {
  const t = g.transitions?.[name];
  if (!t || !allowsTransition(g, name, phaseOfState(state, g))) return undefined;
  return enterState(g, t.to, policy, now, 'ready');
}

/** Whether the graph declares a transition `name` that starts from `phase` (any resting phase when it names no `from`). */
export function allowsTransition(g: PhaseGraph, name: string, phase: string): boolean {
  const t = g.transitions?.[name];
  if (!t) return false;
  return t.from ? t.from.includes(phase) : isResting(g, phase);
}

export function startDeleting(state: LifecycleState, policy: LifecyclePolicy, now: number): LifecycleState {
  return { ...state, mode: policy.mode, readsNeeded: policy.reads, since: now, reads: 0, stage: 'deleting', phase: undefined };
}

/** Whether the current stage has run its course, counting this observation as a read. */
function stageDone(state: LifecycleState, durationMs: number, now: number): boolean {
  switch (state.mode) {
    case 'immediate':
      return true;
    case 'reads':
      return state.reads >= state.readsNeeded;
    default:
      return now - state.since >= durationMs;
  }
}

export interface Observation {
  state: LifecycleState;
  /** The phase to show, or undefined when the resource finished deleting. */
  phase: string | undefined;
  changed: boolean;
  /** True once a deletion completed: the resource is gone. */
  gone: boolean;
  /** The phases entered by this observation, in order (their `on_enter` hooks run). */
  entered: string[];
}

/** Where a transitional phase leads: its `next`, unless the outcome is a failure and `next` rests. */
function nextOf(g: PhaseGraph, phase: string, outcome: LifecycleState['outcome']): string {
  const node = g.phases[phase];
  const next = node.next!;
  return outcome === 'failed' && isResting(g, next) && next !== g.failed ? (node.fail ?? g.failed) : next;
}

/** One step of the machine: the current (transitional) stage completes now. */
function step(state: LifecycleState, g: PhaseGraph, since: number): { state: LifecycleState; gone: boolean } {
  const phase = phaseOfState(state, g);
  if (state.stage === 'deleting') return { state, gone: true };
  const to = nextOf(g, phase, state.outcome);
  return { state: { ...state, phase: to, since, reads: 0, stage: stageOf(g, to) }, gone: false };
}

/**
 * Brings a state up to date: every stage whose time (or reads) is up completes, in `timed` mode
 * as many as the clock covers, in `reads` mode one per observation, in `immediate` mode all.
 */
export function observe(state: LifecycleState, decl: LifecycleDeclaration | PhaseGraph, now: number, isRead: boolean): Observation {
  const g = graphOf(decl);
  let phase = phaseOfState(state, g);
  if (state.stage !== 'deleting' && isResting(g, phase)) return { state, phase, changed: false, gone: false, entered: [] };
  let s = { ...state, reads: state.reads + (isRead ? 1 : 0) };
  let changed = isRead;
  const entered: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const duration = g.phases[phase]?.duration_ms ?? 0;
    if (!stageDone(s, duration, now)) break;
    const since = s.mode === 'timed' ? s.since + duration : now;
    const next = step(s, g, since);
    if (next.gone) return { state: s, phase: undefined, changed: true, gone: true, entered };
    s = next.state;
    phase = phaseOfState(s, g);
    changed = true;
    entered.push(phase);
    if (s.stage === 'settled' || s.mode === 'reads') break;
  }
  return { state: s, phase, changed, gone: false, entered };
}

/** The control plane's advance: the current stage completes now, whatever the clock says. */
export function advanceState(state: LifecycleState, decl: LifecycleDeclaration | PhaseGraph, now: number): Observation {
  const g = graphOf(decl);
  const phase = phaseOfState(state, g);
  if (state.stage !== 'deleting' && isResting(g, phase)) return { state, phase, changed: false, gone: false, entered: [] };
  const next = step(state, g, now);
  if (next.gone) return { state, phase: undefined, changed: true, gone: true, entered: [] };
  const to = phaseOfState(next.state, g);
  return { state: next.state, phase: to, changed: true, gone: false, entered: [to] };
}

/** The control plane's fail: the failure phase of the graph, at once. */
export function failState(state: LifecycleState | null, decl: LifecycleDeclaration | PhaseGraph, now: number): Observation {
  const g = graphOf(decl);
  const base = state ?? startState({ mode: 'immediate', reads: 1 }, now, 'failed');
  const s: LifecycleState = { ...base, outcome: 'failed', phase: g.failed, stage: 'settled', since: now, reads: 0 };
  return { state: s, phase: g.failed, changed: true, gone: false, entered: [g.failed] };
}

/** Parses `immediate`, `timed`, `reads` or `reads=N` (header or configuration). */
export function parsePolicy(value: string | undefined, fallback: LifecyclePolicy): LifecyclePolicy | undefined {
  if (value === undefined || value === '') return fallback;
  const m = /^(immediate|timed|reads)(?:=(\d+))?$/.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  const mode = m[1] as LifecycleMode;
  return { mode, reads: m[2] ? Math.max(1, Number(m[2])) : fallback.reads };
}
