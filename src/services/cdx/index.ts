import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ApiError, badRequest, conflict, forbidden, notFound, unprocessable } from '../../core/errors.js';
import { renderCrn } from '../../core/crn.js';
import { newId } from '../../core/ids.js';
import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { cursorOf, listMetadata } from '../../engine/paging.js';
import type { HandlerMap, RequestContext } from '../../engine/types.js';
import type { ResourceDecl } from '../../openapi/types.js';
import type { ResourceRow } from '../../store/resources.js';
import { metaValue } from '../../store/meta.js';

/*
 * Stream Sharing (cdx/v1). A provider share names one topic of a Kafka cluster of the provider's
 * organization (and Schema Registry subjects of its environment), kept on the provider shared
 * resource that every share of the same topic and subjects points at. Confluent emails the
 * consumer a token; the emulator sends nothing and answers the token in X-Emulator-Shared-Token.
 * Redeeming it (as a user with the share's email, in any organization) makes the share ACTIVE,
 * creates the consumer share and consumer shared resource in the redeemer's organization, and
 * issues API keys of a service account of the provider's organization scoped to the shared
 * clusters, which the data planes accept at once. Either side's delete deactivates both sides and
 * deletes that service account (and so its keys).
 *
 * What the API does not show is kept under the body's `_emulator`, which is never rendered.
 */

export const PROVIDER_SHARE = 'CdxProviderShare';
export const PROVIDER_SHARED_RESOURCE = 'CdxProviderSharedResource';
export const CONSUMER_SHARE = 'CdxConsumerShare';
export const CONSUMER_SHARED_RESOURCE = 'CdxConsumerSharedResource';
const OPT_IN = 'CdxOptIn';

/** Confluent's invitations can be redeemed for a week. */
export const INVITE_MS = 7 * 24 * 3600 * 1000;
const TOKEN_HEADER = 'x-emulator-shared-token';

interface ProviderInternal {
  shared_resource: string;
  /** The ids the consumer share and consumer shared resource get when the share is redeemed. */
  consumer_ids: { share: string; resource: string };
  /** Set when the share is redeemed. */
  consumer?: { org: string; share: string; resource: string; service_account: string };
}
interface ConsumerInternal {
  provider: { org: string; share: string; shared_resource: string; cluster: string };
  shared_resource?: string;
  consumer_share?: string;
}

const internal = <T>(row: ResourceRow) => (row.body as { _emulator: T })._emulator;

/** What a share's resources name, checked against the organization's state. */
interface Resolved {
  cluster: ResourceRow;
  env: string;
  topic: string;
  topicCrn: string;
  registry?: ResourceRow;
  subjects: string[];
}

/** `crn://confluent.cloud/a=1/b=2` -> {a: '1', b: '2'}; undefined when it is not a CRN. */
function parseCrn(crn: string): Map<string, string> | undefined {
  const m = /^crn:\/\/[^/]*\/(.+)$/.exec(crn);
  if (!m) return undefined;
  const out = new Map<string, string>();
  for (const seg of m[1].split('/')) {
    const eq = seg.indexOf('=');
    if (eq <= 0) return undefined;
    try {
      out.set(seg.slice(0, eq), decodeURIComponent(seg.slice(eq + 1)));
    } catch {
      return undefined;
    }
  }
  return out;
}

/** The key by which shares of the same topic and subjects share one provider shared resource. */
const resourceKey = (r: Resolved) => JSON.stringify([r.cluster.id, r.topic, [...r.subjects].sort()]);

const ALL = 1_000_000;

/** The shared logic, one instance per engine (the resource hooks reach it through their context). */
const instances = new WeakMap<Engine, ReturnType<typeof cdxService>>();
const serviceOf = (engine: Engine) => {
  let s = instances.get(engine);
  if (!s) instances.set(engine, (s = cdxService(engine)));
  return s;
};

