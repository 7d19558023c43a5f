import { X509Certificate, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * Just enough X.509 (DER) to issue the Kafka listener's certificates with node:crypto: an EC P-256
 * key, a common name, a validity, the extensions below, ECDSA with SHA-256. A certificate library
 * would do the same but costs a few hundred milliseconds to load, on every start with a new store.
 */

// --- DER ---------------------------------------------------------------------------------------

const length = (n: number): Buffer => {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};
const tlv = (tag: number, content: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const sequence = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, content: Buffer) => tlv(0xa0 | n, content);
const octets = (content: Buffer) => tlv(0x04, content);
const bits = (content: Buffer, unused = 0) => tlv(0x03, Buffer.concat([Buffer.from([unused]), content]));
const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));

/** A non-negative INTEGER from big-endian bytes. */
const unsigned = (bytes: Buffer): Buffer => {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
};

const oid = (dotted: string): Buffer => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const base128: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) base128.unshift(0x80 | (v & 0x7f));
    out.push(...base128);
  }
  return tlv(0x06, Buffer.from(out));
};

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
const time = (date: Date): Buffer => {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2), 'latin1')) : tlv(0x18, Buffer.from(iso, 'latin1'));
};

// --- certificate -------------------------------------------------------------------------------

const OID = {
  commonName: '2.5.4.3',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

/** The bits of keyUsage (RFC 5280 4.2.1.3) by name. */
const KEY_USAGE_BITS = { digitalSignature: 0, keyEncipherment: 2, keyCertSign: 5, cRLSign: 6 } as const;
export type KeyUsage = keyof typeof KEY_USAGE_BITS;

/** A DER named-bit string: trailing zero bits dropped, their count in the first byte. */
function namedBits(names: KeyUsage[]): Buffer {
  const positions = names.map((n) => KEY_USAGE_BITS[n]);
  const highest = Math.max(...positions);
  const bytes = Buffer.alloc((highest >> 3) + 1);
  for (const p of positions) bytes[p >> 3] |= 0x80 >> (p & 7);
  return bits(bytes, 7 - (highest & 7));
}

const name = (commonName: string) => sequence(set(sequence(oid(OID.commonName), utf8(commonName))));
const extension = (id: string, critical: boolean, value: Buffer) => sequence(oid(id), ...(critical ? [boolean(true)] : []), octets(value));

export interface IssuedCertificate {
  /** The certificate, PEM. */
  cert: string;
  /** Its private key, PKCS#8 PEM. */
  key: string;
}

export interface CertificateRequest {
  commonName: string;
  notBefore: Date;
  notAfter: Date;
  /** A CA certificate (basicConstraints cA) or an end entity's. */
  ca: boolean;
  keyUsage: KeyUsage[];
  /** extendedKeyUsage serverAuth. */
  serverAuth?: boolean;
  /** DNS names and IP addresses (subjectAltName). */
  altNames?: string[];
  /** The issuer; the certificate is self-signed without one. */
  issuer?: IssuedCertificate;
}

const pem = (label: string, der: Buffer) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;

/** Issues a certificate for a new EC P-256 key, signed by `issuer` (or by itself). */
export function issueCertificate(request: CertificateRequest): IssuedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const issuerKey: KeyObject | string = request.issuer ? request.issuer.key : privateKey;
  const issuerName = request.issuer ? subjectCommonName(request.issuer.cert) : request.commonName;

  const extensions = [
    extension(OID.basicConstraints, true, request.ca ? sequence(boolean(true)) : sequence()),
    extension(OID.keyUsage, true, namedBits(request.keyUsage)),
    ...(request.serverAuth ? [extension(OID.extKeyUsage, false, sequence(oid(OID.serverAuth)))] : []),
    ...(request.altNames?.length ? [extension(OID.subjectAltName, false, sequence(...request.altNames.map(generalName)))] : []),
  ];
  const serial = randomBytes(16);
  serial[0] = (serial[0] & 0x7f) | 0x01;
  const algorithm = sequence(oid(OID.ecdsaWithSha256));
  const tbs = sequence(
    explicit(0, unsigned(Buffer.from([2]))),
    unsigned(serial),
    algorithm,
    name(issuerName),
    sequence(time(request.notBefore), time(request.notAfter)),
    name(request.commonName),
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature = sign('sha256', tbs, issuerKey);
  return { cert: pem('CERTIFICATE', sequence(tbs, algorithm, bits(signature))), key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string };
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:]*$/i;

/**
 * 4 or 6 for an IP address, 0 for a DNS name. (node:net's isIP would do, but its first IPv6 test
 * compiles a regular expression that costs a start more than the whole certificate.)
 */
const ipFamily = (value: string): 0 | 4 | 6 => (IPV4.test(value) ? 4 : IPV6.test(value) && value.split('::').length <= 2 ? 6 : 0);

/** dNSName [2] or iPAddress [7] (4 or 16 bytes). */
function generalName(value: string): Buffer {
  const family = ipFamily(value);
  if (!family) return tlv(0x82, Buffer.from(value, 'latin1'));
  return tlv(0x87, family === 4 ? Buffer.from(value.split('.').map(Number)) : ipv6Bytes(value));
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail = ''] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const hi = groups(head);
  const lo = address.includes('::') ? groups(tail) : [];
  const all = [...hi, ...Array(8 - hi.length - lo.length).fill('0'), ...lo];
  return Buffer.from(all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

/** The subject common name of a certificate (the issuer name of the certificates it signs). */
function subjectCommonName(certPem: string): string {
  const cn = /^CN=(.*)$/m.exec(new X509Certificate(certPem).subject)?.[1];
  if (!cn) throw new Error('the issuing certificate has no common name');
  return cn;
}
