import { html, useState } from '../html.js';
import { setAdminToken } from '../admin-token.js';

/**
 * Asks for the control plane's admin token: the emulator was started with `--admin-token`, and the
 * console reads everything through the control plane. `refused` says the token typed before was wrong.
 */
export function AdminTokenForm({ refused }) {
  const [value, setValue] = useState('');
  const submit = (e) => {
    e.preventDefault();
    setAdminToken(value.trim());
  };
  return html`<section class="card" data-testid="admin-token">
    <header class="card-head"><h2>Admin token</h2></header>
    <p>This emulator was started with <code>--admin-token</code> (<code>CCLOUD_EMULATOR_ADMIN_TOKEN</code>): its control plane answers only requests that carry that token.</p>
    ${refused ? html`<div class="error" role="alert" data-testid="admin-token-refused">The emulator refused that token.</div>` : ''}
    <form class="inline" onSubmit=${submit}>
      <label>Token <input type="password" autocomplete="off" required value=${value} onInput=${(e) => setValue(e.currentTarget.value)} data-testid="admin-token-input" /></label>
      <button type="submit" data-testid="admin-token-submit">Use it</button>
    </form>
    <p class="muted small">Kept for this browser tab only, and sent only to this emulator.</p>
  </section>`;
}
