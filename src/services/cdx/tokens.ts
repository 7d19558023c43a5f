import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError, badRequest, conflict, forbidden, notFound } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import { metaValue } from '../../store/meta.js';
import { PROVIDER_SHARE } from './constants.js';
import { requireOptedIn } from './opt-in.js';
import { callerRow, phaseOf } from './render.js';

/*
 * Shared tokens: `<base64url claims>.<HMAC>`, signed with a secret kept in the database's meta
 * table. The claims name the share only; whether it can still be redeemed is read from the share
 * itself, so resending an invitation needs no new secret.
 */

const tokenSecret = (engine: Engine) => metaValue(engine.rt.db, 'cdx_shared_token_secret', () => randomBytes(32).toString('base64url'));
const sign = (engine: Engine, payload: string) => createHmac('sha256', tokenSecret(engine)).update(payload).digest('base64url');

export function tokenOf(engine: Engine, share: ResourceRow): string {
  const payload = Buffer.from(JSON.stringify({ o: share.org_id, s: share.id })).toString('base64url');
  return `${payload}.${sign(engine, payload)}`;
}

/**
 * The share a token invites to, once the caller may redeem it: 400 for a token the emulator did
 * not issue, 404 for a deleted share, 409 for one redeemed or expired, 403 for a caller that is
 * not a user with the share's email or a provider that opted out.
 */
export function shareOfToken(engine: Engine, ctx: AuthenticatedContext, token: string): { share: ResourceRow; user: ResourceRow } {
  const [payload, signature, extra] = token.split('.');
  const expected = payload ? sign(engine, payload) : '';
  if (extra !== undefined || !payload || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
    throw badRequest('The token is not a valid Stream Sharing token', { pointer: '/token' });
  }
  let claims: { o?: unknown; s?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('The token is not a valid Stream Sharing token', { pointer: '/token' });
  }
  const share = engine.repository(PROVIDER_SHARE).get(String(claims.o), String(claims.s));
  if (!share) throw notFound('The share of this token was deleted');
  requireOptedIn(engine, share.org_id, 'provider');
  const phase = phaseOf(engine, share);
  if (phase === 'ACTIVE') throw conflict('The share of this token was already redeemed; a share is redeemed only once');
  if (phase === 'EXPIRED') {
    throw new ApiError({ status: 409, code: 'invitation_expired', title: 'Conflict', detail: 'The invitation expired; the provider can send it again' });
  }
  const email = String((share.body as any).consumer_restriction?.email ?? '').toLowerCase();
  const caller = callerRow(engine, ctx);
  if (!caller || caller.type !== 'User') throw forbidden('Only a user can redeem a share: use an API key of the user the share was sent to');
  if (String(caller.body.email ?? '').toLowerCase() !== email) throw forbidden('The share was sent to another email address');
  return { share, user: caller };
}
