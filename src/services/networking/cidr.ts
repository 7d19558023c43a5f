/** IPv4 CIDR blocks, as the networking resources take them: `a.b.c.d/n`. */
export interface Cidr {
  /** The first address, as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

/** Parses `a.b.c.d/n`; undefined when it is not an IPv4 CIDR block (octets 0-255, prefix 0-32). */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const addr = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return { base: (addr & mask) >>> 0, prefix };
}

const size = (c: Cidr) => 2 ** (32 - c.prefix);

/** Whether two blocks share an address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** Whether a block lies in the private ranges of RFC 1918 (10/8, 172.16/12, 192.168/16) or 100.64/10 (RFC 6598). */
export function isPrivate(c: Cidr): boolean {
  const ranges = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'].map((r) => parseCidr(r)!);
  return ranges.some((r) => c.prefix >= r.prefix && overlaps(c, r));
}
