import { repositoriesOf } from '../../engine/repository.js';
import { advanceState, compileGraph, observe, phasesOf, type LifecycleState } from '../../core/lifecycle.js';
import type { PhasedKind, PhasedRef } from '../../control/phased-kinds.js';
import type { Runtime } from '../../runtime.js';
import type { MirrorRow } from '../../store/kafka-links.js';
import { KAFKA_CLUSTER } from './cluster.js';
import { STOP_MS, type Mirroring } from './mirroring.js';

/** The phased kind of mirror topics, in the control plane and the event stream. */
export const MIRROR_TOPIC = 'KafkaMirrorTopic';

/**
 * A mirror topic's phase graph. ACTIVE follows its source; PAUSED does not; promote and failover
 * lead through PENDING_STOPPED to STOPPED on the clock. LINK_FAILED, SOURCE_UNAVAILABLE and
 * FAILED (its source topic re-created) are what the mirror shows while its source cannot be read;
 * FAILED is also where the control plane's `fail` sends it. The mirror actions (mirror-actions.ts)
 * are its named transitions.
 */
export const MIRROR_GRAPH = compileGraph(
  {
    field: '/mirror_status',
    initial: 'ACTIVE',
    failed: 'FAILED',
    phases: {
      ACTIVE: {},
      PAUSED: {},
      PENDING_STOPPED: { next: 'STOPPED', duration_ms: STOP_MS },
      STOPPED: {},
      FAILED: {},
      LINK_FAILED: {},
      SOURCE_UNAVAILABLE: {},
    },
    transitions: {
      promote: { from: ['ACTIVE', 'PAUSED', 'FAILED'], to: 'PENDING_STOPPED' },
      failover: { from: ['ACTIVE', 'PAUSED', 'FAILED', 'LINK_FAILED', 'SOURCE_UNAVAILABLE'], to: 'PENDING_STOPPED' },
      pause: { from: ['ACTIVE', 'FAILED', 'LINK_FAILED', 'SOURCE_UNAVAILABLE'], to: 'PAUSED' },
      resume: { from: ['PAUSED', 'FAILED'], to: 'ACTIVE' },
    },
  },
  MIRROR_TOPIC,
);

/** A mirror's id in the control plane: `<cluster id>:<mirror topic name>` (a topic name has no colon). */
export const mirrorId = (m: Pick<MirrorRow, 'cluster_id' | 'mirror_topic_name'>) => `${m.cluster_id}:${m.mirror_topic_name}`;

/**
 * A stored mirror as a state of the phase machine. Only PENDING_STOPPED moves on its own: it
 * began at `state_time` and ends at `stop_at` (at once when that was the same instant).
 */
function machineStateOf(m: MirrorRow, phase: string): LifecycleState {
  const immediate = m.stop_at !== null && m.stop_at <= m.state_time;
  return { mode: immediate ? 'immediate' : 'timed', readsNeeded: 1, since: m.state_time, reads: 0, outcome: 'ready', stage: phase === 'PENDING_STOPPED' ? 'creating' : 'settled', phase };
}

/**
 * The mirror topics on the phase machine: the control plane's advance (PENDING_STOPPED ends now)
 * and fail (FAILED until resumed, promoted or failed over), the ticker that stores a STOPPED
 * mirror when its time is up, and the phase events of every change of status.
 */
export function mirrorPhasedKind(rt: Runtime, mirroring: Mirroring): PhasedKind<MirrorRow> {
  const orgOf = (cluster: string) => repositoriesOf(rt).of(KAFKA_CLUSTER).getInAnyOrg(cluster)?.org_id ?? '';
  const ref = (m: MirrorRow): PhasedRef => ({ id: mirrorId(m), org_id: orgOf(m.cluster_id) });
  const reload = (m: MirrorRow) => mirroring.store.mirror(m.cluster_id, m.mirror_topic_name);
  /** Stores the machine's STOPPED: the end offsets were fixed when the stop began. */
  const stopAt = (m: MirrorRow, at: number) => mirroring.saveMirror({ ...m, status: 'STOPPED', state_time: at, stop_at: at });

  return {
    type: MIRROR_TOPIC,
    kind: 'MirrorTopic',
    api_version: 'kafka/v3',
    graph: MIRROR_GRAPH,
    phases: phasesOf(MIRROR_GRAPH),
    external: true,
    find(id, org) {
      const colon = id.indexOf(':');
      if (colon < 0) return undefined;
      const cluster = repositoriesOf(rt).of(KAFKA_CLUSTER).getInAnyOrg(id.slice(0, colon));
      if (!cluster || (org !== undefined && cluster.org_id !== org)) return undefined;
      return mirroring.store.mirror(cluster.id, id.slice(colon + 1));
    },
    ref,
    phaseOf: (m) => mirroring.view(m).status,
    settled: (m) => mirroring.view(m).status !== 'PENDING_STOPPED',
    advance(m) {
      const phase = mirroring.view(m).status;
      const seen = advanceState(machineStateOf(m, phase), MIRROR_GRAPH, rt.clock.now());
      if (seen.changed && seen.phase === 'STOPPED') stopAt(m, rt.clock.now());
      return reload(m) ?? m;
    },
    fail(m, _baseUrl, message) {
      const errors = message ? [...m.transition_errors, { error_code: 'UNKNOWN_SERVER_ERROR', error_message: message }].slice(-10) : m.transition_errors;
      mirroring.saveMirror({ ...m, status: 'FAILED', state_time: rt.clock.now(), stop_at: null, stop_kind: null, transition_errors: errors });
      return reload(m) ?? m;
    },
    tick(m) {
      if (m.status !== 'PENDING_STOPPED') return;
      const seen = observe(machineStateOf(m, 'PENDING_STOPPED'), MIRROR_GRAPH, rt.clock.now(), false);
      if (seen.phase !== 'STOPPED') return;
      // The view showed STOPPED as soon as the clock passed stop_at; storing it is the event's moment.
      stopAt(m, m.stop_at ?? rt.clock.now());
      rt.phasedKinds.notify(MIRROR_TOPIC, ref(m), 'STOPPED');
    },
    pending: () => mirroring.store.mirrorsWithStatus('PENDING_STOPPED'),
  };
}
