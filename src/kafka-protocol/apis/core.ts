import type { ApiModule } from '../api.js';
import { alterConfigs } from './alter-configs.js';
import { createPartitions } from './create-partitions.js';
import { createTopics } from './create-topics.js';
import { deleteRecords } from './delete-records.js';
import { deleteTopics } from './delete-topics.js';
import { describeCluster } from './describe-cluster.js';
import { describeConfigs } from './describe-configs.js';
import { incrementalAlterConfigs } from './incremental-alter-configs.js';
import { fetch } from './fetch.js';
import { initProducerId } from './init-producer-id.js';
import { listOffsets } from './list-offsets.js';
import { metadata } from './metadata.js';
import { produce } from './produce.js';
import { saslAuthenticate } from './sasl-authenticate.js';
import { saslHandshake } from './sasl-handshake.js';

/**
 * The connection, data and admin APIs: one module per file in this folder, listed here.
 * (ApiVersions is added by the registry itself, since it lists the registry.)
 */
export const coreApis: ApiModule[] = [
  saslHandshake,
  saslAuthenticate,
  metadata,
  produce,
  fetch,
  listOffsets,
  initProducerId,
  createTopics,
  deleteTopics,
  deleteRecords,
  createPartitions,
  describeConfigs,
  alterConfigs,
  incrementalAlterConfigs,
  describeCluster,
];
