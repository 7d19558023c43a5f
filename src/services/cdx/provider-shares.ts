import { badRequest, conflict, unprocessable } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { HandlerMap } from '../../contract/handler.js';
import { CONSUMER_SHARE, CONSUMER_SHARED_RESOURCE, INVITE_MS, PROVIDER_SHARE, PROVIDER_SHARED_RESOURCE, TOKEN_HEADER, internal, type ProviderInternal } from './constants.js';
import { deactivate } from './deactivate.js';
import { includeDeleted, page, visible } from './list.js';
import { queryValues } from '../../engine/query.js';
import { requireOptedIn } from './opt-in.js';
import { sharedResourceFor, srCrnsOf } from './provider-shared-resources.js';
import { callerRow, envRef, globalRef, nameOf, phaseOf, render, selfOf } from './render.js';
import { resolve } from './resolve.js';
import { allRows, insertRow, issueId, liveRow, save, sharesOf } from './rows.js';
import { tokenOf } from './tokens.js';

/* Provider shares: inviting a consumer by email, listing, resending and deleting invitations. */

export const providerShareHandlers = (engine: Engine): HandlerMap => ({
  createCdxV1ProviderShare: (ctx) => {
    const rt = engine.rt;
    const org = ctx.caller.orgId;
    const input = ctx.body as Record<string, any>;
    return rt.tx(() => {
      requireOptedIn(engine, org, 'caller');
      if (String(input.delivery_method).toUpperCase() !== 'EMAIL') {
        throw unprocessable(`The delivery method '${input.delivery_method}' is not supported: EMAIL is`, '/delivery_method');
      }
      const email = String(input.consumer_restriction?.email ?? '');
      const crns = (input.resources as unknown[]).map(String);
      const r = resolve(engine, org, crns);
      const sr = sharedResourceFor(engine, org, r, crns, ctx.baseUrl);
      const clash = sharesOf(engine, org, sr.id).find(
        (s) => String((s.body as any).consumer_restriction?.email).toLowerCase() === email.toLowerCase() && phaseOf(engine, s) !== 'EXPIRED',
      );
      if (clash) throw conflict(`The shared resource '${sr.id}' is already shared with '${email}'`, selfOf(engine, clash, ctx.baseUrl));

      const caller = callerRow(engine, ctx);
      const t = rt.clock.now();
      const body: Record<string, unknown> = {
        provider_user_name: nameOf(caller),
        delivery_method: 'EMAIL',
        consumer_restriction: { kind: 'Email', email },
        invited_at: rt.clock.iso(t),
        invite_expires_at: rt.clock.iso(t + INVITE_MS),
        cloud_cluster: envRef(engine, r.cluster, ctx.baseUrl),
        status: { phase: 'INVITED' },
      };
      // The consumer ids are issued now so that the token's preview shows the ids redeeming gives.
      const x: ProviderInternal = {
        shared_resource: sr.id,
        consumer_ids: { share: issueId(engine, CONSUMER_SHARE), resource: issueId(engine, CONSUMER_SHARED_RESOURCE) },
      };
      if (caller) body.provider_user = globalRef(engine, caller, ctx.baseUrl);
      const share = insertRow(engine, PROVIDER_SHARE, org, issueId(engine, PROVIDER_SHARE), body, x);
      return {
        status: 201,
        headers: { location: selfOf(engine, share, ctx.baseUrl), [TOKEN_HEADER]: tokenOf(engine, share) },
        body: render(engine, share, ctx.baseUrl),
      };
    });
  },

  listCdxV1ProviderShares: (ctx) => {
    const org = ctx.caller.orgId;
    const srs = queryValues(ctx.query.shared_resource);
    const crns = queryValues(ctx.query.crn);
    const sharedResources = crns.length ? allRows(engine, org, PROVIDER_SHARED_RESOURCE) : [];
    const rows = visible(engine, ctx, org, PROVIDER_SHARE).filter((s) => {
      const srId = internal<ProviderInternal>(s).shared_resource;
      if (srs.length && !srs.includes(srId)) return false;
      if (crns.length) {
        const known = [s.crn, ...srCrnsOf(sharedResources.find((x) => x.id === srId))];
        if (!crns.some((c) => known.includes(c))) return false;
      }
      return true;
    });
    return page(engine, ctx, PROVIDER_SHARE, rows, [srs, crns, includeDeleted(ctx)]);
  },

  getCdxV1ProviderShare: (ctx) => ({ status: 200, body: render(engine, liveRow(engine, ctx, PROVIDER_SHARE), ctx.baseUrl) }),

  deleteCdxV1ProviderShare: (ctx) => {
    engine.rt.tx(() => deactivate(engine, liveRow(engine, ctx, PROVIDER_SHARE), ctx.baseUrl));
    return { status: 204 };
  },

  resendCdxV1ProviderShare: (ctx) => {
    const rt = engine.rt;
    const share = liveRow(engine, ctx, PROVIDER_SHARE);
    return rt.tx(() => {
      requireOptedIn(engine, share.org_id, 'caller');
      if (phaseOf(engine, share) === 'ACTIVE') throw badRequest(`The share '${share.id}' was redeemed; its invitation cannot be sent again`);
      const t = rt.clock.now();
      Object.assign(share.body, { invited_at: rt.clock.iso(t), invite_expires_at: rt.clock.iso(t + INVITE_MS), status: { phase: 'INVITED' } });
      save(engine, share);
      return { status: 204, headers: { [TOKEN_HEADER]: tokenOf(engine, share) } };
    });
  },
});
