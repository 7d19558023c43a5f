import { unprocessable } from '../../core/errors.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { ROLES, crnSegments } from '../../authorization/index.js';

/**
 * Role bindings name a predefined role, bound where that role can be bound (the kind of the last
 * segment of `crn_pattern`: OrganizationAdmin on an organization, DeveloperRead on a topic, ...),
 * inside the caller's organization. Anything else answers 422 with its pointer.
 */
export const roleBindingHooks: ResourceHooks = {
  beforeCreate(h, draft) {
    const roleName = String(draft.body.role_name);
    const role = ROLES[roleName];
    if (!role) throw unprocessable(`Unknown role '${roleName}'; the predefined roles are ${Object.keys(ROLES).join(', ')}`, '/role_name');
    const segments = crnSegments(String(draft.body.crn_pattern));
    const org = segments.find((s) => s.kind === 'organization')?.value;
    if (org !== h.org) throw unprocessable(`crn_pattern must name a resource of the organization ${h.org}`, '/crn_pattern');
    const kind = segments.at(-1)!.kind;
    if (!role.scopes.includes(kind)) throw unprocessable(`${roleName} cannot be bound on ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}; it binds on ${role.scopes.join(', ')}`, '/crn_pattern');
  },
};

/** Deleting a user, service account or identity pool deletes its role bindings, as on Confluent Cloud. */
export const principalHooks: ResourceHooks = {
  afterDelete(h, row) {
    const bindings = h.engine.repository('RoleBinding');
    for (const b of bindings.where(h.org, '/principal', `User:${row.id}`)) bindings.remove(b, h.now);
  },
};
