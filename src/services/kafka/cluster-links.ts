import { repositoriesOf } from '../../engine/repository.js';
import { randomUUID } from 'node:crypto';
import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { LinkRow, RemoteField } from '../../store/kafka-links.js';
import { clusterOf, KAFKA_CLUSTER, type ClusterScope } from './cluster.js';
import { invalidKafkaRequest, invalidLinkName, kafkaError, linkNotFound } from './errors.js';
import { checkLinkConfigValue, linkConfigValue } from './link-config-catalog.js';
import type { Mirroring } from './mirroring.js';
import { queryFlagOf } from '../../engine/query.js';
import { LEGAL_TOPIC_NAME } from './topics.js';

/** Link names follow the rules of topic names. */
const legalLinkName = (name: string) => LEGAL_TOPIC_NAME.test(name) && name !== '.' && name !== '..';

/** `cluster_link_id` is the link's UUID in URL-safe base64 (22 characters); `link_id` the same UUID in its usual form. */
export const clusterLinkId = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex').toString('base64url');

function uuidOf(clusterLinkIdValue: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{22}$/.test(clusterLinkIdValue)) return undefined;
  const hex = Buffer.from(clusterLinkIdValue, 'base64url').toString('hex');
  if (hex.length !== 32 || clusterLinkId(hex) !== clusterLinkIdValue) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const linkMode = (link: LinkRow) => linkConfigValue(link.configs, 'link.mode') as 'DESTINATION' | 'SOURCE' | 'BIDIRECTIONAL';

/**
 * Whether a JAAS config (`org.apache.kafka.common.security.plain.PlainLoginModule required
 * username="<key>" password="<secret>";`) names a live API key scoped to the cluster.
 */
function authenticatesTo(rt: Runtime, cluster: string, jaas: string | undefined): boolean {
  const username = /\busername\s*=\s*"([^"]*)"/.exec(jaas ?? '')?.[1];
  const password = /\bpassword\s*=\s*"([^"]*)"/.exec(jaas ?? '')?.[1];
  if (username === undefined || password === undefined) return false;
  return rt.credentials.verify(username, password)?.resource_id === cluster;
}

/** The link named in the path, or 404 "The cluster link doesn't exist." */
export function linkOf(mirroring: Mirroring, scope: ClusterScope, name: string): LinkRow {
  const link = mirroring.store.link(scope.id, name);
  if (!link) throw linkNotFound();
  return link;
}

/** The other side of a bidirectional link: the remote cluster's link with the same id. */
export const reverseOf = (mirroring: Mirroring, link: LinkRow) =>
  linkMode(link) === 'BIDIRECTIONAL' ? mirroring.store.links(link.remote_cluster_id).find((l) => l.link_id === link.link_id && l.remote_cluster_id === link.cluster_id) : undefined;

/** The link's tasks, as `include_tasks=true` reports them. */
function tasksOf(link: LinkRow, available: boolean) {
  const task = (name: string, config: string | undefined) => ({
    task_name: name,
    state: !available ? 'LINK_UNAVAILABLE' : config === undefined || linkConfigValue(link.configs, config) === 'true' ? 'ACTIVE' : 'NOT_CONFIGURED',
    errors: [],
  });
  return [task('AclSync', 'acl.sync.enable'), task('AutoCreateMirror', 'auto.create.mirror.topics.enable'), task('ConsumerOffsetSync', 'consumer.offset.sync.enable'), task('TopicConfigsSync', undefined)];
}

export function renderLink(mirroring: Mirroring, scope: ClusterScope, link: LinkRow, includeTasks = false) {
  const available = mirroring.linkAvailable(link);
  const body: Record<string, unknown> = {
    kind: 'KafkaLinkData',
    metadata: { self: scope.links.url('links', link.link_name), resource_name: null },
    [link.remote_field]: link.remote_cluster_id,
    link_name: link.link_name,
    link_id: link.link_id,
    cluster_link_id: clusterLinkId(link.link_id),
    topic_names: mirroring.store.mirrors(scope.id, link.link_name).map((m) => m.mirror_topic_name),
    link_state: available ? 'ACTIVE' : 'UNAVAILABLE',
    link_error: available ? 'NO_ERROR' : 'UNRESOLVABLE_BOOTSTRAP_ERROR',
    link_error_message: available ? null : `Cluster ${link.remote_cluster_id} cannot be reached: the emulator hosts no such cluster.`,
  };
  if (includeTasks) body.tasks = tasksOf(link, available);
  return body;
}

interface CreateLinkBody {
  source_cluster_id?: string;
  destination_cluster_id?: string;
  remote_cluster_id?: string;
  cluster_link_id?: string;
  configs?: Array<{ name: string; value?: string | null }>;
}

/** The mode each way of naming the remote cluster takes. */
const MODE_OF: Record<RemoteField, string> = { source_cluster_id: 'DESTINATION', destination_cluster_id: 'SOURCE', remote_cluster_id: 'BIDIRECTIONAL' };

