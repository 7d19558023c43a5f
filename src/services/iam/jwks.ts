import { notFound } from '../../core/errors.js';
import type { HandlerMap } from '../../contract/handler.js';
import type { Engine } from '../../engine/engine.js';

/** `PATCH /iam/v2/identity-providers/{provider_id}/jwks`: refreshes a provider's keys (there is nothing to fetch offline). */
export function jwksHandlers(engine: Engine): HandlerMap {
  return {
    refreshIamV2JsonWebKeySet: (ctx) => {
      const provider = engine.repository('IdentityProvider').get(ctx.caller.orgId, ctx.params.provider_id);
      if (!provider) throw notFound(`The IdentityProvider '${ctx.params.provider_id}' was not found`);
      const now = engine.rt.clock.iso();
      return {
        status: 200,
        body: {
          api_version: 'iam/v2',
          kind: 'Jwks',
          spec: { jwks_status: 'REFRESHED' },
          status: { jwks_status: 'OK', jwks_last_refresh_at: now },
        },
      };
    },
  };
}
