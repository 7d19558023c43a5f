import { describe, expect, it } from 'vitest';
import CRC32C from 'crc-32/crc32c.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { decodeRecordSet, encodeBatch, InvalidRecordsError } from '../../src/kafka-protocol/records/batch.js';

/** A record batch (magic 2, uncompressed) around record bytes written by hand, with a correct CRC. */
function batchOf(records: Buffer, count: number, baseTimestamp = 1_000): Buffer {
  const w = new Writer();
  w.int64(0);
  const end = w.size();
  w.int32(-1).int8(2);
  const crcAt = w.offset;
  w.uint32(0);
  const crcFrom = w.offset;
  w.int16(0).int32(count - 1).int64(baseTimestamp).int64(baseTimestamp).int64(-1).int16(-1).int32(-1).int32(count);
  w.raw(records);
  end();
  const b = Buffer.from(w.toBuffer());
  b.writeUInt32BE(CRC32C.buf(b.subarray(crcFrom)) >>> 0, crcAt);
  return b;
}

/** One record's bytes: the length prefix is computed unless given. */
function recordBytes(fields: (w: Writer) => void, length?: number): Buffer {
  const body = new Writer();
  fields(body);
  const w = new Writer();
  w.varint(length ?? body.offset).raw(body.toBuffer());
  return Buffer.from(w.toBuffer());
}

const corrupt = (set: Buffer, message: RegExp) => {
  try {
    decodeRecordSet(set);
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidRecordsError);
    expect((err as InvalidRecordsError).errorCode).toBe(2);
    expect((err as Error).message).toMatch(message);
    return;
  }
  throw new Error('decoded a corrupt record set');
};

describe('record batch decoding', () => {
  it('decodes records with multi-byte lengths, large timestamp deltas, null and empty fields, and headers', () => {
    const records = [
      { offset: 0, timestamp: 5_000, key: Buffer.alloc(200, 1), value: Buffer.alloc(20_000, 2), headers: [] },
      { offset: 1, timestamp: 5_000 + 2 ** 33, key: null, value: Buffer.alloc(0), headers: [{ key: 'trace', value: Buffer.from('abc') }, { key: 'gone', value: null }] },
      { offset: 2, timestamp: 4_000, key: Buffer.from('k'), value: null, headers: [] },
    ];
    const w = new Writer();
    encodeBatch(w, records);
    const [batch] = decodeRecordSet(w.toBuffer());
    expect(batch.records).toEqual(records.map(({ offset: _o, ...r }) => r));
  });

  it('gives keys and values as views of the request, not copies', () => {
    const w = new Writer();
    encodeBatch(w, [{ offset: 0, timestamp: 1, key: Buffer.from('key'), value: Buffer.from('value'), headers: [] }]);
    const set = w.toBuffer();
    const [{ records }] = decodeRecordSet(set);
    expect(records[0].value!.buffer).toBe(set.buffer);
  });

  it('refuses a record whose fields run past its declared length, or stop short of it', () => {
    const fields = (w: Writer) => w.int8(0).varlong(0).varint(0).varintBytes(Buffer.from('key')).varintBytes(Buffer.from('value')).varint(0);
    const good = recordBytes(fields);
    expect(decodeRecordSet(batchOf(good, 1))[0].records[0].value!.toString()).toBe('value');
    corrupt(batchOf(recordBytes(fields, good.length - 4), 1), /does not match its fields|exceeds/);
    corrupt(batchOf(recordBytes(fields, good.length), 1).subarray(0, -1), /exceeds the record set|Truncated/);
    corrupt(batchOf(Buffer.concat([recordBytes((w) => (fields(w), w.int8(0)))]), 1), /does not match its fields/);
  });

  it('refuses a record length beyond the batch, bytes after the last record and a value length past the record', () => {
    corrupt(batchOf(recordBytes((w) => w.int8(0).varlong(0).varint(0), 500), 1), /Record length exceeds the batch/);
    const one = recordBytes((w) => w.int8(0).varlong(0).varint(0).varintBytes(null).varintBytes(null).varint(0));
    corrupt(batchOf(Buffer.concat([one, Buffer.from([0])]), 1), /Bytes left after the last record/);
    corrupt(batchOf(recordBytes((w) => w.int8(0).varlong(0).varint(0).varintBytes(null).varint(50).raw(Buffer.alloc(3)).varint(0)), 1), /does not match its fields/);
    corrupt(batchOf(recordBytes((w) => w.int8(0).varlong(0).varint(0).varint(-2).varintBytes(null).varint(0)), 1), /does not match its fields/);
  });

  it('refuses a header without a key, a lying header count and a varint longer than 32 bits', () => {
    const head = (w: Writer) => w.int8(0).varlong(0).varint(0).varintBytes(null).varintBytes(null);
    corrupt(batchOf(recordBytes((w) => head(w).varint(1).varintBytes(null).varintBytes(null)), 1), /header without a key/);
    corrupt(batchOf(recordBytes((w) => head(w).varint(40)), 1), /Invalid header count/);
    corrupt(batchOf(recordBytes((w) => w.int8(0).varlong(0).raw(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f])).varintBytes(null).varintBytes(null).varint(0)), 1), /Varint exceeds 32 bits/);
  });
});
