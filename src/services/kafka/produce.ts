import type { HandlerMap, RequestContext } from '../../engine/types.js';
import type { Runtime } from '../../runtime.js';
import type { NewRecord, TopicRow } from '../../store/kafka.js';
import { JsonSequence } from '../../http/json-sequence.js';
import { partitionForKey } from '../../core/partitioner.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { kafkaError } from './errors.js';
import { ApiError } from '../../core/errors.js';
import type { AvroSerde } from './avro-serde.js';

type DataType = 'BINARY' | 'JSON' | 'STRING';

interface ProduceData {
  type?: string;
  data?: unknown;
  schema_id?: number;
  schema?: string;
  subject?: string;
}

interface ProduceRequest {
  partition_id?: number | null;
  headers?: Array<{ name: string; value?: string | null }>;
  key?: ProduceData | null;
  value?: ProduceData | null;
  timestamp?: string | null;
}

/** A record the client sent that Kafka REST refuses on its own (the HTTP status stays 200). */
class RecordError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Encoded = { bytes: Buffer | null; report: { type: string; size: number } | null };

/** Avro through the Schema Registry of the cluster's environment; the other schema-based formats are not served yet. */
type SchemaEncoder = (d: ProduceData, field: 'key' | 'value') => Buffer;

const isSchemaBased = (d: ProduceData) => d.schema_id !== undefined || d.schema !== undefined || d.subject !== undefined || ['AVRO', 'PROTOBUF', 'JSONSCHEMA'].includes(String(d.type));

/** The bytes of a key or value and how to report it: `{type, size}`. */
function encode(d: ProduceData | null | undefined, field: 'key' | 'value', schemaEncoder: () => SchemaEncoder): Encoded {
  if (d === null || d === undefined || d.data === undefined) return { bytes: null, report: null };
  if (isSchemaBased(d)) {
    if (d.type !== undefined && d.type !== 'AVRO') throw new RecordError(400, `Bad Request: the ${d.type} type is not served yet; AVRO is.`);
    const bytes = schemaEncoder()(d, field);
    return { bytes, report: { type: 'AVRO', size: bytes.length } };
  }
  const type = (d.type ?? 'JSON') as DataType;
  let bytes: Buffer;
  if (type === 'BINARY') {
    if (typeof d.data !== 'string' || !BASE64.test(d.data)) throw new RecordError(400, `Bad Request: data=${JSON.stringify(d.data)} is not a base64 string.`);
    bytes = Buffer.from(d.data, 'base64');
  } else if (type === 'STRING') {
    if (typeof d.data !== 'string') throw new RecordError(400, `Bad Request: data=${JSON.stringify(d.data)} is not a string.`);
    bytes = Buffer.from(d.data, 'utf8');
  } else {
    bytes = Buffer.from(JSON.stringify(d.data), 'utf8');
  }
  return { bytes, report: { type, size: bytes.length } };
}

function timestampOf(value: string | null | undefined, now: number): number {
  if (value === null || value === undefined) return now;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RecordError(400, `Bad Request: timestamp=${value} is not an RFC 3339 date-time.`);
  return ms;
}

/**
 * Records without a key or partition go round-robin over the topic's partitions (the Java
 * client's sticky partitioner batches instead; either spreads records, and round-robin is
 * deterministic, which suits tests).
 */
export class RoundRobin {
  private readonly next = new Map<string, number>();
  pick(cluster: string, topic: TopicRow): number {
    const k = `${cluster}/${topic.name}`;
    const n = this.next.get(k) ?? 0;
    this.next.set(k, n + 1);
    return n % topic.partitions;
  }
}

export function produceHandlers(rt: Runtime, roundRobin: RoundRobin, avro: AvroSerde): HandlerMap {
  type Prepared = { record: NewRecord; key: Encoded['report']; value: Encoded['report'] } | { error: RecordError };

  /**
   * Avro keys and values: the schema is `schema_id`, else `schema` registered under the subject
   * (`subject`, else `<topic>-key` / `<topic>-value`), else that subject's latest version.
   */
  function avroEncoder(ctx: RequestContext, scope: ClusterScope, topic: TopicRow): SchemaEncoder {
    return (d, field) => {
      const subject = d.subject ?? `${topic.name}-${field}`;
      try {
        const registry = avro.registryFor(ctx.caller!.orgId, scope.id);
        const id = d.schema_id ?? (d.schema !== undefined ? avro.schemaId(registry, subject, d.schema, undefined) : registry.version(subject, 'latest').schema_id);
        return avro.encode(registry, id, d.data);
      } catch (err) {
        if (err instanceof ApiError) throw new RecordError(err.errorCode ?? err.status, `Bad Request: ${err.detail}`);
        throw err;
      }
    };
  }

  /** Turns one request into a record to store, or the error its report carries. */
  function prepare(scope: ClusterScope, topic: TopicRow, req: ProduceRequest, schemaEncoder: () => SchemaEncoder): Prepared {
    try {
      const key = encode(req.key, 'key', schemaEncoder);
      const value = encode(req.value, 'value', schemaEncoder);
      const headers = (req.headers ?? []).map((h) => {
        if (h.value !== null && h.value !== undefined && !BASE64.test(h.value)) throw new RecordError(400, `Bad Request: header ${h.name} value is not a base64 string.`);
        return { name: h.name, value: h.value ?? null };
      });
      let partition: number;
      if (req.partition_id !== null && req.partition_id !== undefined) {
        if (req.partition_id < 0 || req.partition_id >= topic.partitions) throw new RecordError(40403, 'This server does not host this topic-partition.');
        partition = req.partition_id;
      } else {
        partition = key.bytes ? partitionForKey(key.bytes, topic.partitions) : roundRobin.pick(scope.id, topic);
      }
      return { record: { partition, timestamp: timestampOf(req.timestamp, rt.clock.now()), key: key.bytes, value: value.bytes, headers }, key: key.report, value: value.report };
    } catch (err) {
      if (err instanceof RecordError) return { error: err };
      throw err;
    }
  }

  /** Stores the accepted records in one append and answers a delivery report per request, in order. */
  function produceAll(ctx: RequestContext, scope: ClusterScope, topic: TopicRow, requests: ProduceRequest[]) {
    let encoder: SchemaEncoder | undefined;
    const schemaEncoder = () => (encoder ??= avroEncoder(ctx, scope, topic));
    const prepared = requests.map((r) => prepare(scope, topic, r, schemaEncoder));
    const accepted = prepared.filter((p): p is Exclude<Prepared, { error: RecordError }> => !('error' in p));
    const stored = rt.tx(() => rt.kafka.append(scope.id, topic.name, accepted.map((p) => p.record)));
    let next = 0;
    return prepared.map((p) => {
      if ('error' in p) return { error_code: p.error.errorCode, message: p.error.message };
      const s = stored[next++];
      return {
        error_code: 200,
        cluster_id: scope.id,
        topic_name: topic.name,
        partition_id: s.partition,
        offset: s.offset,
        timestamp: new Date(s.timestamp).toISOString(),
        key: p.key,
        value: p.value,
      };
    });
  }

  return {
    produceRecord: (ctx: RequestContext) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      if (ctx.body === undefined) throw kafkaError(422, 422, 'Payload error. Request body is empty. Data is required.');
      if (ctx.body instanceof JsonSequence) return { status: 200, body: new JsonSequence(produceAll(ctx, scope, topic, ctx.body.values as ProduceRequest[])) };
      return { status: 200, body: produceAll(ctx, scope, topic, [ctx.body as ProduceRequest])[0] };
    },
  };
}
