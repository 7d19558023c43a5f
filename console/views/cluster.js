import { html, useContext } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { href } from '../routes.js';
import { CONSOLE_GROUP } from '../messages.js';
import { Code, Crumbs, Loaded, Phase, Props, Section, Table } from './common.js';

export function useCluster(route) {
  const api = useContext(OrgContext);
  return useData(() => api.call(`/cmk/v2/clusters/${encodeURIComponent(route.cluster)}?environment=${encodeURIComponent(route.env)}`), ['cluster', route.cluster]);
}

export const clusterCrumbs = (route, cluster, more = []) => [
  { label: 'Environments', href: href.org(route.org) },
  { label: route.env, href: href.env(route.org, route.env) },
  { label: cluster?.spec?.display_name ?? route.cluster, href: href.cluster(route.org, route.env, route.cluster) },
  ...more,
];

export function Cluster({ route }) {
  const cluster = useCluster(route);
  const c = cluster.data;
  const ready = c?.status?.phase === 'PROVISIONED';
  return html`<${Crumbs} items=${clusterCrumbs(route, c)} />
    <h1>${c?.spec?.display_name ?? route.cluster} <span class="muted small">${route.cluster}</span></h1>
    <${Section} title="Cluster">
      <${Loaded} state=${cluster}>
        ${(c) => html`<${Props} items=${[
          ['Phase', html`<${Phase} phase=${c.status?.phase} id=${c.id} />`],
          ['Kind', c.spec.config?.kind],
          ['Cloud', c.spec.cloud],
          ['Region', c.spec.region],
          ['Availability', c.spec.availability],
          ['CKUs', c.spec.config?.cku ?? c.status?.cku],
          ['Bootstrap endpoint', html`<${Code}>${c.spec.kafka_bootstrap_endpoint}<//>`],
          ['REST endpoint', html`<${Code}>${c.spec.http_endpoint}<//>`],
          ['Network', c.spec.network?.id],
          ['Created', c.metadata?.created_at],
        ]} />`}
      <//>
    <//>
    ${c && !ready ? html`<p class="note">Topics and consumer groups appear once the cluster is PROVISIONED.</p>` : ''}
    ${ready ? html`<${Topics} route=${route} /><${Groups} route=${route} /><${Acls} route=${route} /><${Links} route=${route} />` : ''}`;
}

function Topics({ route }) {
  const api = useContext(OrgContext);
  const topics = useData(() => api.kafka(route.cluster, '/topics').then((b) => b.data), ['topics', route.cluster]);
  return html`<${Section} title="Topics">
    <${Loaded} state=${topics}>
      ${(rows) => html`<${Table}
        rowKey=${(t) => t.topic_name}
        empty="No topic yet."
        rows=${[...rows].sort((a, b) => a.topic_name.localeCompare(b.topic_name))}
        columns=${[
          { label: 'Topic', cell: (t) => html`<a href=${href.topic(route.org, route.env, route.cluster, t.topic_name)} data-testid=${`topic-${t.topic_name}`}>${t.topic_name}</a>${t.is_internal ? html` <span class="tag">internal</span>` : ''}` },
          { label: 'Partitions', num: true, cell: (t) => t.partitions_count },
          { label: 'Replication factor', num: true, cell: (t) => t.replication_factor },
        ]}
      />`}
    <//>
  <//>`;
}

function Groups({ route }) {
  const api = useContext(OrgContext);
  const groups = useData(async () => {
    const list = (await api.kafka(route.cluster, '/consumer-groups')).data.filter((g) => g.consumer_group_id !== CONSOLE_GROUP);
    return Promise.all(
      list.map(async (g) => {
        const summary = await api.kafka(route.cluster, `/consumer-groups/${encodeURIComponent(g.consumer_group_id)}/lag-summary`).catch(() => undefined);
        return { ...g, summary };
      }),
    );
  }, ['groups', route.cluster]);
  return html`<${Section} title="Consumer groups">
    <${Loaded} state=${groups}>
      ${(rows) => html`<${Table}
        rowKey=${(g) => g.consumer_group_id}
        empty="No consumer group: groups exist while they have members or committed offsets."
        rows=${rows}
        columns=${[
          { label: 'Group', cell: (g) => html`<a href=${href.group(route.org, route.env, route.cluster, g.consumer_group_id)} data-testid=${`group-${g.consumer_group_id}`}>${g.consumer_group_id}</a>` },
          { label: 'State', cell: (g) => g.state },
          { label: 'Total lag', num: true, cell: (g) => g.summary?.total_lag ?? '—' },
          { label: 'Max lag', num: true, cell: (g) => (g.summary ? `${g.summary.max_lag} (${g.summary.max_lag_topic_name ?? ''}:${g.summary.max_lag_partition_id ?? ''})` : '—') },
        ]}
      />`}
    <//>
  <//>`;
}

/** Cluster links of this cluster and their mirror topics, with their states. */
function Links({ route }) {
  const api = useContext(OrgContext);
  const links = useData(async () => {
    const list = (await api.kafka(route.cluster, '/links')).data;
    const mirrors = list.length ? (await api.kafka(route.cluster, '/links/-/mirrors')).data : [];
    return { list, mirrors };
  }, ['links', route.cluster]);
  return html`<${Section} title="Cluster links">
    <${Loaded} state=${links}>
      ${({ list, mirrors }) => html`<${Table}
          rowKey=${(l) => l.link_name}
          empty="No cluster link."
          rows=${list}
          columns=${[
            { label: 'Link', cell: (l) => l.link_name },
            { label: 'Other cluster', cell: (l) => l.source_cluster_id ?? l.destination_cluster_id ?? l.remote_cluster_id ?? '—' },
            { label: 'State', cell: (l) => html`<${Phase} phase=${l.link_state} id=${`link-${l.link_name}`} />` },
            { label: 'Topics', wrap: true, cell: (l) => (l.topic_names ?? []).join(', ') || '—' },
          ]}
        />
        ${mirrors.length
          ? html`<h3 class="sub">Mirror topics</h3><${Table}
              rowKey=${(m) => `${m.link_name}/${m.mirror_topic_name}`}
              rows=${mirrors}
              columns=${[
                { label: 'Mirror topic', cell: (m) => m.mirror_topic_name },
                { label: 'Source topic', cell: (m) => m.source_topic_name },
                { label: 'Link', cell: (m) => m.link_name },
                { label: 'Status', cell: (m) => html`<${Phase} phase=${m.mirror_status} id=${`mirror-${m.link_name}-${m.mirror_topic_name}`} />` },
              ]}
            />`
          : ''}`}
    <//>
  <//>`;
}

/** The cluster's ACLs. */
function Acls({ route }) {
  const api = useContext(OrgContext);
  const acls = useData(() => api.kafka(route.cluster, '/acls').then((b) => b.data), ['acls', route.cluster]);
  return html`<${Section} title="ACLs">
    <${Loaded} state=${acls}>
      ${(rows) => html`<${Table}
        rowKey=${(a) => [a.principal, a.operation, a.permission, a.resource_type, a.resource_name, a.pattern_type, a.host].join('|')}
        empty="No ACL."
        rows=${rows}
        columns=${[
          { label: 'Principal', cell: (a) => a.principal },
          { label: 'Permission', cell: (a) => a.permission },
          { label: 'Operation', cell: (a) => a.operation },
          { label: 'Resource', cell: (a) => html`${a.resource_type} <code>${a.resource_name}</code>` },
          { label: 'Pattern', cell: (a) => a.pattern_type },
          { label: 'Host', cell: (a) => a.host },
        ]}
      />`}
    <//>
  <//>`;
}
