import { randomUUID } from 'node:crypto';
import { ApiError, conflict, unprocessable } from '../../core/errors.js';
import { CRN_PREFIX } from '../../core/crn.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Engine } from '../../engine/engine.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import { loadFixtures } from '../../control/fixtures.js';
import { queryFlag } from '../../engine/query.js';
import { encodeSegment } from '../../core/url.js';

const ENTITLEMENT = 'PartnerEntitlement';
const PARTNER_ORG = 'PartnerOrganization';

type Obj = Record<string, unknown>;

const orgUrl = (baseUrl: string, id: string) => `${baseUrl}/partner/v2/organizations/${encodeSegment(id)}`;
const orgCrn = (id: string) => `${CRN_PREFIX}organization=${id}`;

/** An organization the partner signed up (the partner's view of it), or undefined. */
const signedUp = (engine: Engine, partner: string, id: unknown) => (typeof id === 'string' ? engine.repository(PARTNER_ORG).get(partner, id) : undefined);

/** The live entitlement of the partner with this external id for the same customer organization, if any. */
function sameExternalId(engine: Engine, partner: string, externalId: unknown, orgId: unknown, selfId?: string): ResourceRow | undefined {
  if (typeof externalId !== 'string') return undefined;
  return engine.repository(ENTITLEMENT).where(partner, '/external_id', externalId)
    .find((r) => r.id !== selfId && (r.body.organization as Obj | undefined)?.id === orgId);
}

/**
 * Entitlements: `usage_reporting_id` defaults to `external_id`; `organization` must name an
 * organization the partner signed up (422); `external_id` is unique per customer organization (409).
 */
export const entitlementHooks: ResourceHooks = {
  beforeCreate(h, d) {
    if (d.body.usage_reporting_id === undefined) d.body.usage_reporting_id = d.body.external_id;
    const orgId = (d.body.organization as Obj | undefined)?.id;
    if (d.body.organization !== undefined) {
      if (!signedUp(h.engine, h.org, orgId)) throw unprocessable(`The organization '${String(orgId)}' was not signed up by this partner`, '/organization/id');
      d.body.organization = { id: orgId, related: orgUrl(h.baseUrl, String(orgId)), resource_name: orgCrn(String(orgId)) };
    }
    const clash = sameExternalId(h.engine, h.org, d.body.external_id, orgId);
    if (clash) throw conflict(`An Entitlement with external_id '${String(d.body.external_id)}' already exists for this customer`, `${h.baseUrl}/partner/v2/entitlements/${clash.id}`);
  },
};

export const partnerHooks: Record<string, ResourceHooks> = { 'partner.entitlement': entitlementHooks };

/** Whether a customer organization has its first user (the signup is complete). */
const hasUser = (engine: Engine, orgId: string) => engine.repository('User').list({ org: orgId, limit: 1 }).length > 0;

