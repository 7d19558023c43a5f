import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import { newMirror, type MirrorRow } from '../../store/kafka-links.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { linkMode, linkOf } from './cluster-links.js';
import { invalidKafkaRequest, kafkaError, topicNotFound } from './errors.js';
import { linkConfigValue } from './link-config-catalog.js';
import type { Mirroring } from './mirroring.js';
import { queryFlagOf } from '../../engine/query.js';
import { configsOf, LEGAL_TOPIC_NAME } from './topics.js';

/** Confluent Cloud runs every topic with three replicas, mirrors included. */
const REPLICATION_FACTOR = 3;

export function renderMirror(mirroring: Mirroring, scope: ClusterScope, m: MirrorRow, withTransitionErrors = false) {
  const view = mirroring.view(m);
  const lags = mirroring.lags(m, view);
  const body: Record<string, unknown> = {
    kind: 'KafkaMirrorData',
    metadata: { self: scope.links.url('links', m.link_name, 'mirrors', m.mirror_topic_name), resource_name: scope.links.crn() },
    link_name: m.link_name,
    mirror_topic_name: m.mirror_topic_name,
    source_topic_name: m.source_topic_name,
    num_partitions: lags.length,
    mirror_lags: lags,
    mirror_status: view.status,
    mirror_topic_error: view.error,
    state_time_ms: view.stateTime,
  };
  if (withTransitionErrors) body.mirror_state_transition_errors = m.transition_errors;
  return body;
}

/** The mirror topic `name` of a link, or 404 40403. */
export function mirrorOf(rt: Runtime, mirroring: Mirroring, scope: ClusterScope, linkName: string, name: string): MirrorRow {
  const m = mirroring.store.mirror(scope.id, name);
  if (m && m.link_name === linkName) return m;
  if (!rt.kafka.topic(scope.id, name)) throw topicNotFound();
  throw kafkaError(404, 40403, `Topic '${name}' is not a mirror topic of cluster link '${linkName}'.`);
}

interface CreateMirrorBody {
  source_topic_name: string;
  mirror_topic_name?: string;
  replication_factor?: number;
  configs?: Array<{ name: string; value?: string | null }>;
}

export function mirrorTopicHandlers(rt: Runtime, mirroring: Mirroring): HandlerMap {
  const list = (ctx: RequestContext, scope: ClusterScope, rows: MirrorRow[], self: string) => {
    const wanted = ctx.query.mirror_status as string | undefined;
    const data = rows.map((m) => renderMirror(mirroring, scope, m)).filter((m) => wanted === undefined || m.mirror_status === wanted);
    return { status: 200, body: scope.links.list('KafkaMirrorDataList', self, data) };
  };

  return {
    listKafkaMirrorTopics: (ctx) => {
      const scope = clusterOf(rt, ctx);
      return list(ctx, scope, mirroring.store.mirrors(scope.id), scope.links.url('links', '-', 'mirrors'));
    },
    listKafkaMirrorTopicsUnderLink: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const link = linkOf(mirroring, scope, ctx.params.link_name);
      return list(ctx, scope, mirroring.store.mirrors(scope.id, link.link_name), scope.links.url('links', link.link_name, 'mirrors'));
    },
    readKafkaMirrorTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const link = linkOf(mirroring, scope, ctx.params.link_name);
      const m = mirrorOf(rt, mirroring, scope, link.link_name, ctx.params.mirror_topic_name);
      return { status: 200, body: renderMirror(mirroring, scope, m, queryFlagOf(ctx, 'include_state_transition_errors') === true) };
    },
    /**
     * A read-only topic with the source topic's partitions and configs (the request's configs
     * over them), named after the source with the link's `cluster.link.prefix`; it holds the
     * source's records at once and follows it from then on.
     */
    createKafkaMirrorTopic: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const link = linkOf(mirroring, scope, ctx.params.link_name);
      const b = ctx.body as CreateMirrorBody;
      if (linkMode(link) === 'SOURCE') throw invalidKafkaRequest(`Cluster link '${link.link_name}' is a SOURCE link: mirror topics are created on the destination cluster.`);
      if (!mirroring.linkAvailable(link)) throw invalidKafkaRequest(`Cluster link '${link.link_name}' is unavailable: the source topic cannot be described.`);
      const source = rt.kafka.topic(link.remote_cluster_id, b.source_topic_name);
      if (!source) throw topicNotFound();
      const name = (linkConfigValue(link.configs, 'cluster.link.prefix') ?? '') + source.name;
      if (b.mirror_topic_name !== undefined && b.mirror_topic_name !== name) {
        throw invalidKafkaRequest(`The mirror topic name must be the source topic name after the link's cluster.link.prefix: '${name}', not '${b.mirror_topic_name}'.`);
      }
      if (!LEGAL_TOPIC_NAME.test(name)) throw invalidKafkaRequest(`Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
      if (rt.kafka.topic(scope.id, name)) throw invalidKafkaRequest(`Topic '${name}' already exists.`);
      const rf = b.replication_factor ?? REPLICATION_FACTOR;
      if (rf !== REPLICATION_FACTOR) throw invalidKafkaRequest(`Replication factor: ${rf} is not allowed; Confluent Cloud uses ${REPLICATION_FACTOR}.`);
      const configs = { ...source.configs, ...configsOf(b.configs) };
      const now = rt.clock.now();
      rt.tx(() => {
        rt.kafka.createTopic(scope.id, name, source.partitions, rf, configs, now);
        const row = newMirror({ cluster_id: scope.id, mirror_topic_name: name, link_name: link.link_name, source_cluster_id: source.cluster_id, source_topic_name: source.name, source_topic_id: source.topic_id }, 'ACTIVE', now);
        mirroring.saveMirror(row);
        mirroring.copy(row);
      });
      return { status: 204 };
    },
  };
}
