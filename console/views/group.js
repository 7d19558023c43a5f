import { html, useContext } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { Crumbs, Loaded, Section, Table } from './common.js';
import { clusterCrumbs, useCluster } from './cluster.js';

/** A consumer group: its lag per partition, as a chart and a table. */
export function Group({ route }) {
  const api = useContext(OrgContext);
  const cluster = useCluster(route);
  const lags = useData(
    () => api.kafka(route.cluster, `/consumer-groups/${encodeURIComponent(route.group)}/lags`).then((b) => b.data.sort((a, b) => a.topic_name.localeCompare(b.topic_name) || a.partition_id - b.partition_id)),
    ['lags', route.cluster, route.group],
  );
  return html`<${Crumbs} items=${clusterCrumbs(route, cluster.data, [{ label: `group ${route.group}` }])} />
    <h1>${route.group} <span class="muted small">consumer group</span></h1>
    <${Section} title="Lag per partition">
      <${Loaded} state=${lags} empty="This group has committed no offset.">
        ${(rows) => html`<${LagChart} rows=${rows} />
          <${Table}
            rowKey=${(l) => `${l.topic_name}/${l.partition_id}`}
            rows=${rows}
            columns=${[
              { label: 'Topic', cell: (l) => l.topic_name },
              { label: 'Partition', num: true, cell: (l) => l.partition_id },
              { label: 'Committed offset', num: true, cell: (l) => l.current_offset },
              { label: 'End offset', num: true, cell: (l) => l.log_end_offset },
              { label: 'Lag', num: true, cell: (l) => html`<strong>${l.lag}</strong>` },
              { label: 'Consumer', cell: (l) => html`<span class="small">${l.consumer_id || '—'}</span>` },
            ]}
          />`}
      <//>
    <//>`;
}

/** Horizontal bars, one per partition: the committed part and the lag up to the end offset. */
function LagChart({ rows }) {
  const width = 720;
  const label = 170;
  const bar = 18;
  const gap = 8;
  const max = Math.max(1, ...rows.map((r) => r.log_end_offset));
  const scale = (n) => ((width - label - 70) * n) / max;
  const height = rows.length * (bar + gap) + 24;
  return html`<figure class="chart">
    <svg viewBox=${`0 0 ${width} ${height}`} width=${width} height=${height} role="img" aria-label="Lag per partition" data-testid="lag-chart">
      ${rows.map((r, i) => {
        const y = i * (bar + gap);
        return html`<g key=${`${r.topic_name}/${r.partition_id}`}>
          <text x=${label - 8} y=${y + bar - 5} text-anchor="end" class="chart-label">${r.topic_name} · ${r.partition_id}</text>
          <rect x=${label} y=${y} width=${scale(r.current_offset)} height=${bar} class="bar-done"><title>committed ${r.current_offset}</title></rect>
          <rect x=${label + scale(r.current_offset)} y=${y} width=${scale(r.lag)} height=${bar} class="bar-lag" data-testid="lag-bar"><title>lag ${r.lag}</title></rect>
          <text x=${label + scale(r.log_end_offset) + 6} y=${y + bar - 5} class="chart-value">${r.lag}</text>
        </g>`;
      })}
      <g transform=${`translate(${label}, ${height - 16})`}>
        <rect width="12" height="10" class="bar-done" /><text x="16" y="9" class="chart-label">committed</text>
        <rect x="100" width="12" height="10" class="bar-lag" /><text x="116" y="9" class="chart-label">lag</text>
      </g>
    </svg>
  </figure>`;
}
