import { html, useContext, useState } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { href } from '../routes.js';
import { Crumbs, Loaded, Phase, Props, Section, Table } from './common.js';

const enc = encodeURIComponent;

/** The Schema Registry cluster of the environment (null when there is none). */
function useRegistry(route) {
  const api = useContext(OrgContext);
  return useData(async () => (await api.list(`/srcm/v2/clusters?environment=${enc(route.env)}`))[0] ?? null, ['sr', route.env]);
}

const crumbs = (route, more = []) => [
  { label: 'Environments', href: href.org(route.org) },
  { label: route.env, href: href.env(route.org, route.env) },
  { label: 'Schema Registry', href: href.schemas(route.org, route.env) },
  ...more,
];

export function Schemas({ route }) {
  const api = useContext(OrgContext);
  const registry = useRegistry(route);
  const sr = registry.data?.id;
  const subjects = useData(async () => {
    if (!sr) return [];
    const names = await api.registry(sr, '/subjects');
    return Promise.all(
      names.sort().map(async (name) => {
        const versions = await api.registry(sr, `/subjects/${enc(name)}/versions`);
        const latest = await api.registry(sr, `/subjects/${enc(name)}/versions/latest`);
        return { name, versions: versions.length, latest };
      }),
    );
  }, ['subjects', sr]);
  const global = useData(() => (sr ? api.registry(sr, '/config') : Promise.resolve(null)), ['srconfig', sr]);
  const exporters = useData(async () => {
    if (!sr) return [];
    const names = await api.registry(sr, '/exporters');
    return Promise.all(names.map(async (name) => ({ name, ...(await api.registry(sr, `/exporters/${enc(name)}/status`)) })));
  }, ['exporters', sr]);
  return html`<${Crumbs} items=${crumbs(route)} />
    <h1>Schema Registry</h1>
    ${registry.data === null ? html`<p class="note">This environment has no Schema Registry cluster.</p>` : ''}
    ${sr
      ? html`<${Section} title="Registry">
          <${Props} items=${[
            ['Cluster', sr],
            ['Endpoint', html`<code>${registry.data.spec.http_endpoint}</code>`],
            ['Global compatibility', global.data?.compatibilityLevel],
          ]} />
        <//>
        <${Section} title="Subjects">
          <${Loaded} state=${subjects}>
            ${(rows) => html`<${Table}
              rowKey=${(s) => s.name}
              empty="No subject yet."
              rows=${rows}
              columns=${[
                { label: 'Subject', cell: (s) => html`<a href=${href.subject(route.org, route.env, s.name)} data-testid=${`subject-${s.name}`}>${s.name}</a>` },
                { label: 'Format', cell: (s) => s.latest.schemaType ?? 'AVRO' },
                { label: 'Versions', num: true, cell: (s) => s.versions },
                { label: 'Latest id', num: true, cell: (s) => s.latest.id },
              ]}
            />`}
          <//>
        <//>
        <${Section} title="Exporters">
          <${Loaded} state=${exporters}>
            ${(rows) => html`<${Table}
              rowKey=${(e) => e.name}
              empty="No exporter."
              rows=${rows}
              columns=${[
                { label: 'Exporter', cell: (e) => e.name },
                { label: 'State', cell: (e) => html`<${Phase} phase=${e.state} id=${`exporter-${e.name}`} />` },
                { label: 'Offset', num: true, cell: (e) => e.offset ?? '—' },
                { label: 'Trace', wrap: true, cell: (e) => e.trace || '—' },
              ]}
            />`}
          <//>
        <//>`
      : ''}`;
}

/** Pretty-prints JSON schema text (Avro, JSON Schema); Protobuf stays as written. */
const pretty = (text) => {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
};

export function Subject({ route }) {
  const api = useContext(OrgContext);
  const registry = useRegistry(route);
  const sr = registry.data?.id;
  const s = enc(route.subject);
  const versions = useData(() => (sr ? api.registry(sr, `/subjects/${s}/versions`) : Promise.resolve([])), ['versions', sr, route.subject]);
  const [chosen, setChosen] = useState(undefined);
  const version = chosen ?? versions.data?.[versions.data.length - 1];
  const schema = useData(() => (sr && version ? api.registry(sr, `/subjects/${s}/versions/${version}`) : Promise.resolve(null)), ['version', sr, route.subject, version]);
  const config = useData(() => (sr ? api.registry(sr, `/config/${s}?defaultToGlobal=true`) : Promise.resolve(null)), ['subjectconfig', sr, route.subject]);
  return html`<${Crumbs} items=${crumbs(route, [{ label: route.subject }])} />
    <h1>${route.subject}</h1>
    <${Section}
      title="Schema"
      actions=${versions.data?.length
        ? html`<label>Version <select value=${version} onChange=${(e) => setChosen(Number(e.currentTarget.value))} data-testid="schema-version">
            ${versions.data.map((v) => html`<option value=${v}>${v}</option>`)}
          </select></label>`
        : ''}
    >
      <${Loaded} state=${schema}>
        ${(v) => (v
          ? html`<${Props} items=${[
              ['Format', v.schemaType ?? 'AVRO'],
              ['Id', v.id],
              ['Version', v.version],
              ['Compatibility', config.data?.compatibilityLevel],
              ['References', v.references?.length ? html`<ul class="plain">${v.references.map((r) => html`<li><a href=${href.subject(route.org, route.env, r.subject)}>${r.name}</a> → ${r.subject} v${r.version}</li>`)}</ul>` : 'none'],
            ]} />
            <pre class="schema" data-testid="schema-text">${pretty(v.schema)}</pre>`
          : html`<p class="muted">No version.</p>`)}
      <//>
    <//>`;
}
