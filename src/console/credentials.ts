import { randomBytes } from 'node:crypto';
import type { Runtime } from '../runtime.js';
import type { HandlerMap } from '../contract/handler.js';
import { notFound } from '../core/errors.js';
import { newSecret } from '../core/ids.js';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A key id that says where it comes from in the request journal: `CONSOLE` and 9 letters or digits. */
const consoleKeyId = () => 'CONSOLE' + [...randomBytes(9)].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join('');

interface OrgRow {
  id: string;
  body: string;
  created_at: number;
}

/**
 * The two control-plane operations the console needs to read an organization through the
 * emulator's own APIs: which organizations exist, and in-memory credentials for one of them (a
 * Cloud API key, or a key scoped to one of its clusters). No secret is ever listed.
 */
export function consoleHandlers(rt: Runtime, bootstrapOrgId: string | undefined): HandlerMap {
  const orgs = rt.db.prepare("SELECT id, body, created_at FROM resources WHERE type = 'Organization' AND deleted_at IS NULL ORDER BY seq");

  /** The organization's first user (else service account) owns the key, as a person would. */
  const ownerOf = (org: string) =>
    rt.resources.list({ org, type: 'User', filters: [], limit: 1 })[0]?.id ?? rt.resources.list({ org, type: 'ServiceAccount', filters: [], limit: 1 })[0]?.id ?? org;

  return {
    listEmulatorOrgs: () => {
      const rows = orgs.all() as OrgRow[];
      const data = rows.map((r) => ({
        id: r.id,
        display_name: String((JSON.parse(r.body) as { display_name?: unknown }).display_name ?? r.id),
        bootstrap: r.id === bootstrapOrgId,
        created_at: new Date(r.created_at).toISOString(),
      }));
      // The bootstrap organization first: it is the one a developer usually means.
      data.sort((a, b) => Number(b.bootstrap) - Number(a.bootstrap));
      return { status: 200, body: { data } };
    },

    createEmulatorCredentials: (ctx) => {
      const org = ctx.params.org_id;
      if (!rt.resources.get(org, 'Organization', org)) throw notFound(`The organization '${org}' was not found`);
      const resource = (ctx.body?.resource_id as string | undefined) ?? null;
      if (resource !== null && !rt.resources.findById(org, resource)) throw notFound(`The resource '${resource}' was not found in the organization '${org}'`);
      const key = consoleKeyId();
      const secret = newSecret();
      rt.credentials.addEphemeral({ key_id: key, org_id: org, owner_id: ownerOf(org), resource_id: resource }, secret);
      return { status: 201, body: { organization_id: org, api_key: key, api_secret: secret, resource_id: resource } };
    },
  };
}
