import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import type { Reader } from '../codec/reader.js';
import { authorizationError, authorize } from '../authorize.js';
import { ErrorCode } from '../error-codes.js';

interface OffsetFetchRequest {
  groupId: string;
  /** null (v2+): every partition the group committed. */
  topics: Array<{ name: string; partitions: number[] }> | null;
}

interface FetchedPartition {
  partition: number;
  offset: number;
  metadata: string;
  errorCode: number;
}

interface OffsetFetchResponse {
  errorCode: number;
  topics: Array<{ name: string; partitions: FetchedPartition[] }>;
}

/** Groups flat rows by topic, keeping the topics' first-seen order. */
function byTopic(rows: Array<FetchedPartition & { topic: string }>): OffsetFetchResponse['topics'] {
  const topics = new Map<string, FetchedPartition[]>();
  for (const { topic, ...p } of rows) {
    if (!topics.has(topic)) topics.set(topic, []);
    topics.get(topic)!.push(p);
  }
  return [...topics].map(([name, partitions]) => ({ name, partitions }));
}

/** OffsetFetch (9) v0-5: a group's committed offsets (-1 where nothing is committed), metadata as committed. */
export const offsetFetch: ApiModule<OffsetFetchRequest, OffsetFetchResponse> = {
  key: ApiKey.OffsetFetch,
  name: 'OffsetFetch',
  minVersion: 0,
  maxVersion: 5,
  decode(r, version) {
    const groupId = r.string();
    const topic = (r: Reader) => ({ name: r.string(), partitions: r.array((r) => r.int32()) });
    return { groupId, topics: version >= 2 ? r.nullableArray(topic) : r.array(topic) };
  },
  handle(req, session) {
    const groupRefused = !authorize(session, 'Describe', 'Group', req.groupId);
    if (groupRefused) return offsetFetch.errorResponse!(req, authorizationError('Group'), 0);
    const cluster = session.principal.clusterId;
    const asked = req.topics === null ? null : req.topics.flatMap((t) => t.partitions.map((partition) => ({ topic: t.name, partition })));
    const fetched = session.runtime.groups.fetchOffsets(cluster, req.groupId, asked);
    const allowed = new Map<string, boolean>();
    const mayDescribe = (topic: string) => {
      if (!allowed.has(topic)) allowed.set(topic, authorize(session, 'Describe', 'Topic', topic));
      return allowed.get(topic)!;
    };
    // Asked-for topics the key may not see answer 29; with "all topics" they are left out.
    const rows = fetched
      .filter((f) => asked !== null || mayDescribe(f.topic))
      .map((f) => (mayDescribe(f.topic) ? f : { ...f, offset: -1, metadata: '', errorCode: authorizationError('Topic') }));
    return { errorCode: ErrorCode.NONE, topics: byTopic(rows) };
  },
  encode(w, res, version) {
    if (version >= 3) w.int32(0);
    w.array(res.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => {
        w.int32(p.partition).int64(p.offset);
        if (version >= 5) w.int32(-1); // committed_leader_epoch: not kept
        w.nullableString(p.metadata).int16(p.errorCode);
      });
    });
    if (version >= 2) w.int16(res.errorCode);
  },
  errorResponse: (req, errorCode) => ({
    errorCode,
    topics: (req.topics ?? []).map((t) => ({ name: t.name, partitions: t.partitions.map((partition) => ({ partition, offset: -1, metadata: '', errorCode })) })),
  }),
};