export const cdxHooks: Record<string, ResourceHooks> = {
  'cdx.internal': {
    beforeCreate() {
      throw badRequest('Stream Sharing objects are created through cdx/v1 only');
    },
  },
  'cdx.provider-shared-resource': {
    beforeCreate() {
      throw badRequest('Provider shared resources are created with provider shares');
    },
    /** New resources must name a topic of the same cluster (the shares' credentials are scoped to it). */
    beforeUpdate(h, row, patch) {
      if (patch.resources === undefined) return;
      const { resolve, derivedFields } = serviceOf(h.engine);
      const next = resolve(row.org_id, patch.resources);
      const current = String((row.body as any).cloud_cluster?.id ?? '');
      if (next.cluster.id !== current) throw unprocessable(`The topic must stay on the Kafka cluster '${current}'`, '/resources/0');
      Object.assign(patch, derivedFields(row.org_id, next, h.baseUrl));
    },
  },
};

export const cdxHandlers = (engine: Engine): HandlerMap => serviceOf(engine).handlers;

function cdxService(engine: Engine) {
  const rt = engine.rt;
  const decl = (name: string): ResourceDecl => engine.decl(name);
  const now = () => rt.clock.now();
  const iso = (ms: number) => rt.clock.iso(ms);

  // ---- rows -----------------------------------------------------------------------------------

  /** Every row of a type in an organization, deleted ones included, in creation order. */
  function allRows(org: string, type: string): ResourceRow[] {
    const raw = rt.db.prepare('SELECT * FROM resources WHERE org_id = ? AND type = ? ORDER BY seq').all(org, type) as Array<Record<string, any>>;
    return raw.map((r) => ({ ...r, body: JSON.parse(r.body), lifecycle: r.lifecycle ? JSON.parse(r.lifecycle) : null }) as ResourceRow);
  }

  function issueId(type: string): string {
    for (;;) {
      const id = newId(decl(type).id);
      if (rt.resources.reserveId(id)) return id;
    }
  }

  function insertRow(type: string, org: string, id: string, body: Record<string, unknown>): ResourceRow {
    const d = decl(type);
    const t = now();
    return rt.resources.insert({ org_id: org, type, id, scope: '', crn: renderCrn(d.crn, { org, id }), body, lifecycle: null, created_at: t, updated_at: t });
  }

  function save(row: ResourceRow): void {
    row.updated_at = now();
    rt.resources.update(row);
  }

  const selfOf = (row: ResourceRow, baseUrl: string) => engine.selfUrl(decl(row.type), row, baseUrl);
  const globalRef = (row: ResourceRow, baseUrl: string) => ({ id: row.id, related: selfOf(row, baseUrl), resource_name: row.crn });
  const envRef = (row: ResourceRow, baseUrl: string) => ({ id: row.id, environment: row.scope, related: selfOf(row, baseUrl), resource_name: row.crn });

  /** A share's phase: INVITED turns EXPIRED once its invitation ran out. */
  function phaseOf(row: ResourceRow): string {
    const b = row.body as Record<string, any>;
    const phase = String(b.status?.phase);
    if (phase === 'INVITED' && Date.parse(String(b.invite_expires_at)) <= now()) return 'EXPIRED';
    return phase;
  }

  function render(row: ResourceRow, baseUrl: string): Record<string, unknown> {
    const out = engine.render(decl(row.type), row, baseUrl) as Record<string, any>;
    delete out._emulator;
    if (out.status) out.status = { ...out.status, phase: phaseOf(row) };
    return out;
  }

  // ---- names of organizations, environments and callers -----------------------------------------

  const orgName = (org: string) => String(rt.resources.get(org, 'Organization', org)?.body.display_name ?? '');

  function callerRow(ctx: RequestContext): ResourceRow | undefined {
    const { orgId, ownerId } = ctx.caller!;
    return rt.resources.get(orgId, 'User', ownerId) ?? rt.resources.get(orgId, 'ServiceAccount', ownerId);
  }

  function nameOf(row: ResourceRow | undefined): string {
    if (!row) return '';
    const b = row.body as Record<string, any>;
    return String(row.type === 'User' ? b.full_name || b.email || row.id : b.display_name || row.id);
  }

  // ---- opt-in ---------------------------------------------------------------------------------

  const optInRow = (org: string) => rt.resources.list({ org, type: OPT_IN, filters: [], limit: 1 })[0];
  const optedIn = (org: string) => optInRow(org)?.body.stream_share_enabled !== false;

  function requireOptedIn(org: string, whose: 'caller' | 'provider'): void {
    if (optedIn(org)) return;
    throw forbidden(
      whose === 'caller'
        ? 'Stream Sharing is disabled for the organization: enable it with PATCH /cdx/v1/opt-in'
        : 'The providing organization has disabled Stream Sharing: its shares cannot be accessed',
    );
  }

  const renderOptIn = (org: string) => ({ api_version: 'cdx/v1', kind: 'OptIn', stream_share_enabled: optedIn(org) });

  // ---- shared resources -----------------------------------------------------------------------

  /** Checks what `resources` name against the organization's clusters, topics and subjects (422). */
  function resolve(org: string, crns: unknown): Resolved {
    if (!Array.isArray(crns) || crns.length === 0) throw unprocessable('resources must name a topic', '/resources');
    let found: Omit<Resolved, 'subjects' | 'registry'> | undefined;
    let registry: ResourceRow | undefined;
    const subjects: string[] = [];
    crns.forEach((raw, i) => {
      const pointer = `/resources/${i}`;
      const crn = String(raw);
      const parts = parseCrn(crn);
      if (!parts) throw unprocessable(`'${crn}' is not a CRN`, pointer);
      const orgPart = parts.get('organization');
      if (orgPart !== undefined && orgPart !== org) throw unprocessable(`'${crn}' names another organization`, pointer);
      const envPart = parts.get('environment');
      const srPart = parts.get('schema-registry');
      if (parts.has('topic')) {
        if (found) throw unprocessable('A share names exactly one topic', pointer);
        const kafka = parts.get('kafka');
        const cloudCluster = parts.get('cloud-cluster');
        if (kafka && cloudCluster && kafka !== cloudCluster) throw unprocessable(`'${crn}' names two different clusters`, pointer);
        const clusterId = kafka ?? cloudCluster;
        const cluster = clusterId ? rt.resources.get(org, 'KafkaCluster', clusterId) : undefined;
        if (!cluster) throw unprocessable(`The Kafka cluster '${clusterId ?? ''}' of '${crn}' does not exist`, pointer);
        if (envPart !== undefined && envPart !== cluster.scope) throw unprocessable(`The Kafka cluster '${cluster.id}' is not in the environment '${envPart}'`, pointer);
        if (srPart !== undefined) {
          const sr = rt.resources.get(org, 'SchemaRegistryCluster', srPart);
          if (!sr || sr.scope !== cluster.scope) throw unprocessable(`The Schema Registry cluster '${srPart}' does not exist in the environment '${cluster.scope}'`, pointer);
        }
        const topic = parts.get('topic')!;
        if (!rt.kafka.topic(cluster.id, topic)) throw unprocessable(`The topic '${topic}' does not exist in the Kafka cluster '${cluster.id}'`, pointer);
        found = { cluster, env: cluster.scope, topic, topicCrn: crn };
      } else if (parts.has('subject')) {
        const sr = srPart ? rt.resources.get(org, 'SchemaRegistryCluster', srPart) : undefined;
        if (!sr) throw unprocessable(`The Schema Registry cluster '${srPart ?? ''}' of '${crn}' does not exist`, pointer);
        if (envPart !== undefined && envPart !== sr.scope) throw unprocessable(`The Schema Registry cluster '${sr.id}' is not in the environment '${envPart}'`, pointer);
        if (registry && registry.id !== sr.id) throw unprocessable('The subjects of a share belong to one Schema Registry cluster', pointer);
        const subject = parts.get('subject')!;
        if (!rt.schemaRegistry.versions(sr.id, subject).some((v) => !v.deleted)) {
          throw unprocessable(`The subject '${subject}' does not exist in the Schema Registry cluster '${sr.id}'`, pointer);
        }
        registry = sr;
        if (!subjects.includes(subject)) subjects.push(subject);
      } else {
        throw unprocessable(`'${crn}' names neither a topic nor a Schema Registry subject`, pointer);
      }
    });
    if (!found) throw unprocessable('resources must name a topic', '/resources');
    if (registry && registry.scope !== found.env) throw unprocessable('The subjects must belong to the Schema Registry cluster of the topic\'s environment', '/resources');
    return { ...found, registry, subjects };
  }

  /** The latest live version of each subject, as `schemas` shows them. */
  function schemasOf(r: Resolved) {
    if (!r.registry) return [];
    return r.subjects.flatMap((subject) => {
      const live = rt.schemaRegistry.versionsWithSchemas(r.registry!.id, subject).filter((v) => !v.deleted);
      const v = live[live.length - 1];
      return v ? [{ subject, version: v.version, id: v.schema_id, schema_type: v.stored.schema_type || 'AVRO', schema: v.stored.schema }] : [];
    });
  }

  /** The fields of a provider shared resource that follow from what it shares. */
  function derivedFields(org: string, r: Resolved, baseUrl: string): Record<string, unknown> {
    return {
      crn: r.topicCrn,
      schemas: schemasOf(r),
      cloud_cluster: envRef(r.cluster, baseUrl),
      cluster_name: String((r.cluster.body as any).spec?.display_name ?? r.cluster.id),
      organization_name: orgName(org),
      environment_name: String(rt.resources.get(org, 'Environment', r.env)?.body.display_name ?? r.env),
    };
  }

  /** The live shared resource of the same topic and subjects, or a new one. */
  function sharedResourceFor(org: string, r: Resolved, crns: string[], baseUrl: string): ResourceRow {
    const key = resourceKey(r);
    for (const row of rt.resources.list({ org, type: PROVIDER_SHARED_RESOURCE, filters: [], limit: ALL })) {
      try {
        if (resourceKey(resolve(org, (row.body as any).resources)) === key) return row;
      } catch {
        // A shared resource whose topic went away is not reused.
      }
    }
    const body = { resources: crns, display_name: r.topic, ...derivedFields(org, r, baseUrl) };
    return insertRow(PROVIDER_SHARED_RESOURCE, org, issueId(PROVIDER_SHARED_RESOURCE), body);
  }

  // ---- tokens ---------------------------------------------------------------------------------

  const tokenSecret = () => metaValue(rt.db, 'cdx_shared_token_secret', () => randomBytes(32).toString('base64url'));
  const sign = (payload: string) => createHmac('sha256', tokenSecret()).update(payload).digest('base64url');

  function tokenOf(share: ResourceRow): string {
    const payload = Buffer.from(JSON.stringify({ o: share.org_id, s: share.id })).toString('base64url');
    return `${payload}.${sign(payload)}`;
  }

  /**
   * The share a token invites to, once the caller may redeem it: 400 for a token the emulator did
   * not issue, 404 for a deleted share, 409 for one redeemed or expired, 403 for a caller that is
   * not a user with the share's email or a provider that opted out.
   */
  function shareOfToken(ctx: RequestContext, token: string): { share: ResourceRow; user: ResourceRow } {
    const [payload, signature, extra] = token.split('.');
    const expected = payload ? sign(payload) : '';
    if (extra !== undefined || !payload || !signature || signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))) {
      throw badRequest('The token is not a valid Stream Sharing token', { pointer: '/token' });
    }
    let claims: { o?: unknown; s?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw badRequest('The token is not a valid Stream Sharing token', { pointer: '/token' });
    }
    const share = rt.resources.get(String(claims.o), PROVIDER_SHARE, String(claims.s));
    if (!share) throw notFound('The share of this token was deleted');
    requireOptedIn(share.org_id, 'provider');
    const phase = phaseOf(share);
    if (phase === 'ACTIVE') throw conflict('The share of this token was already redeemed; a share is redeemed only once');
    if (phase === 'EXPIRED') {
      throw new ApiError({ status: 409, code: 'invitation_expired', title: 'Conflict', detail: 'The invitation expired; the provider can send it again' });
    }
    const email = String((share.body as any).consumer_restriction?.email ?? '').toLowerCase();
    const caller = callerRow(ctx);
    if (!caller || caller.type !== 'User') throw forbidden('Only a user can redeem a share: use an API key of the user the share was sent to');
    if (String(caller.body.email ?? '').toLowerCase() !== email) throw forbidden('The share was sent to another email address');
    return { share, user: caller };
  }

  /** The provider side of a redeemable share: its shared resource and what it shares, or 404. */
  function sharedOf(share: ResourceRow): { sr: ResourceRow; r: Resolved } {
    const sr = rt.resources.get(share.org_id, PROVIDER_SHARED_RESOURCE, internal<ProviderInternal>(share).shared_resource);
    if (!sr) throw notFound('The shared resource of this share no longer exists');
    try {
      return { sr, r: resolve(share.org_id, (sr.body as any).resources) };
    } catch (err) {
      if (err instanceof ApiError) throw notFound(`The shared resource is no longer available: ${err.detail}`);
      throw err;
    }
  }

  /** The consumer shared resource a share gives (before redeeming: as it will be). */
  function consumerResourceBody(share: ResourceRow, sr: ResourceRow, r: Resolved): Record<string, unknown> {
    const b = sr.body as Record<string, any>;
    const body: Record<string, unknown> = {
      cloud: String((r.cluster.body as any).spec?.cloud ?? 'AWS').toUpperCase(),
      network_connection_types: [],
      display_name: b.display_name,
      schemas: schemasOf(r),
      organization_name: orgName(share.org_id),
    };
    if (b.organization_description !== undefined) body.organization_description = b.organization_description;
    if (b.organization_contact !== undefined) body.organization_contact = b.organization_contact;
    return body;
  }

  // ---- deactivation ---------------------------------------------------------------------------

  /** Deactivates both sides of a share and deletes the service account (and keys) redeeming created. */
  function deactivate(share: ResourceRow, baseUrl: string): void {
    const x = internal<ProviderInternal>(share);
    if (share.deleted_at === null) {
      (share.body as any).status = { phase: 'DEACTIVATED' };
      engine.delete(decl(PROVIDER_SHARE), share, baseUrl);
    }
    if (x.consumer) {
      const cs = rt.resources.get(x.consumer.org, CONSUMER_SHARE, x.consumer.share);
      if (cs) {
        (cs.body as any).status = { phase: 'DEACTIVATED' };
        engine.delete(decl(CONSUMER_SHARE), cs, baseUrl);
      }
      const csr = rt.resources.get(x.consumer.org, CONSUMER_SHARED_RESOURCE, x.consumer.resource);
      if (csr) engine.delete(decl(CONSUMER_SHARED_RESOURCE), csr, baseUrl);
      const sa = rt.resources.get(share.org_id, 'ServiceAccount', x.consumer.service_account);
      if (sa) engine.delete(decl('ServiceAccount'), sa, baseUrl);
    }
    const sr = rt.resources.get(share.org_id, PROVIDER_SHARED_RESOURCE, x.shared_resource);
    if (sr && rt.resources.whereField(share.org_id, PROVIDER_SHARE, '/_emulator/shared_resource', sr.id).length === 0) {
      engine.delete(decl(PROVIDER_SHARED_RESOURCE), sr, baseUrl);
    }
  }

  // ---- lists ----------------------------------------------------------------------------------

  /** A query parameter's values: repeated and comma-joined values both count; empty means no filter. */
  function values(raw: unknown): string[] {
    if (raw === undefined || raw === '') return [];
    return (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');
  }

  /** One page of rows (keyset positions are their `seq`), with the engine's tokens and links. */
  function page(ctx: RequestContext, type: string, rows: ResourceRow[], filters: unknown[]) {
    const d = decl(type);
    const org = ctx.caller!.orgId;
    const cursor = cursorOf(rt.tokens, ctx, listIdentity([org, type, filters]));
    const size = cursor.size;
    let items: ResourceRow[];
    if (cursor.last) items = rows.slice(Math.max(0, rows.length - size));
    else if (cursor.before !== undefined) {
      const before = rows.filter((r) => r.seq < cursor.before!);
      items = before.slice(Math.max(0, before.length - size));
    } else items = rows.filter((r) => cursor.after === undefined || r.seq > cursor.after).slice(0, size);
    const first = items[0]?.seq;
    const last = items[items.length - 1]?.seq;
    const hasPrev = first !== undefined ? rows.some((r) => r.seq < first) : cursor.after !== undefined;
    const hasNext = last !== undefined && rows.some((r) => r.seq > last);
    const metadata = listMetadata(rt.tokens, ctx, cursor, { first, last, hasPrev, hasNext, total: rows.length });
    return { status: 200, body: { api_version: 'cdx/v1', kind: `${d.kind}List`, metadata, data: items.map((r) => render(r, ctx.baseUrl)) } };
  }

  const includeDeleted = (ctx: RequestContext) => ctx.query.include_deleted === true || ctx.query.include_deleted === 'true';
  const visible = (ctx: RequestContext, org: string, type: string) => allRows(org, type).filter((r) => r.deleted_at === null || includeDeleted(ctx));

  function liveRow(ctx: RequestContext, type: string): ResourceRow {
    const row = rt.resources.get(ctx.caller!.orgId, type, ctx.params.id);
    if (!row) throw notFound(`The ${decl(type).kind} '${ctx.params.id}' was not found`);
    return row;
  }

  const srCrnsOf = (row: ResourceRow | undefined) => (row ? [row.crn, String((row.body as any).crn ?? ''), ...(((row.body as any).resources as string[]) ?? [])] : []);

  // ---- handlers -------------------------------------------------------------------------------

  const handlers: HandlerMap = {
    getCdxV1OptIn: (ctx) => ({ status: 200, body: renderOptIn(ctx.caller!.orgId) }),

    updateCdxV1OptIn: (ctx) => {
      const org = ctx.caller!.orgId;
      const enabled = (ctx.body ?? {}).stream_share_enabled;
      rt.tx(() => {
        if (typeof enabled !== 'boolean') return;
        const row = optInRow(org);
        if (row) {
          row.body.stream_share_enabled = enabled;
          save(row);
        } else insertRow(OPT_IN, org, issueId(OPT_IN), { stream_share_enabled: enabled });
      });
      return { status: 200, body: renderOptIn(org) };
    },

    createCdxV1ProviderShare: (ctx) => {
      const org = ctx.caller!.orgId;
      const input = ctx.body as Record<string, any>;
      return rt.tx(() => {
        requireOptedIn(org, 'caller');
        if (String(input.delivery_method).toUpperCase() !== 'EMAIL') {
          throw unprocessable(`The delivery method '${input.delivery_method}' is not supported: EMAIL is`, '/delivery_method');
        }
        const email = String(input.consumer_restriction?.email ?? '');
        const crns = (input.resources as unknown[]).map(String);
        const r = resolve(org, crns);
        const sr = sharedResourceFor(org, r, crns, ctx.baseUrl);
        const clash = rt.resources
          .whereField(org, PROVIDER_SHARE, '/_emulator/shared_resource', sr.id)
          .find((s) => String((s.body as any).consumer_restriction?.email).toLowerCase() === email.toLowerCase() && phaseOf(s) !== 'EXPIRED');
        if (clash) throw conflict(`The shared resource '${sr.id}' is already shared with '${email}'`, selfOf(clash, ctx.baseUrl));

        const caller = callerRow(ctx);
        const t = now();
        const body: Record<string, unknown> = {
          provider_user_name: nameOf(caller),
          delivery_method: 'EMAIL',
          consumer_restriction: { kind: 'Email', email },
          invited_at: iso(t),
          invite_expires_at: iso(t + INVITE_MS),
          cloud_cluster: envRef(r.cluster, ctx.baseUrl),
          status: { phase: 'INVITED' },
          _emulator: { shared_resource: sr.id, consumer_ids: { share: issueId(CONSUMER_SHARE), resource: issueId(CONSUMER_SHARED_RESOURCE) } } satisfies ProviderInternal,
        };
        if (caller) body.provider_user = globalRef(caller, ctx.baseUrl);
        const share = insertRow(PROVIDER_SHARE, org, issueId(PROVIDER_SHARE), body);
        return {
          status: 201,
          headers: { location: selfOf(share, ctx.baseUrl), [TOKEN_HEADER]: tokenOf(share) },
          body: render(share, ctx.baseUrl),
        };
      });
    },

    listCdxV1ProviderShares: (ctx) => {
      const org = ctx.caller!.orgId;
      const srs = values(ctx.query.shared_resource);
      const crns = values(ctx.query.crn);
      const sharedResources = crns.length ? allRows(org, PROVIDER_SHARED_RESOURCE) : [];
      const rows = visible(ctx, org, PROVIDER_SHARE).filter((s) => {
        const srId = internal<ProviderInternal>(s).shared_resource;
        if (srs.length && !srs.includes(srId)) return false;
        if (crns.length) {
          const known = [s.crn, ...srCrnsOf(sharedResources.find((x) => x.id === srId))];
          if (!crns.some((c) => known.includes(c))) return false;
        }
        return true;
      });
      return page(ctx, PROVIDER_SHARE, rows, [srs, crns, includeDeleted(ctx)]);
    },

    getCdxV1ProviderShare: (ctx) => ({ status: 200, body: render(liveRow(ctx, PROVIDER_SHARE), ctx.baseUrl) }),

    deleteCdxV1ProviderShare: (ctx) => {
      rt.tx(() => deactivate(liveRow(ctx, PROVIDER_SHARE), ctx.baseUrl));
      return { status: 204 };
    },

    resendCdxV1ProviderShare: (ctx) => {
      const share = liveRow(ctx, PROVIDER_SHARE);
      return rt.tx(() => {
        requireOptedIn(share.org_id, 'caller');
        if (phaseOf(share) === 'ACTIVE') throw badRequest(`The share '${share.id}' was redeemed; its invitation cannot be sent again`);
        const t = now();
        Object.assign(share.body, { invited_at: iso(t), invite_expires_at: iso(t + INVITE_MS), status: { phase: 'INVITED' } });
        save(share);
        return { status: 204, headers: { [TOKEN_HEADER]: tokenOf(share) } };
      });
    },

    listCdxV1ProviderSharedResources: (ctx) => {
      const org = ctx.caller!.orgId;
      const shares = values(ctx.query.stream_share);
      const crns = values(ctx.query.crn);
      const wanted = new Set(allRows(org, PROVIDER_SHARE).filter((s) => shares.includes(s.id)).map((s) => internal<ProviderInternal>(s).shared_resource));
      const rows = visible(ctx, org, PROVIDER_SHARED_RESOURCE).filter((sr) => {
        if (shares.length && !wanted.has(sr.id)) return false;
        if (crns.length && !crns.some((c) => srCrnsOf(sr).includes(c))) return false;
        return true;
      });
      return page(ctx, PROVIDER_SHARED_RESOURCE, rows, [shares, crns, includeDeleted(ctx)]);
    },

    resourcesCdxV1SharedToken: (ctx) => {
      const { share } = shareOfToken(ctx, String(ctx.body.token));
      const { sr, r } = sharedOf(share);
      const org = ctx.caller!.orgId;
      // Not stored until the token is redeemed: shown with the id and URL it will then have.
      const id = internal<ProviderInternal>(share).consumer_ids.resource;
      const t = iso(now());
      const preview = {
        api_version: 'cdx/v1',
        kind: 'ConsumerSharedResource',
        id,
        metadata: { self: `${ctx.baseUrl}/cdx/v1/consumer-shared-resources/${id}`, resource_name: renderCrn(decl(CONSUMER_SHARED_RESOURCE).crn, { org, id }), created_at: t, updated_at: t },
        ...consumerResourceBody(share, sr, r),
      };
      return { status: 200, body: { consumer_shared_resources: [preview] } };
    },

    redeemCdxV1SharedToken: (ctx) =>
      rt.tx(() => {
        const { share, user } = shareOfToken(ctx, String(ctx.body.token));
        const { sr, r } = sharedOf(share);
        const pOrg = share.org_id;
        const cOrg = ctx.caller!.orgId;
        const base = ctx.baseUrl;
        const t = now();

        // The credentials: a service account of the provider's organization and its keys.
        const sa = engine.create(
          decl('ServiceAccount'),
          { display_name: `stream-share-${share.id}`, description: `Stream Sharing: the access of ${String(user.body.email)} to share ${share.id}` },
          { org: pOrg, baseUrl: base, trusted: true },
        );
        const keyFor = (cluster: ResourceRow) => {
          const key = engine.create(
            decl('ApiKey'),
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

        // The consumer side, in the redeemer's organization.
        const { share: csId, resource: csrId } = internal<ProviderInternal>(share).consumer_ids;
        const provider = { org: pOrg, share: share.id, shared_resource: sr.id, cluster: r.cluster.id };
        insertRow(CONSUMER_SHARE, cOrg, csId, {
          provider_organization_name: orgName(pOrg),
          provider_user_name: (share.body as any).provider_user_name,
          consumer_organization_name: orgName(cOrg),
          consumer_user_name: nameOf(user),
          consumer_user: globalRef(user, base),
          invite_expires_at: (share.body as any).invite_expires_at,
          status: { phase: 'ACTIVE' },
          _emulator: { provider, shared_resource: csrId } satisfies ConsumerInternal,
        });
        insertRow(CONSUMER_SHARED_RESOURCE, cOrg, csrId, { ...consumerResourceBody(share, sr, r), _emulator: { provider, consumer_share: csId } satisfies ConsumerInternal });

        Object.assign(share.body, {
          redeemed_at: iso(t),
          consumer_user_name: nameOf(user),
          consumer_organization_name: orgName(cOrg),
          service_account: globalRef(sa, base),
          status: { phase: 'ACTIVE' },
        });
        internal<ProviderInternal>(share).consumer = { org: cOrg, share: csId, resource: csrId, service_account: sa.id };
        save(share);

        const resources: Array<Record<string, string>> = [{ kind: 'Topic', topic: r.topic }];
        if (srKey) for (const subject of r.subjects) resources.push({ kind: 'Subject', subject });
        const body: Record<string, unknown> = {
          api_version: 'cdx/v1',
          kind: 'RedeemTokenResponse',
          id: csId,
          metadata: { self: `${base}/cdx/v1/consumer-shares/${csId}`, resource_name: renderCrn(decl(CONSUMER_SHARE).crn, { org: cOrg, id: csId }), created_at: iso(t), updated_at: iso(t) },
          api_key: kafkaKey.key,
          secret: kafkaKey.secret,
          kafka_bootstrap_url: String((r.cluster.body as any).spec?.kafka_bootstrap_endpoint ?? ''),
          resources,
        };
        if (srKey && r.registry) {
          body.schema_registry_url = String((r.registry.body as any).spec?.http_endpoint ?? base);
          body.schema_registry_api_key = srKey.key;
          body.schema_registry_secret = srKey.secret;
        }
        return { status: 200, body };
      }),

    listCdxV1ConsumerShares: (ctx) => {
      const org = ctx.caller!.orgId;
      const srs = values(ctx.query.shared_resource);
      const rows = visible(ctx, org, CONSUMER_SHARE).filter((s) => !srs.length || srs.includes(String(internal<ConsumerInternal>(s).shared_resource)));
      return page(ctx, CONSUMER_SHARE, rows, [srs, includeDeleted(ctx)]);
    },

    getCdxV1ConsumerShare: (ctx) => ({ status: 200, body: render(liveRow(ctx, CONSUMER_SHARE), ctx.baseUrl) }),

    deleteCdxV1ConsumerShare: (ctx) => {
      const cs = liveRow(ctx, CONSUMER_SHARE);
      rt.tx(() => {
        const p = internal<ConsumerInternal>(cs).provider;
        const share = allRows(p.org, PROVIDER_SHARE).find((s) => s.id === p.share);
        if (share) deactivate(share, ctx.baseUrl);
        const still = rt.resources.get(cs.org_id, CONSUMER_SHARE, cs.id);
        if (still) {
          (still.body as any).status = { phase: 'DEACTIVATED' };
          engine.delete(decl(CONSUMER_SHARE), still, ctx.baseUrl);
        }
      });
      return { status: 204 };
    },

    listCdxV1ConsumerSharedResources: (ctx) => {
      const org = ctx.caller!.orgId;
      const shares = values(ctx.query.stream_share);
      const rows = visible(ctx, org, CONSUMER_SHARED_RESOURCE).filter((r) => !shares.length || shares.includes(String(internal<ConsumerInternal>(r).consumer_share)));
      return page(ctx, CONSUMER_SHARED_RESOURCE, rows, [shares, includeDeleted(ctx)]);
    },

    getCdxV1ConsumerSharedResource: (ctx) => ({ status: 200, body: render(liveRow(ctx, CONSUMER_SHARED_RESOURCE), ctx.baseUrl) }),

    networkCdxV1ConsumerSharedResource: (ctx) => {
      const row = liveRow(ctx, CONSUMER_SHARED_RESOURCE);
      const p = internal<ConsumerInternal>(row).provider;
      const cluster = rt.resources.get(p.org, 'KafkaCluster', p.cluster);
      if (!cluster) throw notFound(`The shared Kafka cluster '${p.cluster}' no longer exists`);
      const cloud = String((cluster.body as any).spec?.cloud ?? 'AWS').toUpperCase();
      const kind = cloud === 'GCP' ? 'GcpNetwork' : cloud === 'AZURE' ? 'AzureNetwork' : 'AwsNetwork';
      return {
        status: 200,
        body: { api_version: 'cdx/v1', kind: 'Network', kafka_bootstrap_url: String((cluster.body as any).spec?.kafka_bootstrap_endpoint ?? ''), cloud: { kind } },
      };
    },
  };

  return { handlers, resolve, derivedFields };
}