export function clusterLinkHandlers(rt: Runtime, mirroring: Mirroring): HandlerMap {
  /** Everything a create checks, in Kafka's order; answers the row to store. */
  function prepare(ctx: RequestContext, scope: ClusterScope): LinkRow {
    const name = String(ctx.query.link_name);
    if (!legalLinkName(name)) throw invalidLinkName();
    const b = (ctx.body ?? {}) as CreateLinkBody;
    const named = (Object.keys(MODE_OF) as RemoteField[]).filter((f) => typeof b[f] === 'string' && b[f] !== '');
    if (named.length !== 1) throw kafkaError(400, 400, 'Exactly one of source_cluster_id, destination_cluster_id and remote_cluster_id is required.');
    const field = named[0];
    const remote = b[field]!;
    const configs: Record<string, string> = {};
    for (const c of b.configs ?? []) {
      if (c.value === undefined || c.value === null) continue;
      checkLinkConfigValue(c.name, String(c.value));
      configs[c.name] = String(c.value);
    }
    const mode = configs['link.mode'] ?? 'DESTINATION';
    if (mode !== MODE_OF[field]) throw invalidKafkaRequest(`A cluster link with link.mode ${mode} takes ${(Object.keys(MODE_OF) as RemoteField[]).find((f) => MODE_OF[f] === mode)}, not ${field}.`);
    if (remote === scope.id) throw invalidKafkaRequest('A cluster link cannot link a cluster to itself.');
    if (mirroring.store.link(scope.id, name)) throw invalidKafkaRequest(`Cluster link '${name}' already exists.`);
    let linkId: string = randomUUID();
    if (b.cluster_link_id !== undefined) {
      const given = uuidOf(b.cluster_link_id);
      if (!given) throw kafkaError(400, 400, `Invalid cluster_link_id ${b.cluster_link_id}: 22 characters of URL-safe base64 are expected.`);
      linkId = given;
    }
    if (mode === 'BIDIRECTIONAL') {
      // The second side of a bidirectional link takes the id of the first.
      const other = mirroring.store.links(remote).find((l) => l.remote_cluster_id === scope.id && linkMode(l) === 'BIDIRECTIONAL');
      if (other && b.cluster_link_id !== undefined && other.link_id !== linkId) {
        throw invalidKafkaRequest(`The cluster link id ${b.cluster_link_id} is not the id of the remote side of the link, ${clusterLinkId(other.link_id)}.`);
      }
      if (other) linkId = other.link_id;
    }
    if (queryFlagOf(ctx, 'validate_link') !== false && !mirroring.clusterExists(remote)) {
      throw invalidKafkaRequest(`Cluster link validation failed: cluster ${remote} cannot be reached. Create the link with validate_link=false to skip this check.`);
    }
    // Organizations are isolated: a link reaches another organization's cluster only with an API
    // key of that cluster in `sasl.jaas.config`, as a link authenticates on Confluent Cloud.
    const remoteOrg = repositoriesOf(rt).of(KAFKA_CLUSTER).getInAnyOrg(remote)?.org_id;
    if (remoteOrg !== undefined && remoteOrg !== ctx.caller?.orgId && !authenticatesTo(rt, remote, configs['sasl.jaas.config'])) {
      throw invalidKafkaRequest(`Cluster link validation failed: SaslAuthenticationException: authentication to cluster ${remote} failed. Set sasl.jaas.config with an API key of that cluster.`);
    }
    return { cluster_id: scope.id, link_name: name, link_id: linkId, remote_field: field, remote_cluster_id: remote, configs, created_at: rt.clock.now() };
  }

  return {
    listKafkaLinks: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const data = mirroring.store.links(scope.id).map((l) => renderLink(mirroring, scope, l));
      return { status: 200, body: scope.links.list('KafkaLinkDataList', scope.links.url('links'), data) };
    },
    createKafkaLink: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const row = prepare(ctx, scope);
      if (!queryFlagOf(ctx, 'validate_only')) rt.tx(() => mirroring.store.insertLink(row));
      return { status: 204 };
    },
    getKafkaLink: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const link = linkOf(mirroring, scope, ctx.params.link_name);
      return { status: 200, body: renderLink(mirroring, scope, link, queryFlagOf(ctx, 'include_tasks') === true) };
    },
    /** A link whose mirror topics are not all STOPPED is deleted only with force=true; its topics then stay as ordinary topics. */
    deleteKafkaLink: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const link = linkOf(mirroring, scope, ctx.params.link_name);
      const active = mirroring.store.mirrors(scope.id, link.link_name).filter((m) => mirroring.view(m).status !== 'STOPPED');
      if (active.length && !queryFlagOf(ctx, 'force')) {
        throw invalidKafkaRequest(
          `Cluster link '${link.link_name}' has mirror topics that are not stopped (${active.map((m) => m.mirror_topic_name).join(', ')}); promote or fail them over first, or delete with force=true.`,
        );
      }
      if (!queryFlagOf(ctx, 'validate_only')) rt.tx(() => mirroring.store.deleteLink(scope.id, link.link_name));
      return { status: 200 };
    },
  };
}
