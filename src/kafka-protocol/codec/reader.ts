import { MalformedInputError, TruncatedInputError } from './errors.js';

/** One tagged field of a flexible version: its tag and raw bytes (unknown tags are skipped). */
export interface TaggedField {
  tag: number;
  data: Buffer;
}

/**
 * Reads Kafka's primitive types from a Buffer, front to back. Every read checks the bytes left and
 * throws TruncatedInputError instead of reading past the end, so a short frame never decodes into
 * garbage. Lengths are checked against the bytes left before anything is allocated.
 */
export class Reader {
  offset: number;

  constructor(readonly buf: Buffer, offset = 0, readonly end = buf.length) {
    this.offset = offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  private need(n: number, what: string): void {
    if (n > this.end - this.offset) throw new TruncatedInputError(what, n, this.end - this.offset);
  }

  int8(): number {
    this.need(1, 'int8');
    return this.buf.readInt8(this.offset++);
  }

  boolean(): boolean {
    return this.int8() !== 0;
  }

  int16(): number {
    this.need(2, 'int16');
    const v = this.buf.readInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  uint16(): number {
    this.need(2, 'uint16');
    const v = this.buf.readUInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  int32(): number {
    this.need(4, 'int32');
    const v = this.buf.readInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  uint32(): number {
    this.need(4, 'uint32');
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  /** An int64 as a JS number (offsets and timestamps stay far below 2^53). */
  int64(): number {
    return Number(this.int64Big());
  }

  int64Big(): bigint {
    this.need(8, 'int64');
    const v = this.buf.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }

  /** Unsigned LEB128 varint (up to 32 bits). */
  uvarint(): number {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      this.need(1, 'varint');
      const b = this.buf[this.offset++];
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) {
        if (result > 0xffffffff) throw new MalformedInputError('Varint exceeds 32 bits');
        return result;
      }
    }
    throw new MalformedInputError('Varint longer than 5 bytes');
  }

  /** Zigzag-encoded signed varint (32 bits). */
  varint(): number {
    const u = this.uvarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zigzag-encoded signed varlong (64 bits) as a JS number. */
  varlong(): number {
    // Numbers are exact up to 2^53: seven 7-bit groups (49 bits) need no BigInt.
    let result = 0;
    for (let shift = 0; shift < 49; shift += 7) {
      this.need(1, 'varlong');
      const b = this.buf[this.offset++];
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
    }
    let big = BigInt(result);
    for (let shift = 49n; shift < 70n; shift += 7n) {
      this.need(1, 'varlong');
      const b = this.buf[this.offset++];
      big |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return Number((big >> 1n) ^ -(big & 1n));
    }
    throw new MalformedInputError('Varlong longer than 10 bytes');
  }

  /** Raw bytes (a view into the buffer, not a copy). */
  raw(n: number): Buffer {
    if (n < 0) throw new MalformedInputError(`Negative length ${n}`);
    this.need(n, 'bytes');
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  private lengthOrNull(len: number): number | null {
    if (len === -1) return null;
    if (len < -1) throw new MalformedInputError(`Invalid length ${len}`);
    return len;
  }

  string(): string {
    const s = this.nullableString();
    if (s === null) throw new MalformedInputError('Null where a string is required');
    return s;
  }

  nullableString(): string | null {
    const len = this.lengthOrNull(this.int16());
    return len === null ? null : this.raw(len).toString('utf8');
  }

  compactString(): string {
    const s = this.compactNullableString();
    if (s === null) throw new MalformedInputError('Null where a string is required');
    return s;
  }

  compactNullableString(): string | null {
    const n = this.uvarint();
    return n === 0 ? null : this.raw(n - 1).toString('utf8');
  }

  bytes(): Buffer {
    const b = this.nullableBytes();
    if (b === null) throw new MalformedInputError('Null where bytes are required');
    return b;
  }

  nullableBytes(): Buffer | null {
    const len = this.lengthOrNull(this.int32());
    return len === null ? null : this.raw(len);
  }

  compactBytes(): Buffer {
    const b = this.compactNullableBytes();
    if (b === null) throw new MalformedInputError('Null where bytes are required');
    return b;
  }

  compactNullableBytes(): Buffer | null {
    const n = this.uvarint();
    return n === 0 ? null : this.raw(n - 1);
  }

  /** Bytes prefixed by a zigzag varint length (record keys, values, header values); -1 is null. */
  varintBytes(): Buffer | null {
    const len = this.lengthOrNull(this.varint());
    return len === null ? null : this.raw(len);
  }

  private checkCount(n: number): number {
    // Every element takes at least one byte: a count larger than the bytes left is a lie.
    if (n > this.remaining) throw new TruncatedInputError('array', n, this.remaining);
    return n;
  }

  array<T>(item: (r: Reader) => T): T[] {
    const a = this.nullableArray(item);
    if (a === null) throw new MalformedInputError('Null where an array is required');
    return a;
  }

  /** An int32-counted array; -1 is null. */
  nullableArray<T>(item: (r: Reader) => T): T[] | null {
    const n = this.lengthOrNull(this.int32());
    if (n === null) return null;
    this.checkCount(n);
    const out: T[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = item(this);
    return out;
  }

  compactArray<T>(item: (r: Reader) => T): T[] {
    const a = this.compactNullableArray(item);
    if (a === null) throw new MalformedInputError('Null where an array is required');
    return a;
  }

  /** A compact array: unsigned varint count + 1; 0 is null. */
  compactNullableArray<T>(item: (r: Reader) => T): T[] | null {
    const n = this.uvarint();
    if (n === 0) return null;
    this.checkCount(n - 1);
    const out: T[] = new Array(n - 1);
    for (let i = 0; i < n - 1; i++) out[i] = item(this);
    return out;
  }

  /** A varint-counted array (records' headers inside a record batch). */
  varintArray<T>(item: (r: Reader) => T): T[] {
    const n = this.varint();
    if (n < 0) return [];
    this.checkCount(n);
    const out: T[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = item(this);
    return out;
  }

  /** The tagged-field section of a flexible structure. */
  taggedFields(): TaggedField[] {
    const n = this.uvarint();
    this.checkCount(n);
    const out: TaggedField[] = [];
    for (let i = 0; i < n; i++) {
      const tag = this.uvarint();
      const size = this.uvarint();
      out.push({ tag, data: this.raw(size) });
    }
    return out;
  }

  uuid(): Buffer {
    return this.raw(16);
  }
}
