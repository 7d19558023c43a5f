import type { Engine } from '../../engine/engine.js';
import type { ResourceRow } from '../../store/resources.js';
import { sharesOf } from './rows.js';
import { CONSUMER_SHARE, CONSUMER_SHARED_RESOURCE, PROVIDER_SHARE, PROVIDER_SHARED_RESOURCE, internal, type ProviderInternal } from './constants.js';

/**
 * Deactivates both sides of a share and deletes the service account (and keys) redeeming created;
 * the provider shared resource goes too once no live share points at it.
 */
export function deactivate(engine: Engine, share: ResourceRow, baseUrl: string): void {
  const x = internal<ProviderInternal>(share);
  if (share.deleted_at === null) {
    (share.body as any).status = { phase: 'DEACTIVATED' };
    engine.delete(engine.decl(PROVIDER_SHARE), share, baseUrl);
  }
  if (x.consumer) {
    const cs = engine.repository(CONSUMER_SHARE).get(x.consumer.org, x.consumer.share);
    if (cs) {
      (cs.body as any).status = { phase: 'DEACTIVATED' };
      engine.delete(engine.decl(CONSUMER_SHARE), cs, baseUrl);
    }
    const csr = engine.repository(CONSUMER_SHARED_RESOURCE).get(x.consumer.org, x.consumer.resource);
    if (csr) engine.delete(engine.decl(CONSUMER_SHARED_RESOURCE), csr, baseUrl);
    const sa = engine.repository('ServiceAccount').get(share.org_id, x.consumer.service_account);
    if (sa) engine.delete(engine.decl('ServiceAccount'), sa, baseUrl);
  }
  const sr = engine.repository(PROVIDER_SHARED_RESOURCE).get(share.org_id, x.shared_resource);
  if (sr && sharesOf(engine, share.org_id, sr.id).length === 0) {
    engine.delete(engine.decl(PROVIDER_SHARED_RESOURCE), sr, baseUrl);
  }
}
