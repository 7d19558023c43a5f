import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKafkaEnv, type KafkaEnv } from './support.js';

/** The per-cluster partition limit through the Kafka protocol (CreateTopics, CreatePartitions), lowered by `quotas`. */
describe('Kafka protocol: partitions per cluster', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv({ quotas: { partitions_per_kafka_cluster: 8 } });
  });
  afterAll(() => env?.close());

  it('answers POLICY_VIOLATION past the limit and creates nothing', async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    try {
      expect(await admin.createTopics({ topics: [{ topic: 'first', numPartitions: 5 }] })).toBe(true);
      const over = await admin.createTopics({ topics: [{ topic: 'second', numPartitions: 4 }] }).catch((e) => e);
      expect(over.errors?.[0]?.type).toBe('POLICY_VIOLATION');
      const grow = await admin.createPartitions({ topicPartitions: [{ topic: 'first', count: 9 }] }).catch((e) => e);
      expect(grow.type ?? grow.errors?.[0]?.type).toBe('POLICY_VIOLATION');
      expect(await admin.listTopics()).toEqual(['first']);
      await admin.createPartitions({ topicPartitions: [{ topic: 'first', count: 8 }] });
      const meta = await admin.fetchTopicMetadata({ topics: ['first'] });
      expect(meta.topics[0].partitions).toHaveLength(8);
    } finally {
      await admin.disconnect();
    }
  });
});
