import { html, useContext } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { href } from '../routes.js';
import { Crumbs, Loaded, Phase, Section, Table } from './common.js';

const enc = encodeURIComponent;

/** Every other phased resource of an environment, each as a list with its phase. */
export function Resources({ route }) {
  const api = useContext(OrgContext);
  const env = `environment=${enc(route.env)}`;
  const clusters = useData(() => api.list(`/cmk/v2/clusters?${env}`), ['cmk', route.env]);
  const ids = (clusters.data ?? []).map((c) => c.id);
  const connectors = useData(async () => {
    const all = await Promise.all(
      ids.map(async (lkc) => {
        const byName = await api.call(`/connect/v1/environments/${enc(route.env)}/clusters/${enc(lkc)}/connectors?expand=status,info`);
        return Object.entries(byName).map(([name, c]) => ({ id: `${lkc}/${name}`, name, cluster: lkc, type: c.info?.type ?? c.status?.type, phase: c.status?.connector?.state, plugin: c.info?.config?.['connector.class'] }));
      }),
    );
    return all.flat();
  }, ['connectors', route.env, ids]);
  const pipelines = useData(async () => (await Promise.all(ids.map((lkc) => api.list(`/sd/v1/pipelines?${env}&spec.kafka_cluster=${enc(lkc)}`)))).flat(), ['pipelines', route.env, ids]);
  const pools = useData(() => api.list(`/fcpm/v2/compute-pools?${env}`), ['pools', route.env]);
  const statements = useData(() => api.list(`/sql/v1/organizations/${enc(route.org)}/environments/${enc(route.env)}/statements`, route.env), ['statements', route.env]);
  const networks = useData(() => api.list(`/networking/v1/networks?${env}`), ['networks', route.env]);
  const networking = useData(async () => {
    const kinds = [
      ['Peering', 'peerings'],
      ['Transit gateway attachment', 'transit-gateway-attachments'],
      ['DNS forwarder', 'dns-forwarders'],
    ];
    const lists = await Promise.all(kinds.map(([kind, path]) => api.list(`/networking/v1/${path}?${env}`).then((rows) => rows.map((r) => ({ ...r, kind })))));
    return lists.flat();
  }, ['networking', route.env]);
  const ksql = useData(() => api.list(`/ksqldbcm/v2/clusters?${env}`), ['ksql', route.env]);

  const list = (title, state, columns, empty) => html`<${Section} title=${title}>
    <${Loaded} state=${state}>${(rows) => html`<${Table} rows=${rows} rowKey=${(r) => r.id ?? r.name} columns=${columns} empty=${empty} />`}<//>
  <//>`;
  const named = (name, id) => html`${name}<div class="muted small">${id}</div>`;
  return html`<${Crumbs} items=${[{ label: 'Environments', href: href.org(route.org) }, { label: route.env, href: href.env(route.org, route.env) }, { label: 'Resources' }]} />
    <h1>Connectors, Flink, networks and more</h1>
    <div class="grid2">
      ${list('Connectors', connectors, [
        { label: 'Connector', cell: (r) => named(r.name, r.cluster) },
        { label: 'Type', cell: (r) => r.type ?? '—' },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.phase} id=${r.id} />` },
      ], 'No connector.')}
      ${list('Flink statements', statements, [
        { label: 'Statement', cell: (r) => named(r.name, r.spec?.compute_pool_id) },
        { label: 'SQL', wrap: true, cell: (r) => html`<code class="small">${r.spec?.statement}</code>` },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.status?.phase} id=${`stmt-${r.name}`} />` },
      ], 'No Flink statement.')}
      ${list('Flink compute pools', pools, [
        { label: 'Pool', cell: (r) => named(r.spec?.display_name, r.id) },
        { label: 'Region', cell: (r) => `${r.spec?.cloud} ${r.spec?.region}` },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.status?.phase} id=${r.id} />` },
      ], 'No compute pool.')}
      ${list('Networks', networks, [
        { label: 'Network', cell: (r) => named(r.spec?.display_name, r.id) },
        { label: 'Cloud', cell: (r) => `${r.spec?.cloud} ${r.spec?.region}` },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.status?.phase} id=${r.id} />` },
      ], 'No network.')}
      ${list('Peerings, transit gateway attachments, DNS forwarders', networking, [
        { label: 'Resource', cell: (r) => named(r.spec?.display_name ?? r.id, r.id) },
        { label: 'Kind', cell: (r) => r.kind },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.status?.phase} id=${r.id} />` },
      ], 'None.')}
      ${list('ksqlDB clusters', ksql, [
        { label: 'Cluster', cell: (r) => named(r.spec?.display_name, r.id) },
        { label: 'CSUs', num: true, cell: (r) => r.spec?.csu },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.status?.phase} id=${r.id} />` },
      ], 'No ksqlDB cluster.')}
      ${list('Stream Designer pipelines', pipelines, [
        { label: 'Pipeline', cell: (r) => named(r.spec?.display_name, r.id) },
        { label: 'Cluster', cell: (r) => r.spec?.kafka_cluster?.id },
        { label: 'Phase', cell: (r) => html`<${Phase} phase=${r.status?.state ?? r.status?.phase} id=${r.id} />` },
      ], 'No pipeline.')}
    </div>`;
}
