import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { LinkRow } from '../../store/kafka-links.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { linkOf } from './cluster-links.js';
import { kafkaError } from './errors.js';
import { checkLinkConfigChange, isLinkConfig, LINK_CONFIGS, linkConfigValue } from './link-config-catalog.js';
import type { Mirroring } from './mirroring.js';
import { queryFlagOf } from '../../engine/query.js';

/**
 * A link config as Kafka REST reports it: the effective value (empty for a password), where it
 * comes from, and the flags under both the current (`is_*`) and the older spellings.
 */
function renderConfig(scope: ClusterScope, link: LinkRow, name: string) {
  const spec = LINK_CONFIGS[name];
  const set = link.configs[name] !== undefined;
  const sensitive = spec.type === 'password';
  const readOnly = spec.createOnly === true;
  return {
    kind: 'KafkaLinkConfigData',
    metadata: { self: scope.links.url('links', link.link_name, 'configs', name), resource_name: null },
    cluster_id: scope.id,
    name,
    // Kafka hides a password's value; the document declares `value` a required string (never
    // null) and gives no example of a sensitive one, so the hidden value is an empty string.
    value: sensitive ? '' : linkConfigValue(link.configs, name),
    is_default: !set,
    is_read_only: readOnly,
    is_sensitive: sensitive,
    source: set ? 'DYNAMIC_CLUSTER_LINK_CONFIG' : 'DEFAULT_CONFIG',
    synonyms: [],
    link_name: link.link_name,
    link_id: link.link_id,
    default: !set,
    read_only: readOnly,
    sensitive,
  };
}

function knownConfig(name: string): void {
  if (!isLinkConfig(name)) throw kafkaError(404, 404, `Config ${name} cannot be found.`);
}

interface AlterEntry {
  name: string;
  value?: string | null;
  operation?: 'SET' | 'DELETE' | string | null;
}

export function linkConfigHandlers(rt: Runtime, mirroring: Mirroring): HandlerMap {
  const target = (ctx: RequestContext) => {
    const scope = clusterOf(rt, ctx);
    return { scope, link: linkOf(mirroring, scope, ctx.params.link_name) };
  };
  const save = (link: LinkRow, configs: Record<string, string>) => rt.tx(() => mirroring.store.setLinkConfigs(link.cluster_id, link.link_name, configs));

  return {
    listKafkaLinkConfigs: (ctx) => {
      const { scope, link } = target(ctx);
      const data = Object.keys(LINK_CONFIGS).map((name) => renderConfig(scope, link, name));
      return { status: 200, body: scope.links.list('KafkaLinkConfigDataList', scope.links.url('links', link.link_name, 'configs'), data) };
    },
    getKafkaLinkConfigs: (ctx) => {
      const { scope, link } = target(ctx);
      knownConfig(ctx.params.config_name);
      return { status: 200, body: renderConfig(scope, link, ctx.params.config_name) };
    },
    updateKafkaLinkConfig: (ctx) => {
      const { link } = target(ctx);
      const value = String((ctx.body as { value: string }).value);
      checkLinkConfigChange(ctx.params.config_name, value);
      save(link, { ...link.configs, [ctx.params.config_name]: value });
      return { status: 204 };
    },
    deleteKafkaLinkConfig: (ctx) => {
      const { link } = target(ctx);
      knownConfig(ctx.params.config_name);
      checkLinkConfigChange(ctx.params.config_name, undefined);
      const { [ctx.params.config_name]: _reset, ...rest } = link.configs;
      save(link, rest);
      return { status: 204 };
    },
    /** Every entry is checked before any is applied: a batch changes all or nothing. */
    updateKafkaLinkConfigBatch: (ctx) => {
      const { link } = target(ctx);
      const b = ctx.body as { data: AlterEntry[]; validate_only?: boolean };
      const next = { ...link.configs };
      for (const e of b.data) {
        if (e.operation === 'DELETE') {
          checkLinkConfigChange(e.name, undefined);
          delete next[e.name];
        } else {
          if (e.value === undefined || e.value === null) throw kafkaError(400, 400, `Config ${e.name}: a value is required to SET it.`);
          checkLinkConfigChange(e.name, String(e.value));
          next[e.name] = String(e.value);
        }
      }
      if (!b.validate_only && !queryFlagOf(ctx, 'validate_only')) save(link, next);
      return { status: 204 };
    },
  };
}
