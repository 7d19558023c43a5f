import { badRequest } from '../../core/errors.js';
import type { HandlerMap } from '../../contract/handler.js';
import { jwtClaims } from '../../http/access-tokens.js';
import type { Engine } from '../../engine/engine.js';

/** The longest lifetime an access token may ask for, and the default. */
const MAX_LIFETIME_SECONDS = 900;

interface ExchangeForm {
  subject_token: string;
  identity_pool_id: string;
  expires_in?: string;
}

/** A claim by the path an identity pool names it with (`claims.sub`, `claims.email`, ...). */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  return path
    .replace(/^claims\./, '')
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), claims);
}

/**
 * `POST /sts/v1/oauth2/token`: exchanges a JWT of an external identity provider for a Confluent
 * Cloud access token of one identity pool. The grant and token types are checked by the document.
 * The token must name the pool's provider as its issuer, must not have expired (on the virtual
 * clock) and must carry the pool's identity claim. Its signature is not checked, because the
 * provider's keys cannot be fetched offline, and the pool's CEL filter is not evaluated.
 */
export function tokenExchangeHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    exchangeStsV1OauthToken: (ctx) => {
      const form = ctx.body as ExchangeForm;
      const lifetime = form.expires_in === undefined ? MAX_LIFETIME_SECONDS : Number(form.expires_in);
      if (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME_SECONDS) {
        throw badRequest(`expires_in must be a whole number of seconds from 1 to ${MAX_LIFETIME_SECONDS}`, { pointer: '/expires_in' });
      }
      const pool = engine.repository('IdentityPool').getInAnyOrg(form.identity_pool_id);
      const provider = pool && engine.repository('IdentityProvider').get(pool.org_id, pool.scope);
      if (!pool || !provider) throw badRequest(`Identity pool '${form.identity_pool_id}' does not exist`, { pointer: '/identity_pool_id' });
      const claims = jwtClaims(form.subject_token);
      if (!claims) throw badRequest('The subject token is not a JWT', { pointer: '/subject_token' });
      if (claims.iss !== provider.body.issuer) {
        throw badRequest(`The subject token's issuer '${String(claims.iss)}' is not the issuer of the pool's identity provider`, { pointer: '/subject_token' });
      }
      if (typeof claims.exp === 'number' && claims.exp * 1000 <= rt.clock.now()) throw badRequest('The subject token has expired', { pointer: '/subject_token' });
      const identityClaim = String(pool.body.identity_claim ?? 'claims.sub');
      if (claimAt(claims, identityClaim) === undefined) throw badRequest(`The subject token has no ${identityClaim}`, { pointer: '/subject_token' });
      const principal = String(pool.body.principal ?? pool.id);
      return {
        status: 200,
        body: {
          access_token: rt.accessTokens.issue(pool.org_id, pool.id, principal, lifetime),
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: lifetime,
        },
      };
    },
  };
}
