import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Runtime } from '../runtime.js';
import { KafkaListener } from './listener.js';
import { ownTls, storedTls, type KafkaTls } from './tls-cert.js';
import type { ConnectionContext } from './connection.js';

export interface StartedKafka {
  listener: KafkaListener;
  /** `host:port` to give clients as `bootstrap.servers`. */
  bootstrap: string;
  /** The file holding the CA's PEM (for `ssl.ca.location` and the like). */
  caFile: string;
}

/** The host of the public URL, without IPv6 brackets. */
export function publicHostOf(publicUrl: string | undefined): string | undefined {
  if (!publicUrl) return undefined;
  try {
    return new URL(publicUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

/** Where the CA is written: beside a file store, in the temporary folder for an in-memory one. */
function caFilePath(rt: Runtime, port: number): string {
  const db = rt.config.db;
  if (db === ':memory:' || db === '') return join(tmpdir(), `ccloud-emulator-kafka-ca-${port}.pem`);
  return join(dirname(resolve(db)), 'kafka-ca.pem');
}

const bindHostForClients = (host: string) => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host);

/**
 * Starts the Kafka listener of the configuration (`kafkaPort`, `host`, TLS material), records its
 * endpoint on the runtime (health, the clusters' bootstrap endpoints, the CA download) and writes
 * the CA to a file. Undefined when the listener is off.
 */
export async function startKafka(rt: Runtime, log?: ConnectionContext['log']): Promise<StartedKafka | undefined> {
  const config = rt.config;
  if (config.kafkaPort === null) return undefined;
  const publicHost = publicHostOf(config.publicUrl);
  const tls: KafkaTls = config.kafkaTlsCert && config.kafkaTlsKey ? ownTls(config.kafkaTlsCert, config.kafkaTlsKey) : await storedTls(rt.db, publicHost);
  const listener = await KafkaListener.start(rt, { port: config.kafkaPort, host: config.host, tls: { cert: tls.certPem, key: tls.keyPem }, publicHost, log });
  rt.kafkaEndpoint = { port: listener.port, caPem: tls.caPem };
  const caFile = caFilePath(rt, listener.port);
  try {
    mkdirSync(dirname(caFile), { recursive: true });
    writeFileSync(caFile, tls.caPem);
  } catch (err) {
    log?.('warn', `Could not write the Kafka CA to ${caFile}`, err);
  }
  const host = publicHost ?? bindHostForClients(config.host);
  return { listener, bootstrap: `${host.includes(':') ? `[${host}]` : host}:${listener.port}`, caFile };
}
