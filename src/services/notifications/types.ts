import { notFound } from '../../core/errors.js';
import { CRN_PREFIX } from '../../core/crn.js';
import { listIdentity } from '../../core/pagination.js';
import type { Engine } from '../../engine/engine.js';
import { pageInMemory } from '../../engine/paging.js';
import type { HandlerMap } from '../../contract/handler.js';
import { encodeSegment } from '../../core/url.js';

export type Category = 'BILLING_LICENSING' | 'SECURITY' | 'SERVICE' | 'ACCOUNT';
export type Priority = 'REQUIRED' | 'RECOMMENDED' | 'OPTIONAL';
export type Severity = 'CRITICAL' | 'WARN' | 'INFO';

export interface NotificationType {
  id: string;
  display_name: string;
  description: string;
  category: Category;
  subscription_priority: Priority;
  is_included_in_plan: boolean;
  severity: Severity;
}

const t = (id: string, display_name: string, description: string, category: Category, subscription_priority: Priority, severity: Severity, is_included_in_plan = true): NotificationType => ({
  id,
  display_name,
  description,
  category,
  subscription_priority,
  is_included_in_plan,
  severity,
});

/**
 * The notification types (notifications/v1): static reference data, the same for every
 * organization, in a fixed order so that pages are stable. Confluent's reference shows only
 * "Cluster Shrink" (BILLING_LICENSING, REQUIRED, INFO); the other entries and the upper-case ids
 * are the emulator's own, covering every category, priority and severity.
 */
export const NOTIFICATION_TYPES: readonly NotificationType[] = [
  t('CLUSTER_SHRINK', 'Cluster Shrink', 'A Dedicated cluster was shrunk to fewer CKUs.', 'BILLING_LICENSING', 'REQUIRED', 'INFO'),
  t('CLUSTER_EXPAND', 'Cluster Expand', 'A Dedicated cluster was expanded to more CKUs.', 'BILLING_LICENSING', 'RECOMMENDED', 'INFO'),
  t('PAYMENT_FAILED', 'Payment Failed', 'A payment for the organization failed.', 'BILLING_LICENSING', 'REQUIRED', 'CRITICAL'),
  t('LOW_CREDIT_BALANCE', 'Low Credit Balance', 'The remaining promotional or commit credit is running low.', 'BILLING_LICENSING', 'RECOMMENDED', 'WARN'),
  t('API_KEY_CREATED', 'API Key Created', 'An API key was created in the organization.', 'SECURITY', 'OPTIONAL', 'INFO'),
  t('SSO_CERTIFICATE_EXPIRING', 'SSO Certificate Expiring', 'The certificate of the SSO connection expires soon.', 'SECURITY', 'RECOMMENDED', 'WARN'),
  t('SCHEDULED_MAINTENANCE', 'Scheduled Maintenance', 'Maintenance is scheduled for a cluster of the organization.', 'SERVICE', 'REQUIRED', 'INFO'),
  t('CONNECTOR_FAILED', 'Connector Failed', 'A managed connector entered the FAILED state.', 'SERVICE', 'RECOMMENDED', 'CRITICAL'),
  t('CLUSTER_LOAD_HIGH', 'Cluster Load High', 'The load of a cluster stayed above 80% for an hour.', 'SERVICE', 'OPTIONAL', 'WARN', false),
  t('USER_INVITED', 'User Invited', 'A user was invited to the organization.', 'ACCOUNT', 'OPTIONAL', 'INFO'),
  t('ORGANIZATION_ADMIN_CHANGED', 'Organization Admin Changed', 'The OrganizationAdmin role was granted or revoked.', 'ACCOUNT', 'RECOMMENDED', 'WARN'),
];

const byId = new Map(NOTIFICATION_TYPES.map((n, i) => [n.id, { type: n, seq: i + 1 }]));

export const findNotificationType = (id: unknown): NotificationType | undefined => (typeof id === 'string' ? byId.get(id)?.type : undefined);
export const notificationTypeUrl = (baseUrl: string, id: string) => `${baseUrl}/notifications/v1/notification-types/${encodeSegment(id)}`;
export const notificationTypeCrn = (org: string, id: string) => `${CRN_PREFIX}organization=${org}/notification-type=${id}`;

/** The catalogue has always existed: every type shows the same creation time. */
const CATALOGUE_TIME = '2023-06-01T00:00:00Z';

function render(n: NotificationType, org: string, baseUrl: string): Record<string, unknown> {
  return {
    api_version: 'notifications/v1',
    kind: 'NotificationType',
    id: n.id,
    metadata: { self: notificationTypeUrl(baseUrl, n.id), resource_name: notificationTypeCrn(org, n.id), created_at: CATALOGUE_TIME, updated_at: CATALOGUE_TIME },
    display_name: n.display_name,
    description: n.description,
    category: n.category,
    subscription_priority: n.subscription_priority,
    is_included_in_plan: n.is_included_in_plan,
    severity: n.severity,
  };
}

/**
 * `listNotificationsV1NotificationTypes` and `getNotificationsV1NotificationType`: a read-only
 * catalogue served from memory with the engine's pagination (signed keyset tokens over the
 * catalogue's order; a token of another list or organization is refused with 400).
 */
export function notificationTypeHandlers(engine: Engine): HandlerMap {
  const rt = engine.rt;
  return {
    listNotificationsV1NotificationTypes: (ctx) => {
      const org = ctx.caller.orgId;
      const all = NOTIFICATION_TYPES.map((type, i) => ({ type, seq: i + 1 }));
      const { items: page, metadata } = pageInMemory(rt.tokens, ctx, listIdentity([org, 'notifications.v1.NotificationType']), all);
      return { status: 200, body: { api_version: 'notifications/v1', kind: 'NotificationTypeList', metadata, data: page.map((e) => render(e.type, org, ctx.baseUrl)) } };
    },

    getNotificationsV1NotificationType: (ctx) => {
      const n = findNotificationType(ctx.params.id);
      if (!n) throw notFound(`The NotificationType '${ctx.params.id}' was not found`);
      return { status: 200, body: render(n, ctx.caller.orgId, ctx.baseUrl) };
    },
  };
}
