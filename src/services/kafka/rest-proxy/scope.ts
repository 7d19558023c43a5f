import type { RequestContext } from '../../../contract/handler.js';
import type { Runtime } from '../../../runtime.js';
import type { TopicRow } from '../../../store/kafka.js';
import { resolveCluster } from '../../../http/cluster.js';
import { KAFKA_CLUSTER } from '../cluster.js';
import { kafkaError } from '../errors.js';
import { repositoriesOf } from '../../../engine/repository.js';

/** REST Proxy v2 paths name no cluster: it is the one the API key is scoped to (DESIGN §5). */
export const clusterIdOf = (rt: Runtime, ctx: RequestContext): string => resolveCluster(repositoriesOf(rt), ctx, [KAFKA_CLUSTER]).id;

export const topicNotFoundV2 = (topic: string) => kafkaError(404, 40401, `Topic ${topic} not found.`);
export const partitionNotFoundV2 = (partition: number | string) => kafkaError(404, 40402, `Partition ${partition} not found.`);

export function topicV2(rt: Runtime, cluster: string, name: string): TopicRow {
  const topic = rt.kafka.topic(cluster, name);
  if (!topic) throw topicNotFoundV2(name);
  return topic;
}

export function partitionV2(topic: TopicRow, raw: string | number): number {
  const p = Number(raw);
  if (!Number.isInteger(p) || p < 0 || p >= topic.partitions) throw partitionNotFoundV2(raw);
  return p;
}

/** The embedded format a v2 media type names; none named means binary, as REST Proxy documents. */
export function embeddedFormat(contentType: string | undefined): string {
  const m = /^application\/vnd\.kafka\.(binary|json|avro|protobuf|jsonschema)\.v2\+json/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : 'binary';
}

/** Metadata answers are `application/vnd.kafka.v2+json`. */
export const V2_JSON = { 'content-type': 'application/vnd.kafka.v2+json' };
