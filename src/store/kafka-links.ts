import type { Db } from './db.js';
import { Statements } from './db.js';

/** Which field of a link names the other cluster: a destination link names its source, and so on. */
export type RemoteField = 'source_cluster_id' | 'destination_cluster_id' | 'remote_cluster_id';

export interface LinkRow {
  cluster_id: string;
  link_name: string;
  /** A UUID; `cluster_link_id` is the same 16 bytes in URL-safe base64. */
  link_id: string;
  remote_field: RemoteField;
  remote_cluster_id: string;
  /** Configs set on the link, by name. */
  configs: Record<string, string>;
  created_at: number;
}

/** FAILED is stored when the emulator's control plane fails a mirror; a re-created source shows it too. */
export type StoredMirrorStatus = 'ACTIVE' | 'PAUSED' | 'PENDING_STOPPED' | 'STOPPED' | 'FAILED';

export interface MirrorRow {
  cluster_id: string;
  mirror_topic_name: string;
  link_name: string;
  source_cluster_id: string;
  source_topic_name: string;
  source_topic_id: string;
  status: StoredMirrorStatus;
  state_time: number;
  /** PENDING_STOPPED: when the mirror is STOPPED. */
  stop_at: number | null;
  /** PENDING_STOPPED: `promote` keeps following the source until it stops, `failover` does not. */
  stop_kind: 'promote' | 'failover' | null;
  /** The log end offset of every partition when mirroring stopped. */
  stopped_offsets: number[] | null;
  transition_errors: Array<{ error_code: string; error_message: string }>;
  created_at: number;
}

/** A mirror that starts now: `where` says which topic of which cluster mirrors which source topic through which link. */
export function newMirror(
  where: Pick<MirrorRow, 'cluster_id' | 'mirror_topic_name' | 'link_name' | 'source_cluster_id' | 'source_topic_name' | 'source_topic_id'>,
  status: StoredMirrorStatus,
  now: number,
): MirrorRow {
  return { ...where, status, state_time: now, stop_at: null, stop_kind: null, stopped_offsets: null, transition_errors: [], created_at: now };
}

type RawLink = Omit<LinkRow, 'configs'> & { configs: string };
type RawMirror = Omit<MirrorRow, 'stopped_offsets' | 'transition_errors'> & { stopped_offsets: string | null; transition_errors: string };

const link = (r: RawLink): LinkRow => ({ ...r, configs: JSON.parse(r.configs) });
const mirror = (r: RawMirror): MirrorRow => ({
  ...r,
  stopped_offsets: r.stopped_offsets ? JSON.parse(r.stopped_offsets) : null,
  transition_errors: JSON.parse(r.transition_errors),
});

/** Cluster links and mirror topics (migration 10). Every method runs inside the caller's transaction. */
export class KafkaLinkStore {
  private readonly sql: Statements;

  constructor(db: Db) {
    this.sql = new Statements(db);
  }

  links(cluster: string): LinkRow[] {
    return (this.sql.get('SELECT * FROM kafka_links WHERE cluster_id = ? ORDER BY link_name').all(cluster) as RawLink[]).map(link);
  }

  link(cluster: string, name: string): LinkRow | undefined {
    const r = this.sql.get('SELECT * FROM kafka_links WHERE cluster_id = ? AND link_name = ?').get(cluster, name) as RawLink | undefined;
    return r && link(r);
  }

  /** The links of other clusters that name `cluster` as their remote. */
  linksTo(cluster: string): LinkRow[] {
    return (this.sql.get('SELECT * FROM kafka_links WHERE remote_cluster_id = ? ORDER BY cluster_id, link_name').all(cluster) as RawLink[]).map(link);
  }

  insertLink(r: LinkRow): void {
    this.sql
      .get('INSERT INTO kafka_links (cluster_id, link_name, link_id, remote_field, remote_cluster_id, configs, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(r.cluster_id, r.link_name, r.link_id, r.remote_field, r.remote_cluster_id, JSON.stringify(r.configs), r.created_at);
  }

  setLinkConfigs(cluster: string, name: string, configs: Record<string, string>): void {
    this.sql.get('UPDATE kafka_links SET configs = ? WHERE cluster_id = ? AND link_name = ?').run(JSON.stringify(configs), cluster, name);
  }

  /** Deletes a link with the mirror state of its topics (the topics themselves stay). */
  deleteLink(cluster: string, name: string): void {
    this.sql.get('DELETE FROM kafka_mirror_topics WHERE cluster_id = ? AND link_name = ?').run(cluster, name);
    this.sql.get('DELETE FROM kafka_links WHERE cluster_id = ? AND link_name = ?').run(cluster, name);
  }

  /** The mirror topics of a cluster, or of one of its links, in name order. */
  mirrors(cluster: string, linkName?: string): MirrorRow[] {
    const rows =
      linkName === undefined
        ? this.sql.get('SELECT * FROM kafka_mirror_topics WHERE cluster_id = ? ORDER BY mirror_topic_name').all(cluster)
        : this.sql.get('SELECT * FROM kafka_mirror_topics WHERE cluster_id = ? AND link_name = ? ORDER BY mirror_topic_name').all(cluster, linkName);
    return (rows as RawMirror[]).map(mirror);
  }

  mirror(cluster: string, topic: string): MirrorRow | undefined {
    const r = this.sql.get('SELECT * FROM kafka_mirror_topics WHERE cluster_id = ? AND mirror_topic_name = ?').get(cluster, topic) as RawMirror | undefined;
    return r && mirror(r);
  }

  /** The mirrors of every cluster with a stored status (the phase ticker's PENDING_STOPPED ones). */
  mirrorsWithStatus(status: StoredMirrorStatus): MirrorRow[] {
    return (this.sql.get('SELECT * FROM kafka_mirror_topics WHERE status = ?').all(status) as RawMirror[]).map(mirror);
  }

  /** The mirrors, on any cluster, of one topic. */
  mirrorsOf(sourceCluster: string, sourceTopic: string): MirrorRow[] {
    return (this.sql.get('SELECT * FROM kafka_mirror_topics WHERE source_cluster_id = ? AND source_topic_name = ?').all(sourceCluster, sourceTopic) as RawMirror[]).map(mirror);
  }

  /** Inserts or replaces the mirror state of a topic. */
  saveMirror(r: MirrorRow): void {
    this.sql
      .get(
        `INSERT OR REPLACE INTO kafka_mirror_topics (cluster_id, mirror_topic_name, link_name, source_cluster_id, source_topic_name, source_topic_id, status, state_time, stop_at, stop_kind, stopped_offsets, transition_errors, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.cluster_id,
        r.mirror_topic_name,
        r.link_name,
        r.source_cluster_id,
        r.source_topic_name,
        r.source_topic_id,
        r.status,
        r.state_time,
        r.stop_at,
        r.stop_kind,
        r.stopped_offsets ? JSON.stringify(r.stopped_offsets) : null,
        JSON.stringify(r.transition_errors),
        r.created_at,
      );
  }

  deleteMirror(cluster: string, topic: string): void {
    this.sql.get('DELETE FROM kafka_mirror_topics WHERE cluster_id = ? AND mirror_topic_name = ?').run(cluster, topic);
  }
}
