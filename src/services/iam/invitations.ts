import { getAt, setAt } from '../../core/pointer.js';
import { conflict } from '../../core/errors.js';
import type { ResourceHooks } from '../../engine/hooks.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const ACCEPTED = 'INVITE_STATUS_ACCEPTED';

/**
 * Invitations are how users arrive: creating one creates the invited User (with no role
 * bindings) and records who invited them. The invitation's status is its lifecycle: SENT until
 * the invitee accepts (ACCEPTED, with `accepted_at`) or it lapses (EXPIRED). Deleting an
 * invitation that was not accepted deactivates the invited user.
 */
export const invitationHooks: ResourceHooks = {
  beforeCreate(h, draft) {
    const email = String(draft.body.email);
    const rt = h.engine.rt;
    const existing = h.engine.repository('User').where(h.org, '/email', email)[0];
    if (existing) throw conflict(`A user with email '${email}' already exists`, h.engine.selfUrl(h.engine.decl('User'), existing, h.baseUrl));
    const user = h.engine.create(h.engine.decl('User'), { email, full_name: '', auth_type: draft.body.auth_type ?? 'AUTH_TYPE_LOCAL' }, { org: h.org, baseUrl: h.baseUrl, trusted: true });
    draft.body.user = refOf(h.engine.reference(user, h.baseUrl));
    if (h.callerId) {
      const creator = h.engine.repositories.getAny(h.org, ['User', 'ServiceAccount'], h.callerId);
      if (creator) draft.body.creator = refOf(h.engine.reference(creator, h.baseUrl));
    }
    draft.body.expires_at = rt.clock.iso(h.now + 30 * DAY_MS);
  },
  onPhase(h, row, phase) {
    if (phase === ACCEPTED && !row.body.accepted_at) setAt(row.body, '/accepted_at', h.engine.rt.clock.iso(h.now));
  },
  beforeDelete(h, row) {
    if (row.body.status === ACCEPTED) return;
    const userId = getAt(row.body, '/user/id') as string | undefined;
    const user = userId && h.engine.repository('User').get(h.org, userId);
    if (user) h.engine.delete(h.engine.decl('User'), user, h.baseUrl);
    setAt(row.body, '/status', 'INVITE_STATUS_DEACTIVATED');
  },
};

/** Invitation references carry the id, link and CRN of their target. */
const refOf = (r: Record<string, unknown>) => ({ id: r.id, related: r.related, resource_name: r.resource_name });
