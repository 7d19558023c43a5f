import type { ResourceHooks } from '../engine/hooks.js';
import type { Engine } from '../engine/engine.js';
import type { HandlerMap } from '../contract/handler.js';
import { KAFKA_CLUSTER_TABLES } from '../store/kafka.js';
import { KAFKA_LINK_TABLES } from '../store/kafka-links-schema.js';
import { CATALOG_TABLES } from '../store/catalog-schema.js';
import { principalHooks, roleBindingHooks } from './iam/role-bindings.js';
import { ipFilterHooks } from './iam/ip-filters.js';
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

/**
 * An API area: the documents it serves (files of openapi/), the tables it keeps beside the
 * resource table, the code hooks of its declared resources (by the names their `hooks:` give) and
 * its hand-written handlers. The emulator is the list of its areas (`AREAS`): the engine takes
 * the hooks, the router the handlers, and reset, export, snapshots and organization removal the
 * tables, so an area added here is wired everywhere at once.
 */
export interface Area {
  name: string;
  documents: readonly string[];
  /**
   * Tables of data keyed by the id of the cluster it belongs to (`cluster_id`); cluster ids are
   * unique across organizations, so an organization's rows are those of its clusters.
   */
  tables?: readonly string[];
  hooks?: Record<string, ResourceHooks>;
  handlers?(engine: Engine): HandlerMap;
}

export const AREAS: readonly Area[] = [
  {
    name: 'organization and identity',
    documents: ['org-v2.yaml', 'iam-v2.yaml', 'iam-v2-sso.yaml'],
    hooks: {
      'iam.api-key': apiKeyHooks,
      'iam.invitation': invitationHooks,
      'iam.role-binding': roleBindingHooks,
      'iam.principal': principalHooks,
      'iam.ip-filter': ipFilterHooks,
    },
    handlers: (engine) => jwksHandlers(engine),
  },
  { name: 'security token service', documents: ['sts-v1.yaml'], handlers: tokenExchangeHandlers },
  { name: 'Kafka clusters', documents: ['cmk-v2.yaml', 'kafka-quotas-v1.yaml'], hooks: { 'cmk.cluster': clusterHooks, 'kafka-quotas.client-quota': clientQuotaHooks } },
  { name: 'Kafka', documents: ['kafka-v3.yaml', 'rest-proxy-v2.yaml'], tables: [...KAFKA_CLUSTER_TABLES, ...KAFKA_LINK_TABLES], handlers: (engine) => kafkaHandlers(engine.rt) },
  { name: 'Schema Registry', documents: ['schema-registry-v1.yaml'], tables: ['sr_schemas', 'sr_schema_ids', 'sr_versions', 'sr_settings', 'sr_exporters'], handlers: (engine) => schemaRegistryHandlers(engine.rt) },
  { name: 'Stream Catalog', documents: ['catalog-v1.yaml'], tables: CATALOG_TABLES, handlers: (engine) => catalogHandlers(engine.rt) },
  { name: 'ksqlDB clusters', documents: ['ksqldbcm-v2.yaml'], hooks: { 'ksqldbcm.cluster': ksqlClusterHooks } },
  {
    name: 'Schema Registry clusters',
    documents: ['srcm-v2.yaml', 'srcm-v3.yaml'],
    hooks: { 'srcm.cluster': schemaRegistryClusterHooks, 'srcm.cluster-v3': schemaRegistryClusterV3Hooks },
    handlers: srcmRegionHandlers,
  },
  { name: 'Flink', documents: ['fcpm-v2.yaml', 'sql-v1.yaml'], hooks: { 'fcpm.compute-pool': computePoolHooks, 'sql.statement': statementHooks }, handlers: flinkHandlers },
  { name: 'Connect', documents: ['connect-v1.yaml'], hooks: connectHooks, handlers: connectHandlers },
  { name: 'networking', documents: ['networking-v1.yaml'], hooks: networkingHooks, handlers: networkingHandlers },
  { name: 'BYOK', documents: ['byok-v1.yaml'], hooks: { 'byok.key': byokKeyHooks } },
  { name: 'Stream Designer', documents: ['sd-v1.yaml'], hooks: { 'sd.pipeline': pipelineHooks } },
  { name: 'service quotas', documents: ['service-quota-v1.yaml'], handlers: serviceQuotaHandlers },
  { name: 'billing', documents: ['billing-v1.yaml'], handlers: billingHandlers },
  { name: 'Stream Sharing', documents: ['cdx-v1.yaml'], hooks: cdxHooks, handlers: cdxHandlers },
  { name: 'notifications', documents: ['notifications-v1.yaml'], hooks: notificationHooks, handlers: notificationHandlers },
  { name: 'partner', documents: ['partner-v2.yaml'], hooks: partnerHooks, handlers: partnerHandlers },
];

/** The documents that are no area's: shared components and the emulator's own control plane. */
export const SHARED_DOCUMENTS: readonly string[] = ['common.yaml', 'emulator.yaml'];

/** Every area's tables of per-cluster data, in the order of the list. */
export const CLUSTER_TABLES: readonly string[] = AREAS.flatMap((a) => a.tables ?? []);
