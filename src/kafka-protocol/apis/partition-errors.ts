import type { Writer } from '../codec/index.js';

/** A response's per-partition error codes, by topic (AddPartitionsToTxn, TxnOffsetCommit, OffsetDelete). */
export type TopicPartitionErrors = Array<{ name: string; partitions: Array<{ index: number; errorCode: number }> }>;

/** Writes the topics array those responses share: each topic's name, then its partitions' index and error code. */
export function writeTopicPartitionErrors(w: Writer, topics: TopicPartitionErrors): void {
  w.array(topics, (w, t) => {
    w.string(t.name);
    w.array(t.partitions, (w, p) => w.int32(p.index).int16(p.errorCode));
  });
}
