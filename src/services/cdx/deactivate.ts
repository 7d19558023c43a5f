import type { Engine } from '../../engine/engine.js';
import type { ResourceRow } from '../../store/resources.js';
import { CONSUMER_SHARE, CONSUMER_SHARED_RESOURCE, PROVIDER_SHARE, PROVIDER_SHARED_RESOURCE, internal, type ProviderInternal } from './constants.js';

/**
 * Deactivates both sides of a share and deletes the service account (and keys) redeeming created;
 * the provider shared resource goes too once no live share points at it.
 */
export function deactivate(engine: Engine, share: ResourceRow, baseUrl: string): void {
  const rt = engine.rt;
  const x = internal<ProviderInternal>(share);
  if (share.deleted_at === null) {
    (share.body as any).status = { phase: 'DEACTIVATED' };
    engine.delete(engine.decl(PROVIDER_SHARE), share, baseUrl);
  }
  if (x.consumer) {
    const cs = rt.resources.get(x.consumer.org, CONSUMER_SHARE, x.consumer.share);
    if (cs) {
      (cs.body as any).status = { phase: 'DEACTIVATED' };
      engine.delete(engine.decl(CONSUMER_SHARE), cs, baseUrl);
    }
    const csr = rt.resources.get(x.consumer.org, CONSUMER_SHARED_RESOURCE, x.consumer.resource);
    if (csr) engine.delete(engine.decl(CONSUMER_SHARED_RESOURCE), csr, baseUrl);
    const sa = rt.resources.get(share.org_id, 'ServiceAccount', x.consumer.service_account);
    if (sa) engine.delete(engine.decl('ServiceAccount'), sa, baseUrl);
  }
  const sr = rt.resources.get(share.org_id, PROVIDER_SHARED_RESOURCE, x.shared_resource);
  if (sr && rt.resources.whereField(share.org_id, PROVIDER_SHARE, '/_emulator/shared_resource', sr.id).length === 0) {
    engine.delete(engine.decl(PROVIDER_SHARED_RESOURCE), sr, baseUrl);
  }
}
