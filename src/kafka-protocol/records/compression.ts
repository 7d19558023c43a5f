import { gunzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

// The codecs are loaded on first use: most runs never see a compressed batch, and a start does not pay for them.
const require = createRequire(import.meta.url);
const snappy = () => require('snappyjs') as typeof import('snappyjs');
const lz4 = () => require('lz4js') as typeof import('lz4js');
const zstdDecompress = (data: Uint8Array) => (require('fzstd') as typeof import('fzstd')).decompress(data);

/** Record batch attribute bits 0-2. */
export const Compression = { NONE: 0, GZIP: 1, SNAPPY: 2, LZ4: 3, ZSTD: 4 } as const;

/** The header of the xerial snappy-java stream format, which the Java client and kafkajs' codecs write. */
const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);

/** Snappy as Kafka clients write it: the xerial framing (blocks with int32 sizes), or one raw block. */
function unsnappy(data: Buffer): Buffer {
  if (data.length < 16 || !data.subarray(0, 8).equals(XERIAL_MAGIC)) return Buffer.from(snappy().uncompress(data));
  const blocks: Buffer[] = [];
  let at = 16; // magic, version, compatible version
  while (at < data.length) {
    if (at + 4 > data.length) throw new Error('Truncated snappy block size');
    const size = data.readInt32BE(at);
    at += 4;
    if (size < 0 || at + size > data.length) throw new Error('Truncated snappy block');
    blocks.push(Buffer.from(snappy().uncompress(data.subarray(at, at + size))));
    at += size;
  }
  return Buffer.concat(blocks);
}

/** Decompresses the records of a batch; throws on an unknown codec or corrupt data. */
export function decompress(codec: number, data: Buffer): Buffer {
  switch (codec) {
    case Compression.NONE:
      return data;
    case Compression.GZIP:
      return gunzipSync(data);
    case Compression.SNAPPY:
      return unsnappy(data);
    case Compression.LZ4:
      return Buffer.from(lz4().decompress(data));
    case Compression.ZSTD:
      return Buffer.from(zstdDecompress(data));
    default:
      throw new Error(`Unknown compression codec ${codec}`);
  }
}
