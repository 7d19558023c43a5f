import CRC32C from 'crc-32/crc32c.js';
import { Reader } from '../codec/reader.js';
import { Writer } from '../codec/writer.js';
import { decompress } from './compression.js';

/** One record of a batch, as the protocol carries it. */
export interface WireRecord {
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Array<{ key: string; value: Buffer | null }>;
}

/** A decoded record batch (magic 2). */
export interface DecodedBatch {
  baseOffset: number;
  /** The batch's bytes as sent (compressed, with its header): what `max.message.bytes` limits. */
  sizeInBytes: number;
  attributes: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  control: boolean;
  records: WireRecord[];
}

/** Why a record set is refused: Kafka's CORRUPT_MESSAGE (2) or UNSUPPORTED_FOR_MESSAGE_FORMAT (43). */
export class InvalidRecordsError extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

const BATCH_OVERHEAD = 61; // base offset .. record count
const CRC_START = 21; // attributes begin after base offset, length, leader epoch, magic, crc

const crc32c = (b: Buffer) => CRC32C.buf(b) >>> 0;

/**
 * The records of a batch body, decoded in one pass over the bytes (no reader object, one-byte
 * varints read inline): this runs for every record a producer sends. Keys and values are views
 * into `body`, not copies. Every field must lie inside its record's declared length.
 */
function decodeRecords(body: Buffer, count: number, baseTimestamp: number): WireRecord[] {
  const records: WireRecord[] = new Array(count);
  let at = 0;
  for (let i = 0; i < count; i++) {
    // Record length: a one-byte varint below 64 bytes, else two or more.
    let length: number;
    const first = body[at];
    if (first < 0x80) {
      length = (first >>> 1) ^ -(first & 1);
      at++;
    } else {
      length = varintAt(body, at, body.length);
      at = next;
    }
    if (length < 0 || length > body.length - at) throw new InvalidRecordsError(2, 'Record length exceeds the batch');
    const end = at + length;
    if (at >= end) throw new InvalidRecordsError(2, 'Record length does not match its fields');
    at++; // attributes (unused)
    const timestampDelta = varlongAt(body, at, end);
    varintAt(body, next, end); // offset delta: records are stored in order
    const key = bytesAt(body, next, end);
    const value = bytesAt(body, next, end);
    const headerCount = varintAt(body, next, end);
    at = next;
    let headers: WireRecord['headers'] = NO_WIRE_HEADERS;
    if (headerCount !== 0) {
      if (headerCount < 0 || headerCount > end - at) throw new InvalidRecordsError(2, 'Invalid header count');
      headers = [];
      for (let h = 0; h < headerCount; h++) {
        const k = bytesAt(body, at, end);
        if (k === null) throw new InvalidRecordsError(2, 'Record header without a key');
        headers.push({ key: k.toString('utf8'), value: bytesAt(body, next, end) });
        at = next;
      }
    }
    if (at !== end) throw new InvalidRecordsError(2, 'Record length does not match its fields');
    records[i] = { timestamp: baseTimestamp + timestampDelta, key, value, headers };
  }
  if (at !== body.length) throw new InvalidRecordsError(2, 'Bytes left after the last record');
  return records;
}

/** Records without headers share this list (never changed). */
const NO_WIRE_HEADERS: WireRecord['headers'] = [];

/** Where the last `varintAt` / `varlongAt` / `bytesAt` stopped: the next field's position. */
let next = 0;

