import type { HandlerMap, RequestContext } from '../../../contract/handler.js';
import { header } from '../../../contract/handler.js';
import type { Runtime } from '../../../runtime.js';
import type { StoredRecord } from '../../../store/kafka.js';
import { kafkaError } from '../errors.js';
import { SCHEMA_TYPE_OF, type SchemaSerde } from '../serde/schema-serde.js';
import { tpKey, type ConsumerInstances, type ConsumerInstance, type TopicPartition } from './consumer-instances.js';
import { clusterIdOf, partitionV2, topicV2, V2_JSON } from './scope.js';
import { transactionsOf } from '../transactions.js';
import { encodeSegment } from '../../../core/url.js';

/** Records read per partition per fetch, at most (REST Proxy's max.poll.records is 500). */
const MAX_RECORDS_PER_PARTITION = 500;
const POLL_INTERVAL_MS = 25;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function decode(format: string, bytes: Buffer | null, schemaDecode?: (bytes: Buffer) => unknown): unknown {
  if (bytes === null) return null;
  if (format === 'binary') return bytes.toString('base64');
  if (schemaDecode) return schemaDecode(bytes);
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw kafkaError(500, 50002, 'A record is not JSON and cannot be read by a json consumer; use the binary format.');
  }
}

/** `Accept` must allow the instance's format (or be absent or a wildcard): 406 40601 otherwise. */
function checkAccept(ctx: RequestContext, instance: ConsumerInstance): void {
  const accept = header(ctx, 'accept');
  if (!accept) return;
  const types = accept.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  const ok = types.some((t) => t === '*/*' || t === 'application/*' || t === `application/vnd.kafka.${instance.format}.v2+json` || t === 'application/json' || t === 'application/vnd.kafka+json');
  if (!ok) throw kafkaError(406, 40601, `The requested embedded data format does not match the deserializer for this consumer instance (${instance.format}).`);
}

/** Subscriptions, manual assignments and patterns exclude each other (409 40903). */
function exclusive(): never {
  throw kafkaError(409, 40903, 'Subscription to topics, partitions and pattern are mutually exclusive.');
}

