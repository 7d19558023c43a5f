import { describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { MalformedInputError, TruncatedInputError } from '../../src/kafka-protocol/codec/errors.js';
import { decodeRecordSet, encodeBatch } from '../../src/kafka-protocol/records/batch.js';

describe('Kafka codec', () => {
  it('round-trips every primitive, compact forms and tagged fields', () => {
    const w = new Writer(4);
    w.int8(-5).int16(-300).int32(-70000).int64(2 ** 40 + 3).boolean(true);
    w.string('héllo').nullableString(null).bytes(Buffer.from([1, 2])).nullableBytes(null);
    w.compactString('x').compactNullableString(null).compactBytes(Buffer.from([9])).compactArray([1, 2, 3], (w, n) => w.int8(n));
    w.taggedFields([{ tag: 1, data: Buffer.from([7]) }]);
    w.array(['a', 'b'], (w, s) => w.string(s)).nullableArray(null, () => {});
    const r = new Reader(w.toBuffer());
    expect([r.int8(), r.int16(), r.int32(), r.int64(), r.boolean()]).toEqual([-5, -300, -70000, 2 ** 40 + 3, true]);
    expect([r.string(), r.nullableString(), [...r.bytes()], r.nullableBytes()]).toEqual(['héllo', null, [1, 2], null]);
    expect([r.compactString(), r.compactNullableString(), [...r.compactBytes()], r.compactArray((r) => r.int8())]).toEqual(['x', null, [9], [1, 2, 3]]);
    expect(r.taggedFields()).toEqual([{ tag: 1, data: Buffer.from([7]) }]);
    expect([r.array((r) => r.string()), r.nullableArray((r) => r.string())]).toEqual([['a', 'b'], null]);
    expect(r.remaining).toBe(0);
  });

  it('round-trips varints and varlongs across their ranges, the BigInt paths included', () => {
    const ints = [0, 1, -1, 63, -64, 64, 300, -300, 2 ** 30 - 1, -(2 ** 30), 2 ** 31 - 1, -(2 ** 31)];
    const longs = [...ints, 2 ** 40, -(2 ** 40), 1_700_000_000_000, -1_700_000_000_000, 2 ** 53 - 1, -(2 ** 53 - 1)];
    const w = new Writer();
    for (const v of ints) w.varint(v);
    for (const v of longs) w.varlong(v);
    const r = new Reader(w.toBuffer());
    expect(ints.map(() => r.varint())).toEqual(ints);
    expect(longs.map(() => r.varlong())).toEqual(longs);
  });

  it('throws TruncatedInputError on short input and lying counts, MalformedInputError on bad lengths', () => {
    expect(() => new Reader(Buffer.from([0, 1])).int32()).toThrow(TruncatedInputError);
    expect(() => new Reader(Buffer.from([0, 5, 65])).string()).toThrow(TruncatedInputError);
    expect(() => new Reader(Buffer.from([0x7f, 0xff, 0xff, 0xff])).array((r) => r.int8())).toThrow(TruncatedInputError);
    expect(() => new Reader(Buffer.from([0xff, 0xfe])).nullableString()).toThrow(MalformedInputError);
    expect(() => new Reader(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01])).uvarint()).toThrow(MalformedInputError);
  });

  it('encodes a record batch that decodes back, CRC and timestamp deltas beyond int32 included', () => {
    const records = [
      { offset: 10, timestamp: 1_000, key: Buffer.from('k'), value: null, headers: [{ key: 'h', value: Buffer.from('v') }, { key: 'n', value: null }] },
      { offset: 11, timestamp: 1_000 + 2 ** 35, key: null, value: Buffer.alloc(300, 7), headers: [] },
    ];
    const w = new Writer();
    encodeBatch(w, records, true);
    const [b] = decodeRecordSet(w.toBuffer());
    expect(b.baseOffset).toBe(10);
    expect(b.attributes & 0x08).toBe(0x08);
    expect(b.records).toEqual(records.map(({ offset: _o, ...r }) => r));
  });
});
