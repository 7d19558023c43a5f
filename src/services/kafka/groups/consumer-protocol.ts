export interface AssignedPartition {
  topic: string;
  partition: number;
}

/**
 * The partitions in a consumer group member's assignment: the "consumer" protocol type's
 * ConsumerProtocolAssignment (version int16, then an array of topic + int32 partitions, then user
 * data), which the group leader writes and the coordinator only stores. Bytes that are not such an
 * assignment (another protocol type, a client's own format) yield no partitions.
 */
export function assignedPartitions(assignment: Buffer): AssignedPartition[] {
  try {
    let at = 0;
    const need = (n: number) => {
      if (at + n > assignment.length) throw new RangeError('short assignment');
    };
    const int16 = () => (need(2), (at += 2), assignment.readInt16BE(at - 2));
    const int32 = () => (need(4), (at += 4), assignment.readInt32BE(at - 4));
    const string = () => {
      const len = int16();
      if (len < 0) throw new RangeError('null topic');
      need(len);
      at += len;
      return assignment.toString('utf8', at - len, at);
    };
    if (assignment.length === 0) return [];
    if (int16() < 0) return [];
    const out: AssignedPartition[] = [];
    const topics = int32();
    for (let t = 0; t < topics; t++) {
      const topic = string();
      const count = int32();
      for (let p = 0; p < count; p++) out.push({ topic, partition: int32() });
    }
    return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  } catch {
    return [];
  }
}
