import murmurhash from 'murmurhash-js';

/** The seed of Kafka's murmur2 (org.apache.kafka.common.utils.Utils#murmur2). */
const KAFKA_SEED = 0x9747b28c;

/**
 * Kafka's murmur2 of a key, as a signed 32-bit integer. murmurhash-js hashes a string one char
 * code (masked to a byte) at a time, so the key's bytes go in as a latin1 string.
 */
export function murmur2(key: Buffer): number {
  return murmurhash.murmur2(key.toString('latin1'), KAFKA_SEED) | 0;
}

/** The partition Kafka's default partitioner picks for a keyed record: toPositive(murmur2(key)) % n. */
export function partitionForKey(key: Buffer, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions;
}
