/** Kafka's default `socket.request.max.bytes`: a frame declaring more closes the connection. */
export const DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;

/** A frame that cannot be accepted: the connection closes. */
export class FrameError extends Error {}

/**
 * Splits a byte stream into size-prefixed frames (int32 length, then that many bytes). Chunks are
 * kept as received and joined only once a whole frame is there, so a large frame costs one copy.
 */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  /** Adds received bytes; returns every frame now complete. Throws FrameError on a bad size. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const head = this.peek(4);
      const size = head.readInt32BE(0);
      if (size < 0) throw new FrameError(`Invalid frame size ${size}`);
      if (size > this.maxFrameBytes) throw new FrameError(`Frame of ${size} bytes exceeds the limit of ${this.maxFrameBytes}`);
      if (this.buffered < 4 + size) break;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      frames.push(all.subarray(4, 4 + size));
      const rest = all.subarray(4 + size);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
    }
    return frames;
  }

  /** Bytes received that do not yet make a whole frame. */
  get pending(): number {
    return this.buffered;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length >= n) return this.chunks[0];
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0];
  }
}
