import { describe, expect, it } from 'vitest';
import { advanceState, allowsTransition, beginTransition, compileGraph, enterState, failState, observe, startDeleting, startState } from '../../src/core/lifecycle.js';
import { checkDocumentDeclarations } from '../../src/openapi/x-emulator-schema.js';
import { Engine } from '../../src/engine/engine.js';

/** A three-stage graph: QUEUED 1 s, BUILDING 2 s, then READY (or BROKEN), DELETING 5 s. */
const graph = compileGraph({
  field: '/status/phase',
  initial: 'QUEUED',
  failed: 'BROKEN',
  deleting: 'DELETING',
  phases: {
    QUEUED: { next: 'BUILDING', duration_ms: 1000 },
    BUILDING: { next: 'READY', duration_ms: 2000, on_enter: 'announce' },
    READY: {},
    PAUSED: {},
    BROKEN: {},
    DELETING: { duration_ms: 5000 },
  },
  transitions: { pause: { from: ['READY'], to: 'PAUSED' }, rebuild: { to: 'QUEUED' } },
});
const timed = { mode: 'timed' as const, reads: 2 };

describe('phase graphs and the phase machine', () => {
  it('derives ready from where initial leads, and compiles the short form to the same kind of graph', () => {
    expect(graph.ready).toBe('READY');
    const short = compileGraph({ field: '/phase', initial: 'PROVISIONING', ready: 'PROVISIONED', failed: 'FAILED', deleting: 'DEPROVISIONING', duration_ms: 60000 });
    expect(short.phases).toEqual({ PROVISIONING: { next: 'PROVISIONED', duration_ms: 60000 }, PROVISIONED: {}, FAILED: {}, DEPROVISIONING: { duration_ms: 60000 } });
  });

  it('refuses a broken graph, naming the place', () => {
    expect(() => compileGraph({ field: '/p', initial: 'A', failed: 'F', phases: { A: { next: 'B' }, F: {} } }, 'resource X')).toThrow(/resource X: .*'B' is not a phase of the graph/);
    expect(() => compileGraph({ field: '/p', initial: 'A', failed: 'F', phases: { A: {}, F: { next: 'A' } } })).toThrow(/failed phase 'F' must be a resting phase/);
    expect(() => compileGraph({ field: '/p', initial: 'A', failed: 'F' } as never)).toThrow(/needs either `phases`/);
    expect(() => compileGraph({ field: '/p', initial: 'A', failed: 'F', duration_ms: 5, phases: { A: {}, F: {} } })).toThrow(/each phase its own duration_ms/);
    expect(() => compileGraph({ field: '/p', initial: 'A', failed: 'F', phases: { A: {}, F: {} }, transitions: { go: { to: 'Z' } } })).toThrow(/target of transition go 'Z'/);
  });

  it('runs every stage the clock covers in timed mode, naming the phases entered', () => {
    const s = startState(timed, 0, 'ready');
    expect(observe(s, graph, 999, false)).toMatchObject({ phase: 'QUEUED', changed: false });
    const mid = observe(s, graph, 1500, false);
    expect(mid).toMatchObject({ phase: 'BUILDING', changed: true, entered: ['BUILDING'] });
    // BUILDING began when QUEUED's second ended, not when it was observed.
    expect(observe(mid.state, graph, 2999, false).phase).toBe('BUILDING');
    expect(observe(mid.state, graph, 3000, false)).toMatchObject({ phase: 'READY', entered: ['READY'] });
    expect(observe(s, graph, 10_000, false)).toMatchObject({ phase: 'READY', entered: ['BUILDING', 'READY'] });
  });

  it('moves one stage per N reads in reads mode, and through all of them in immediate mode', () => {
    let s = startState({ mode: 'reads', reads: 2 }, 0, 'ready');
    const phases: string[] = [];
    for (let i = 0; i < 4; i++) {
      const seen = observe(s, graph, 0, true);
      s = seen.state;
      phases.push(seen.phase!);
    }
    expect(phases).toEqual(['QUEUED', 'BUILDING', 'BUILDING', 'READY']);
    expect(observe(startState({ mode: 'immediate', reads: 1 }, 0, 'ready'), graph, 0, false).phase).toBe('READY');
  });

  it('ends a failing outcome in the failure phase when the path would come to rest', () => {
    const s = startState({ mode: 'immediate', reads: 1 }, 0, 'failed');
    expect(observe(s, graph, 0, false)).toMatchObject({ phase: 'BROKEN', entered: ['BUILDING', 'BROKEN'] });
    const custom = compileGraph({ field: '/p', initial: 'A', failed: 'F', phases: { A: { next: 'B', fail: 'X', duration_ms: 1 }, B: {}, X: {}, F: {} } });
    expect(observe(startState({ mode: 'immediate', reads: 1 }, 0, 'failed'), custom, 0, false).phase).toBe('X');
  });

  it('advances exactly one stage whatever the clock, keeping the mode; fails to the failure phase', () => {
    const s = startState(timed, 0, 'ready');
    const one = advanceState(s, graph, 10);
    expect(one).toMatchObject({ phase: 'BUILDING', entered: ['BUILDING'] });
    expect(one.state).toMatchObject({ mode: 'timed', since: 10, stage: 'creating' });
    expect(advanceState(one.state, graph, 20)).toMatchObject({ phase: 'READY', changed: true });
    const ready = advanceState(one.state, graph, 20).state;
    expect(advanceState(ready, graph, 30)).toMatchObject({ phase: 'READY', changed: false });
    expect(failState(ready, graph, 40)).toMatchObject({ phase: 'BROKEN', state: { stage: 'settled', outcome: 'failed' } });
    const deleting = startDeleting(ready, timed, 50);
    expect(observe(deleting, graph, 50, false).phase).toBe('DELETING');
    expect(advanceState(deleting, graph, 51)).toMatchObject({ phase: undefined, gone: true });
  });

  it('starts declared transitions only from the phases they name (any resting phase by default)', () => {
    const ready = enterState(graph, 'READY', timed, 0);
    expect(beginTransition(ready, graph, 'pause', timed, 5)).toMatchObject({ phase: 'PAUSED', stage: 'settled' });
    const paused = enterState(graph, 'PAUSED', timed, 0);
    expect(beginTransition(paused, graph, 'pause', timed, 5)).toBeUndefined();
    expect(beginTransition(paused, graph, 'rebuild', timed, 5)).toMatchObject({ phase: 'QUEUED', stage: 'creating', since: 5 });
    expect(beginTransition(enterState(graph, 'BUILDING', timed, 0), graph, 'rebuild', timed, 5)).toBeUndefined();
    expect(beginTransition(ready, graph, 'unknown', timed, 5)).toBeUndefined();
  });

  it('says which phases a declared transition starts from (the guard services ask instead of listing phases)', () => {
    expect(allowsTransition(graph, 'pause', 'READY')).toBe(true);
    expect(allowsTransition(graph, 'pause', 'PAUSED')).toBe(false);
    // No `from`: any resting phase, never a transitional one.
    expect(allowsTransition(graph, 'rebuild', 'BROKEN')).toBe(true);
    expect(allowsTransition(graph, 'rebuild', 'BUILDING')).toBe(false);
    expect(allowsTransition(graph, 'unknown', 'READY')).toBe(false);
  });

  it('reads states stored before graphs (no phase) as their stage and outcome say', () => {
    const legacy = { mode: 'timed' as const, readsNeeded: 1, since: 0, reads: 0, outcome: 'failed' as const, stage: 'settled' as const };
    expect(observe(legacy, graph, 0, true)).toMatchObject({ phase: 'BROKEN', changed: false });
  });

  it('the x-emulator vocabulary accepts both forms and refuses unknown keys', () => {
    const doc = (lifecycle: unknown) => ({ resources: { Thing: { api_version: 'x/v1', kind: 'Thing', collection: '/x/v1/things', id: { prefix: 'th-', length: 6 }, crn: 'crn://x', lifecycle } } });
    expect(() => checkDocumentDeclarations('x.yaml', doc({ field: '/status/phase', initial: 'A', ready: 'B', failed: 'F', duration_ms: 1 }))).not.toThrow();
    expect(() => checkDocumentDeclarations('x.yaml', doc({ field: '/status/phase', initial: 'A', failed: 'F', phases: { A: { next: 'F', duration_ms: 1, on_enter: 'h' }, F: {} }, transitions: { t: { from: ['F'], to: 'A' } } }))).not.toThrow();
    expect(() => checkDocumentDeclarations('x.yaml', doc({ field: '/status/phase', initial: 'A', failed: 'F', phases: { A: { nxt: 'F' }, F: {} } }))).toThrow(/nxt/);
    expect(() => checkDocumentDeclarations('x.yaml', doc({ field: '/status/phase', initial: 'A', failed: 'F', phases: {}, transitions: { t: { from: [] } } }))).toThrow(/x-emulator/);
  });

  it('an on_enter hook that the resource hooks do not define fails the start', () => {
    const decl = { name: 'Thing', hooks: 'things', unique: [], marks: [], lifecycle: graph };
    const rt = { docs: { resources: new Map([['Thing', decl]]), views: new Map() }, resources: { syncUniqueIndexes() {}, watch() {} } };
    expect(() => new Engine(rt as never, { things: {} })).toThrow(/resource Thing: phase BUILDING names unknown hook announce/);
    expect(() => new Engine(rt as never, { things: { phases: { announce() {} } } })).not.toThrow();
  });
});
