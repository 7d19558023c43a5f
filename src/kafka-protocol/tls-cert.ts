import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Db } from '../store/db.js';

/** The listener's TLS material: the CA clients trust, and the server certificate it signed. */
export interface KafkaTls {
  /** PEM of the CA (served at /_emulator/kafka/ca.pem); with one's own certificate, that certificate. */
  caPem: string;
  certPem: string;
  keyPem: string;
  /** The names the server certificate is valid for. */
  names: string[];
}

const META_KEY = 'kafka_tls';

/** Loaded only when a certificate is generated: the module costs a few hundred ms to load. */
const loadSelfsigned = async () => (await import('selfsigned')).default;
const YEARS = 10;

/** The names the server certificate covers: the loopback names and the public URL's host. */
export function certificateNames(publicHost?: string): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  if (publicHost && !names.includes(publicHost)) names.push(publicHost);
  return names;
}

const validity = () => {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate);
  notAfterDate.setFullYear(notAfterDate.getFullYear() + YEARS);
  return { notBeforeDate, notAfterDate };
};

async function generateCa(): Promise<{ cert: string; key: string }> {
  const pems = await (await loadSelfsigned()).generate([{ name: 'commonName', value: 'ccloud-emulator Kafka CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity(),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function generateServer(ca: { cert: string; key: string }, names: string[]): Promise<{ cert: string; key: string }> {
  const altNames = names.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n }));
  const pems = await (await loadSelfsigned()).generate([{ name: 'commonName', value: names[0] }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ...validity(),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

interface StoredTls {
  ca: { cert: string; key: string };
  server: { cert: string; key: string };
  names: string[];
}

/**
 * The certificate generated on first start and kept in the store's `meta` table, so that a client
 * that trusted the CA keeps trusting it across restarts. A new public host gets a new server
 * certificate from the same CA.
 */
export async function storedTls(db: Db, publicHost?: string): Promise<KafkaTls> {
  const names = certificateNames(publicHost);
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(META_KEY) as { value: string } | undefined;
  let stored: StoredTls | undefined = row ? JSON.parse(row.value) : undefined;
  if (!stored || names.some((n) => !stored!.names.includes(n))) {
    const ca = stored?.ca ?? (await generateCa());
    stored = { ca, server: await generateServer(ca, names), names };
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(stored));
  }
  return { caPem: stored.ca.cert, certPem: `${stored.server.cert.trim()}\n${stored.ca.cert.trim()}\n`, keyPem: stored.server.key, names: stored.names };
}

/** One's own certificate and key (`--kafka-tls-cert`, `--kafka-tls-key`), PEM files. */
export function ownTls(certFile: string, keyFile: string): KafkaTls {
  const certPem = readFileSync(certFile, 'utf8');
  return { caPem: certPem, certPem, keyPem: readFileSync(keyFile, 'utf8'), names: [] };
}
