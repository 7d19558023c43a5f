/** A listening emulator with its Kafka listener, a cluster and a Kafka API key, for protocol tests. */
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import type { Config } from '../../src/config.js';
import { basic } from '../helpers.js';

export interface KafkaEnv {
  emu: RunningEmulator;
  /** `host:port` of the Kafka listener. */
  bootstrap: string;
  host: string;
  port: number;
  clusterId: string;
  orgId: string;
  envId: string;
  /** The Kafka API key (SASL username) and its secret (password). */
  key: string;
  secret: string;
  /** Basic auth of the Kafka API key, for Kafka REST v3 and REST Proxy v2 calls. */
  restAuth: string;
  /** Basic auth of the org's Cloud API key. */
  cloudAuth: string;
  caPem: string;
  /** A kafkajs client over SASL_PLAINTEXT (or SASL_SSL with `{ ssl: true }`) with this key. */
  kafka(options?: { ssl?: boolean; clientId?: string; username?: string; password?: string; extra?: Partial<KafkaConfig> }): Kafka;
  /** A JSON request to the emulator's HTTP API. */
  http(method: string, path: string, body?: unknown, auth?: string): Promise<{ status: number; body: any }>;
  /** Another cluster (with its own key) in the same organization. */
  newCluster(): Promise<{ clusterId: string; key: string; secret: string }>;
  close(): Promise<void>;
}

export async function startKafkaEnv(config: Partial<Config> = {}): Promise<KafkaEnv> {
  const emu = await startEmulator(config);
  const [host, portText] = [emu.kafkaBootstrap!.slice(0, emu.kafkaBootstrap!.lastIndexOf(':')), emu.kafkaBootstrap!.slice(emu.kafkaBootstrap!.lastIndexOf(':') + 1)];
  const cloudAuth = basic(emu.apiKey, emu.apiSecret);
  const http = async (method: string, path: string, body?: unknown, auth = cloudAuth) => {
    const res = await request(`${emu.url}${path}`, {
      method: method as any,
      headers: { authorization: auth, 'x-emulator-lifecycle': 'immediate', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : undefined };
  };
  const newCluster = async () => {
    const c = await http('POST', '/cmk/v2/clusters', { spec: { display_name: 'kafka', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: emu.environmentId } } });
    if (c.status !== 202) throw new Error(`cluster: ${c.status} ${JSON.stringify(c.body)}`);
    const k = await http('POST', '/iam/v2/api-keys', { spec: { owner: { id: 'u-00000' }, resource: { id: c.body.id } } });
    if (k.status !== 202) throw new Error(`key: ${k.status} ${JSON.stringify(k.body)}`);
    return { clusterId: c.body.id as string, key: k.body.id as string, secret: k.body.spec.secret as string };
  };
  const first = await newCluster();
  const caPem = readFileSync(emu.kafkaCaFile!, 'utf8');
  return {
    emu,
    bootstrap: emu.kafkaBootstrap!,
    host,
    port: Number(portText),
    clusterId: first.clusterId,
    orgId: emu.organizationId,
    envId: emu.environmentId!,
    key: first.key,
    secret: first.secret,
    restAuth: basic(first.key, first.secret),
    cloudAuth,
    caPem,
    kafka: (o = {}) =>
      new Kafka({
        clientId: o.clientId ?? 'test',
        brokers: [emu.kafkaBootstrap!],
        ssl: o.ssl ? { ca: [caPem] } : false,
        sasl: { mechanism: 'plain', username: o.username ?? first.key, password: o.password ?? first.secret },
        logLevel: logLevel.NOTHING,
        retry: { retries: 0 },
        ...o.extra,
      }),
    http,
    newCluster,
    close: () => emu.close(),
  };
}

/** A raw connection for hand-built frames: send a request, read whole response frames. */
export class RawConnection {
  private buffered = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d) => {
      this.buffered = Buffer.concat([this.buffered, d]);
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
    socket.on('error', () => {});
  }

  static open(port: number, host = '127.0.0.1'): Promise<RawConnection> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(new RawConnection(s)));
      s.once('error', reject);
    });
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** The next response frame (without its size), or undefined when the connection closed first. */
  async frame(timeoutMs = 3000): Promise<Buffer | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.buffered.length >= 4) {
        const size = this.buffered.readInt32BE(0);
        if (this.buffered.length >= 4 + size) {
          const f = this.buffered.subarray(4, 4 + size);
          this.buffered = this.buffered.subarray(4 + size);
          return f;
        }
      }
      if (this.closed) return undefined;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a frame');
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Resolves once the peer closed the connection (or after timeoutMs with false). */
  async waitClosed(timeoutMs = 3000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return this.closed;
  }

  close(): void {
    this.socket.destroy();
  }
}

import { Writer } from '../../src/kafka-protocol/codec/writer.js';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';

/** A request frame: size, header v1 (key, version, correlation id, client id) and the body. */
export function requestFrame(apiKey: number, version: number, correlationId: number, body: (w: Writer) => void = () => {}, clientId: string | null = 'raw'): Buffer {
  const w = new Writer();
  const end = w.size();
  w.int16(apiKey).int16(version).int32(correlationId).nullableString(clientId);
  body(w);
  end();
  return Buffer.from(w.toBuffer());
}

/** SaslHandshake v1 + SaslAuthenticate v1 with PLAIN; answers the authenticate error code. */
export async function rawAuthenticate(raw: RawConnection, key: string, secret: string): Promise<number> {
  raw.send(requestFrame(17, 1, 1, (w) => w.string('PLAIN')));
  const hs = new Reader((await raw.frame())!);
  hs.int32();
  if (hs.int16() !== 0) throw new Error('handshake failed');
  raw.send(requestFrame(36, 1, 2, (w) => w.bytes(Buffer.from(`\0${key}\0${secret}`))));
  const f = await raw.frame();
  if (!f) return -100;
  const r = new Reader(f);
  r.int32();
  return r.int16();
}

/** A topic for createTopics: a name (one partition), or kafkajs' own topic settings. */
type TopicSpec = string | { topic: string; numPartitions?: number; configEntries?: Array<{ name: string; value: string }> };

/** Creates topics through kafkajs' admin, as a client would; a bare name has one partition. */
export async function createTopics(env: KafkaEnv, ...topics: TopicSpec[]): Promise<void> {
  const admin = env.kafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: topics.map((t) => (typeof t === 'string' ? { topic: t, numPartitions: 1 } : t)) });
  await admin.disconnect();
}

/** A raw connection that has passed SASL/PLAIN with the environment's Kafka key. */
export async function authenticatedConnection(env: KafkaEnv): Promise<RawConnection> {
  const raw = await RawConnection.open(env.port);
  const code = await rawAuthenticate(raw, env.key, env.secret);
  if (code !== 0) throw new Error(`SaslAuthenticate answered error ${code}`);
  return raw;
}
