/**
 * One kafkajs producer in a worker thread of the bench: the load generator of the protocol produce
 * figure. Applications are separate processes from the broker and from each other, so several of
 * these run side by side (as autocannon's connections load the HTTP figures) and the bench's own
 * thread only starts them and stops the clock.
 *
 * Messages from the parent: `{ kind: 'produce', starts: number[] }` sends the batches beginning at
 * those record numbers (`IN_FLIGHT` at a time) and answers `{ kind: 'done' }`; `{ kind: 'stop' }`
 * disconnects. The worker answers `{ kind: 'ready' }` once connected.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kafka, logLevel } from 'kafkajs';

export interface ProducerWorkerData {
  bootstrap: string;
  key: string;
  secret: string;
  topic: string;
  /** Records per batch, and the record number after the last one. */
  batch: number;
  end: number;
}

export type ToWorker = { kind: 'produce'; starts: number[] } | { kind: 'stop' };
export type FromWorker = { kind: 'ready' } | { kind: 'done' } | { kind: 'error'; message: string };

/** The record the bench produces as number i (the same rows the better-sqlite3 baseline inserts). */
export const message = (i: number) => ({ key: `key-${i % 1000}`, value: JSON.stringify({ n: i, pad: 'x'.repeat(64) }) });

/** Batches each producer keeps in flight, as a producer with several partitions' batches ready does. */
export const IN_FLIGHT = 4;

async function main(): Promise<void> {
  const d = workerData as ProducerWorkerData;
  const port = parentPort!;
  const kafka = new Kafka({ clientId: 'bench', brokers: [d.bootstrap], sasl: { mechanism: 'plain', username: d.key, password: d.secret }, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  port.on('message', (m: ToWorker) => {
    if (m.kind === 'stop') {
      void producer.disconnect().then(() => port.close());
      return;
    }
    const queue = [...m.starts];
    const send = async () => {
      for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
        const messages = Array.from({ length: Math.min(d.batch, d.end - start) }, (_, j) => message(start + j));
        await producer.send({ topic: d.topic, acks: -1, messages });
      }
    };
    Promise.all(Array.from({ length: IN_FLIGHT }, send)).then(
      () => port.postMessage({ kind: 'done' } satisfies FromWorker),
      (err: unknown) => port.postMessage({ kind: 'error', message: String(err) } satisfies FromWorker),
    );
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
}

if (parentPort) void main();
