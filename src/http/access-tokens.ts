import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { VirtualClock } from '../core/clock.js';
import type { ResourceStore } from '../store/resources.js';
import type { Caller } from '../contract/handler.js';

/** What an access token stands for: an identity pool (sts/v1 exchange) or a user's SSO session. */
interface AccessClaims {
  iss: string;
  /** The identity pool's principal, or the SSO user's id. */
  sub: string;
  org: string;
  /** The identity pool (sts/v1 tokens). */
  pool?: string;
  /** The groups claim of an SSO sign-in (SSO session tokens). */
  groups?: string[];
  /** Seconds since the epoch, on the virtual clock. */
  iat: number;
  exp: number;
  jti: string;
}

const ISSUER = 'Confluent';
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/** The claims of a JWT, read without checking its signature; undefined when it is not a JWT. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Confluent Cloud access tokens issued by the sts/v1 exchange: JWTs signed (HS256) with a secret
 * kept in the store, so they survive a restart without being stored. A token authenticates as its
 * identity pool until it expires on the virtual clock or the pool is deleted.
 */
export class AccessTokens {
  constructor(
    private readonly secret: string,
    private readonly clock: VirtualClock,
    private readonly resources: ResourceStore,
  ) {}

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }

  issue(org: string, pool: string, principal: string, lifetimeSeconds: number): string {
    const iat = Math.floor(this.clock.now() / 1000);
    const claims: AccessClaims = { iss: ISSUER, sub: principal, org, pool, iat, exp: iat + lifetimeSeconds, jti: randomUUID() };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  /** A user's SSO session, as a sign-in through the organization's identity provider yields it, with its groups claim. */
  issueSso(org: string, userId: string, groups: string[], lifetimeSeconds: number): string {
    const iat = Math.floor(this.clock.now() / 1000);
    const claims: AccessClaims = { iss: ISSUER, sub: userId, org, groups, iat, exp: iat + lifetimeSeconds, jti: randomUUID() };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The caller a token authenticates, or undefined when it is forged, expired, or its pool or user is gone. */
  verify(token: string): Caller | undefined {
    const cut = token.lastIndexOf('.');
    if (cut < 0) return undefined;
    const expected = Buffer.from(this.sign(token.slice(0, cut)));
    const given = Buffer.from(token.slice(cut + 1));
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    const claims = jwtClaims(token) as Partial<AccessClaims> | undefined;
    if (!claims || claims.iss !== ISSUER || typeof claims.org !== 'string' || typeof claims.exp !== 'number') return undefined;
    if (claims.exp * 1000 <= this.clock.now()) return undefined;
    if (Array.isArray(claims.groups) && typeof claims.sub === 'string') {
      if (!this.resources.get(claims.org, 'User', claims.sub)) return undefined;
      return { orgId: claims.org, keyId: `sso:${claims.sub}`, ownerId: claims.sub, ssoGroups: claims.groups.map(String) };
    }
    if (typeof claims.pool !== 'string') return undefined;
    if (!this.resources.get(claims.org, 'IdentityPool', claims.pool)) return undefined;
    return { orgId: claims.org, keyId: claims.pool, ownerId: claims.sub ?? claims.pool };
  }
}
