import { ApiError, notFound } from '../../core/errors.js';
import { renderCrn } from '../../core/crn.js';
import type { Engine } from '../../engine/engine.js';
import type { HandlerMap } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';
import {
  CONSUMER_SHARE,
  CONSUMER_SHARED_RESOURCE,
  PROVIDER_SHARED_RESOURCE,
  internal,
  type ConsumerInternal,
  type ProviderInternal,
  bootstrapUrlOf,
} from './constants.js';
import { globalRef, nameOf, orgName } from './render.js';
import { resolve, schemasOf, type Resolved } from './resolve.js';
import { insertRow, save } from './rows.js';
import { shareOfToken } from './tokens.js';

/*
 * Shared tokens, consumer side: previewing what a token gives, and redeeming it. Redeeming makes
 * the share ACTIVE, creates the consumer share and consumer shared resource in the redeemer's
 * organization, and issues API keys of a new service account of the provider's organization
 * scoped to the shared clusters.
 */

/** The provider side of a redeemable share: its shared resource and what it shares, or 404. */
function sharedOf(engine: Engine, share: ResourceRow): { sr: ResourceRow; r: Resolved } {
  const sr = engine.repository(PROVIDER_SHARED_RESOURCE).get(share.org_id, internal<ProviderInternal>(share).shared_resource);
  if (!sr) throw notFound('The shared resource of this share no longer exists');
  try {
    return { sr, r: resolve(engine, share.org_id, (sr.body as any).resources) };
  } catch (err) {
    if (err instanceof ApiError) throw notFound(`The shared resource is no longer available: ${err.detail}`);
    throw err;
  }
}

/** The consumer shared resource a share gives (before redeeming: as it will be). */
function consumerResourceBody(engine: Engine, share: ResourceRow, sr: ResourceRow, r: Resolved): Record<string, unknown> {
  const b = sr.body as Record<string, any>;
  const body: Record<string, unknown> = {
    cloud: String((r.cluster.body as any).spec?.cloud ?? 'AWS').toUpperCase(),
    network_connection_types: [],
    display_name: b.display_name,
    schemas: schemasOf(engine, r),
    organization_name: orgName(engine, share.org_id),
  };
  if (b.organization_description !== undefined) body.organization_description = b.organization_description;
  if (b.organization_contact !== undefined) body.organization_contact = b.organization_contact;
  return body;
}

