import { newSecret } from '../../core/ids.js';
import { getAt, setAt } from '../../core/pointer.js';
import { stripCrnPrefix, CRN_PREFIX } from '../../core/crn.js';
import { unprocessable } from '../../core/errors.js';
import type { ResourceHooks } from '../../engine/hooks.js';
import { findFlinkRegion } from '../flink/regions.js';
import { encodeSegment } from '../../core/url.js';

/**
 * API keys: the secret is generated here and returned only in the create response (the engine
 * never stores `secret` fields; the credential store keeps a hash); the
 * credential is stored (hashed) so the key works on the next request; `spec.resource` names the
 * cluster a resource-specific key is scoped to (absent or null for a Cloud API key); the CRN nests
 * under the owner; deleting the key revokes the credential at once.
 */
export const apiKeyHooks: ResourceHooks = {
  beforeCreate(h, draft) {
    const resource = getAt(draft.body, '/spec/resource') as { id?: string } | null | undefined;
    if (resource && resource.id) {
      const target = h.engine.repositories.findById(h.org, resource.id);
      const region = target ? undefined : findFlinkRegion(resource.id);
      if (!target && !region) throw unprocessable(`The resource '${resource.id}' does not exist`, '/spec/resource/id');
      // A Flink API key is scoped to a Flink region (`aws.us-east-2`), which is no stored resource.
      const reference = target
        ? h.engine.reference(target, h.baseUrl)
        : {
            id: region!.id,
            api_version: 'fcpm/v2',
            kind: 'Region',
            related: `${h.baseUrl}/fcpm/v2/regions?cloud=${region!.cloud}&region_name=${encodeSegment(region!.region_name)}`,
            resource_name: `${CRN_PREFIX}organization=${h.org}/flink-region=${region!.id}`,
            ...((resource as { environment?: unknown }).environment ? { environment: (resource as { environment?: unknown }).environment } : {}),
          };
      setAt(draft.body, '/spec/resource', reference);
    }
  },
  crn(h, draft) {
    const ownerCrn = getAt(draft.body, '/spec/owner/resource_name') as string | undefined;
    const base = ownerCrn ? stripCrnPrefix(ownerCrn) : `organization=${h.org}`;
    return `${CRN_PREFIX}${base}/api-key=${draft.id}`;
  },
  afterCreate(h, row, extras) {
    const secret = typeof extras.secret === 'string' ? extras.secret : newSecret();
    setAt(row.body, '/spec/secret', secret);
    const owner = getAt(row.body, '/spec/owner/id') as string;
    const resource = (getAt(row.body, '/spec/resource/id') as string | undefined) ?? null;
    h.engine.rt.credentials.add({ key_id: row.id, org_id: row.org_id, owner_id: owner, resource_id: resource }, secret);
  },
  afterDelete(h, row) {
    h.engine.rt.credentials.revoke(row.id, h.now);
  },
};
