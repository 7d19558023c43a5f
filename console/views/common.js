import { html, useContext } from '../html.js';
import { ClockContext, observePhase } from '../data.js';

export const fmtTime = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '—');

export function ErrorBox({ error }) {
  if (!error) return null;
  return html`<div class="error" role="alert">${error.status ? html`<strong>${error.status}</strong> ` : ''}${error.message}</div>`;
}

/** The standard body of a loading view: an error, a placeholder, or the content. */
export function Loaded({ state, children, empty }) {
  if (state.error && state.data === undefined) return html`<${ErrorBox} error=${state.error} />`;
  if (state.data === undefined) return html`<p class="muted">Loading…</p>`;
  if (empty && Array.isArray(state.data) && state.data.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`${state.error ? html`<${ErrorBox} error=${state.error} />` : ''}${children(state.data)}`;
}

const PHASE_CLASS = {
  PROVISIONED: 'ok', READY: 'ok', RUNNING: 'ok', ACTIVE: 'ok', COMPLETED: 'ok', INVITE_STATUS_ACCEPTED: 'ok', STABLE: 'ok',
  FAILED: 'bad', DEGRADED: 'bad', EXPIRED: 'bad', LINK_FAILED: 'bad', SOURCE_UNAVAILABLE: 'bad',
  DEPROVISIONING: 'warn', DELETING: 'warn', PAUSED: 'warn', STOPPED: 'warn',
};

/** A phase badge; with `id`, it also says when this page saw the phase change. */
export function Phase({ phase, id }) {
  const clock = useContext(ClockContext);
  if (!phase) return html`<span class="muted">—</span>`;
  const seen = id ? observePhase(id, phase, clock?.now) : undefined;
  return html`<span class="phase-cell">
    <span class=${`phase ${PHASE_CLASS[phase] ?? 'busy'}`} data-testid=${id ? `phase-${id}` : undefined}>${phase}</span>
    ${seen?.since ? html`<span class="muted small phase-change" title="seen by this page on the virtual clock">from ${seen.before} at ${fmtTime(seen.since)}</span>` : ''}
  </span>`;
}

export function Table({ columns, rows, rowKey, empty = 'None.', caption }) {
  if (!rows.length) return html`<p class="muted">${empty}</p>`;
  return html`<table>
    ${caption ? html`<caption>${caption}</caption>` : ''}
    <thead><tr>${columns.map((c) => html`<th scope="col" class=${c.num ? 'num' : ''}>${c.label}</th>`)}</tr></thead>
    <tbody>
      ${rows.map((r, i) => html`<tr key=${rowKey ? rowKey(r) : i}>${columns.map((c) => html`<td class=${`${c.num ? 'num' : ''} ${c.wrap ? 'wrap' : ''}`}>${c.cell(r)}</td>`)}</tr>`)}
    </tbody>
  </table>`;
}

export function Section({ title, children, actions }) {
  return html`<section class="card">
    <header class="card-head"><h2>${title}</h2>${actions ?? ''}</header>
    ${children}
  </section>`;
}

export function Crumbs({ items }) {
  return html`<nav class="crumbs" aria-label="Breadcrumb">
    ${items.map((it, i) => html`${i ? html`<span aria-hidden="true"> / </span>` : ''}${it.href && i < items.length - 1 ? html`<a href=${it.href}>${it.label}</a>` : html`<span aria-current=${i === items.length - 1 ? 'page' : undefined}>${it.label}</span>`}`)}
  </nav>`;
}

export const Code = ({ children }) => html`<code>${children}</code>`;

/** A definition list of label → value pairs, skipping empty values. */
export function Props({ items }) {
  return html`<dl class="props">
    ${items.filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}
  </dl>`;
}
