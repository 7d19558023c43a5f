import { ApiError, badRequest, unprocessable } from '../../core/errors.js';
import type { ResourceRow } from '../../store/resources.js';
import type { Engine } from '../../engine/engine.js';
import type { HookContext, ResourceHooks } from '../../engine/hooks.js';
import type { HandlerMap } from '../../contract/handler.js';
import { NOTIFICATION_TYPES, findNotificationType, notificationTypeCrn, notificationTypeHandlers, notificationTypeUrl } from './types.js';

const INTEGRATION = 'NotificationIntegration';
const SUBSCRIPTION = 'NotificationSubscription';

/** The target kinds a client may write, and the one URL field each carries. */
const WRITABLE: Record<string, string> = { Webhook: 'url', Slack: 'webhook_url', MsTeams: 'webhook_url' };
/** Targets Confluent manages itself: readable, never written by clients. */
const SYSTEM_MANAGED = new Set(['RoleEmail', 'UserEmail']);

type Obj = Record<string, unknown>;

/** A target as stored: its kind and the fields of that kind only (a oneOf keeps unknown properties). */
function cleanTarget(target: unknown, pointer: string): Obj {
  const t = (target ?? {}) as Obj;
  const kind = String(t.kind);
  if (SYSTEM_MANAGED.has(kind)) {
    return kind === 'RoleEmail' ? { kind, role_name: t.role_name } : { kind, user: { id: (t.user as Obj | undefined)?.id } };
  }
  const field = WRITABLE[kind];
  if (!field) throw unprocessable(`The target kind '${kind}' is not Webhook, Slack or MsTeams`, `${pointer}/kind`);
  const raw = String(t[field] ?? '');
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    throw unprocessable(`'${field}' of a ${kind} target must be an absolute http or https URL`, `${pointer}/${field}`);
  }
  return { kind, [field]: raw };
}

const kindOf = (row: ResourceRow) => String((row.body.target as Obj | undefined)?.kind);

/** Live subscriptions of an organization that deliver to an integration. */
function subscriptionsUsing(engine: Engine, org: string, integrationId: string): ResourceRow[] {
  return engine.repository(SUBSCRIPTION).list({ org })
    .filter((s) => ((s.body.integrations ?? []) as Obj[]).some((i) => i.id === integrationId));
}

/**
 * Integrations: only Webhook, Slack and MsTeams targets are written by clients, each keeping its
 * one URL field; a new target replaces the old one whole. System-managed email integrations cannot
 * be changed or deleted. Deleting an integration removes it from the subscriptions that name it,
 * unless it is the only integration of one of them (400: point the subscription elsewhere first).
 */
export const integrationHooks: ResourceHooks = {
  seed: seedDefaults,
  beforeCreate(_h, d) {
    d.body.target = cleanTarget(d.body.target, '/target');
  },
  beforeUpdate(_h, row, patch) {
    if (SYSTEM_MANAGED.has(kindOf(row))) throw badRequest(`The ${kindOf(row)} integration '${row.id}' is managed by Confluent and cannot be updated`);
    if (patch.target !== undefined) {
      patch.target = cleanTarget(patch.target, '/target');
      // The merge would keep the old target's fields: the new target replaces it whole.
      delete row.body.target;
    }
  },
  beforeDelete(h, row) {
    if (SYSTEM_MANAGED.has(kindOf(row))) throw badRequest(`The ${kindOf(row)} integration '${row.id}' is managed by Confluent and cannot be deleted`);
    const users = subscriptionsUsing(h.engine, row.org_id, row.id);
    const only = users.filter((s) => (s.body.integrations as Obj[]).length === 1);
    if (only.length) {
      throw badRequest(
        `The integration '${row.id}' is the only integration of the subscription ${only.map((s) => `'${s.id}'`).join(', ')}; give it another integration or delete it first`,
        undefined,
        'integration_in_use',
      );
    }
    for (const s of users) {
      s.body.integrations = (s.body.integrations as Obj[]).filter((i) => i.id !== row.id);
      s.updated_at = h.now;
      h.engine.repositories.save(s);
    }
  },
};

/** The integrations a subscription names, as references; 422 for one that does not exist. */
function resolveIntegrations(engine: Engine, org: string, baseUrl: string, value: unknown): Obj[] {
  const out: Obj[] = [];
  const seen = new Set<string>();
  ((value ?? []) as Obj[]).forEach((ref, i) => {
    const id = String(ref?.id ?? '');
    const row = engine.repository(INTEGRATION).get(org, id);
    if (!row) throw unprocessable(`The integration '${id}' does not exist`, `/integrations/${i}/id`);
    if (seen.has(id)) return;
    seen.add(id);
    out.push({ id, related: engine.selfUrl(engine.decl(INTEGRATION), row, baseUrl), resource_name: row.crn });
  });
  return out;
}

