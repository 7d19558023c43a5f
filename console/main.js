import { html, render, useCallback, useEffect, useErrorBoundary, useMemo, useState } from './html.js';
import { OrgApi, control } from './api.js';
import { adminToken, needsAdminToken, onAdminTokenChange } from './admin-token.js';
import { AdminTokenForm } from './views/admin-token.js';
import { ClockContext, OrgContext, TickContext } from './data.js';
import { href, parseRoute } from './routes.js';
import { ErrorBox } from './views/common.js';
import { Environment, Environments } from './views/environments.js';
import { Cluster } from './views/cluster.js';
import { Topic } from './views/topic.js';
import { Group } from './views/group.js';
import { Schemas, Subject } from './views/schemas.js';
import { Access } from './views/access.js';
import { Resources } from './views/resources.js';
import { ClockBar, ClockPage } from './views/clock.js';
import { Journal } from './views/journal.js';
import { Faults } from './views/faults.js';

const POLL_MS = 2000;

/**
 * Which optional control-plane features this emulator serves, from its operation catalogue (so
 * that no probe answers 404 in the browser's log).
 */
async function detectFeatures() {
  const ops = (await control.get('/_emulator/operations')).data;
  const has = (method, path) => ops.some((o) => o.method.toUpperCase() === method && o.path === path);
  return {
    journal: has('GET', '/_emulator/requests'),
    faults: has('GET', '/_emulator/faults'),
    events: has('GET', '/_emulator/events'),
  };
}

/** Refreshes on a timer while the page is visible, and at once on every event the emulator streams. */
function useTicks(features, org, token) {
  const [tick, setTick] = useState(0);
  const bump = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    const timer = setInterval(() => document.hidden || bump(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    // An EventSource cannot send the admin token's header: with a token, the page polls instead.
    if (!features?.events || !org || token) return;
    const source = new EventSource(`/_emulator/events?organization_id=${encodeURIComponent(org)}`);
    let pending;
    const soon = () => {
      clearTimeout(pending);
      pending = setTimeout(bump, 150);
    };
    for (const type of ['message', 'created', 'updated', 'deleted', 'phase']) source.addEventListener(type, soon);
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [features?.events, org, token]);
  return [tick, bump];
}

function useHashRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return parseRoute(hash);
}

function useAdminToken() {
  const [token, setToken] = useState(adminToken());
  useEffect(() => onAdminTokenChange(setToken), []);
  return token;
}

function App() {
  const route = useHashRoute();
  const token = useAdminToken();
  const [features, setFeatures] = useState(undefined);
  const [orgs, setOrgs] = useState({});
  const [clock, setClock] = useState(undefined);
  const [tick, bump] = useTicks(features, route.org, token);
  // Credentials were issued under the old token (or none): a new token starts from fresh ones.
  const apis = useMemo(() => new Map(), [token]);
  const api = route.org ? apis.get(route.org) ?? apis.set(route.org, new OrgApi(route.org)).get(route.org) : undefined;

  useEffect(() => {
    detectFeatures().then(setFeatures, () => setFeatures({}));
  }, [token]);
  useEffect(() => {
    const asked = token;
    // `refusedToken`: the token this error answered, so a new token is not called refused before its answer.
    control.get('/_emulator/orgs').then((b) => setOrgs({ data: b.data }), (error) => setOrgs((s) => ({ ...s, error, refusedToken: asked })));
    control.get('/_emulator/clock').then(setClock, () => undefined);
  }, [tick, token]);
  // A page scrolled to a new route starts at its top, and its heading is announced.
  useEffect(() => {
    document.getElementById('main')?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }, [route.page, route.org, route.env, route.cluster, route.topic, route.subject, route.group]);

  // Started with --admin-token: nothing of the control plane answers until the token is typed in.
  const locked = needsAdminToken(orgs.error);
  const orgName = orgs.data?.find((o) => o.id === route.org)?.display_name;
  useEffect(() => {
    document.title = orgName ? `${orgName} · ccloud-emulator console` : 'ccloud-emulator console';
  }, [orgName]);

  const nav = route.org
    ? [
        ['Environments', href.org(route.org), ['environments', 'environment', 'cluster', 'topic', 'group', 'schemas', 'subject', 'resources']],
        ['Accounts and access', href.access(route.org), ['access']],
        ...(features?.journal ? [['Request journal', href.journal(route.org), ['journal']]] : []),
        ...(features?.faults ? [['Faults', href.faults(route.org), ['faults']]] : []),
        ['Clock and lifecycle', href.clock(route.org), ['clock']],
      ]
    : [];

  return html`<${TickContext.Provider} value=${tick}>
    <${ClockContext.Provider} value=${clock}>
      <a class="skip" href="#main" onClick=${(e) => { e.preventDefault(); document.getElementById('main').focus(); }}>Skip to content</a>
      <header class="top">
        <a class="brand" href=${href.home()}>ccloud-emulator <span>console</span></a>
        <${OrgPicker} orgs=${orgs.data} current=${route.org} />
        <${ClockBar} onChange=${bump} />
      </header>
      <div class="layout">
        ${route.org
          ? html`<nav class="side" aria-label="Sections">
              <ul>${nav.map(([label, link, pages]) => html`<li><a href=${link} aria-current=${pages.includes(route.page) ? 'page' : undefined}>${label}</a></li>`)}</ul>
              <p class="muted small side-note">${features?.events && !token ? 'Live: event stream and polling' : `Live: polling every ${POLL_MS / 1000} s`}</p>
            </nav>`
          : ''}
        <main id="main" tabindex="-1">
          ${locked
            ? html`<${AdminTokenForm} refused=${token !== undefined && orgs.refusedToken === token} />`
            : html`<${ErrorBox} error=${orgs.error} />
          ${route.org ? html`<${OrgContext.Provider} value=${api}><${Guarded} route=${route} onChange=${bump} features=${features} /><//>` : html`<${Home} orgs=${orgs.data} />`}`}
        </main>
      </div>
    <//>
  <//>`;
}

