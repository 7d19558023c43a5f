import { notFound } from '../../core/errors.js';
import type { Engine } from '../../engine/engine.js';
import type { HandlerMap } from '../../contract/handler.js';
import { CONSUMER_SHARE, CONSUMER_SHARED_RESOURCE, PROVIDER_SHARE, bootstrapUrlOf, internal, type ConsumerInternal } from './constants.js';
import { deactivate } from './deactivate.js';
import { includeDeleted, page, visible } from './list.js';
import { queryValues } from '../../engine/query.js';
import { render } from './render.js';
import { allRows, liveRow } from './rows.js';

/* The consumer side, once a token is redeemed: consumer shares and consumer shared resources. */

export const consumerHandlers = (engine: Engine): HandlerMap => ({
  listCdxV1ConsumerShares: (ctx) => {
    const org = ctx.caller.orgId;
    const srs = queryValues(ctx.query.shared_resource);
    const rows = visible(engine, ctx, org, CONSUMER_SHARE).filter((s) => !srs.length || srs.includes(String(internal<ConsumerInternal>(s).shared_resource)));
    return page(engine, ctx, CONSUMER_SHARE, rows, [srs, includeDeleted(ctx)]);
  },

  getCdxV1ConsumerShare: (ctx) => ({ status: 200, body: render(engine, liveRow(engine, ctx, CONSUMER_SHARE), ctx.baseUrl) }),

  /** Deactivates the provider's share too (which deletes this side's rows), then this share if left. */
  deleteCdxV1ConsumerShare: (ctx) => {
    const rt = engine.rt;
    const cs = liveRow(engine, ctx, CONSUMER_SHARE);
    rt.tx(() => {
      const p = internal<ConsumerInternal>(cs).provider;
      const share = allRows(engine, p.org, PROVIDER_SHARE).find((s) => s.id === p.share);
      if (share) deactivate(engine, share, ctx.baseUrl);
      const still = engine.repository(CONSUMER_SHARE).get(cs.org_id, cs.id);
      if (still) {
        (still.body as any).status = { phase: 'DEACTIVATED' };
        engine.delete(engine.decl(CONSUMER_SHARE), still, ctx.baseUrl);
      }
    });
    return { status: 204 };
  },

  listCdxV1ConsumerSharedResources: (ctx) => {
    const org = ctx.caller.orgId;
    const shares = queryValues(ctx.query.stream_share);
    const rows = visible(engine, ctx, org, CONSUMER_SHARED_RESOURCE).filter((r) => !shares.length || shares.includes(String(internal<ConsumerInternal>(r).consumer_share)));
    return page(engine, ctx, CONSUMER_SHARED_RESOURCE, rows, [shares, includeDeleted(ctx)]);
  },

  getCdxV1ConsumerSharedResource: (ctx) => ({ status: 200, body: render(engine, liveRow(engine, ctx, CONSUMER_SHARED_RESOURCE), ctx.baseUrl) }),

  networkCdxV1ConsumerSharedResource: (ctx) => {
    const row = liveRow(engine, ctx, CONSUMER_SHARED_RESOURCE);
    const p = internal<ConsumerInternal>(row).provider;
    const cluster = engine.repository('KafkaCluster').get(p.org, p.cluster);
    if (!cluster) throw notFound(`The shared Kafka cluster '${p.cluster}' no longer exists`);
    const cloud = String((cluster.body as any).spec?.cloud ?? 'AWS').toUpperCase();
    const kind = cloud === 'GCP' ? 'GcpNetwork' : cloud === 'AZURE' ? 'AzureNetwork' : 'AwsNetwork';
    return {
      status: 200,
      body: { api_version: 'cdx/v1', kind: 'Network', kafka_bootstrap_url: bootstrapUrlOf(engine.rt, ctx.baseUrl, cluster), cloud: { kind } },
    };
  },
});
