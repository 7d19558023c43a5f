import { unprocessable } from '../../core/errors.js';
import type { HookContext, ResourceHooks } from '../../engine/hooks.js';

const IP_GROUP = 'IpGroup';

/**
 * An IP filter's `ip_groups` are references to IP groups of the organization: each is answered
 * as Confluent's GlobalObjectReference, `{id, related, resource_name}`, and must name a group
 * that exists (422 otherwise). The list is replaced as a whole on update, so it is resolved on
 * create and on every update that sends it.
 */
function resolveIpGroups(h: HookContext, body: Record<string, unknown>): void {
  const groups = body.ip_groups;
  if (!Array.isArray(groups)) return;
  body.ip_groups = groups.map((entry, i) => {
    const id = (entry as { id?: unknown } | null)?.id;
    const row = typeof id === 'string' ? h.engine.repository(IP_GROUP).get(h.org, id) : undefined;
    if (!row) throw unprocessable(`The IP group '${String(id ?? '')}' at 'ip_groups[${i}]' does not exist`, `/ip_groups/${i}/id`);
    const ref = h.engine.reference(row, h.baseUrl);
    return { id: ref.id, related: ref.related, resource_name: ref.resource_name };
  });
}

export const ipFilterHooks: ResourceHooks = {
  beforeCreate: (h, draft) => resolveIpGroups(h, draft.body),
  beforeUpdate: (h, _row, patch) => resolveIpGroups(h, patch),
};