export function restProxyConsumerHandlers(rt: Runtime, instances: ConsumerInstances, serde: SchemaSerde): HandlerMap {
  const instanceOf = (ctx: RequestContext) => instances.get(clusterIdOf(rt, ctx), ctx.params.group_name, ctx.params.instance);
  const checkPartitions = (instance: ConsumerInstance, tps: TopicPartition[]) => {
    for (const tp of tps) partitionV2(topicV2(rt, instance.cluster, tp.topic), tp.partition);
  };

  /** One pass over the instance's partitions from their positions, within max_bytes. */
  function readOnce(instance: ConsumerInstance, maxBytes: number) {
    const out: Array<{ topic: string; partition: number; offset: number; key: unknown; value: unknown }> = [];
    let bytes = 0;
    const schemaType = SCHEMA_TYPE_OF[instance.format];
    const registry = schemaType && serde.registryFor(instance.org, instance.cluster);
    const schemaDecode = registry ? (b: Buffer) => serde.decode(registry, schemaType, b) : undefined;
    for (const tp of instances.partitionsOf(instance)) {
      const from = instances.position(instance, tp);
      const records: StoredRecord[] = rt.kafka.read(instance.cluster, tp.topic, tp.partition, from, MAX_RECORDS_PER_PARTITION);
      // Transaction markers are no records to a consumer (REST Proxy's Java consumer skips them), but its position moves past them.
      const markers = records.length ? transactionsOf(rt).controlOffsets(instance.cluster, tp.topic, tp.partition, from, records[records.length - 1].offset) : undefined;
      for (const r of records) {
        if (markers?.has(r.offset)) {
          instance.positions.set(tpKey(tp.topic, tp.partition), r.offset + 1);
          continue;
        }
        const size = (r.key?.length ?? 0) + (r.value?.length ?? 0);
        // At least one record is returned, however large, so that a consumer always progresses.
        if (out.length && bytes + size > maxBytes) return out;
        bytes += size;
        out.push({ topic: tp.topic, partition: tp.partition, offset: r.offset, key: decode(instance.format, r.key, schemaDecode), value: decode(instance.format, r.value, schemaDecode) });
        instance.positions.set(tpKey(tp.topic, tp.partition), r.offset + 1);
      }
    }
    return out;
  }

  function commitPositions(instance: ConsumerInstance) {
    const offsets = [...instance.positions].map(([k, offset]) => {
      const slash = k.lastIndexOf('/');
      return { topic: k.slice(0, slash), partition: Number(k.slice(slash + 1)), offset, metadata: '' };
    });
    rt.tx(() => rt.kafka.commit(instance.cluster, instance.group, offsets, rt.clock.now()));
  }

  return {
    createRestProxyV2Consumer: (ctx) => {
      const instance = instances.create(ctx.caller.orgId, clusterIdOf(rt, ctx), ctx.params.group_name, (ctx.body ?? {}) as Record<string, string>);
      const base_uri = `${ctx.baseUrl}/consumers/${encodeSegment(instance.group)}/instances/${encodeSegment(instance.name)}`;
      return { status: 200, headers: V2_JSON, body: { instance_id: instance.name, base_uri } };
    },
    deleteRestProxyV2Consumer: (ctx) => {
      instances.delete(instanceOf(ctx));
      return { status: 204 };
    },

    subscribeRestProxyV2Consumer: (ctx) => {
      const instance = instanceOf(ctx);
      const b = (ctx.body ?? {}) as { topics?: string[]; topic_pattern?: string };
      if (instance.assignments.length || (b.topics?.length && b.topic_pattern)) exclusive();
      if (b.topic_pattern !== undefined) {
        try {
          instance.pattern = new RegExp(`^(?:${b.topic_pattern})$`);
        } catch {
          throw kafkaError(422, 422, `Invalid topic_pattern: ${b.topic_pattern}`);
        }
        instance.topics = [];
      } else {
        for (const topic of b.topics ?? []) ctx.guard?.require(ctx.guard.kafka('READ', 'TOPIC', topic));
        instance.topics = [...(b.topics ?? [])];
        instance.pattern = null;
      }
      return { status: 204 };
    },
    getRestProxyV2Subscription: (ctx) => {
      const instance = instanceOf(ctx);
      const topics = instance.pattern ? rt.kafka.topics(instance.cluster).map((t) => t.name).filter((n) => instance.pattern!.test(n)) : instance.topics;
      return { status: 200, headers: V2_JSON, body: { topics } };
    },
    unsubscribeRestProxyV2Consumer: (ctx) => {
      const instance = instanceOf(ctx);
      instance.topics = [];
      instance.pattern = null;
      return { status: 204 };
    },

    assignRestProxyV2Partitions: (ctx) => {
      const instance = instanceOf(ctx);
      if (instance.topics.length || instance.pattern) exclusive();
      const partitions = (ctx.body as { partitions: TopicPartition[] }).partitions;
      checkPartitions(instance, partitions);
      for (const p of partitions) ctx.guard?.require(ctx.guard.kafka('READ', 'TOPIC', p.topic));
      instance.assignments = partitions.map((p) => ({ topic: p.topic, partition: p.partition }));
      return { status: 204 };
    },
    getRestProxyV2Assignments: (ctx) => ({ status: 200, headers: V2_JSON, body: { partitions: instanceOf(ctx).assignments } }),

    seekRestProxyV2Positions: (ctx) => {
      const instance = instanceOf(ctx);
      const offsets = (ctx.body as { offsets: Array<TopicPartition & { offset: number }> }).offsets;
      checkPartitions(instance, offsets);
      for (const o of offsets) instance.positions.set(tpKey(o.topic, o.partition), o.offset);
      return { status: 204 };
    },
    seekRestProxyV2Beginning: (ctx) => {
      const instance = instanceOf(ctx);
      const partitions = (ctx.body as { partitions: TopicPartition[] }).partitions;
      checkPartitions(instance, partitions);
      for (const p of partitions) instance.positions.set(tpKey(p.topic, p.partition), 0);
      return { status: 204 };
    },
    seekRestProxyV2End: (ctx) => {
      const instance = instanceOf(ctx);
      const partitions = (ctx.body as { partitions: TopicPartition[] }).partitions;
      checkPartitions(instance, partitions);
      for (const p of partitions) instance.positions.set(tpKey(p.topic, p.partition), rt.kafka.endOffset(instance.cluster, p.topic, p.partition));
      return { status: 204 };
    },

    /**
     * Waits (on the wall clock: it is a network wait, not a resource phase) up to the smaller of
     * `timeout` and the instance's consumer.request.timeout.ms when nothing is there yet.
     */
    fetchRestProxyV2Records: async (ctx) => {
      const instance = instanceOf(ctx);
      checkAccept(ctx, instance);
      // A role or ACL taken away since the subscription counts on the very next fetch.
      for (const topic of new Set(instances.partitionsOf(instance).map((tp) => tp.topic))) ctx.guard?.require(ctx.guard.kafka('READ', 'TOPIC', topic));
      const maxBytes = ctx.query.max_bytes === undefined ? Number.MAX_SAFE_INTEGER : Number(ctx.query.max_bytes);
      const wait = Math.min(ctx.query.timeout === undefined ? instance.requestTimeoutMs : Number(ctx.query.timeout), instance.requestTimeoutMs);
      const deadline = Date.now() + wait;
      let records = readOnce(instance, maxBytes);
      while (!records.length && Date.now() < deadline) {
        await sleep(Math.min(POLL_INTERVAL_MS, Math.max(0, deadline - Date.now())));
        records = readOnce(instance, maxBytes);
      }
      if (instance.autoCommit && records.length) commitPositions(instance);
      return { status: 200, headers: { 'content-type': `application/vnd.kafka.${instance.format}.v2+json` }, body: records };
    },

    /** Explicit offsets are those of the last records processed: the commit is the next one to read. */
    commitRestProxyV2Offsets: (ctx) => {
      const instance = instanceOf(ctx);
      const offsets = (ctx.body as { offsets?: Array<TopicPartition & { offset: number; metadata?: string }> } | undefined)?.offsets;
      if (!offsets || offsets.length === 0) {
        commitPositions(instance);
      } else {
        checkPartitions(instance, offsets);
        const next = offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset + 1, metadata: o.metadata ?? '' }));
        rt.tx(() => rt.kafka.commit(instance.cluster, instance.group, next, rt.clock.now()));
      }
      return { status: 200 };
    },
    getRestProxyV2CommittedOffsets: (ctx) => {
      const instance = instanceOf(ctx);
      const mine = new Set(instances.partitionsOf(instance).map((tp) => tpKey(tp.topic, tp.partition)));
      const offsets = rt.kafka.committed(instance.cluster, instance.group).filter((c) => mine.has(tpKey(c.topic, c.partition)));
      return { status: 200, headers: V2_JSON, body: { offsets } };
    },
  };
}
