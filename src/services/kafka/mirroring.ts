import { repositoriesOf } from '../../engine/repository.js';
import type { RequestContext } from '../../contract/handler.js';
import { header } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { KafkaLinkStore, type LinkRow, type MirrorRow } from '../../store/kafka-links.js';
import { copyTransactionalRanges } from './transactions.js';
import { KAFKA_CLUSTER } from './cluster.js';

/** The phased kind of mirror topics (mirror-phases.ts). */
const MIRROR_TOPIC = 'KafkaMirrorTopic';

/** How long a promoted or failed-over mirror stays PENDING_STOPPED, on the virtual clock. */
export const STOP_MS = 5000;

/** Records copied per read while a mirror catches up. */
const BATCH = 1000;

export type MirrorStatus = 'ACTIVE' | 'PAUSED' | 'PENDING_STOPPED' | 'STOPPED' | 'LINK_FAILED' | 'SOURCE_UNAVAILABLE' | 'FAILED';

/** What a mirror is now: its stored state settled on the clock, degraded when its source is gone. */
export interface MirrorView {
  status: MirrorStatus;
  stateTime: number;
  /** Kafka's mirror topic error (`mirror_topic_error`). */
  error: 'NO_ERROR' | 'SOURCE_TOPIC_MAY_BE_DELETED' | 'SOURCE_TOPIC_ID_CHANGED';
  /** The source topic, when the mirror can read it. */
  source: TopicRow | undefined;
}

export interface MirrorLag {
  partition: number;
  lag: number;
  last_source_fetch_offset: number;
}

/**
 * Cluster linking's data path. A mirror topic holds the records of its source topic at the same
 * partitions and offsets. An ACTIVE mirror follows its source: every append to a topic is copied
 * at once into its ACTIVE mirrors (and theirs, for chains), in the same transaction; a mirror that
 * is created or resumed catches up first. A mirror whose source cluster is gone is LINK_FAILED, one
 * whose source topic is gone SOURCE_UNAVAILABLE, one whose source topic was re-created FAILED;
 * none of them copies anything. A mirror takes no records of its own until it is STOPPED.
 */
export class Mirroring {
  readonly store: KafkaLinkStore;

  constructor(private readonly rt: Runtime) {
    this.store = new KafkaLinkStore(rt.db);
  }

  /**
   * Stores a mirror's state; a change of the status it shows is a phase event (mirrors live
   * outside the resource table, whose writes send the others').
   */
  saveMirror(m: MirrorRow): void {
    const before = this.store.mirror(m.cluster_id, m.mirror_topic_name);
    const was = before && this.view(before).status;
    this.store.saveMirror(m);
    const now = this.view(m).status;
    if (was !== now) {
      const org = repositoriesOf(this.rt).of(KAFKA_CLUSTER).getInAnyOrg(m.cluster_id)?.org_id ?? '';
      this.rt.phasedKinds.notify(MIRROR_TOPIC, { id: `${m.cluster_id}:${m.mirror_topic_name}`, org_id: org }, now);
    }
  }

  /** Cluster ids are unique across organizations, so a link may reach a cluster of any of them. */
  clusterExists(id: string): boolean {
    return !!repositoriesOf(this.rt).of(KAFKA_CLUSTER).getInAnyOrg(id);
  }

  linkAvailable(link: LinkRow): boolean {
    return this.clusterExists(link.remote_cluster_id);
  }

  view(m: MirrorRow): MirrorView {
    const now = this.rt.clock.now();
    if (m.status === 'STOPPED') return { status: 'STOPPED', stateTime: m.state_time, error: 'NO_ERROR', source: undefined };
    if (m.status === 'PENDING_STOPPED' && m.stop_at !== null && now >= m.stop_at) return { status: 'STOPPED', stateTime: m.stop_at, error: 'NO_ERROR', source: undefined };
    if (!this.clusterExists(m.source_cluster_id)) return { status: 'LINK_FAILED', stateTime: m.state_time, error: 'NO_ERROR', source: undefined };
    const source = this.rt.kafka.topic(m.source_cluster_id, m.source_topic_name);
    if (!source) return { status: 'SOURCE_UNAVAILABLE', stateTime: m.state_time, error: 'SOURCE_TOPIC_MAY_BE_DELETED', source: undefined };
    if (source.topic_id !== m.source_topic_id) return { status: 'FAILED', stateTime: m.state_time, error: 'SOURCE_TOPIC_ID_CHANGED', source: undefined };
    return { status: m.status, stateTime: m.state_time, error: 'NO_ERROR', source };
  }

