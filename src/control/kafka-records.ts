import { notFound } from '../core/errors.js';
import type { HandlerMap } from '../contract/handler.js';
import type { Runtime } from '../runtime.js';
import { transactionsOf } from '../services/kafka/transactions.js';

/** At most this many records per answer. */
const MAX_LIMIT = 500;

/**
 * What the emulator stores of a partition's records that no Kafka REST API returns: their headers
 * and timestamps (REST Proxy v2 consumers read keys and values only). For tools such as the
 * console; the keys and values stay with the data planes, which decode them.
 */
export function kafkaRecordHandlers(rt: Runtime): HandlerMap {
  return {
    listEmulatorKafkaRecordHeaders: (ctx) => {
      const { cluster_id: cluster, topic_name: name } = ctx.params;
      const topic = rt.kafka.topic(cluster, name);
      if (!topic) throw notFound(`The topic '${name}' of the cluster '${cluster}' was not found`);
      const partition = Number(ctx.query.partition);
      if (partition >= topic.partitions) throw notFound(`The topic '${name}' has no partition ${partition}`);
      const offset = Number(ctx.query.offset ?? 0);
      const limit = Math.min(Number(ctx.query.limit ?? 100), MAX_LIMIT);
      const records = transactionsOf(rt).dataRecords(cluster, name, partition, rt.kafka.read(cluster, name, partition, offset, limit));
      const data = records.map((r) => ({
        partition: r.partition,
        offset: r.offset,
        timestamp: new Date(r.timestamp).toISOString(),
        headers: r.headers,
      }));
      return { status: 200, body: { data } };
    },
  };
}