/** A view that fails shows its error in place, and the rest of the console keeps working. */
function Guarded(props) {
  const [error, reset] = useErrorBoundary((err) => console.error('console view failed:', err));
  useEffect(() => error && reset(), [props.route]);
  if (error) return html`<${ErrorBox} error=${{ message: `This view failed: ${error.message}` }} />`;
  return html`<${Page} ...${props} />`;
}

function Page({ route, onChange, features }) {
  switch (route.page) {
    case 'environment': return html`<${Environment} route=${route} />`;
    case 'cluster': return html`<${Cluster} route=${route} />`;
    case 'topic': return html`<${Topic} route=${route} />`;
    case 'group': return html`<${Group} route=${route} />`;
    case 'schemas': return html`<${Schemas} route=${route} />`;
    case 'subject': return html`<${Subject} route=${route} />`;
    case 'resources': return html`<${Resources} route=${route} />`;
    case 'access': return html`<${Access} route=${route} />`;
    case 'clock': return html`<${ClockPage} onChange=${onChange} />`;
    case 'journal': return features?.journal ? html`<${Journal} route=${route} onChange=${onChange} />` : html`<p class="note">This emulator keeps no request journal.</p>`;
    case 'faults': return features?.faults ? html`<${Faults} route=${route} onChange=${onChange} />` : html`<p class="note">This emulator has no fault injection.</p>`;
    default: return html`<${Environments} route=${route} />`;
  }
}

function OrgPicker({ orgs, current }) {
  return html`<label class="org-picker">
    <span class="sr-only">Organization</span>
    <select data-testid="org-picker" value=${current ?? ''} onChange=${(e) => (location.hash = e.currentTarget.value ? href.org(e.currentTarget.value) : href.home())}>
      <option value="">Choose an organization…</option>
      ${(orgs ?? []).map((o) => html`<option value=${o.id}>${o.display_name}${o.bootstrap ? ' (bootstrap)' : ''}</option>`)}
    </select>
  </label>`;
}

function Home({ orgs }) {
  return html`<h1>Organizations</h1>
    <p class="muted">The bootstrap organization, and those made by <code>POST /_emulator/orgs</code> or loaded from fixtures.</p>
    ${orgs === undefined
      ? html`<p class="muted">Loading…</p>`
      : html`<ul class="tiles">
          ${orgs.map((o) => html`<li key=${o.id}>
            <a class="tile" href=${href.org(o.id)} data-testid=${`org-${o.id}`}>
              <strong>${o.display_name}</strong>
              <span class="muted small">${o.id}</span>
              ${o.bootstrap ? html`<span class="tag">bootstrap</span>` : ''}
            </a>
          </li>`)}
        </ul>`}`;
}

const root = document.getElementById('app');
root.textContent = '';
render(html`<${App} />`, root);
