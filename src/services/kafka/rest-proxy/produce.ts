import type { HandlerMap, AuthenticatedContext } from '../../../contract/handler.js';
import type { Runtime } from '../../../runtime.js';
import type { TopicRow } from '../../../store/kafka.js';
import { partitionForKey } from '../../../core/partitioner.js';
import { header } from '../../../contract/handler.js';
import { kafkaError } from '../errors.js';
import { BASE64, type RoundRobin } from '../produce.js';
import { SCHEMA_TYPE_OF, type SchemaSerde } from '../serde/schema-serde.js';
import type { Mirroring } from '../mirroring.js';
import { clusterIdOf, embeddedFormat, partitionV2, topicV2, V2_JSON } from './scope.js';
import { recordLogOf } from '../record-log.js';

interface V2Record {
  key?: unknown;
  value?: unknown;
  partition?: number | null;
}

/** Serializes an embedded key or value: base64 text for binary, any JSON value for json. */
function bytesOf(format: string, data: unknown, field: 'key' | 'value'): Buffer | null {
  if (data === undefined || data === null) return null;
  if (format === 'binary') {
    if (typeof data !== 'string' || !BASE64.test(data)) throw kafkaError(422, 422, `Record ${field} must be a base64 string in the binary format.`);
    return Buffer.from(data, 'base64');
  }
  return Buffer.from(JSON.stringify(data), 'utf8');
}

/**
 * Produce to a topic (partition per record: explicit, else by murmur2 of the key, else round
 * robin) or to one partition. Every record is checked before any is stored. Avro, JSON Schema and
 * Protobuf keys and values go through the Schema Registry of the cluster's environment, under the
 * subjects `<topic>-key` and `<topic>-value`, and are stored in Confluent's wire format.
 */
export function restProxyProduceHandlers(rt: Runtime, roundRobin: RoundRobin, serde: SchemaSerde, mirroring: Mirroring): HandlerMap {
  function produce(ctx: AuthenticatedContext, fixedPartition?: string) {
    const cluster = clusterIdOf(rt, ctx);
    const topic: TopicRow = topicV2(rt, cluster, ctx.params.topic_name);
    const format = embeddedFormat(header(ctx, 'content-type'));
    const b = ctx.body as { records: V2Record[]; key_schema?: string; key_schema_id?: number; value_schema?: string; value_schema_id?: number };
    const fixed = fixedPartition === undefined ? undefined : partitionV2(topic, fixedPartition);
    const readOnly = mirroring.readOnlyReason(cluster, topic.name);
    if (readOnly) {
      // Kafka refuses every record; REST Proxy reports each as a non-retriable error (code 1).
      return { status: 200, headers: V2_JSON, body: { key_schema_id: null, value_schema_id: null, offsets: b.records.map(() => ({ partition: null, offset: null, error_code: 1, error: readOnly })) } };
    }
    let serialize = (data: unknown, field: 'key' | 'value') => bytesOf(format, data, field);
    let ids: { key: number | null; value: number | null } = { key: null, value: null };
    const schemaType = SCHEMA_TYPE_OF[format];
    if (schemaType) {
      const registry = serde.registryFor(ctx.caller.orgId, cluster);
      const hasKeys = b.records.some((r) => r.key !== undefined && r.key !== null);
      ids = {
        key: hasKeys ? serde.schemaId(registry, `${topic.name}-key`, schemaType, b.key_schema, b.key_schema_id) : null,
        value: serde.schemaId(registry, `${topic.name}-value`, schemaType, b.value_schema, b.value_schema_id),
      };
      serialize = (data, field) => (data === undefined || data === null ? null : serde.encode(registry, ids[field]!, data));
    }
    const records = b.records.map((r) => {
      const key = serialize(r.key, 'key');
      const value = serialize(r.value, 'value');
      let partition: number;
      if (fixed !== undefined) partition = fixed;
      else if (r.partition !== undefined && r.partition !== null) partition = partitionV2(topic, r.partition);
      else partition = key ? partitionForKey(key, topic.partitions) : roundRobin.pick(cluster, topic);
      return { partition, timestamp: rt.clock.now(), key, value };
    });
    const stored = recordLogOf(rt).append(cluster, topic, records);
    return {
      status: 200,
      headers: V2_JSON,
      body: { key_schema_id: ids.key, value_schema_id: ids.value, offsets: stored.map((s) => ({ partition: s.partition, offset: s.offset, error_code: null, error: null })) },
    };
  }
  return {
    produceRestProxyV2Topic: (ctx) => produce(ctx),
    produceRestProxyV2Partition: (ctx) => produce(ctx, ctx.params.partition_id),
  };
}
