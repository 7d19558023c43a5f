import type { Runtime } from '../runtime.js';

interface LastBatch {
  baseSequence: number;
  count: number;
  baseOffset: number;
}

/**
 * Idempotent producers: the ids InitProducerId hands out, and each producer's last batch per
 * partition, so that a batch retried after a lost answer is acknowledged with its first offsets
 * instead of being stored twice (what the broker's sequence check guarantees). Kept in memory:
 * after a restart producers re-initialise, as they do after a broker's producer state expires.
 */
export class ProducerState {
  private nextId = 1000;
  private readonly last = new Map<string, LastBatch>();

  newProducerId(): number {
    return this.nextId++;
  }

  private key(cluster: string, topic: string, partition: number, producerId: number): string {
    return `${cluster}\0${topic}\0${partition}\0${producerId}`;
  }

  /** The base offset a duplicate of the producer's last batch was stored at, or undefined. */
  duplicateOf(cluster: string, topic: string, partition: number, producerId: number, baseSequence: number, count: number): number | undefined {
    if (producerId < 0) return undefined;
    const last = this.last.get(this.key(cluster, topic, partition, producerId));
    return last && last.baseSequence === baseSequence && last.count === count ? last.baseOffset : undefined;
  }

  /** Forgets a producer's last batches (a transactional producer re-initialised with a new epoch). */
  forget(producerId: number): void {
    const suffix = `\0${producerId}`;
    for (const k of this.last.keys()) if (k.endsWith(suffix)) this.last.delete(k);
  }

  remember(cluster: string, topic: string, partition: number, producerId: number, baseSequence: number, count: number, baseOffset: number): void {
    if (producerId < 0) return;
    this.last.set(this.key(cluster, topic, partition, producerId), { baseSequence, count, baseOffset });
  }
}

const states = new WeakMap<Runtime, ProducerState>();

export function producerStateOf(rt: Runtime): ProducerState {
  let s = states.get(rt);
  if (!s) states.set(rt, (s = new ProducerState()));
  return s;
}
