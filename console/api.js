// Talks to the emulator's own APIs. Credentials are fetched from the control plane per
// organization (and per cluster for the data planes) and kept in this module's memory only:
// never in a URL, never in storage, never rendered.

import { adminToken } from './admin-token.js';

export class ApiError extends Error {
  constructor(status, message, body, challenge) {
    super(message);
    this.status = status;
    this.body = body;
    /** The WWW-Authenticate header of a 401: which credentials the server wants. */
    this.challenge = challenge;
  }
}

/** The message of an error body in any of the emulator's dialects. */
function messageOf(body, status) {
  if (body && typeof body === 'object') {
    const e = body.errors?.[0];
    if (e) return e.detail || e.title || `HTTP ${status}`;
    if (typeof body.message === 'string') return body.message;
    if (body.error?.message) return body.error.message;
  }
  return typeof body === 'string' && body ? body : `HTTP ${status}`;
}

async function request(path, { method = 'GET', headers = {}, body, auth } = {}) {
  const init = { method, headers: { ...headers }, cache: 'no-store', credentials: 'same-origin' };
  if (auth) init.headers.authorization = auth;
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(path, init);
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (!res.ok) throw new ApiError(res.status, messageOf(parsed, res.status), parsed, res.headers.get('www-authenticate') ?? undefined);
  return parsed;
}

/** The admin token's header, when the emulator was started with `--admin-token` and it was typed in. */
const controlAuth = () => (adminToken() ? `Bearer ${adminToken()}` : undefined);

/** The control plane, `/_emulator`: the admin token when there is one, no other credentials. */
export const control = {
  get: (path) => request(path, { auth: controlAuth() }),
  post: (path, body = {}) => request(path, { method: 'POST', body, auth: controlAuth() }),
  put: (path, body) => request(path, { method: 'PUT', body, auth: controlAuth() }),
  delete: (path) => request(path, { method: 'DELETE', auth: controlAuth() }),
};

const enc = encodeURIComponent;
export { enc };

/** One organization's view of the emulated APIs. */
export class OrgApi {
  constructor(orgId) {
    this.orgId = orgId;
    this.auth = new Map();
    /** The ids of the keys this page was given, so its own requests can be told apart in the journal. */
    this.keyIds = new Set();
  }

  /** An Authorization header for the organization (no resource) or for one of its clusters. */
  credentials(resource = '') {
    if (!this.auth.has(resource)) {
      const issued = control
        .post(`/_emulator/orgs/${enc(this.orgId)}/credentials`, resource ? { resource_id: resource } : {})
        .then((c) => {
          this.keyIds.add(c.api_key);
          return 'Basic ' + btoa(`${c.api_key}:${c.api_secret}`);
        });
      issued.catch(() => this.auth.delete(resource));
      this.auth.set(resource, issued);
    }
    return this.auth.get(resource);
  }

  /** A request with the right credentials; a 401 (the emulator was reset) gets fresh ones once. */
  async call(path, { resource, retried, ...options } = {}) {
    try {
      return await request(path, { ...options, auth: await this.credentials(resource) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && !retried) {
        this.auth.delete(resource ?? '');
        return this.call(path, { resource, retried: true, ...options });
      }
      throw err;
    }
  }

  /** Every item of a management list, following `metadata.next` (at most 20 pages). */
  async list(path, resource) {
    const items = [];
    let url = path + (path.includes('?') ? '&' : '?') + 'page_size=100';
    for (let page = 0; url && page < 20; page++) {
      const body = await this.call(url, { resource });
      items.push(...(body.data ?? []));
      const next = body.metadata?.next;
      url = next ? new URL(next, location.href).pathname + new URL(next, location.href).search : undefined;
    }
    return items;
  }

  kafka(cluster, path, options = {}) {
    return this.call(`/kafka/v3/clusters/${enc(cluster)}${path}`, { resource: cluster, ...options });
  }

  registry(srCluster, path) {
    return this.call(path, { resource: srCluster, headers: { accept: 'application/vnd.schemaregistry.v1+json' } });
  }
}
