import type { TaggedField } from './reader.js';

/**
 * Builds a Kafka message into a growing Buffer. Methods chain. `size()` reserves an int32 to be
 * filled later with the length of what follows (a frame or a record batch).
 */
export class Writer {
  private buf: Buffer;
  offset = 0;

  constructor(initial = 256) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(n: number): void {
    if (this.offset + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.offset + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.offset);
    this.buf = next;
  }

  int8(v: number): this {
    this.ensure(1);
    this.buf.writeInt8(v, this.offset++);
    return this;
  }

  boolean(v: boolean): this {
    return this.int8(v ? 1 : 0);
  }

  int16(v: number): this {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.offset);
    this.offset += 2;
    return this;
  }

  int32(v: number): this {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.offset);
    this.offset += 4;
    return this;
  }

  uint32(v: number): this {
    this.ensure(4);
    this.buf.writeUInt32BE(v >>> 0, this.offset);
    this.offset += 4;
    return this;
  }

  int64(v: number | bigint): this {
    this.ensure(8);
    this.buf.writeBigInt64BE(BigInt(v), this.offset);
    this.offset += 8;
    return this;
  }

  uvarint(v: number): this {
    this.ensure(5);
    let n = v >>> 0;
    while (n >= 0x80) {
      this.buf[this.offset++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.offset++] = n;
    return this;
  }

  varint(v: number): this {
    return this.uvarint(((v << 1) ^ (v >> 31)) >>> 0);
  }

  varlong(v: number | bigint): this {
    // Within int32 the 64-bit zigzag equals the 32-bit one: no BigInt on the common path.
    if (typeof v === 'number' && v >= -0x40000000 && v < 0x40000000) return this.varint(v);
    let z = BigInt.asUintN(64, (BigInt(v) << 1n) ^ (BigInt(v) >> 63n));
    this.ensure(10);
    while (z >= 0x80n) {
      this.buf[this.offset++] = Number(z & 0x7fn) | 0x80;
      z >>= 7n;
    }
    this.buf[this.offset++] = Number(z);
    return this;
  }

  raw(b: Buffer | Uint8Array): this {
    const n = b.length;
    this.ensure(n);
    // Short copies (keys, small values) are cheaper byte by byte than through a native call.
    if (n < 32) for (let i = 0; i < n; i++) this.buf[this.offset + i] = b[i];
    else this.buf.set(b, this.offset);
    this.offset += n;
    return this;
  }

  string(s: string): this {
    const len = Buffer.byteLength(s);
    this.int16(len);
    this.ensure(len);
    this.buf.write(s, this.offset, 'utf8');
    this.offset += len;
    return this;
  }

  nullableString(s: string | null | undefined): this {
    return s == null ? this.int16(-1) : this.string(s);
  }

  compactString(s: string): this {
    const len = Buffer.byteLength(s);
    this.uvarint(len + 1);
    this.ensure(len);
    this.buf.write(s, this.offset, 'utf8');
    this.offset += len;
    return this;
  }

  compactNullableString(s: string | null | undefined): this {
    return s == null ? this.uvarint(0) : this.compactString(s);
  }

  bytes(b: Buffer | Uint8Array): this {
    return this.int32(b.length).raw(b);
  }

  nullableBytes(b: Buffer | Uint8Array | null | undefined): this {
    return b == null ? this.int32(-1) : this.bytes(b);
  }

  compactBytes(b: Buffer | Uint8Array): this {
    return this.uvarint(b.length + 1).raw(b);
  }

  compactNullableBytes(b: Buffer | Uint8Array | null | undefined): this {
    return b == null ? this.uvarint(0) : this.compactBytes(b);
  }

  /** Bytes prefixed by a zigzag varint length; null is -1. */
  varintBytes(b: Buffer | Uint8Array | null | undefined): this {
    return b == null ? this.varint(-1) : this.varint(b.length).raw(b);
  }

  array<T>(items: readonly T[], item: (w: Writer, v: T) => void): this {
    this.int32(items.length);
    for (const v of items) item(this, v);
    return this;
  }

  nullableArray<T>(items: readonly T[] | null | undefined, item: (w: Writer, v: T) => void): this {
    return items == null ? this.int32(-1) : this.array(items, item);
  }

  compactArray<T>(items: readonly T[], item: (w: Writer, v: T) => void): this {
    this.uvarint(items.length + 1);
    for (const v of items) item(this, v);
    return this;
  }

  compactNullableArray<T>(items: readonly T[] | null | undefined, item: (w: Writer, v: T) => void): this {
    return items == null ? this.uvarint(0) : this.compactArray(items, item);
  }

  varintArray<T>(items: readonly T[], item: (w: Writer, v: T) => void): this {
    this.varint(items.length);
    for (const v of items) item(this, v);
    return this;
  }

  /** The tagged-field section of a flexible structure (usually empty). */
  taggedFields(fields: readonly TaggedField[] = []): this {
    this.uvarint(fields.length);
    for (const f of fields) this.uvarint(f.tag).uvarint(f.data.length).raw(f.data);
    return this;
  }

  uuid(b: Buffer): this {
    return this.raw(b);
  }

  /** Reserves an int32 and returns a function that writes the byte count written since. */
  size(): () => void {
    const at = this.offset;
    this.int32(0);
    return () => this.buf.writeInt32BE(this.offset - at - 4, at);
  }

  /** The bytes written so far (a view, valid until the next write). */
  toBuffer(): Buffer {
    return this.buf.subarray(0, this.offset);
  }
}
