import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { ApiError } from '../core/errors.js';
import type { Config } from '../config.js';

/**
 * Protection of the control plane (`/_emulator`), which can wipe the store: a web page must not be
 * able to reach it (Origin, Content-Type, DNS rebinding), and with `--admin-token` nothing but the
 * token holder can. Health and the Kafka CA stay open, for probes and clients.
 */
export const CONTROL_PREFIX = '/_emulator';
const OPEN_PATHS = new Set(['/_emulator/health', '/_emulator/kafka/ca.pem']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json$/i;

export interface ControlRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The local address the connection was accepted on; undefined for injected requests. */
  localAddress?: string;
  protocol: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const refused = (detail: string) => new ApiError({ status: 403, code: 'forbidden', title: 'Forbidden', detail });

export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || a.startsWith('127.');
}

/** `localhost`, `*.localhost`, 127.x.y.z and [::1]: names that cannot be rebound to another machine. */
function isLoopbackName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  return isIP(h) !== 0 && isLoopbackAddress(h);
}

const hostnameOf = (host: string) => (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Throws the refusal a control-plane request deserves, or returns when it may go on. */
export function guardControlPlane(config: Config, r: ControlRequest): void {
  if (r.path !== CONTROL_PREFIX && !r.path.startsWith(`${CONTROL_PREFIX}/`)) return;
  const host = first(r.headers.host) ?? '';
  const publicHost = config.publicUrl ? new URL(config.publicUrl).host : undefined;

  // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends Host: evil.example.
  if (r.localAddress && isLoopbackAddress(r.localAddress)) {
    const name = hostnameOf(host);
    if (!isLoopbackName(name) && host !== publicHost && name !== (publicHost && hostnameOf(publicHost))) {
      throw refused(`The Host '${host}' is not a loopback name or the emulator's public URL; the control plane answers only requests addressed to it`);
    }
  }
  // Cross-site requests: a browser names the page's origin; only the emulator's own is accepted.
  const origin = first(r.headers.origin);
  if (origin !== undefined) {
    const own = new Set([`${r.protocol}://${host}`]);
    if (config.publicUrl) own.add(new URL(config.publicUrl).origin);
    if (!own.has(origin)) throw refused(`Requests from the origin '${origin}' may not use the control plane`);
  }
  if (config.adminToken && !OPEN_PATHS.has(r.path)) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(first(r.headers.authorization) ?? '')?.[1];
    if (bearer === undefined || !sameToken(bearer, config.adminToken)) {
      throw new ApiError({
        status: 401,
        code: 'user_unauthenticated',
        title: 'Authentication Required',
        detail: 'The control plane needs Authorization: Bearer <admin token> (--admin-token)',
        headers: { 'www-authenticate': 'Bearer realm="ccloud-emulator control plane"' },
      });
    }
  }
  // A form (urlencoded, multipart, text/plain) can be posted cross-site without a preflight; JSON cannot.
  if (WRITES.has(r.method)) {
    const type = (first(r.headers['content-type']) ?? '').split(';')[0].trim();
    const length = Number(first(r.headers['content-length']) ?? 0);
    const hasBody = length > 0 || first(r.headers['transfer-encoding']) !== undefined;
    if ((type !== '' || hasBody) && !JSON_TYPE.test(type)) {
      throw new ApiError({ status: 415, code: 'unsupported_media_type', title: 'Unsupported Media Type', detail: 'Control-plane requests that change state take application/json bodies only' });
    }
  }
}
