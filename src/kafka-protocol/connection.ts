import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Runtime } from '../runtime.js';
import type { ApiModule, AuthenticatedSession, KafkaPrincipal, Session } from './api.js';
import { ApiKey } from './api.js';
import { Reader } from './codec/reader.js';
import { Writer } from './codec/writer.js';
import { ErrorCode } from './error-codes.js';
import { FrameError, FrameSplitter } from './framing.js';
import { readRequestHeader, writeResponseHeader, type RequestHeader } from './header.js';
import { authenticatePlain } from './sasl.js';
import { unsupportedApiVersionsResponse } from './apis/api-versions.js';
import { injectedFault } from './faults.js';

/** What a connection needs from the listener. */
export interface ConnectionContext {
  runtime: Runtime;
  registry: Map<number, ApiModule>;
  maxFrameBytes: number;
  /** The host Metadata advertises for this connection (the public URL's, SNI's, or the local address). */
  advertisedHost(socket: Socket | TLSSocket): string;
  port(): number;
  log(level: 'warn' | 'debug', msg: string, err?: unknown): void;
}

/** Frames waiting beyond this number pause reading from the socket until the queue drains. */
const QUEUE_HIGH_WATER = 64;

let connectionCounter = 0;

/**
 * One client connection: splits frames, answers them one at a time in arrival order (as a broker
 * mutes a connection while its request is processed, so responses keep request order even while
 * a Fetch long-polls), keeps the SASL state and closes itself on anything it cannot answer.
 */
export class Connection implements Session {
  readonly connectionId = `conn-${++connectionCounter}`;
  readonly remoteHost: string;
  readonly runtime: Runtime;
  principal?: KafkaPrincipal;
  clientId: string | null = null;
  closed = false;
  private readonly splitter: FrameSplitter;
  private readonly queue: Buffer[] = [];
  private processing = false;
  private readonly closeHandlers = new Set<() => void>();
  /** After a SaslHandshake v0, the next frame is a bare SASL token (no Kafka header). */
  private expectRawSaslToken = false;
  private handshakeDone = false;
  /** A failed authentication is being answered; nothing more is read. */
  private ending = false;

