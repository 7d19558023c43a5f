import { html, useContext } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { href } from '../routes.js';
import { Code, Crumbs, Loaded, Phase, Section, Table } from './common.js';

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function Environments({ route }) {
  const api = useContext(OrgContext);
  // Each environment with what it holds, so the overview says where things are.
  const envs = useData(async () => {
    const list = await api.list('/org/v2/environments');
    return Promise.all(
      list.map(async (e) => {
        const q = `environment=${encodeURIComponent(e.id)}`;
        const [clusters, registries] = await Promise.all([api.list(`/cmk/v2/clusters?${q}`).catch(() => []), api.list(`/srcm/v2/clusters?${q}`).catch(() => [])]);
        return { ...e, clusters, registries };
      }),
    );
  }, ['envs', api.orgId]);
  return html`<${Crumbs} items=${[{ label: 'Environments' }]} />
    <${Section} title="Environments">
      <${Loaded} state=${envs} empty="This organization has no environment.">
        ${(rows) => html`<ul class="tiles">
          ${rows.map((e) => html`<li key=${e.id}>
            <a class="tile" href=${href.env(route.org, e.id)} data-testid=${`env-${e.id}`}>
              <strong>${e.display_name}</strong>
              <span class="muted">${e.id}</span>
              <span class="small">${plural(e.clusters.length, 'Kafka cluster')}${e.registries.length ? ' · Schema Registry' : ''}</span>
              ${e.stream_governance_config?.package ? html`<span class="muted small">Stream Governance ${e.stream_governance_config.package}</span>` : ''}
            </a>
          </li>`)}
        </ul>`}
      <//>
    <//>`;
}

/** An environment: its Kafka clusters, its Schema Registry, and links to the rest. */
export function Environment({ route }) {
  const api = useContext(OrgContext);
  const q = `environment=${encodeURIComponent(route.env)}`;
  const env = useData(() => api.call(`/org/v2/environments/${encodeURIComponent(route.env)}`), ['env', route.env]);
  const clusters = useData(() => api.list(`/cmk/v2/clusters?${q}`), ['cmk', route.env]);
  const registries = useData(() => api.list(`/srcm/v2/clusters?${q}`), ['srcm', route.env]);
  const name = env.data?.display_name ?? route.env;
  return html`<${Crumbs} items=${[{ label: 'Environments', href: href.org(route.org) }, { label: name }]} />
    <h1>${name} <span class="muted small">${route.env}</span></h1>
    <nav class="tabs" aria-label="Environment">
      <a href=${href.schemas(route.org, route.env)}>Schema Registry</a>
      <a href=${href.resources(route.org, route.env)}>Connectors, Flink, networks…</a>
    </nav>
    <${Section} title="Kafka clusters">
      <${Loaded} state=${clusters}>
        ${(rows) => html`<${Table}
          rowKey=${(c) => c.id}
          empty="No Kafka cluster in this environment."
          rows=${rows}
          columns=${[
            { label: 'Cluster', cell: (c) => html`<a href=${href.cluster(route.org, route.env, c.id)} data-testid=${`cluster-${c.id}`}>${c.spec.display_name}</a><div class="muted small">${c.id}</div>` },
            { label: 'Kind', cell: (c) => c.spec.config?.kind ?? '—' },
            { label: 'Cloud', cell: (c) => c.spec.cloud },
            { label: 'Region', cell: (c) => c.spec.region },
            { label: 'Availability', cell: (c) => c.spec.availability },
            { label: 'Phase', cell: (c) => html`<${Phase} phase=${c.status?.phase} id=${c.id} />` },
            { label: 'Endpoints', wrap: true, cell: (c) => html`<div class="endpoint"><span class="muted small">Kafka</span> <${Code}>${c.spec.kafka_bootstrap_endpoint ?? '—'}<//></div><div class="endpoint"><span class="muted small">REST</span> <${Code}>${c.spec.http_endpoint ?? '—'}<//></div>` },
          ]}
        />`}
      <//>
    <//>
    <${Section} title="Schema Registry">
      <${Loaded} state=${registries}>
        ${(rows) => html`<${Table}
          rowKey=${(c) => c.id}
          empty="No Schema Registry cluster in this environment."
          rows=${rows}
          columns=${[
            { label: 'Cluster', cell: (c) => html`<a href=${href.schemas(route.org, route.env)}>${c.spec.display_name ?? c.id}</a><div class="muted small">${c.id}</div>` },
            { label: 'Package', cell: (c) => c.spec.package },
            { label: 'Region', cell: (c) => c.spec.region?.id ?? '—' },
            { label: 'Phase', cell: (c) => html`<${Phase} phase=${c.status?.phase} id=${c.id} />` },
            { label: 'Endpoint', wrap: true, cell: (c) => html`<${Code}>${c.spec.http_endpoint}<//>` },
          ]}
        />`}
      <//>
    <//>`;
}
