import type { ResourceHooks } from '../engine/hooks.js';
import { principalHooks, roleBindingHooks } from './iam/role-bindings.js';
import { ipFilterHooks } from './iam/ip-filters.js';
import type { Engine } from '../engine/engine.js';
import type { HandlerMap } from '../contract/handler.js';
import { clientQuotaHooks, clusterHooks } from './cmk/clusters.js';
import { apiKeyHooks } from './iam/api-keys.js';
import { invitationHooks } from './iam/invitations.js';
import { jwksHandlers } from './iam/jwks.js';
import { tokenExchangeHandlers } from './sts/token-exchange.js';
import { kafkaHandlers } from './kafka/index.js';
import { schemaRegistryHandlers } from './schema-registry/handlers.js';
import { catalogHandlers } from './catalog/index.js';
import { ksqlClusterHooks } from './ksqldb/clusters.js';
import { schemaRegistryClusterHooks } from './srcm/clusters.js';
import { schemaRegistryClusterV3Hooks } from './srcm/clusters-v3.js';
import { srcmRegionHandlers } from './srcm/regions.js';
import { computePoolHooks, flinkHandlers, statementHooks } from './flink/index.js';
import { connectHandlers, connectHooks } from './connect/index.js';
import { networkingHandlers, networkingHooks } from './networking/index.js';
import { byokKeyHooks } from './byok/keys.js';
import { pipelineHooks } from './sd/pipelines.js';
import { serviceQuotaHandlers } from './service-quota/quotas.js';
import { billingHandlers } from './billing/costs.js';
import { cdxHandlers, cdxHooks } from './cdx/index.js';
import { notificationHandlers, notificationHooks } from './notifications/index.js';
import { partnerHandlers, partnerHooks } from './partner/index.js';

/** Code hooks of standard resources, by the name their declaration gives in `hooks:`. */
export const resourceHooks: Record<string, ResourceHooks> = {
  'iam.api-key': apiKeyHooks,
  'iam.invitation': invitationHooks,
  'iam.role-binding': roleBindingHooks,
  'iam.principal': principalHooks,
  'iam.ip-filter': ipFilterHooks,
  'cmk.cluster': clusterHooks,
  'kafka-quotas.client-quota': clientQuotaHooks,
  'ksqldbcm.cluster': ksqlClusterHooks,
  'srcm.cluster': schemaRegistryClusterHooks,
  'srcm.cluster-v3': schemaRegistryClusterV3Hooks,
  'fcpm.compute-pool': computePoolHooks,
  'sql.statement': statementHooks,
  ...connectHooks,
  ...networkingHooks,
  'byok.key': byokKeyHooks,
  'sd.pipeline': pipelineHooks,
  ...cdxHooks,
  ...notificationHooks,
  ...partnerHooks,
};

/** Hand-written handlers for operations beyond CRUD, keyed by operationId. */
export function serviceHandlers(engine: Engine): HandlerMap {
  return {
    ...jwksHandlers(engine),
    ...tokenExchangeHandlers(engine.rt),
    ...kafkaHandlers(engine.rt),
    ...schemaRegistryHandlers(engine.rt),
    ...catalogHandlers(engine.rt),
    ...srcmRegionHandlers(engine),
    ...connectHandlers(engine),
    ...networkingHandlers(engine),
    ...flinkHandlers(engine),
    ...serviceQuotaHandlers(engine),
    ...billingHandlers(engine),
    ...cdxHandlers(engine),
    ...notificationHandlers(engine),
    ...partnerHandlers(engine),
  };
}
