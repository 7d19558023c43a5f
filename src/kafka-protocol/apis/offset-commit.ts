import type { ApiModule } from '../api.js';
import { ApiKey } from '../api.js';
import { authorizationError, authorize } from '../authorize.js';

interface PartitionCommit {
  partition: number;
  offset: number;
  metadata: string | null;
}

interface OffsetCommitRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  topics: Array<{ name: string; partitions: PartitionCommit[] }>;
}

interface OffsetCommitResponse {
  topics: Array<{ name: string; partitions: Array<{ partition: number; errorCode: number }> }>;
}

const answerAll = (req: OffsetCommitRequest, errorCode: number): OffsetCommitResponse => ({
  topics: req.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode })) })),
});

/**
 * OffsetCommit (8) v0-7: offsets into the store Kafka REST v3 lag and REST Proxy v2 read, checked
 * by the group coordinator against the member's generation. Retention times (v2-4), commit
 * timestamps (v1) and leader epochs (v6+) are read and not kept.
 */
export const offsetCommit: ApiModule<OffsetCommitRequest, OffsetCommitResponse> = {
  key: ApiKey.OffsetCommit,
  name: 'OffsetCommit',
  minVersion: 0,
  maxVersion: 7,
  decode(r, version) {
    const groupId = r.string();
    // v0 commits outside group management.
    const generationId = version >= 1 ? r.int32() : -1;
    const memberId = version >= 1 ? r.string() : '';
    const groupInstanceId = version >= 7 ? r.nullableString() : null;
    if (version >= 2 && version <= 4) r.int64(); // retention_time_ms
    const topics = r.array((r) => ({
      name: r.string(),
      partitions: r.array((r): PartitionCommit => {
        const partition = r.int32();
        const offset = r.int64();
        if (version >= 6) r.int32(); // committed_leader_epoch
        if (version === 1) r.int64(); // commit_timestamp
        return { partition, offset, metadata: r.nullableString() };
      }),
    }));
    return { groupId, generationId, memberId, groupInstanceId, topics };
  },
  handle(req, session) {
    if (!authorize(session, 'Read', 'Group', req.groupId)) return answerAll(req, authorizationError('Group'));
    const allowed = req.topics.filter((t) => authorize(session, 'Read', 'Topic', t.name));
    const offsets = allowed.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })));
    const codes = session.runtime.groups.commitOffsets(session.principal.clusterId, { groupId: req.groupId, generationId: req.generationId, memberId: req.memberId, groupInstanceId: req.groupInstanceId, offsets });
    const outcome = new Map(offsets.map((o, i) => [`${o.topic}\u0000${o.partition}`, codes[i]]));
    return {
      topics: req.topics.map((t) => ({
        name: t.name,
        partitions: t.partitions.map((p) => ({ partition: p.partition, errorCode: outcome.get(`${t.name}\u0000${p.partition}`) ?? authorizationError('Topic') })),
      })),
    };
  },
  encode(w, res, version) {
    if (version >= 3) w.int32(0);
    w.array(res.topics, (w, t) => {
      w.string(t.name);
      w.array(t.partitions, (w, p) => w.int32(p.partition).int16(p.errorCode));
    });
  },
  errorResponse: answerAll,
};