  /** Copies what the mirror lacks of its source (partitions and records), whatever its status; answers whether it could read the source. */
  copy(m: MirrorRow, seen = new Set<string>()): boolean {
    const { source } = this.view(m);
    const mirror = this.rt.kafka.topic(m.cluster_id, m.mirror_topic_name);
    if (!source || !mirror) return false;
    if (source.partitions > mirror.partitions) this.rt.kafka.setPartitions(m.cluster_id, mirror.name, source.partitions);
    let copied = false;
    for (let p = 0; p < source.partitions; p++) {
      const end = this.rt.kafka.endOffset(source.cluster_id, source.name, p);
      let from = this.rt.kafka.endOffset(m.cluster_id, mirror.name, p);
      const copiedFrom = from;
      while (from < end) {
        const batch = this.rt.kafka.read(source.cluster_id, source.name, p, from, Math.min(BATCH, end - from));
        if (!batch.length) break;
        this.rt.kafka.append(m.cluster_id, mirror.name, batch.map((r) => ({ partition: p, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers })));
        from += batch.length;
        copied = true;
      }
      copyTransactionalRanges(this.rt, source.cluster_id, source.name, m.cluster_id, mirror.name, p, copiedFrom, from);
    }
    if (copied) this.propagate(m.cluster_id, mirror.name, seen);
    return true;
  }

  /** After records were appended to a topic: its ACTIVE mirrors copy them. Run inside the append's transaction. */
  propagate(cluster: string, topic: string, seen = new Set<string>()): void {
    const key = `${cluster}\u0000${topic}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const m of this.store.mirrorsOf(cluster, topic)) {
      if (this.view(m).status === 'ACTIVE') this.copy(m, seen);
    }
  }

  /** Why a topic takes no records of its own (a mirror that is not STOPPED), or undefined. */
  readOnlyReason(cluster: string, topic: string): string | undefined {
    const m = this.store.mirror(cluster, topic);
    if (!m || this.view(m).status === 'STOPPED') return undefined;
    return `Topic '${topic}' is a read-only mirror topic of cluster link '${m.link_name}'; it takes records once its mirror is STOPPED.`;
  }

  /** Per partition: the offset fetched up to (the mirror's log end) and how far the source is ahead. */
  lags(m: MirrorRow, view = this.view(m)): MirrorLag[] {
    const mirror = this.rt.kafka.topic(m.cluster_id, m.mirror_topic_name);
    const out: MirrorLag[] = [];
    for (let p = 0; p < (mirror?.partitions ?? 0); p++) {
      if (view.status === 'STOPPED') {
        out.push({ partition: p, lag: 0, last_source_fetch_offset: m.stopped_offsets?.[p] ?? 0 });
        continue;
      }
      const fetched = this.rt.kafka.endOffset(m.cluster_id, m.mirror_topic_name, p);
      const sourceEnd = view.source && p < view.source.partitions ? this.rt.kafka.endOffset(view.source.cluster_id, view.source.name, p) : fetched;
      out.push({ partition: p, lag: Math.max(0, sourceEnd - fetched), last_source_fetch_offset: fetched });
    }
    return out;
  }

  /** The log end offset of every partition of a topic. */
  endOffsets(cluster: string, topic: string): number[] {
    const t = this.rt.kafka.topic(cluster, topic);
    return Array.from({ length: t?.partitions ?? 0 }, (_, p) => this.rt.kafka.endOffset(cluster, topic, p));
  }

  /** When a mirror stopped now is STOPPED: at once in immediate lifecycle mode (configured or asked for), else after STOP_MS (its phase graph's PENDING_STOPPED). */
  stopAt(ctx: RequestContext, now: number): number {
    const asked = header(ctx, 'x-emulator-lifecycle')?.trim().toLowerCase();
    const immediate = asked ? asked === 'immediate' : this.rt.config.lifecycle.mode === 'immediate';
    return now + (immediate ? 0 : STOP_MS);
  }
}
