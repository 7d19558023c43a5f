import { unauthenticated } from '../core/errors.js';
import type { Credential, CredentialStore } from '../store/credentials.js';
import type { AccessTokens } from './access-tokens.js';
import type { Caller } from '../contract/handler.js';


/** Access tokens from the sts/v1 exchange, sent as `Authorization: Bearer <token>`. */
const STS_SCHEME = 'confluent-sts-access-token';
const MANAGEMENT_SCHEMES = new Set(['cloud-api-key', 'api-key', 'global-api-key', STS_SCHEME]);
const RESOURCE_SCHEMES = new Set(['resource-api-key']);

/** Headers already decoded: a client sends the same one on every request. Bounded; emptied when full. */
const decoded = new Map<string, { key: string; secret: string } | undefined>();
const DECODED_LIMIT = 1000;

/** Reads `Authorization: Basic base64(key:secret)`; undefined when absent or malformed. */
export function basicCredentials(header: string | undefined): { key: string; secret: string } | undefined {
  if (!header) return undefined;
  if (decoded.has(header)) return decoded.get(header);
  const parsed = decodeBasic(header);
  if (decoded.size >= DECODED_LIMIT) decoded.clear();
  decoded.set(header, parsed);
  return parsed;
}

function decodeBasic(header: string): { key: string; secret: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** Which kinds of key an operation's security schemes take, worked out once per operation. */
const kinds = new WeakMap<string[], { management: boolean; resource: boolean }>();
function kindsOf(security: string[]): { management: boolean; resource: boolean } {
  let k = kinds.get(security);
  if (!k) {
    k = { management: security.some((s) => MANAGEMENT_SCHEMES.has(s)), resource: security.some((s) => RESOURCE_SCHEMES.has(s)) };
    kinds.set(security, k);
  }
  return k;
}

/** Whether a header may be `Bearer ...` (the regular expression runs only then). */
const mayBeBearer = (header: string | undefined) => header !== undefined && header.length > 6 && (header.charCodeAt(0) | 0x20) === 0x62 && (header.charCodeAt(1) | 0x20) === 0x65; // 'Be', any case

/**
 * Authenticates a request against the security schemes of its operation. Management operations
 * take a live Cloud API key, or an sts/v1 access token where they list that scheme; data-plane
 * operations take a resource-specific key, which must be
 * scoped to the cluster the path names (`clusterId`). Anything else answers 401: no or malformed
 * credentials, a wrong secret, a deleted key, a key of the wrong kind or of another cluster.
 */
export function authenticate(security: string[], authorization: string | undefined, credentials: CredentialStore, clusterId?: string, tokens?: AccessTokens): Caller {
  const { management, resource } = kindsOf(security);
  if (!management && !resource) throw unauthenticated('This operation accepts no credentials the emulator can issue');
  const bearer = mayBeBearer(authorization) ? /^Bearer\s+(\S+)\s*$/i.exec(authorization!)?.[1] : undefined;
  if (bearer !== undefined) {
    if (!security.includes(STS_SCHEME) || !tokens) throw unauthenticated('This operation does not accept access tokens; use an API key');
    const caller = tokens.verify(bearer);
    if (!caller) throw unauthenticated('The access token is invalid or expired, or its identity pool was deleted');
    return caller;
  }
  const basic = basicCredentials(authorization);
  if (!basic) throw unauthenticated();
  const cred: Credential | undefined = credentials.verify(basic.key, basic.secret);
  if (!cred) throw unauthenticated('The API key is invalid or was deleted');
  const caller: Caller = { orgId: cred.org_id, keyId: cred.key_id, ownerId: cred.owner_id };
  if (cred.resource_id === null) {
    if (management) return caller;
    throw unauthenticated('This API takes an API key scoped to the cluster; a Cloud API key cannot be used');
  }
  if (!resource) throw unauthenticated('A resource-specific API key cannot be used for the management APIs; use a Cloud API key');
  if (clusterId !== undefined && clusterId !== cred.resource_id) throw unauthenticated(`The API key is not scoped to the cluster '${clusterId}'`);
  return { ...caller, resourceId: cred.resource_id };
}
