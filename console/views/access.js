import { html, useContext } from '../html.js';
import { OrgContext, useData } from '../data.js';
import { Crumbs, Loaded, Section, Table } from './common.js';

/** Service accounts, users, API keys (never a secret: lists carry none) and role bindings. */
export function Access({ route }) {
  const api = useContext(OrgContext);
  const sas = useData(() => api.list('/iam/v2/service-accounts'), ['sa', route.org]);
  const users = useData(() => api.list('/iam/v2/users'), ['users', route.org]);
  const keys = useData(() => api.list('/iam/v2/api-keys'), ['keys', route.org]);
  const bindings = useData(() => api.list(`/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(`crn://confluent.cloud/organization=${route.org}`)}`), ['rb', route.org]);
  const section = (title, state, columns, empty) => html`<${Section} title=${title}>
    <${Loaded} state=${state}>${(rows) => html`<${Table} rows=${rows} rowKey=${(r) => r.id} columns=${columns} empty=${empty} />`}<//>
  <//>`;
  return html`<${Crumbs} items=${[{ label: 'Accounts and access' }]} />
    <h1>Accounts and access</h1>
    ${section('Service accounts', sas, [
      { label: 'Name', cell: (r) => html`${r.display_name}<div class="muted small">${r.id}</div>` },
      { label: 'Description', wrap: true, cell: (r) => r.description || '—' },
      { label: 'Created', cell: (r) => html`<span class="small">${r.metadata?.created_at}</span>` },
    ], 'No service account.')}
    ${section('Users', users, [
      { label: 'Name', cell: (r) => html`${r.full_name}<div class="muted small">${r.id}</div>` },
      { label: 'Email', cell: (r) => r.email },
      { label: 'Authentication', cell: (r) => r.auth_type },
    ], 'No user.')}
    ${section('API keys', keys, [
      { label: 'Key', cell: (r) => html`<code>${r.id}</code><div class="muted small">${r.spec?.display_name || ''}</div>` },
      { label: 'Owner', cell: (r) => r.spec?.owner?.id },
      { label: 'Scope', cell: (r) => r.spec?.resource?.id ?? html`<span class="muted">Cloud</span>` },
      { label: 'Secret', cell: () => html`<span class="muted" title="The console never shows a secret">hidden</span>` },
    ], 'No API key.')}
    ${section('Role bindings', bindings, [
      { label: 'Principal', cell: (r) => r.principal },
      { label: 'Role', cell: (r) => r.role_name },
      { label: 'On', wrap: true, cell: (r) => html`<code class="small">${r.crn_pattern}</code>` },
    ], 'No role binding.')}`;
}
