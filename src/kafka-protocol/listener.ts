import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { Runtime } from '../runtime.js';
import type { ApiModule } from './api.js';
import { apiRegistry } from './apis/index.js';
import { Connection, type ConnectionContext } from './connection.js';
import { DEFAULT_MAX_FRAME_BYTES } from './framing.js';

/** The first byte of a TLS record carrying a handshake: anything else is plaintext Kafka. */
const TLS_HANDSHAKE = 0x16;

export interface KafkaListenerOptions {
  port: number;
  host: string;
  /** PEM certificate (with chain) and key for connections that open with a TLS handshake; without them only plaintext is served. */
  tls?: { cert: string; key: string };
  /** The host Metadata advertises; by default the TLS server name, else the address connected to. */
  publicHost?: string;
  maxFrameBytes?: number;
  registry?: Map<number, ApiModule>;
  log?: ConnectionContext['log'];
}

/** The local address a client reached, in a form clients accept as a host name. */
function localHost(socket: Socket): string {
  const address = socket.localAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * The Kafka listener: one TCP port for every cluster of every organization. A connection whose
 * first byte opens a TLS handshake is served over TLS (SASL_SSL), any other in plaintext
 * (SASL_PLAINTEXT); both then speak the same protocol.
 */
export class KafkaListener {
  private readonly server: Server;
  private readonly connections = new Set<Socket>();
  private boundPort = 0;

  private constructor(
    private readonly runtime: Runtime,
    private readonly options: KafkaListenerOptions,
  ) {
    const registry = options.registry ?? apiRegistry();
    const ctx: ConnectionContext = {
      runtime,
      registry,
      maxFrameBytes: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
      advertisedHost: (socket) => options.publicHost ?? ((socket as TLSSocket).servername || undefined) ?? localHost(socket),
      port: () => this.boundPort,
      log: options.log ?? (() => {}),
    };
    // TLS connections are handed to a TLS server that never listens itself.
    const tlsServer = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }) : undefined;
    tlsServer?.on('secureConnection', (secure: TLSSocket) => new Connection(secure, ctx));
    tlsServer?.on('tlsClientError', (_err, socket) => socket.destroy());
    this.server = createServer((socket) => {
      this.connections.add(socket);
      socket.on('close', () => this.connections.delete(socket));
      socket.on('error', () => socket.destroy());
      socket.once('data', (first: Buffer) => {
        socket.pause();
        socket.unshift(first);
        if (first[0] === TLS_HANDSHAKE && tlsServer) tlsServer.emit('connection', socket);
        else new Connection(socket, ctx);
        process.nextTick(() => socket.resume());
      });
    });
  }

  static async start(runtime: Runtime, options: KafkaListenerOptions): Promise<KafkaListener> {
    const listener = new KafkaListener(runtime, options);
    await new Promise<void>((resolve, reject) => {
      listener.server.once('error', reject);
      listener.server.listen(options.port, options.host, () => {
        listener.server.off('error', reject);
        resolve();
      });
    });
    const address = listener.server.address();
    listener.boundPort = typeof address === 'object' && address ? address.port : options.port;
    return listener;
  }

  get port(): number {
    return this.boundPort;
  }

  /** Stops accepting and drops every open connection. */
  async close(): Promise<void> {
    for (const s of this.connections) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
