import type { HandlerMap, AuthenticatedContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { NewRecord, TopicRow } from '../../store/kafka.js';
import { JsonSequence } from '../../http/json-sequence.js';
import { partitionForKey } from '../../core/partitioner.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { kafkaError } from './errors.js';
import { ApiError } from '../../core/errors.js';
import { SCHEMA_TYPE_OF, V3_TYPE_OF, type SchemaSerde } from './serde/schema-serde.js';
import { recordNameOf } from './serde/record-name.js';
import type { SchemaType } from '../schema-registry/formats.js';
import type { Mirroring } from './mirroring.js';
import { recordLogOf, type RecordLog } from './record-log.js';

type DataType = 'BINARY' | 'JSON' | 'STRING';

interface ProduceData {
  type?: string;
  data?: unknown;
  schema_id?: number;
  schema_version?: number;
  schema?: string;
  subject?: string;
  subject_name_strategy?: string;
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

/** Avro, JSON Schema and Protobuf through the Schema Registry of the cluster's environment: the bytes and the format used. */
type SchemaEncoder = (d: ProduceData, field: 'key' | 'value') => { bytes: Buffer; type: SchemaType };

const SCHEMA_FIELDS = ['schema_id', 'schema_version', 'schema', 'subject', 'subject_name_strategy'] as const;
const isSchemaBased = (d: ProduceData) => SCHEMA_FIELDS.some((f) => d[f] !== undefined) || String(d.type) in SCHEMA_TYPE_OF;

/** The bytes of a key or value and how to report it: `{type, size}`. */
function encode(d: ProduceData | null | undefined, field: 'key' | 'value', schemaEncoder: () => SchemaEncoder): Encoded {
  if (d === null || d === undefined || d.data === undefined) return { bytes: null, report: null };
  if (isSchemaBased(d)) {
    if (d.type !== undefined && !(d.type in SCHEMA_TYPE_OF)) throw new RecordError(400, `Bad Request: the ${d.type} type does not take a schema; AVRO, JSONSCHEMA and PROTOBUF do.`);
    const { bytes, type } = schemaEncoder()(d, field);
    return { bytes, report: { type: V3_TYPE_OF[type], size: bytes.length } };
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

/** A record larger than the topic's `max.message.bytes` is refused, as the broker refuses it. */
function checkSize(log: RecordLog, topic: TopicRow, key: Buffer | null, value: Buffer | null, headers: Array<{ name: string; value: string | null }>): void {
  if (log.tooLarge(topic, { key, value, headers })) throw new RecordError(413, 'The request included a message larger than the maximum message size the server can accept.');
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

export function produceHandlers(rt: Runtime, roundRobin: RoundRobin, serde: SchemaSerde, mirroring: Mirroring): HandlerMap {
  const log = recordLogOf(rt);
  type Prepared = { record: NewRecord; key: Encoded['report']; value: Encoded['report'] } | { error: RecordError };

  /**
   * Schema-based keys and values. The schema is `schema_id`, else version `schema_version` of the
   * subject, else `schema` registered under the subject, else the subject's latest version. The
   * subject is `subject`, else named by `subject_name_strategy`: TOPIC_NAME (the default,
   * `<topic>-key` / `<topic>-value`), RECORD_NAME (the record's full name) or TOPIC_RECORD_NAME.
   * The format is `type`, else the stored schema's, else AVRO.
   */
  function schemaEncoder(ctx: AuthenticatedContext, scope: ClusterScope, topic: TopicRow): SchemaEncoder {
    return (d, field) => {
      try {
        const registry = serde.registryFor(ctx.caller.orgId, scope.id);
        const named: SchemaType | undefined = d.type === undefined ? undefined : SCHEMA_TYPE_OF[d.type];
        const subjectOf = (type: SchemaType) => {
          if (d.subject !== undefined) return d.subject;
          const strategy = d.subject_name_strategy ?? 'TOPIC_NAME';
          if (strategy === 'TOPIC_NAME') return `${topic.name}-${field}`;
          if (strategy !== 'RECORD_NAME' && strategy !== 'TOPIC_RECORD_NAME') throw new RecordError(400, `Bad Request: unknown subject_name_strategy ${strategy}.`);
          if (d.schema === undefined) throw new RecordError(400, `Bad Request: the ${strategy} strategy needs the schema or a subject.`);
          const record = recordNameOf(type, d.schema);
          if (!record) throw new RecordError(400, `Bad Request: the ${strategy} strategy needs a schema that names its record.`);
          return strategy === 'RECORD_NAME' ? record : `${topic.name}-${record}`;
        };
        let id: number;
        if (d.schema_id !== undefined) {
          id = d.schema_id;
        } else if (d.schema !== undefined) {
          const type = named ?? 'AVRO';
          id = serde.schemaId(registry, subjectOf(type), type, d.schema, undefined);
        } else {
          const subject = d.subject ?? `${topic.name}-${field}`;
          id = registry.version(subject, d.schema_version === undefined ? 'latest' : String(d.schema_version)).schema_id;
        }
        const type = registry.schema(id).schema_type as SchemaType;
        if (named && named !== type) throw new RecordError(400, `Bad Request: schema ${id} is a ${V3_TYPE_OF[type]} schema, not ${d.type}.`);
        return { bytes: serde.encode(registry, id, d.data), type };
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
      checkSize(log, topic, key.bytes, value.bytes, headers);
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
  function produceAll(ctx: AuthenticatedContext, scope: ClusterScope, topic: TopicRow, requests: ProduceRequest[]) {
    const readOnly = mirroring.readOnlyReason(scope.id, topic.name);
    if (readOnly) return requests.map(() => ({ error_code: 40002, message: readOnly }));
    let encoder: SchemaEncoder | undefined;
    const lazyEncoder = () => (encoder ??= schemaEncoder(ctx, scope, topic));
    const prepared = requests.map((r) => prepare(scope, topic, r, lazyEncoder));
    const accepted = prepared.filter((p): p is Exclude<Prepared, { error: RecordError }> => !('error' in p));
    const stored = log.append(scope.id, topic, accepted.map((p) => p.record));
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
    produceRecord: (ctx: AuthenticatedContext) => {
      const scope = clusterOf(rt, ctx);
      const topic = topicOf(rt, scope, ctx.params.topic_name);
      if (ctx.body === undefined) throw kafkaError(422, 422, 'Payload error. Request body is empty. Data is required.');
      // Not allowed to write: one record is refused with 403, a stream record by record.
      const write = ctx.guard?.kafka('WRITE', 'TOPIC', topic.name);
      if (write && !write.allowed) {
        if (!(ctx.body instanceof JsonSequence)) ctx.guard!.require(write);
        return { status: 200, body: new JsonSequence(ctx.body.values.map(() => ({ error_code: 40301, message: `Forbidden: ${write.reason}` }))) };
      }
      if (ctx.body instanceof JsonSequence) return { status: 200, body: new JsonSequence(produceAll(ctx, scope, topic, ctx.body.values as ProduceRequest[])) };
      const single = ctx.body as ProduceRequest;
      // Kafka REST reads a header's bytes while it deserializes the request, so a single record
      // with a header that is not base64 fails as a whole (HTTP 400), before any report is written.
      const bad = (single.headers ?? []).find((h) => typeof h.value === 'string' && !BASE64.test(h.value));
      if (bad) throw kafkaError(400, 400, `Cannot deserialize value of type \`byte[]\` from String "${bad.value}": Failed to decode VALUE_STRING as base64 (MIME-NO-LINEFEEDS) in header ${bad.name}`);
      return { status: 200, body: produceAll(ctx, scope, topic, [single])[0] };
    },
  };
}
