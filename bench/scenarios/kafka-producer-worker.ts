/**
 * One kafkajs producer: the load generator of the protocol produce figure. It runs in a worker
 * thread or a child process of the bench (applications are separate from the broker and from each
 * other), or in the bench's own thread (`sendBatches`, no messages).
 *
 * Messages from the parent: `{ kind: 'produce', starts: number[] }` sends the batches beginning at
 * those record numbers (`IN_FLIGHT` at a time) and answers `{ kind: 'done' }`; `{ kind: 'stop' }`
 * disconnects. The producer answers `{ kind: 'ready' }` once connected. A worker thread talks over
 * `parentPort`, a child process (forked with the data as its one argument) over its IPC channel.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kafka, logLevel, type Producer } from 'kafkajs';

export interface ProducerWorkerData {
  bootstrap: string;
  key: string;
  secret: string;
  topic: string;
  partitions: number;
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

export const producerKafka = (d: Pick<ProducerWorkerData, 'bootstrap' | 'key' | 'secret'>) =>
  new Kafka({ clientId: 'bench', brokers: [d.bootstrap], sasl: { mechanism: 'plain', username: d.key, password: d.secret }, logLevel: logLevel.NOTHING });

/**
 * Sends the batches beginning at `starts`, IN_FLIGHT at a time. Record i goes to partition
 * i % partitions, named in the message as an application that picks partitions itself does: those
 * are the rows the baseline inserts, and kafkajs then skips hashing each key (murmur2 in JS). The
 * key is still sent and stored.
 */
export async function sendBatches(producer: Producer, d: ProducerWorkerData, starts: number[]): Promise<void> {
  const queue = [...starts];
  const send = async () => {
    for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
      const messages = Array.from({ length: Math.min(d.batch, d.end - start) }, (_, j) => ({ ...message(start + j), partition: (start + j) % d.partitions }));
      await producer.send({ topic: d.topic, acks: -1, messages });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, send));
}

interface Channel {
  post(m: FromWorker): void;
  on(fn: (m: ToWorker) => void): void;
  close(): void;
}

async function main(d: ProducerWorkerData, channel: Channel): Promise<void> {
  const producer = producerKafka(d).producer();
  await producer.connect();
  channel.on((m) => {
    if (m.kind === 'stop') {
      void producer.disconnect().then(() => channel.close());
      return;
    }
    sendBatches(producer, d, m.starts).then(
      () => channel.post({ kind: 'done' }),
      (err: unknown) => channel.post({ kind: 'error', message: String(err) }),
    );
  });
  channel.post({ kind: 'ready' });
}

if (parentPort) {
  const port = parentPort;
  void main(workerData as ProducerWorkerData, { post: (m) => port.postMessage(m), on: (fn) => port.on('message', fn), close: () => port.close() });
} else if (process.send && process.argv[2]) {
  void main(JSON.parse(process.argv[2]) as ProducerWorkerData, {
    post: (m) => process.send!(m),
    on: (fn) => process.on('message', fn as (m: unknown) => void),
    close: () => process.disconnect(),
  });
}