/** The User body for the org/v2 user of a signup; 422 without an email. */
function userBody(user: Obj, pointer: string): Obj {
  if (typeof user.email !== 'string' || user.email === '') throw unprocessable('The user needs an email', `${pointer}/email`);
  const full = [user.given_name, user.family_name].filter((p) => typeof p === 'string' && p !== '').join(' ');
  return { email: user.email, full_name: full, auth_type: 'AUTH_TYPE_LOCAL' };
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
class DryRun extends Error {}


/**
 * Signup creates a real organization, through the same fixtures loader as `POST /_emulator/orgs`:
 * the organization, a `default` environment and, when the request names one, its first user
 * (without a user the signup stays incomplete until activated). The entitlement is either one
 * created earlier and not yet given to an organization, or created with the organization. The
 * partner sees the organization under /partner/v2/organizations. `dry_run` checks everything in
 * a transaction that is rolled back and answers the nil UUID.
 */
function signup(engine: Engine, ctx: RequestContext<'signup'>) {
  const rt = engine.rt;
  const partner = ctx.caller.orgId;
  const body = (ctx.body ?? {}) as Obj;
  const orgId = randomUUID();
  const user = body.user as Obj | undefined;
  const name = String((body.organization as Obj | undefined)?.name ?? `Customer ${orgId.slice(0, 8)}`);
  const run = () => {
    const ent = body.entitlement as Obj;
    let existing: ResourceRow | undefined;
    if (ent.external_id === undefined) {
      existing = engine.repository(ENTITLEMENT).get(partner, String(ent.id));
      if (!existing) throw unprocessable(`The entitlement '${String(ent.id)}' does not exist`, '/entitlement/id');
      const taken = (existing.body.organization as Obj | undefined)?.id;
      if (taken) throw conflict(`The entitlement '${existing.id}' already belongs to the organization '${String(taken)}'`);
    }
    const users = user ? [userBody(user, '/user')] : [];
    loadFixtures(engine, { organizations: [{ id: orgId, display_name: name, resources: { Environment: [{ display_name: 'default' }], User: users } }] }, ctx.baseUrl);
    engine.repository(PARTNER_ORG).insert({ org: partner, id: orgId, crn: orgCrn(orgId), body: { name } });
    const ref = { id: orgId };
    if (existing) {
      existing.body.organization = { id: orgId, related: orgUrl(ctx.baseUrl, orgId), resource_name: orgCrn(orgId) };
      engine.repository(ENTITLEMENT).touch(existing);
    } else {
      const { external_id, name: entName, plan_id, product_id, usage_reporting_id, resource_id } = ent;
      const input: Obj = { external_id, name: entName, plan_id, product_id, usage_reporting_id, resource_id, organization: ref };
      for (const k of Object.keys(input)) if (input[k] === undefined) delete input[k];
      engine.create(engine.decl(ENTITLEMENT), input, { org: partner, baseUrl: ctx.baseUrl, callerId: ctx.caller.ownerId });
    }
  };
  if (queryFlag(ctx.query.dry_run)) {
    try {
      rt.tx(() => {
        run();
        throw new DryRun();
      });
    } catch (e) {
      if (!(e instanceof DryRun)) throw e;
    }
    return { status: 201, body: { organization_id: NIL_UUID, display_message: 'dry_run: the signup is valid; nothing was created' } };
  }
  rt.tx(run);
  const display_message = user
    ? 'Signup complete: the organization and its first user were created'
    : 'Signup incomplete: activate it with POST /partner/v2/signup/activate and the user to create';
  return { status: 201, body: { organization_id: orgId, display_message } };
}

/** Completes a signup made without a user: creates the organization's first user; 409 when it has one. */
function activate(engine: Engine, ctx: RequestContext<'activateSignup'>) {
  const rt = engine.rt;
  const partner = ctx.caller.orgId;
  const body = (ctx.body ?? {}) as Obj;
  const orgId = String(body.organization_id);
  rt.tx(() => {
    if (!signedUp(engine, partner, orgId)) throw unprocessable(`The organization '${orgId}' was not signed up by this partner`, '/organization_id');
    if (hasUser(engine, orgId)) {
      throw new ApiError({ status: 409, code: 'signup_already_completed', title: 'Conflict', detail: `The signup of the organization '${orgId}' is already complete` });
    }
    engine.create(engine.decl('User'), userBody((body.user ?? {}) as Obj, '/user'), { org: orgId, baseUrl: ctx.baseUrl, trusted: true });
  });
  return { status: 201, body: { organization_id: orgId, display_message: 'Signup complete: the organization\'s first user was created' } };
}

/**
 * partner/v2 beyond the engine: signup and activation. Entitlements and organizations are served
 * by the engine (an organization's name follows org/v2 through its `mirror` declaration; an
 * entitlement read naming `organization.id` is scoped to it through `second_scope`).
 */
export function partnerHandlers(engine: Engine): HandlerMap {
  return {
    signup: (ctx) => signup(engine, ctx),
    activateSignup: (ctx) => activate(engine, ctx),
  };
}
