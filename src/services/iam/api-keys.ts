import { newSecret } from '../../core/ids.js';
import { getAt, setAt } from '../../core/pointer.js';
import { stripCrnPrefix, CRN_PREFIX } from '../../core/crn.js';
import { unprocessable } from '../../core/errors.js';
import type { HookContext, ResourceHooks } from '../../engine/hooks.js';
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
    if (resource && resource.id) setAt(draft.body, '/spec/resource', resolveResource(h, resource, '/spec/resource/id'));
    // `spec.resources` names the same kind of object; each entry is answered as a whole reference.
    const resources = getAt(draft.body, '/spec/resources');
    if (Array.isArray(resources)) {
      setAt(
        draft.body,
        '/spec/resources',
        resources.map((entry, i) => resolveResource(h, entry as { id?: string }, `/spec/resources/${i}/id`)),
      );
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

/**
 * The whole reference to the object a key is for, by its id: a stored resource (a Kafka or Schema
 * Registry cluster), or a Flink region (`aws.us-east-2`), which is no stored resource. 422 at
 * `pointer` when there is none.
 */
function resolveResource(h: HookContext, resource: { id?: string; environment?: unknown }, pointer: string): Record<string, unknown> {
  const id = String(resource?.id ?? '');
  const target = id ? h.engine.repositories.findById(h.org, id) : undefined;
  if (target) return h.engine.reference(target, h.baseUrl);
  const region = id ? findFlinkRegion(id) : undefined;
  if (!region) throw unprocessable(`The resource '${id}' does not exist`, pointer);
  return {
    id: region.id,
    api_version: 'fcpm/v2',
    kind: 'Region',
    related: `${h.baseUrl}/fcpm/v2/regions?cloud=${region.cloud}&region_name=${encodeSegment(region.region_name)}`,
    resource_name: `${CRN_PREFIX}organization=${h.org}/flink-region=${region.id}`,
    ...(resource.environment ? { environment: resource.environment } : {}),
  };
}
