import { html, useState } from '../html.js';
import { control } from '../api.js';
import { useData } from '../data.js';
import { Crumbs, ErrorBox, Loaded, Section, Table } from './common.js';

const FIELDS = [
  ['operation_id', 'Operation id', 'text'],
  ['method', 'Method', 'select', ['', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE']],
  ['path_prefix', 'Path prefix', 'text'],
  ['status', 'Status', 'number'],
  ['error_code', 'Error code', 'text'],
  ['message', 'Message', 'text'],
  ['retry_after_seconds', 'Retry-After (s)', 'number'],
  ['delay_ms', 'Delay (ms)', 'number'],
  ['transport', 'Transport', 'select', ['', 'reset']],
  ['times', 'Times', 'number'],
  ['after', 'After', 'number'],
  ['probability', 'Probability', 'number'],
  ['seed', 'Seed', 'number'],
  ['commit', 'Apply the write, then fail', 'checkbox'],
];

/** The active fault rules of the organization, with a form to add one and a button to remove each. */
export function Faults({ route, onChange }) {
  const rules = useData(() => control.get('/_emulator/faults').then((b) => (Array.isArray(b) ? b : b.data ?? [])), ['faults']);
  const [form, setForm] = useState({});
  const [error, setError] = useState(undefined);
  const mine = (r) => !r.organization_id || r.organization_id === route.org;
  const add = async (e) => {
    e.preventDefault();
    const rule = { organization_id: route.org };
    for (const [name, , type] of FIELDS) {
      const v = form[name];
      if (v !== undefined && v !== '' && v !== false) rule[name] = type === 'number' ? Number(v) : v;
    }
    try {
      await control.post('/_emulator/faults', rule);
      setForm({});
      setError(undefined);
    } catch (err) {
      setError(err);
    }
    onChange();
  };
  const remove = async (id) => {
    await control.delete(`/_emulator/faults/${encodeURIComponent(id)}`).catch((err) => setError(err));
    onChange();
  };
  const describe = (r) => ['operation_id', 'method', 'path_prefix', 'api_key'].filter((k) => r[k]).map((k) => `${k}=${r[k]}`).join(' ') || 'every request';
  const effect = (r) =>
    [r.status && `status ${r.status}`, r.error_code && `code ${r.error_code}`, r.transport && `transport ${r.transport}`, r.delay_ms && `delay ${r.delay_ms} ms`, r.commit && 'after commit', r.retry_after_seconds && `Retry-After ${r.retry_after_seconds}`]
      .filter(Boolean)
      .join(', ');
  return html`<${Crumbs} items=${[{ label: 'Faults' }]} />
    <h1>Fault rules</h1>
    <${Section} title="Active rules">
      <${Loaded} state=${rules}>
        ${(rows) => html`<${Table}
          rows=${rows.filter(mine)}
          rowKey=${(r) => r.id}
          empty="No fault rule: every request is answered normally."
          columns=${[
            { label: 'Rule', cell: (r) => html`<code>${r.id}</code>` },
            { label: 'Matches', cell: describe },
            { label: 'Effect', cell: effect },
            { label: 'Left', num: true, cell: (r) => r.times ?? r.remaining ?? '∞' },
            { label: '', cell: (r) => html`<button type="button" onClick=${() => remove(r.id)} data-testid="fault-remove">Remove</button>` },
          ]}
        />`}
      <//>
    <//>
    <${Section} title="Add a rule">
      <${ErrorBox} error=${error} />
      <form class="form-grid" onSubmit=${add}>
        ${FIELDS.map(([name, label, type, options]) => {
          const set = (value) => setForm({ ...form, [name]: value });
          if (type === 'select') return html`<label>${label}<select value=${form[name] ?? ''} onChange=${(e) => set(e.currentTarget.value)}>${options.map((o) => html`<option value=${o}>${o || 'any'}</option>`)}</select></label>`;
          if (type === 'checkbox') return html`<label class="check"><input type="checkbox" checked=${!!form[name]} onChange=${(e) => set(e.currentTarget.checked)} /> ${label}</label>`;
          return html`<label>${label}<input type=${type} step=${name === 'probability' ? '0.01' : undefined} min=${type === 'number' ? 0 : undefined} value=${form[name] ?? ''} onInput=${(e) => set(e.currentTarget.value)} /></label>`;
        })}
        <div><button type="submit" data-testid="fault-add">Add rule</button></div>
      </form>
    <//>`;
}
