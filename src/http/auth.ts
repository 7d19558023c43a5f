import { unauthenticated } from '../core/errors.js';
import type { Credential, CredentialStore } from '../store/credentials.js';

/** Who is calling: the organization every query is confined to, and the key's owner. */
export interface Caller {
  orgId: string;
  keyId: string;
  ownerId: string;
}

const MANAGEMENT_SCHEMES = new Set(['cloud-api-key', 'api-key', 'global-api-key', 'confluent-sts-access-token']);

/** Reads `Authorization: Basic base64(key:secret)`; undefined when absent or malformed. */
export function basicCredentials(header: string | undefined): { key: string; secret: string } | undefined {
  if (!header) return undefined;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
  if (!m) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * Authenticates a management request: a live Cloud API key (one not scoped to a cluster).
 * A resource-scoped key, a deleted key, a wrong secret or no credentials at all answer 401.
 */
export function authenticateManagement(security: string[], authorization: string | undefined, credentials: CredentialStore): Caller {
  if (!security.some((s) => MANAGEMENT_SCHEMES.has(s))) throw unauthenticated('This operation accepts no credentials the emulator can issue');
  const basic = basicCredentials(authorization);
  if (!basic) throw unauthenticated();
  const cred: Credential | undefined = credentials.verify(basic.key, basic.secret);
  if (!cred) throw unauthenticated('The API key is invalid or was deleted');
  if (cred.resource_id !== null) throw unauthenticated('A resource-specific API key cannot be used for the management APIs; use a Cloud API key');
  return { orgId: cred.org_id, keyId: cred.key_id, ownerId: cred.owner_id };
}