  constructor(
    private readonly socket: Socket | TLSSocket,
    private readonly ctx: ConnectionContext,
  ) {
    this.runtime = ctx.runtime;
    this.remoteHost = socket.remoteAddress ?? 'unknown';
    this.splitter = new FrameSplitter(ctx.maxFrameBytes);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  get tls(): boolean {
    return 'encrypted' in this.socket && this.socket.encrypted === true;
  }

  get advertised() {
    return { host: this.ctx.advertisedHost(this.socket), port: this.ctx.port(), nodeId: 0 };
  }

  onClose(fn: () => void): () => void {
    if (this.closed) {
      fn();
      return () => {};
    }
    this.closeHandlers.add(fn);
    return () => this.closeHandlers.delete(fn);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.socket.destroy();
    const handlers = [...this.closeHandlers];
    this.closeHandlers.clear();
    for (const fn of handlers) {
      try {
        fn();
      } catch (err) {
        this.ctx.log('warn', 'Kafka connection close handler failed', err);
      }
    }
  }

  private received(chunk: Buffer): void {
    if (this.closed || this.ending) return;
    let frames: Buffer[];
    try {
      frames = this.splitter.push(chunk);
    } catch (err) {
      if (err instanceof FrameError) this.ctx.log('debug', `Kafka connection ${this.connectionId} closed: ${err.message}`);
      return this.close();
    }
    if (!frames.length) return;
    this.queue.push(...frames);
    if (this.queue.length > QUEUE_HIGH_WATER) this.socket.pause();
    if (!this.processing) void this.drain();
  }

  private async drain(): Promise<void> {
    this.processing = true;
    try {
      while (this.queue.length && !this.closed) {
        const frame = this.queue.shift()!;
        if (this.queue.length <= QUEUE_HIGH_WATER / 2 && this.socket.isPaused()) this.socket.resume();
        try {
          await this.process(frame);
        } catch (err) {
          // Nothing a client sends may take the process down: an unexpected failure ends this connection only.
          this.ctx.log('warn', `Kafka connection ${this.connectionId} failed`, err);
          this.close();
        }
      }
    } finally {
      this.processing = false;
    }
  }

  private send(correlationId: number, flexibleHeader: boolean, body: (w: Writer) => void): void {
    if (this.closed) return;
    const w = new Writer(256);
    const end = w.size();
    writeResponseHeader(w, correlationId, flexibleHeader);
    body(w);
    end();
    this.socket.write(w.toBuffer()); // the writer is dropped: its bytes need no copy
  }

  /** Answers one frame; any decoding problem closes the connection, as a broker does. */
  private async process(frame: Buffer): Promise<void> {
    if (this.expectRawSaslToken) return this.rawSaslToken(frame);
    const reader = new Reader(frame);
    let header: RequestHeader;
    let module: ApiModule | undefined;
    let request: unknown;
    try {
      header = readRequestHeader(reader);
      this.clientId = header.clientId;
      module = this.ctx.registry.get(header.apiKey);
      if (!module) return this.refuse(`unknown API key ${header.apiKey}`);
      if (!this.principal && !module.beforeAuthentication) return this.refuse(`${module.name} before SASL authentication`);
      if (header.apiVersion < module.minVersion || header.apiVersion > module.maxVersion) {
        if (module.key === ApiKey.ApiVersions) {
          // KIP-511: the v0 layout, error 35 and our ranges; the client retries with a version it finds there.
          const res = unsupportedApiVersionsResponse(this.ctx.registry);
          return this.send(header.correlationId, false, (w) => module!.encode(w, res, 0));
        }
        return this.refuse(`${module.name} v${header.apiVersion} is not supported (v${module.minVersion}-v${module.maxVersion})`);
      }
      const flexible = module.firstFlexibleVersion !== undefined && header.apiVersion >= module.firstFlexibleVersion;
      if (flexible) reader.taggedFields();
      request = module.decode(reader, header.apiVersion);
    } catch (err) {
      return this.refuse(`malformed request: ${(err as Error).message}`);
    }
    if (module.key === ApiKey.SaslHandshake) this.handshakeDone = true;
    if (module.key === ApiKey.SaslAuthenticate && !this.handshakeDone) return this.refuse('SaslAuthenticate before SaslHandshake');
    const fault = await injectedFault(this, module);
    if (fault.kind === 'disconnect') return this.close();
    let response: unknown;
    try {
      if (fault.kind !== 'error' || fault.afterRunning) response = await module.handle(request, this as AuthenticatedSession, header.apiVersion);
      if (fault.kind === 'error') response = module.errorResponse!(request, fault.errorCode, header.apiVersion);
    } catch (err) {
      this.ctx.log('warn', `Kafka ${module.name} v${header.apiVersion} failed`, err);
      if (!module.errorResponse) return this.close();
      response = module.errorResponse(request, ErrorCode.UNKNOWN_SERVER_ERROR, header.apiVersion);
    }
    if (response === undefined) return;
    // ApiVersions answers with header v0 in every version, so that any client can read it.
    const flexibleResponse = module.key !== ApiKey.ApiVersions && module.firstFlexibleVersion !== undefined && header.apiVersion >= module.firstFlexibleVersion;
    this.send(header.correlationId, flexibleResponse, (w) => module!.encode(w, response, header.apiVersion));
    if (module.key === ApiKey.SaslHandshake) {
      // As brokers do: a refused mechanism ends the connection once the client has the answer.
      if ((response as { errorCode: number }).errorCode !== 0) return this.closeAfterFlush();
      if (header.apiVersion === 0) this.expectRawSaslToken = true;
    }
    if (module.key === ApiKey.SaslAuthenticate && !this.principal) this.closeAfterFlush();
  }

  /** SASL/PLAIN after a v0 handshake: a bare token, an empty frame on success, a close on failure. */
  private rawSaslToken(frame: Buffer): void {
    this.expectRawSaslToken = false;
    const result = authenticatePlain(this.runtime, frame);
    if (!result.principal) return this.close();
    this.principal = result.principal;
    this.socket.write(Buffer.alloc(4));
  }

  private refuse(reason: string): void {
    this.ctx.log('debug', `Kafka connection ${this.connectionId} closed: ${reason}`);
    this.close();
  }

  /** Closes once what was written has left (a failed authentication's answer reaches the client). */
  private closeAfterFlush(): void {
    this.ending = true;
    this.queue.length = 0;
    this.socket.end(() => this.close());
    setTimeout(() => this.close(), 1000).unref();
  }
}
