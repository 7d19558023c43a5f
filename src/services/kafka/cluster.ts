import { repositoriesOf } from '../../engine/repository.js';
import type { RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { ResourceRow } from '../../store/resources.js';
import { clusterNotFound, topicNotFound } from './errors.js';
import { KafkaLinks } from './links.js';
import type { TopicRow } from '../../store/kafka.js';

/** The resource name the cmk/v2 document gives Kafka clusters. */
export const KAFKA_CLUSTER = 'KafkaCluster';

/** What a Kafka REST handler works on: the addressed cluster of the caller's organization. */
export interface ClusterScope {
  cluster: ResourceRow;
  id: string;
  links: KafkaLinks;
}

export function clusterOf(rt: Runtime, ctx: RequestContext): ClusterScope {
  const id = ctx.params.cluster_id;
  const cluster = ctx.caller && repositoriesOf(rt).of(KAFKA_CLUSTER).get(ctx.caller.orgId, id);
  if (!cluster) throw clusterNotFound(id);
  return { cluster, id, links: new KafkaLinks(ctx.baseUrl, id) };
}

export function topicOf(rt: Runtime, scope: ClusterScope, name: string): TopicRow {
  const topic = rt.kafka.topic(scope.id, name);
  if (!topic) throw topicNotFound();
  return topic;
}
