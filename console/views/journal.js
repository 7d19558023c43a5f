import { html, useContext, useState } from '../html.js';
import { control } from '../api.js';
import { OrgContext, useData } from '../data.js';
import { Crumbs, Loaded, Section } from './common.js';

/** The request journal of the organization, newest first; a row opens its bodies. */
export function Journal({ route, onChange }) {
  const api = useContext(OrgContext);
  const [own, setOwn] = useState(false);
  const [open, setOpen] = useState(undefined);
  const entries = useData(
    () => control.get(`/_emulator/requests?organization_id=${encodeURIComponent(route.org)}&limit=200`).then((b) => (Array.isArray(b) ? b : b.data ?? [])),
    ['journal', route.org],
  );
  const isOwn = (e) => api.keyIds.has(e.api_key) || /^CONSOLE/.test(e.api_key ?? '') || (e.path ?? '').startsWith('/_emulator');
  const clear = async () => {
    await control.delete(`/_emulator/requests?organization_id=${encodeURIComponent(route.org)}`).catch(() => undefined);
    onChange();
  };
  return html`<${Crumbs} items=${[{ label: 'Request journal' }]} />
    <h1>Request journal</h1>
    <${Section}
      title="Requests"
      actions=${html`<span class="actions">
        <label class="toggle"><input type="checkbox" checked=${own} onChange=${(e) => setOwn(e.currentTarget.checked)} /> Show the console's own requests</label>
        <button type="button" onClick=${clear}>Clear</button>
      </span>`}
    >
      <${Loaded} state=${entries}>
        ${(rows) => {
          const shown = rows.filter((e) => own || !isOwn(e)).reverse();
          if (!shown.length) return html`<p class="muted">No request yet.</p>`;
          return html`<table class="journal">
            <thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Operation</th><th scope="col" class="num">Status</th><th scope="col" class="num">ms</th></tr></thead>
            <tbody>
              ${shown.map((e) => html`<tr key=${e.request_id} data-testid="journal-row" class=${e.status >= 400 ? 'failed' : ''}>
                  <td class="small">${(e.time ?? '').slice(11, 23)}</td>
                  <td><span class="tag">${e.method}</span></td>
                  <td><button type="button" class="link" aria-expanded=${open === e.request_id} onClick=${() => setOpen(open === e.request_id ? undefined : e.request_id)}>${e.path}</button></td>
                  <td class="small">${e.operation_id ?? '—'}</td>
                  <td class="num"><span class=${`status s${String(e.status)[0]}`}>${e.status}</span></td>
                  <td class="num">${e.duration_ms?.toFixed?.(1) ?? e.duration_ms}</td>
                </tr>
                ${open === e.request_id
                  ? html`<tr class="detail"><td colspan="6">
                      <div class="grid2">
                        <div><h3>Request</h3><pre>${JSON.stringify({ query: e.query, body: e.request_body }, null, 2)}</pre></div>
                        <div><h3>Response</h3><pre>${JSON.stringify(e.response_body, null, 2)}</pre></div>
                      </div>
                      <p class="muted small">request id ${e.request_id}${e.api_key ? ` · key ${e.api_key}` : ''}</p>
                    </td></tr>`
                  : ''}`)}
            </tbody>
          </table>`;
        }}
      <//>
    <//>`;
}
