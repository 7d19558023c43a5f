// Reads the latest records of a topic through REST Proxy v2 consumer instances, with their headers
// and timestamps from the control plane (REST Proxy v2 does not return them), then decodes them: JSON and strings here, JSON Schema records here too (their
// payload is JSON), Avro here with the registry's schema, Protobuf (and Avro this page cannot read)
// through a consumer of that format, which decodes with the registry; whatever cannot be decoded is
// shown as hex. Instances are deleted after use and never commit, so they leave no consumer group
// behind.

import { decodeAvro } from './avro.js';
import { control, enc } from './api.js';

/** The consumer group of the console's own instances, hidden from its lists. */
export const CONSOLE_GROUP = '_emulator-console';

const V2 = 'application/vnd.kafka.v2+json';
const MAX_BYTES = 4 * 1024 * 1024;
const FORMAT_OF = { AVRO: 'avro', PROTOBUF: 'protobuf' };
const LABEL_OF = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSONSCHEMA: 'JSON Schema' };

const bytesOf = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
export const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Bytes without a schema: JSON, else a string, else hex. */
function plain(bytes) {
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { format: 'bytes', value: hex(bytes) };
  }
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) return { format: 'bytes', value: hex(bytes) };
  try {
    return { format: 'JSON', value: JSON.parse(text) };
  } catch {
    return { format: 'string', value: text };
  }
}

