import { readFileSync } from 'node:fs';
import type { Db } from '../store/db.js';
import { issueCertificate } from './x509.js';

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

const YEARS = 10;

/** The names the server certificate covers: the loopback names and the public URL's host. */
export function certificateNames(publicHost?: string): string[] {
  const names = ['localhost', '127.0.0.1', '::1'];
  if (publicHost && !names.includes(publicHost)) names.push(publicHost);
  return names;
}

const validity = () => {
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + YEARS);
  return { notBefore, notAfter };
};

/** An EC key (P-256) and a certificate for it: a key pair is generated in about a millisecond, where RSA takes a second. */
const generateCa = (): { cert: string; key: string } =>
  issueCertificate({ commonName: 'ccloud-emulator Kafka CA', ...validity(), ca: true, keyUsage: ['keyCertSign', 'cRLSign', 'digitalSignature'] });

const generateServer = (ca: { cert: string; key: string }, names: string[]): { cert: string; key: string } =>
  issueCertificate({ commonName: names[0], ...validity(), ca: false, keyUsage: ['digitalSignature', 'keyEncipherment'], serverAuth: true, altNames: names, issuer: ca });

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
    const ca = stored?.ca ?? generateCa();
    stored = { ca, server: generateServer(ca, names), names };
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(META_KEY, JSON.stringify(stored));
  }
  return { caPem: stored.ca.cert, certPem: `${stored.server.cert.trim()}\n${stored.ca.cert.trim()}\n`, keyPem: stored.server.key, names: stored.names };
}

/** One's own certificate and key (`--kafka-tls-cert`, `--kafka-tls-key`), PEM files. */
export function ownTls(certFile: string, keyFile: string): KafkaTls {
  const certPem = readFileSync(certFile, 'utf8');
  return { caPem: certPem, certPem, keyPem: readFileSync(keyFile, 'utf8'), names: [] };
}
