import type { Runtime } from '../runtime.js';
import type { Reader } from './codec/reader.js';
import type { Writer } from './codec/writer.js';

/** Who authenticated on a connection: the Kafka API key and the cluster it is scoped to. */
export interface KafkaPrincipal {
  orgId: string;
  keyId: string;
  /** The key's owner (a user or service account id), e.g. `User:sa-abc123` is `User:${ownerId}`. */
  ownerId: string;
  /** The `lkc-` cluster the key is scoped to: every request of the connection addresses it. */
  clusterId: string;
}

/** The connection a request arrived on, as a handler sees it. */
export interface Session {
  readonly runtime: Runtime;
  /** Set by SaslAuthenticate; undefined until then (only ApiVersions and SASL are dispatched before). */
  principal?: KafkaPrincipal;
  /** The request header's client id (the last one seen on this connection). */
  clientId: string | null;
  /** Unique per connection within the process (e.g. for a group member id's suffix). */
  readonly connectionId: string;
  /** The peer's address. */
  readonly remoteHost: string;
  /** The single broker Metadata advertises: the host the client reached us by, and the port. */
  readonly advertised: { host: string; port: number; nodeId: number };
  /** Whether the connection is TLS. */
  readonly tls: boolean;
  /** Whether the connection has closed (a waiting handler may give up). */
  readonly closed: boolean;
  /**
   * Runs fn once when the connection closes (e.g. a group member leaving on disconnect); at once if
   * it is closed already. Returns a function that cancels it (a waiting handler that finished).
   */
  onClose(fn: () => void): () => void;
}

/** A session whose principal is known: what handlers of authenticated APIs receive. */
export type AuthenticatedSession = Session & { principal: KafkaPrincipal };

/**
 * One Kafka API (one request key): its supported version range, its decoder, its handler and its
 * encoder. The dispatcher reads the request header, checks the version against the range (answering
 * UNSUPPORTED_VERSION otherwise), decodes the body with `decode`, awaits `handle` and writes the
 * response header and `encode`'s body. Responses leave in request order per connection.
 */
export interface ApiModule<Req = any, Res = any> {
  readonly key: number;
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** The first flexible version (compact encodings, tagged fields, header v2/v1); absent = none. */
  readonly firstFlexibleVersion?: number;
  /** Whether the API is answered before SASL authentication (only ApiVersions and SASL are). */
  readonly beforeAuthentication?: boolean;
  /** Decodes the request body (after the header); throw on malformed input (closes the connection). */
  decode(reader: Reader, version: number): Req;
  /**
   * Handles a request. Return undefined to send no response at all (Produce with acks 0).
   * The session's principal is set for every API that is not `beforeAuthentication`.
   */
  handle(req: Req, session: AuthenticatedSession, version: number): Res | undefined | Promise<Res | undefined>;
  /** Encodes the response body (after the header). */
  encode(writer: Writer, res: Res, version: number): void;
  /**
   * A response carrying `errorCode` everywhere it can, for a request whose handler threw
   * unexpectedly or that an injected fault fails (undefined: no response, as for acks 0).
   * Without it, an unexpected error or a fault closes the connection, as brokers do.
   */
  errorResponse?(req: Req, errorCode: number, version: number): Res | undefined;
}

/** Kafka API keys used by the emulator. */
export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  OffsetForLeaderEpoch: 23,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  TxnOffsetCommit: 28,
  DescribeAcls: 29,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  IncrementalAlterConfigs: 44,
  OffsetDelete: 47,
  DescribeCluster: 60,
} as const;
