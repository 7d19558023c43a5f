/** A bare Kafka protocol client for the bench: SASL/PLAIN, then Fetch v11 requests. */
import { connect, type Socket } from 'node:net';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { Writer } from '../../src/kafka-protocol/codec/writer.js';

export class WireClient {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private pending: Array<(frame: Buffer) => void> = [];
  private correlation = 0;

  private constructor(private readonly socket: Socket) {
    // Chunks are joined only once a whole frame is there: a large response costs one copy.
    socket.on('data', (d: Buffer) => {
      this.chunks.push(d);
      this.buffered += d.length;
      for (;;) {
        if (this.buffered < 4) return;
        if (this.chunks[0].length < 4) this.chunks = [Buffer.concat(this.chunks)];
        const size = this.chunks[0].readInt32BE(0);
        if (this.buffered < 4 + size) return;
        const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        const rest = all.subarray(4 + size);
        this.chunks = rest.length ? [rest] : [];
        this.buffered = rest.length;
        this.pending.shift()?.(all.subarray(4, 4 + size));
      }
    });
  }

  static async open(bootstrap: string, key: string, secret: string): Promise<WireClient> {
    const [host, port] = [bootstrap.slice(0, bootstrap.lastIndexOf(':')), Number(bootstrap.slice(bootstrap.lastIndexOf(':') + 1))];
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(port, host, () => resolve(s));
      s.once('error', reject);
    });
    socket.setNoDelay(true);
    const c = new WireClient(socket);
    await c.request(17, 1, (w) => w.string('PLAIN'));
    const auth = await c.request(36, 1, (w) => w.bytes(Buffer.from(`\0${key}\0${secret}`)));
    if (auth.int16() !== 0) throw new Error('SASL authentication failed');
    return c;
  }

  /** Sends a request; resolves with a reader positioned after the correlation id. */
  request(apiKey: number, version: number, body: (w: Writer) => void): Promise<Reader> {
    const w = new Writer(256);
    const end = w.size();
    w.int16(apiKey).int16(version).int32(++this.correlation).nullableString('bench');
    body(w);
    end();
    return new Promise((resolve) => {
      this.pending.push((frame) => {
        const r = new Reader(frame);
        r.int32();
        resolve(r);
      });
      this.socket.write(Buffer.from(w.toBuffer()));
    });
  }

  /**
   * Produce v8 (acks -1) of ready-made record sets, one per partition (index = partition):
   * answers each partition's error code. The batches are encoded by the caller beforehand, so
   * that the time measured is the broker's.
   */
  async produce(topic: string, recordSets: Buffer[]): Promise<number[]> {
    const r = await this.request(0, 8, (w) => {
      w.nullableString(null).int16(-1).int32(30_000);
      w.array([topic], (w, t) => w.string(t).array(recordSets.map((set, partition) => ({ set, partition })), (w, p) => w.int32(p.partition).bytes(p.set)));
    });
    const codes: number[] = [];
    r.array((r) => {
      r.string();
      r.array((r) => {
        r.int32();
        codes.push(r.int16());
        r.int64();
        r.int64();
        r.int64();
        r.array(() => undefined);
        r.nullableString();
      });
    });
    return codes;
  }

  /**
   * Fetch v11 of a topic's partitions from the given offsets: answers each partition's record
   * count and next offset (from the batches' headers: base offset + last offset delta + 1).
   */
  async fetch(topic: string, offsets: number[], maxWaitMs = 0, partitionMaxBytes = 1024 * 1024): Promise<Array<{ records: number; next: number }>> {
    const r = await this.request(1, 11, (w) => {
      w.int32(-1).int32(maxWaitMs).int32(1).int32(64 * 1024 * 1024).int8(0).int32(0).int32(-1);
      w.array([topic], (w, t) => {
        w.string(t);
        w.array(offsets.map((offset, partition) => ({ offset, partition })), (w, p) => w.int32(p.partition).int32(-1).int64(p.offset).int64(-1).int32(partitionMaxBytes));
      });
      w.array([], () => {});
      w.string('');
    });
    r.int32(); // throttle
    if (r.int16() !== 0) throw new Error('fetch failed');
    r.int32(); // session
    const out = offsets.map((next) => ({ records: 0, next }));
    r.array((r) => {
      r.string();
      r.array((r) => {
        const partition = r.int32();
        const error = r.int16();
        if (error !== 0) throw new Error(`fetch error ${error} on partition ${partition}`);
        r.int64();
        r.int64();
        r.int64();
        r.array(() => {});
        r.int32();
        const set = r.bytes();
        // Walk the batches by their headers: base offset (8), length (4), ..., last offset delta at 23, count at 57.
        for (let at = 0; at + 61 <= set.length; ) {
          const base = Number(set.readBigInt64BE(at));
          const length = set.readInt32BE(at + 8);
          out[partition].records += set.readInt32BE(at + 57);
          out[partition].next = base + set.readInt32BE(at + 23) + 1;
          at += 12 + length;
        }
      });
    });
    return out;
  }

  close(): void {
    this.socket.destroy();
  }
}