const typeOf = (row: ResourceRow) => findNotificationType((row.body.notification_type as Obj | undefined)?.id);

/**
 * Subscriptions: the notification type must be one of the catalogue (422) and cannot change
 * (create-only); integrations must exist (422). A subscription to a REQUIRED type cannot be
 * disabled (400) or deleted (409).
 */
export const subscriptionHooks: ResourceHooks = {
  beforeCreate(h, d) {
    const typeId = (d.body.notification_type as Obj | undefined)?.id;
    const type = findNotificationType(typeId);
    if (!type) throw unprocessable(`The notification type '${String(typeId)}' does not exist`, '/notification_type/id');
    d.body.notification_type = { id: type.id, related: notificationTypeUrl(h.baseUrl, type.id), resource_name: notificationTypeCrn(h.org, type.id) };
    d.body.integrations = resolveIntegrations(h.engine, h.org, h.baseUrl, d.body.integrations);
    if (type.subscription_priority === 'REQUIRED' && d.body.current_state === 'DISABLED') {
      throw badRequest(`The notification type '${type.id}' is REQUIRED: its subscription cannot be DISABLED`, { pointer: '/current_state' });
    }
  },
  beforeUpdate(h, row, patch) {
    const type = typeOf(row);
    if (patch.current_state === 'DISABLED' && type?.subscription_priority === 'REQUIRED') {
      throw badRequest(`The notification type '${type.id}' is REQUIRED: its subscription cannot be DISABLED`, { pointer: '/current_state' });
    }
    if (patch.integrations !== undefined) patch.integrations = resolveIntegrations(h.engine, row.org_id, h.baseUrl, patch.integrations);
  },
  beforeDelete(_h, row) {
    const type = typeOf(row);
    if (type?.subscription_priority === 'REQUIRED') {
      throw new ApiError({
        status: 409,
        code: 'required_subscription',
        title: 'Conflict',
        detail: `The notification type '${type.id}' is REQUIRED: its subscription cannot be deleted`,
      });
    }
  },
};

export const notificationHooks: Record<string, ResourceHooks> = {
  'notifications.integration': integrationHooks,
  'notifications.subscription': subscriptionHooks,
};

/**
 * What every organization has from the start, as on Confluent Cloud: a system-managed email
 * integration to the OrganizationAdmin role, and an ENABLED subscription to each REQUIRED and
 * RECOMMENDED notification type delivering to it. Seeded when the organization is created
 * (`seed: { with: Organization }`); that integration can be neither updated nor deleted, so it
 * marks the organization as seeded.
 */
function seedDefaults(h: HookContext, owner: ResourceRow): void {
  const { engine } = h;
  const rt = engine.rt;
  const org = owner.org_id;
  const marker = { pointer: '/target/kind', values: ['RoleEmail'], match: 'exact' as const };
  if (engine.repository(INTEGRATION).list({ org, filters: [marker], limit: 1 }).length) return;
  // An integrations quota configured below 1 leaves no room for the default integration: skip it.
  if ((rt.config.quotas[engine.decl(INTEGRATION).quotas[0]?.name ?? ''] ?? 1) < 1) return;
  const integration = engine.create(
    engine.decl(INTEGRATION),
    { display_name: 'Organization admins', description: 'Email to the members of the OrganizationAdmin role (managed by Confluent)', target: { kind: 'RoleEmail', role_name: 'OrganizationAdmin' } },
    { org, baseUrl: h.baseUrl, trusted: true },
  );
  for (const type of NOTIFICATION_TYPES) {
    if (type.subscription_priority === 'OPTIONAL') continue;
    engine.create(
      engine.decl(SUBSCRIPTION),
      { current_state: 'ENABLED', notification_type: { id: type.id }, integrations: [{ id: integration.id }] },
      { org, baseUrl: h.baseUrl, trusted: true },
    );
  }
}

/**
 * Integrations and subscriptions are served by the engine; here the notification-type catalogue
 * and `integrations:test`, which checks the target as a create would and answers 204 without
 * sending anything.
 */
export function notificationHandlers(engine: Engine): HandlerMap {
  return {
    testNotificationsV1Integration: (ctx) => {
      cleanTarget(ctx.body?.target, '/target');
      return { status: 204, headers: { 'x-emulator-delivery': 'not-sent' } };
    },
    ...notificationTypeHandlers(engine),
  };
}
