import type { RequestContext } from '../../contract/handler.js';
import { resolveCluster } from '../../http/cluster.js';
import type { Runtime } from '../../runtime.js';
import type { ResourceRow } from '../../store/resources.js';
import { SR_CLUSTER } from '../srcm/clusters.js';
import { repositoriesOf } from '../../engine/repository.js';

/** The catalog a request addresses: the Schema Registry cluster's, in its environment. */
export interface CatalogScope {
  rt: Runtime;
  /** The Schema Registry cluster id (`lsrc-...`): every catalog row is keyed by it. */
  cluster: string;
  clusterRow: ResourceRow;
  org: string;
  env: string;
  /** Who is asking: the API key, written into createdBy / updatedBy. */
  by: string;
  now: number;
}

/**
 * The catalog belongs to a Schema Registry cluster, resolved as Schema Registry's own paths are
 * (the key's cluster, the Host name's first label, the organization's only cluster); a key of a
 * Kafka cluster answers 401.
 */
export function catalogScope(rt: Runtime, ctx: RequestContext): CatalogScope {
  const row = resolveCluster(repositoriesOf(rt), ctx, [SR_CLUSTER]);
  const env = ((row.body.spec as { environment?: { id?: string } } | undefined)?.environment?.id ?? row.scope) as string;
  return { rt, cluster: row.id, clusterRow: row, org: row.org_id, env, by: ctx.caller?.keyId ?? '', now: rt.clock.now() };
}
