import { describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:tls';
import { issueCertificate } from '../../src/kafka-protocol/x509.js';
import { storedTls } from '../../src/kafka-protocol/tls-cert.js';
import { openDb } from '../../src/store/db.js';

const notBefore = new Date(Date.now() - 60_000);
const notAfter = new Date('2060-01-01T00:00:00Z');
const ca = issueCertificate({ commonName: 'Test CA', notBefore, notAfter, ca: true, keyUsage: ['keyCertSign', 'cRLSign', 'digitalSignature'] });
const server = issueCertificate({
  commonName: 'localhost',
  notBefore,
  notAfter,
  ca: false,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  serverAuth: true,
  altNames: ['localhost', '127.0.0.1', '::1', 'kafka.example.test', '2001:db8::1'],
  issuer: ca,
});

describe('X.509 certificates issued with node:crypto', () => {
  it('issues a self-signed CA and a server certificate it signed, for the given names', () => {
    const caCert = new X509Certificate(ca.cert);
    const serverCert = new X509Certificate(server.cert);
    expect(caCert.ca).toBe(true);
    expect(caCert.subject).toBe('CN=Test CA');
    expect(caCert.verify(caCert.publicKey)).toBe(true);
    expect(serverCert.ca).toBe(false);
    expect(serverCert.issuer).toBe('CN=Test CA');
    expect(serverCert.checkIssued(caCert)).toBe(true);
    expect(serverCert.verify(caCert.publicKey)).toBe(true);
    expect(serverCert.publicKey.asymmetricKeyType).toBe('ec');
    expect(serverCert.checkHost('localhost')).toBe('localhost');
    expect(serverCert.checkHost('kafka.example.test')).toBe('kafka.example.test');
    expect(serverCert.checkHost('other.example.test')).toBeUndefined();
    expect(serverCert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(serverCert.checkIP('::1')).toBe('::1');
    expect(serverCert.checkIP('2001:db8::1')).toBe('2001:db8::1');
    expect(serverCert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    // A validity past 2049 is a GeneralizedTime; before, a UTCTime.
    expect(new Date(serverCert.validTo).toISOString()).toBe('2060-01-01T00:00:00.000Z');
    expect(Math.abs(new Date(serverCert.validFrom).getTime() - notBefore.getTime())).toBeLessThan(1000);
    expect(server.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('passes a TLS handshake of a client that trusts only the CA', async () => {
    const tlsServer = createServer({ cert: `${server.cert}${ca.cert}`, key: server.key }, (socket) => socket.end('hello'));
    await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
    try {
      const port = (tlsServer.address() as AddressInfo).port;
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port, ca: ca.cert, servername: 'localhost' }, () => {
          if (!socket.authorized) reject(socket.authorizationError);
        });
        let data = '';
        socket.on('data', (chunk) => (data += chunk));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
      });
      expect(answer).toBe('hello');
    } finally {
      tlsServer.close();
    }
  });

  it('keeps the CA in the store across starts and issues a new server certificate from it for a new host', async () => {
    const db = openDb(':memory:');
    try {
      const first = await storedTls(db);
      const again = await storedTls(db);
      expect(again).toEqual(first);
      const moved = await storedTls(db, 'kafka.example.test');
      expect(moved.caPem).toBe(first.caPem);
      const leaf = new X509Certificate(moved.certPem);
      expect(leaf.checkHost('kafka.example.test')).toBe('kafka.example.test');
      expect(leaf.verify(new X509Certificate(first.caPem).publicKey)).toBe(true);
    } finally {
      db.close();
    }
  });
});
