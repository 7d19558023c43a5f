import { html, useContext, useState } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { latestRecords } from '../messages.js';
import { Crumbs, Loaded, Section, Table } from './common.js';
import { clusterCrumbs, useCluster } from './cluster.js';

const enc = encodeURIComponent;

/** A topic: partitions with their offsets, configs, and its latest messages. */
export function Topic({ route }) {
  const api = useContext(OrgContext);
  const cluster = useCluster(route);
  const t = `/topics/${enc(route.topic)}`;
  const partitions = useData(async () => {
    const list = (await api.kafka(route.cluster, `${t}/partitions`)).data;
    return Promise.all(
      list.map(async (p) => {
        const offsets = await api.call(`${t}/partitions/${p.partition_id}/offsets`, { resource: route.cluster, headers: { accept: 'application/vnd.kafka.v2+json' } });
        return { partition: p.partition_id, leader: p.leader?.related?.split('/').pop(), ...offsets };
      }),
    );
  }, ['partitions', route.cluster, route.topic]);
  const configs = useData(() => api.kafka(route.cluster, `${t}/configs`).then((b) => b.data), ['configs', route.cluster, route.topic]);
  const [allConfigs, setAllConfigs] = useState(false);

  return html`<${Crumbs} items=${clusterCrumbs(route, cluster.data, [{ label: route.topic }])} />
    <h1>${route.topic}</h1>
    <${Section} title="Partitions">
      <${Loaded} state=${partitions}>
        ${(rows) => html`<${Table}
          rowKey=${(p) => p.partition}
          rows=${rows}
          columns=${[
            { label: 'Partition', num: true, cell: (p) => p.partition },
            { label: 'Beginning offset', num: true, cell: (p) => p.beginning_offset },
            { label: 'End offset', num: true, cell: (p) => html`<span data-testid=${`end-offset-${p.partition}`}>${p.end_offset}</span>` },
            { label: 'Records', num: true, cell: (p) => p.end_offset - p.beginning_offset },
          ]}
        />`}
      <//>
    <//>
    ${partitions.data ? html`<${Messages} route=${route} partitions=${partitions.data} />` : ''}
    <${Section}
      title="Configs"
      actions=${html`<label class="toggle"><input type="checkbox" checked=${allConfigs} onChange=${(e) => setAllConfigs(e.currentTarget.checked)} /> Show defaults</label>`}
    >
      <${Loaded} state=${configs}>
        ${(rows) => html`<${Table}
          rowKey=${(c) => c.name}
          empty="Every config has its default value."
          rows=${rows.filter((c) => allConfigs || !c.is_default).sort((a, b) => a.name.localeCompare(b.name))}
          columns=${[
            { label: 'Name', cell: (c) => html`<code>${c.name}</code>` },
            { label: 'Value', wrap: true, cell: (c) => (c.is_sensitive ? html`<span class="muted">(sensitive)</span>` : html`<code>${c.value ?? 'null'}</code>`) },
            { label: 'Source', cell: (c) => html`<span class="muted small">${c.source}</span>` },
          ]}
        />`}
      <//>
    <//>`;
}

function Messages({ route, partitions }) {
  const api = useContext(OrgContext);
  const [count, setCount] = useState(10);
  const offsets = partitions.map((p) => `${p.partition}:${p.end_offset}`).join(',');
  const registry = useData(async () => (await api.list(`/srcm/v2/clusters?environment=${enc(route.env)}`))[0]?.id ?? null, ['sr', route.env], { live: false });
  const schemas = new Map();
  const schemaOf = (id) => {
    if (!registry.data) return Promise.reject(new Error('no Schema Registry'));
    if (!schemas.has(id)) schemas.set(id, api.registry(registry.data, `/schemas/ids/${id}`));
    return schemas.get(id);
  };
  // Read again only when an end offset moves (or the count changes), not on every refresh; and only
  // once the registry is known (until then the load waits: its key changes when the registry arrives).
  const waitForRegistry = () => new Promise(() => {});
  const records = useData(
    () => (registry.loading ? waitForRegistry() : latestRecords(api, route.cluster, route.topic, partitions, count, schemaOf)),
    ['records', route.cluster, route.topic, offsets, count, registry.loading],
    { live: false },
  );
  return html`<${Section}
    title="Messages"
    actions=${html`<label>Latest <select value=${count} onChange=${(e) => setCount(Number(e.currentTarget.value))} aria-label="Messages per partition">
      ${[5, 10, 20, 50, 100].map((n) => html`<option value=${n}>${n}</option>`)}
    </select> per partition</label>`}
  >
    <${Loaded} state=${records} empty="No message in this topic yet.">
      ${(rows) => html`<table class="messages">
        <thead><tr><th scope="col" class="num">Partition</th><th scope="col" class="num">Offset</th><th scope="col">Key</th><th scope="col">Value</th><th scope="col">Headers</th><th scope="col">Timestamp</th></tr></thead>
        <tbody>
          ${rows.map((r) => html`<tr key=${`${r.partition}/${r.offset}`} data-testid="message-row">
            <td class="num">${r.partition}</td>
            <td class="num">${r.offset}</td>
            <td><${Field} field=${r.key} /></td>
            <td><${Field} field=${r.value} /></td>
            <td data-testid="message-headers">${(r.headers ?? []).map((h) => html`<div class="small"><strong>${h.name}</strong>: ${h.value === null ? html`<span class="muted">null</span>` : typeof h.value.value === 'string' ? h.value.value : JSON.stringify(h.value.value)}</div>`)}</td>
            <td class="small">${r.timestamp ?? ''}</td>
          </tr>`)}
        </tbody>
      </table>`}
    <//>
  <//>`;
}

function Field({ field }) {
  if (field.format === 'null') return html`<span class="muted">null</span>`;
  const raw = field.pending || field.format === 'bytes' || field.format === 'string';
  const text = raw ? field.value : JSON.stringify(field.value, null, 2);
  return html`<div class="field"><span class="tag">${field.format}${field.pending ? ' · not decoded' : ''}</span><pre>${text}</pre></div>`;
}
