/**
 * The topic configs a Confluent Cloud cluster reports, with their defaults. Names outside this
 * list are refused on create and alter, as Kafka refuses unknown topic configs.
 */
export const TOPIC_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'compression.type': 'producer',
  'delete.retention.ms': '86400000',
  'file.delete.delay.ms': '60000',
  'flush.messages': '9223372036854775807',
  'flush.ms': '9223372036854775807',
  'index.interval.bytes': '4096',
  'max.compaction.lag.ms': '9223372036854775807',
  'max.message.bytes': '2097164',
  'message.downconversion.enable': 'true',
  'message.timestamp.after.max.ms': '9223372036854775807',
  'message.timestamp.before.max.ms': '9223372036854775807',
  'message.timestamp.difference.max.ms': '9223372036854775807',
  'message.timestamp.type': 'CreateTime',
  'min.cleanable.dirty.ratio': '0.5',
  'min.compaction.lag.ms': '0',
  'min.insync.replicas': '2',
  preallocate: 'false',
  'retention.bytes': '-1',
  'retention.ms': '604800000',
  'segment.bytes': '104857600',
  'segment.index.bytes': '10485760',
  'segment.jitter.ms': '0',
  'segment.ms': '604800000',
  'unclean.leader.election.enable': 'false',
};

/** Configs a client may not change on Confluent Cloud. */
export const READ_ONLY_TOPIC_CONFIGS: ReadonlySet<string> = new Set(['file.delete.delay.ms', 'flush.messages', 'flush.ms', 'index.interval.bytes', 'min.insync.replicas', 'preallocate', 'segment.index.bytes', 'unclean.leader.election.enable']);

export const isTopicConfig = (name: string) => Object.prototype.hasOwnProperty.call(TOPIC_CONFIG_DEFAULTS, name);
