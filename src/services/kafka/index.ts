import type { HandlerMap } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { aclHandlers } from './acls.js';
import { balancerHandlers } from './balancer.js';
import { brokerConfigHandlers } from './broker-configs.js';
import { brokerHandlers } from './brokers.js';
import { brokerRemovalHandlers } from './broker-removal.js';
import { clusterHandlers } from './clusters.js';
import { clusterLinkHandlers } from './cluster-links.js';
import { linkConfigHandlers } from './link-configs.js';
import { mirrorActionHandlers } from './mirror-actions.js';
import { mirrorTopicHandlers } from './mirror-topics.js';
import { recordLogOf } from './record-log.js';
import { partitionHandlers } from './partitions.js';
import { produceHandlers, RoundRobin } from './produce.js';
import { consumerGroupHandlers } from './consumer-groups.js';
import { ConsumerInstances } from './rest-proxy/consumer-instances.js';
import { restProxyConsumerHandlers } from './rest-proxy/consumers.js';
import { restProxyProduceHandlers } from './rest-proxy/produce.js';
import { restProxyTopicHandlers } from './rest-proxy/topics.js';
import { SchemaSerde } from './serde/schema-serde.js';
import { replicaExclusionHandlers } from './replica-exclusions.js';
import { topicConfigHandlers } from './topic-configs.js';
import { topicHandlers } from './topics.js';

/**
 * The implemented operations of Kafka REST v3 (`/kafka/v3`) and REST Proxy v2; the rest of those
 * groups answer 501. Both produce into the same store, so records produced over one API are
 * consumed over the other; keyless records share one round-robin per topic. Both hand what they
 * append to the cluster links' mirroring, and refuse records for mirror topics.
 */
export function kafkaHandlers(rt: Runtime): HandlerMap {
  const roundRobin = new RoundRobin();
  const instances = new ConsumerInstances(rt.kafka);
  const serde = new SchemaSerde(rt);
  const mirroring = recordLogOf(rt).mirroring;
  return {
    ...clusterHandlers(rt),
    ...brokerHandlers(rt),
    ...brokerConfigHandlers(rt),
    ...balancerHandlers(rt),
    ...brokerRemovalHandlers(rt),
    ...replicaExclusionHandlers(rt),
    ...aclHandlers(rt),
    ...topicHandlers(rt, mirroring),
    ...partitionHandlers(rt),
    ...topicConfigHandlers(rt),
    ...produceHandlers(rt, roundRobin, serde, mirroring),
    ...restProxyTopicHandlers(rt),
    ...restProxyProduceHandlers(rt, roundRobin, serde, mirroring),
    ...consumerGroupHandlers(rt, instances),
    ...restProxyConsumerHandlers(rt, instances, serde),
    ...clusterLinkHandlers(rt, mirroring),
    ...linkConfigHandlers(rt, mirroring),
    ...mirrorTopicHandlers(rt, mirroring),
    ...mirrorActionHandlers(rt, mirroring),
  };
}
