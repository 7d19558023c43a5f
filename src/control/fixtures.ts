import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';
import { badRequest } from '../core/errors.js';
import { getAt } from '../core/pointer.js';
import type { Engine } from '../engine/engine.js';

export interface FixtureOrg {
  id: string;
  display_name?: string;
  resources?: Record<string, Array<Record<string, unknown>>>;
}

export interface Fixtures {
  organizations: FixtureOrg[];
}

/** The bootstrap credentials a fixtures file yields: its first organization's first API key. */
export interface Bootstrap {
  orgId: string;
  environmentId?: string;
  userId?: string;
  serviceAccountId?: string;
  apiKey?: string;
  apiSecret?: string;
}

export function readFixtures(path: string): Fixtures {
  let fixtures: Fixtures;
  try {
    fixtures = JSON.parse(readFileSync(path, 'utf8')) as Fixtures;
  } catch (err) {
    throw new ConfigError(`FIXTURES: cannot read ${path}: ${(err as Error).message}`);
  }
  if (!Array.isArray(fixtures?.organizations)) throw new ConfigError(`FIXTURES: ${path} has no "organizations" list`);
  return fixtures;
}

/** Applies the CCLOUD_EMULATOR_API_KEY / _API_SECRET overrides to the bootstrap key. */
export function overrideBootstrapKey(f: Fixtures, apiKey?: string, apiSecret?: string): Fixtures {
  const key = f.organizations[0]?.resources?.ApiKey?.[0];
  if (key) {
    if (apiKey) key.id = apiKey;
    if (apiSecret) key.secret = apiSecret;
  }
  return f;
}

export function bootstrapOf(f: Fixtures): Bootstrap | undefined {
  const org = f.organizations[0];
  if (!org) return undefined;
  const first = (name: string) => org.resources?.[name]?.[0];
  return {
    orgId: org.id,
    environmentId: first('Environment')?.id as string | undefined,
    userId: first('User')?.id as string | undefined,
    serviceAccountId: first('ServiceAccount')?.id as string | undefined,
    apiKey: first('ApiKey')?.id as string | undefined,
    apiSecret: first('ApiKey')?.secret as string | undefined,
  };
}

/**
 * Loads a fixtures document through the engine, resource by resource in the order given, so that
 * references, CRNs and credentials come out exactly as if they had been created over the API.
 * Runs in the caller's transaction.
 */
export function loadFixtures(engine: Engine, f: Fixtures, baseUrl: string): string[] {
  if (!f || !Array.isArray(f.organizations)) throw badRequest('A fixtures document needs an `organizations` array');
  const policy = { mode: 'immediate' as const, reads: 1 };
  for (const org of f.organizations) {
    engine.create(engine.decl('Organization'), { display_name: org.display_name ?? 'Emulator Org' }, { org: org.id, id: org.id, baseUrl, trusted: true, policy });
    for (const [name, items] of Object.entries(org.resources ?? {})) {
      if (!engine.rt.docs.resources.has(name)) throw badRequest(`Unknown resource '${name}' in the fixtures`);
      const decl = engine.decl(name);
      for (const item of items) {
        const { id, secret, parent, ...body } = item as Record<string, unknown>;
        const scope = decl.scope ? String(getAt(body, decl.scope.body) ?? '') : typeof parent === 'string' ? parent : undefined;
        engine.create(decl, body, { org: org.id, id: id as string | undefined, baseUrl, trusted: true, policy, scope, extras: { secret } });
      }
    }
    grantBootstrapAdmin(engine, org, baseUrl);
  }
  return f.organizations.map((o) => o.id);
}

/**
 * The bootstrap principal of an organization loaded from fixtures (the owner of its first API key,
 * else its first user; the admin of an org made by `POST /_emulator/orgs`) holds
 * OrganizationAdmin, as a role binding that shows in lists, unless the fixtures grant that role
 * themselves. So the bootstrap key keeps working everywhere.
 */
function grantBootstrapAdmin(engine: Engine, org: FixtureOrg, baseUrl: string): void {
  const bindings = org.resources?.RoleBinding ?? [];
  if (bindings.some((b) => b.role_name === 'OrganizationAdmin')) return;
  const keyOwner = getAt(org.resources?.ApiKey?.[0], '/spec/owner/id') as string | undefined;
  const owner = keyOwner ?? engine.rt.resources.list({ org: org.id, type: 'User', filters: [], limit: 1 })[0]?.id;
  if (!owner) return;
  const body = { principal: `User:${owner}`, role_name: 'OrganizationAdmin', crn_pattern: `crn://confluent.cloud/organization=${org.id}` };
  engine.create(engine.decl('RoleBinding'), body, { org: org.id, baseUrl, trusted: true, policy: { mode: 'immediate', reads: 1 } });
}
