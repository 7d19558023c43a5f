import { mayKafka, type HandlerMap, type RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { TopicRow } from '../../store/kafka.js';
import { clusterOf, topicOf, type ClusterScope } from './cluster.js';
import { invalidKafkaRequest, kafkaError } from './errors.js';
import { isTopicConfig, READ_ONLY_TOPIC_CONFIGS, TOPIC_CONFIG_DEFAULTS } from './config-catalog.js';

/**
 * A topic config as Kafka REST reports it: the effective value, where it comes from, and its
 * synonyms in precedence order (the topic's override, then the default).
 */
function renderConfig(scope: ClusterScope, t: TopicRow, name: string) {
  const override = t.configs[name];
  const fallback = TOPIC_CONFIG_DEFAULTS[name];
  const synonyms = [
    ...(override !== undefined ? [{ name, value: override, source: 'DYNAMIC_TOPIC_CONFIG' }] : []),
    { name, value: fallback, source: 'DEFAULT_CONFIG' },
  ];
  return {
    kind: 'KafkaTopicConfig',
    metadata: { self: scope.links.url('topics', t.name, 'configs', name), resource_name: scope.links.crn(['topic', t.name], ['config', name]) },
    cluster_id: scope.id,
    topic_name: t.name,
    name,
    value: override ?? fallback,
    is_default: override === undefined,
    is_read_only: READ_ONLY_TOPIC_CONFIGS.has(name),
    is_sensitive: false,
    source: override !== undefined ? 'DYNAMIC_TOPIC_CONFIG' : 'DEFAULT_CONFIG',
    synonyms,
  };
}

const allConfigs = (scope: ClusterScope, t: TopicRow) => Object.keys(TOPIC_CONFIG_DEFAULTS).map((name) => renderConfig(scope, t, name));

function knownConfig(name: string): void {
  if (!isTopicConfig(name)) throw kafkaError(404, 404, `Config ${name} cannot be found.`);
}

function writable(name: string): void {
  if (!isTopicConfig(name)) throw invalidKafkaRequest(`Unknown topic config name: ${name}`);
  if (READ_ONLY_TOPIC_CONFIGS.has(name)) throw kafkaError(400, 40002, `Config ${name} cannot be altered on Confluent Cloud.`);
}

/** Topics whose configs one page of `topics/-/configs` holds (each topic has about 40 configs). */
export const TOPICS_PER_CONFIG_PAGE = 100;

/** A page token names the cluster and the last topic shown; it carries nothing secret. */
const configPageToken = (cluster: string, lastTopic: string) => Buffer.from(JSON.stringify([cluster, lastTopic])).toString('base64url');

function topicAfter(cluster: string, token: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed[0] !== cluster || typeof parsed[1] !== 'string') throw invalidKafkaRequest('The page token is invalid or belongs to another list.');
  return parsed[1];
}

interface AlterEntry {
  name: string;
  value?: string | null;
  operation?: 'SET' | 'DELETE' | string;
}

export function topicConfigHandlers(rt: Runtime): HandlerMap {
  const save = (scope: ClusterScope, t: TopicRow, configs: Record<string, string>) => rt.tx(() => rt.kafka.setConfigs(scope.id, t.name, configs));

  return {
    listKafkaTopicConfigs: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const t = topicOf(rt, scope, ctx.params.topic_name);
      return { status: 200, body: scope.links.list('KafkaTopicConfigList', scope.links.url('topics', t.name, 'configs'), allConfigs(scope, t)) };
    },
    /**
     * The configs of every topic, a bounded number of topics per answer: at 10,000 topics one
     * answer would be over 100 MB. `metadata.next` (null on the last page) continues the walk.
     */
    listKafkaAllTopicConfigs: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const self = scope.links.url('topics', '-', 'configs');
      const token = ctx.query.page_token;
      const after = token === undefined ? '' : topicAfter(scope.id, String(token));
      const page = rt.kafka.topicsPage(scope.id, after, TOPICS_PER_CONFIG_PAGE + 1);
      const shown = page.slice(0, TOPICS_PER_CONFIG_PAGE);
      const visible = shown.filter((t) => mayKafka(ctx, 'DESCRIBE_CONFIGS', 'TOPIC', t.name));
      const next = page.length > shown.length ? `${self}?page_token=${configPageToken(scope.id, shown[shown.length - 1].name)}` : null;
      return { status: 200, body: scope.links.list('KafkaTopicConfigList', self, visible.flatMap((t) => allConfigs(scope, t)), next) };
    },
    listKafkaDefaultTopicConfigs: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const t = topicOf(rt, scope, ctx.params.topic_name);
      const data = allConfigs(scope, { ...t, configs: {} });
      return { status: 200, body: scope.links.list('KafkaTopicConfigList', scope.links.url('topics', t.name, 'default-configs'), data) };
    },
    getKafkaTopicConfig: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const t = topicOf(rt, scope, ctx.params.topic_name);
      knownConfig(ctx.params.name);
      return { status: 200, body: renderConfig(scope, t, ctx.params.name) };
    },
    updateKafkaTopicConfig: (ctx: RequestContext) => {
      const scope = clusterOf(rt, ctx);
      const t = topicOf(rt, scope, ctx.params.topic_name);
      writable(ctx.params.name);
      save(scope, t, { ...t.configs, [ctx.params.name]: String((ctx.body as { value: string }).value) });
      return { status: 204 };
    },
    deleteKafkaTopicConfig: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const t = topicOf(rt, scope, ctx.params.topic_name);
      knownConfig(ctx.params.name);
      const { [ctx.params.name]: _reset, ...rest } = t.configs;
      save(scope, t, rest);
      return { status: 204 };
    },
    /** Every entry is checked before any is applied: a batch changes all or nothing. */
    updateKafkaTopicConfigBatch: (ctx: RequestContext) => {
      const scope = clusterOf(rt, ctx);
      const t = topicOf(rt, scope, ctx.params.topic_name);
      const b = ctx.body as { data: AlterEntry[]; validate_only?: boolean };
      const next = { ...t.configs };
      for (const e of b.data) {
        writable(e.name);
        if (e.operation === 'DELETE') delete next[e.name];
        else next[e.name] = String(e.value ?? TOPIC_CONFIG_DEFAULTS[e.name]);
      }
      if (!b.validate_only) save(scope, t, next);
      return { status: 204 };
    },
  };
}