export const redeemHandlers = (engine: Engine): HandlerMap => ({
  resourcesCdxV1SharedToken: (ctx) => {
    const { share } = shareOfToken(engine, ctx, String(ctx.body.token));
    const { sr, r } = sharedOf(engine, share);
    const org = ctx.caller.orgId;
    // Not stored until the token is redeemed: shown with the id and URL it will then have.
    const id = internal<ProviderInternal>(share).consumer_ids.resource;
    const t = engine.rt.clock.iso(engine.rt.clock.now());
    const preview = {
      api_version: 'cdx/v1',
      kind: 'ConsumerSharedResource',
      id,
      metadata: {
        self: `${ctx.baseUrl}/cdx/v1/consumer-shared-resources/${id}`,
        resource_name: renderCrn(engine.decl(CONSUMER_SHARED_RESOURCE).crn, { org, id }),
        created_at: t,
        updated_at: t,
      },
      ...consumerResourceBody(engine, share, sr, r),
    };
    return { status: 200, body: { consumer_shared_resources: [preview] } };
  },

  redeemCdxV1SharedToken: (ctx) =>
    engine.rt.tx(() => {
      const iso = (ms: number) => engine.rt.clock.iso(ms);
      const { share, user } = shareOfToken(engine, ctx, String(ctx.body.token));
      const { sr, r } = sharedOf(engine, share);
      const pOrg = share.org_id;
      const cOrg = ctx.caller.orgId;
      const base = ctx.baseUrl;
      const t = engine.rt.clock.now();

      // The credentials: a service account of the provider's organization and its keys.
      const sa = engine.create(
        engine.decl('ServiceAccount'),
        { display_name: `stream-share-${share.id}`, description: `Stream Sharing: the access of ${String(user.body.email)} to share ${share.id}` },
        { org: pOrg, baseUrl: base, trusted: true },
      );
      const keyFor = (cluster: ResourceRow) => {
        const key = engine.create(
          engine.decl('ApiKey'),
          {
            spec: {
              display_name: `stream-share-${share.id}`,
              description: `Stream Sharing: share ${share.id}`,
              owner: { id: sa.id },
              resource: { id: cluster.id, environment: cluster.scope },
            },
          },
          { org: pOrg, baseUrl: base, trusted: true },
        );
        return { key: key.id, secret: String((key.body as any).spec.secret) };
      };
      const kafkaKey = keyFor(r.cluster);
      const srKey = r.registry && r.subjects.length ? keyFor(r.registry) : undefined;
      // What the credentials may do: read the shared topic (through any consumer group) and subjects.
      const readOn = (crnPattern: string) =>
        engine.create(engine.decl('RoleBinding'), { principal: `User:${sa.id}`, role_name: 'DeveloperRead', crn_pattern: crnPattern }, { org: pOrg, baseUrl: base, trusted: true });
      readOn(`${r.cluster.crn}/kafka=${r.cluster.id}/topic=${r.topic}`);
      readOn(`${r.cluster.crn}/kafka=${r.cluster.id}/group=*`);
      if (srKey && r.registry) for (const subject of r.subjects) readOn(`${r.registry.crn}/subject=${subject}`);

      // The consumer side, in the redeemer's organization.
      const { share: csId, resource: csrId } = internal<ProviderInternal>(share).consumer_ids;
      const provider = { org: pOrg, share: share.id, shared_resource: sr.id, cluster: r.cluster.id };
      insertRow(engine, CONSUMER_SHARE, cOrg, csId, {
        provider_organization_name: orgName(engine, pOrg),
        provider_user_name: (share.body as any).provider_user_name,
        consumer_organization_name: orgName(engine, cOrg),
        consumer_user_name: nameOf(user),
        consumer_user: globalRef(engine, user, base),
        invite_expires_at: (share.body as any).invite_expires_at,
        status: { phase: 'ACTIVE' },
      }, { provider, shared_resource: csrId } satisfies ConsumerInternal);
      insertRow(engine, CONSUMER_SHARED_RESOURCE, cOrg, csrId, consumerResourceBody(engine, share, sr, r), { provider, consumer_share: csId } satisfies ConsumerInternal);

      Object.assign(share.body, {
        redeemed_at: iso(t),
        consumer_user_name: nameOf(user),
        consumer_organization_name: orgName(engine, cOrg),
        service_account: globalRef(engine, sa, base),
        status: { phase: 'ACTIVE' },
      });
      internal<ProviderInternal>(share).consumer = { org: cOrg, share: csId, resource: csrId, service_account: sa.id };
      save(engine, share);

      const resources: Array<Record<string, string>> = [{ kind: 'Topic', topic: r.topic }];
      if (srKey) for (const subject of r.subjects) resources.push({ kind: 'Subject', subject });
      const body: Record<string, unknown> = {
        api_version: 'cdx/v1',
        kind: 'RedeemTokenResponse',
        id: csId,
        metadata: {
          self: `${base}/cdx/v1/consumer-shares/${csId}`,
          resource_name: renderCrn(engine.decl(CONSUMER_SHARE).crn, { org: cOrg, id: csId }),
          created_at: iso(t),
          updated_at: iso(t),
        },
        api_key: kafkaKey.key,
        secret: kafkaKey.secret,
        kafka_bootstrap_url: bootstrapUrlOf(engine.rt, base, r.cluster),
        resources,
      };
      if (srKey && r.registry) {
        body.schema_registry_url = String((r.registry.body as any).spec?.http_endpoint ?? base);
        body.schema_registry_api_key = srKey.key;
        body.schema_registry_secret = srKey.secret;
      }
      return { status: 200, body };
    }),
});
