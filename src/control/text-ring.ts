/**
 * The journal's per-request texts (request id, path, bodies) as UTF-8 bytes in one growable
 * circular buffer, outside the JavaScript heap. Kept as strings, a full journal of 10,000 entries
 * is some 30,000 strings that every young-generation collection copies once and promotes: the
 * collections with the journal on cost several times those with it off. Here the strings die young
 * and the bytes are not the garbage collector's business.
 *
 * Entries are written and released in the same order (the journal is a FIFO), so the live bytes
 * are one region, `[head, tail)`, of virtual offsets that only grow; an entry's bytes never
 * straddle the buffer's physical end (a write that would is moved to its start). When the region
 * does not have room, the buffer doubles and the live bytes are copied to its start.
 */
export class TextRing {
  private buf: Buffer;
  /** Virtual offset of the oldest live byte. */
  private head = 0;
  /** Virtual offset of the next write. */
  private tail = 0;
  /** The virtual offset at physical 0 (moves when the buffer grows). */
  private base = 0;

  constructor(private readonly initialBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Bytes the buffer holds (live or not): the journal's footprint outside the heap. */
  get capacity(): number {
    return this.buf.length;
  }

  /**
   * Where an entry of at most `maxBytes` starts (a virtual offset): room is made for it, growing
   * the buffer when needed. Write its texts from there with `write`, then `commit` its end.
   */
  begin(maxBytes: number): number {
    let start = this.contiguous(this.tail, maxBytes);
    if (start + maxBytes - this.head > this.buf.length) {
      this.grow(this.tail - this.head + maxBytes);
      start = this.tail;
    }
    return start;
  }

  /** Writes `text` at virtual offset `at` (inside the room `begin` made); answers its length in bytes. */
  write(text: string, at: number): number {
    const p = this.physical(at);
    return this.buf.write(text, p, this.buf.length - p, 'utf8');
  }

  /** The entry begun last ends at `end`. */
  commit(end: number): void {
    this.tail = end;
  }

  /** Every entry up to virtual offset `end` is gone (the oldest ones, in order). */
  release(end: number): void {
    if (end > this.head) this.head = Math.min(end, this.tail);
  }

  /** The text of `bytes` bytes at virtual offset `at`. */
  read(at: number, bytes: number): string {
    if (bytes === 0) return '';
    const p = this.physical(at);
    return this.buf.toString('utf8', p, p + bytes);
  }

  /** Forgets everything (keeps the buffer). */
  reset(): void {
    this.head = this.tail = this.base = 0;
  }

  private physical(at: number): number {
    return (at - this.base) % this.buf.length;
  }

  /** `at`, or the next physical start of the buffer when `bytes` from `at` would cross its end. */
  private contiguous(at: number, bytes: number): number {
    const p = this.physical(at);
    return p + bytes <= this.buf.length ? at : at + (this.buf.length - p);
  }

  private grow(needed: number): void {
    let size = Math.max(this.initialBytes, this.buf.length * 2);
    while (size < needed) size *= 2;
    const next = Buffer.allocUnsafe(size);
    const used = this.tail - this.head;
    if (used > 0) {
      // The live region, in at most two pieces: to the physical end, then from the start.
      const from = this.physical(this.head);
      const first = Math.min(used, this.buf.length - from);
      this.buf.copy(next, 0, from, from + first);
      if (first < used) this.buf.copy(next, first, 0, used - first);
    }
    this.buf = next;
    this.base = this.head;
  }
}