/** A consumer instance of the console's group, removed when `use` is done. */
async function withConsumer(api, cluster, format, use) {
  const headers = { 'content-type': V2, accept: V2 };
  const inst = await api.call(`/consumers/${CONSOLE_GROUP}`, {
    resource: cluster,
    method: 'POST',
    headers,
    body: { format, 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' },
  });
  const base = new URL(inst.base_uri, location.href).pathname;
  const post = (path, body) => api.call(base + path, { resource: cluster, method: 'POST', headers, body });
  const fetchRecords = (maxBytes = MAX_BYTES) =>
    api.call(`${base}/records?timeout=0&max_bytes=${maxBytes}`, { resource: cluster, headers: { accept: `application/vnd.kafka.${format}.v2+json` } });
  try {
    return await use({ post, fetchRecords });
  } finally {
    await api.call(base, { resource: cluster, method: 'DELETE', headers: { 'content-type': V2 } }).catch(() => undefined);
  }
}

/**
 * The latest `count` records of each partition. `partitions` are `{partition, beginning_offset,
 * end_offset}`; `schemaOf(id)` answers a registry schema `{schemaType}` or throws.
 */
export async function latestRecords(api, cluster, topic, partitions, count, schemaOf) {
  const wanted = partitions.filter((p) => p.end_offset > p.beginning_offset);
  if (!wanted.length) return [];
  const raw = await withConsumer(api, cluster, 'binary', async (c) => {
    await c.post('/assignments', { partitions: wanted.map((p) => ({ topic, partition: p.partition })) });
    await c.post('/positions', { offsets: wanted.map((p) => ({ topic, partition: p.partition, offset: Math.max(p.beginning_offset, p.end_offset - count) })) });
    const out = [];
    const expected = wanted.reduce((n, p) => n + Math.min(count, p.end_offset - p.beginning_offset), 0);
    for (let i = 0; i < 10 && out.length < expected; i++) {
      const batch = await c.fetchRecords();
      if (!batch.length) break;
      out.push(...batch);
    }
    return out;
  });
  const records = await Promise.all(
    raw.map(async (r) => ({
      partition: r.partition,
      offset: r.offset,
      size: (r.key ? atob(r.key).length : 0) + (r.value ? atob(r.value).length : 0),
      key: await decodeField(r.key, schemaOf),
      value: await decodeField(r.value, schemaOf),
    })),
  );
  await decodeWithRegistry(api, cluster, topic, records);
  await addHeaders(cluster, topic, wanted, count, records);
  return records.sort((a, b) => a.partition - b.partition || b.offset - a.offset);
}

/** Each record's headers (values as text, else hex) and timestamp, which REST Proxy v2 does not return. */
async function addHeaders(cluster, topic, partitions, count, records) {
  const byKey = new Map(records.map((r) => [`${r.partition}/${r.offset}`, r]));
  await Promise.all(
    partitions.map(async (p) => {
      const offset = Math.max(p.beginning_offset, p.end_offset - count);
      const path = `/_emulator/kafka/clusters/${enc(cluster)}/topics/${enc(topic)}/records?partition=${p.partition}&offset=${offset}&limit=${Math.min(count, 500)}`;
      const answer = await control.get(path).catch(() => ({ data: [] }));
      for (const h of answer.data) {
        const r = byKey.get(`${h.partition}/${h.offset}`);
        if (!r) continue;
        r.timestamp = h.timestamp;
        r.headers = h.headers.map((x) => ({ name: x.name, value: x.value === null ? null : plain(bytesOf(x.value)) }));
      }
    }),
  );
}

async function decodeField(b64, schemaOf) {
  if (b64 === null || b64 === undefined) return { format: 'null', value: null };
  const bytes = bytesOf(b64);
  if (bytes.length >= 5 && bytes[0] === 0) {
    const id = new DataView(bytes.buffer).getUint32(1);
    const schema = await schemaOf(id).catch(() => undefined);
    if (schema) {
      // Schema Registry names JSON Schema `JSON`; an absent type is Avro.
      const type = schema.schemaType === 'JSON' ? 'JSONSCHEMA' : schema.schemaType ?? 'AVRO';
      const label = `${LABEL_OF[type] ?? type} · schema ${id}`;
      if (type === 'JSONSCHEMA') return { ...plain(bytes.subarray(5)), format: label };
      if (type === 'AVRO') {
        try {
          return { format: label, value: decodeAvro(schema.schema, bytes.subarray(5)) };
        } catch {
          // references or an unreadable record: a consumer of the format tries next
        }
      }
      return { format: label, value: hex(bytes), pending: FORMAT_OF[type], schemaId: id };
    }
  }
  return plain(bytes);
}

/**
 * Avro and Protobuf records, decoded by a consumer of their format: consecutive records of one
 * partition whose key and value are both of that format (or null) are read again in one fetch.
 */
async function decodeWithRegistry(api, cluster, topic, records) {
  for (const format of ['avro', 'protobuf']) {
    const fits = (r) => (r.value.pending === format || r.value.format === 'null') && (r.key.pending === format || r.key.format === 'null') && (r.value.pending === format || r.key.pending === format);
    const runs = [];
    const sorted = [...records].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
    for (const r of sorted) {
      if (!fits(r)) continue;
      const last = runs[runs.length - 1];
      if (last && last.partition === r.partition && last.records[last.records.length - 1].offset === r.offset - 1) last.records.push(r);
      else runs.push({ partition: r.partition, records: [r] });
    }
    if (!runs.length) continue;
    await withConsumer(api, cluster, format, async (c) => {
      for (const run of runs.slice(0, 50)) {
        // One partition at a time: a fetch reads every assigned partition, and one record of another
        // format would fail the whole fetch.
        await c.post('/assignments', { partitions: [{ topic, partition: run.partition }] });
        await c.post('/positions', { offsets: [{ topic, partition: run.partition, offset: run.records[0].offset }] });
        const bytes = run.records.reduce((n, r) => n + r.size, 0);
        const decoded = await c.fetchRecords(Math.max(1, bytes)).catch(() => []);
        for (const d of decoded) {
          const target = run.records.find((r) => r.offset === d.offset && d.partition === run.partition);
          if (!target) continue;
          if (target.key.pending) target.key = { format: target.key.format, value: d.key };
          if (target.value.pending) target.value = { format: target.value.format, value: d.value };
        }
      }
    }).catch(() => undefined);
  }
}