/** A zigzag varint (32 bits) at `at`, read no further than `end`. */
function varintAt(b: Buffer, at: number, end: number): number {
  let u = 0;
  for (let shift = 0; ; shift += 7) {
    if (at >= end) throw new InvalidRecordsError(2, 'Record length does not match its fields');
    const byte = b[at++];
    if (shift === 28 && byte > 0x0f) throw new InvalidRecordsError(2, 'Varint exceeds 32 bits');
    u |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  next = at;
  return (u >>> 1) ^ -(u & 1);
}

/** A zigzag varlong at `at` as a JS number (exact up to 2^53), read no further than `end`. */
function varlongAt(b: Buffer, at: number, end: number): number {
  const first = at < end ? b[at] : 0x80;
  if (first < 0x80) {
    next = at + 1;
    return (first >>> 1) ^ -(first & 1);
  }
  // Rare (timestamps more than 64 ms apart within a batch): the general reader.
  const r = new Reader(b, at, end);
  try {
    const v = r.varlong();
    next = r.offset;
    return v;
  } catch (err) {
    throw new InvalidRecordsError(2, `Corrupt record: ${(err as Error).message}`);
  }
}

/** Bytes prefixed by a zigzag varint length (-1: null) at `at`, as a view of `b`. */
function bytesAt(b: Buffer, at: number, end: number): Buffer | null {
  const length = varintAt(b, at, end);
  at = next;
  if (length === -1) return null;
  if (length < -1 || length > end - at) throw new InvalidRecordsError(2, 'Record length does not match its fields');
  next = at + length;
  return b.subarray(at, next);
}

/**
 * Decodes every batch of a produce request's record set: magic 2 only, CRC32C checked, records
 * decompressed. Throws InvalidRecordsError for anything malformed, so that nothing of a bad set is
 * stored.
 */
export function decodeRecordSet(set: Buffer): DecodedBatch[] {
  const batches: DecodedBatch[] = [];
  let at = 0;
  while (at < set.length) {
    if (set.length - at < BATCH_OVERHEAD) throw new InvalidRecordsError(2, 'Truncated record batch');
    const batchLength = set.readInt32BE(at + 8);
    const end = at + 12 + batchLength;
    if (batchLength < BATCH_OVERHEAD - 12 || end > set.length) throw new InvalidRecordsError(2, 'Record batch length exceeds the record set');
    const magic = set.readInt8(at + 16);
    if (magic !== 2) throw new InvalidRecordsError(43, `Message format v${magic} is not supported; use record batches (magic 2)`);
    const crc = set.readUInt32BE(at + 17);
    if (crc32c(set.subarray(at + CRC_START, end)) !== crc) throw new InvalidRecordsError(2, 'Record batch CRC mismatch');
    try {
      const r = new Reader(set, at, end);
      const baseOffset = r.int64();
      r.int32(); // batch length
      r.int32(); // partition leader epoch
      r.int8(); // magic
      r.uint32(); // crc
      const attributes = r.int16();
      r.int32(); // last offset delta
      const baseTimestamp = r.int64();
      r.int64(); // max timestamp
      const producerId = r.int64();
      const producerEpoch = r.int16();
      const baseSequence = r.int32();
      const count = r.int32();
      const body = decompress(attributes & 0x07, r.buf.subarray(r.offset, end));
      if (count < 0 || count > body.length) throw new InvalidRecordsError(2, 'Invalid record count');
      const records = decodeRecords(body, count, baseTimestamp);
      batches.push({ baseOffset, sizeInBytes: end - at, attributes, producerId, producerEpoch, baseSequence, transactional: (attributes & 0x10) !== 0, control: (attributes & 0x20) !== 0, records });
    } catch (err) {
      if (err instanceof InvalidRecordsError) throw err;
      throw new InvalidRecordsError(2, `Corrupt record batch: ${(err as Error).message}`);
    }
    at = end;
  }
  return batches;
}

/** Bytes of an unsigned LEB128 varint. */
const uvarintSize = (u: number) => (u < 0x80 ? 1 : u < 0x4000 ? 2 : u < 0x200000 ? 3 : u < 0x10000000 ? 4 : 5);
/** Bytes of a zigzag varint (32-bit). */
const varintSize = (v: number) => uvarintSize(((v << 1) ^ (v >> 31)) >>> 0);
/** Bytes of a zigzag varlong: the varint's within int32 (as Writer.varlong writes it), else counted. */
function varlongSize(v: number): number {
  if (v >= -0x40000000 && v < 0x40000000) return varintSize(v);
  let z = BigInt.asUintN(64, (BigInt(v) << 1n) ^ (BigInt(v) >> 63n));
  let n = 1;
  while (z >= 0x80n) {
    z >>= 7n;
    n++;
  }
  return n;
}
/** Bytes of a varint-length-prefixed byte string (null is -1). */
const bytesSize = (b: Buffer | null) => (b === null ? 1 : varintSize(b.length) + b.length);

/** A stored record to serve, with its offset. */
export interface OffsetRecord extends WireRecord {
  offset: number;
}

/** A record header as a batch carries it. */
export interface WireHeader {
  key: Buffer;
  value: Buffer | null;
}

const NO_HEADERS: readonly WireHeader[] = [];

/** Who wrote a batch, as Fetch returns it: a transactional producer's batches and control batches carry it. */
export interface BatchProducer {
  producerId: number;
  producerEpoch: number;
  transactional: boolean;
  control: boolean;
}

const NO_PRODUCER: BatchProducer = { producerId: -1, producerEpoch: -1, transactional: false, control: false };

const wireHeadersOf = (r: OffsetRecord): readonly WireHeader[] => (r.headers.length ? r.headers.map((h) => ({ key: Buffer.from(h.key, 'utf8'), value: h.value })) : NO_HEADERS);

/**
 * Encodes records with consecutive offsets as one uncompressed batch (magic 2). `logAppendTime`
 * sets the timestamp-type bit, as a broker does for topics with LogAppendTime. `headersOf` gives a
 * record's headers in wire form (the stored form differs by transport); `producer` the writer of a
 * transactional or control batch.
 */
export function encodeBatch<R extends Omit<OffsetRecord, 'headers'>>(w: Writer, records: readonly R[], logAppendTime = false, headersOf: (r: R) => readonly WireHeader[] = wireHeadersOf as never, producer: BatchProducer = NO_PRODUCER): void {
  const base = records[0];
  const last = records[records.length - 1];
  let maxTimestamp = base.timestamp;
  for (const r of records) if (r.timestamp > maxTimestamp) maxTimestamp = r.timestamp;
  w.int64(base.offset);
  const endLength = w.size();
  w.int32(-1); // partition leader epoch
  w.int8(2);
  const crcAt = w.offset;
  w.uint32(0);
  const crcFrom = w.offset;
  w.int16((logAppendTime ? 0x08 : 0) | (producer.transactional ? 0x10 : 0) | (producer.control ? 0x20 : 0));
  w.int32(last.offset - base.offset);
  w.int64(base.timestamp);
  w.int64(maxTimestamp);
  w.int64(producer.producerId);
  w.int16(producer.producerEpoch);
  w.int32(-1); // base sequence
  w.int32(records.length);
  for (const r of records) {
    const tsDelta = r.timestamp - base.timestamp;
    const offsetDelta = r.offset - base.offset;
    const headers = headersOf(r);
    let size = 1 + varlongSize(tsDelta) + varintSize(offsetDelta) + bytesSize(r.key) + bytesSize(r.value) + varintSize(headers.length);
    for (const h of headers) size += bytesSize(h.key) + bytesSize(h.value);
    w.varint(size).int8(0).varlong(tsDelta).varint(offsetDelta).varintBytes(r.key).varintBytes(r.value).varint(headers.length);
    for (const h of headers) w.varintBytes(h.key).varintBytes(h.value);
  }
  endLength();
  const bytes = w.toBuffer();
  bytes.writeUInt32BE(crc32c(bytes.subarray(crcFrom, w.offset)), crcAt);
}
