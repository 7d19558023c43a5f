import type { Engine } from '../../engine/engine.js';
import type { AuthenticatedContext } from '../../contract/handler.js';
import type { ResourceRow } from '../../store/resources.js';

/* How Stream Sharing rows, references to other resources, and the names of parties are shown. */

export const selfOf = (engine: Engine, row: ResourceRow, baseUrl: string) => engine.selfUrl(engine.decl(row.type), row, baseUrl);
export const globalRef = (engine: Engine, row: ResourceRow, baseUrl: string) => ({ id: row.id, related: selfOf(engine, row, baseUrl), resource_name: row.crn });
export const envRef = (engine: Engine, row: ResourceRow, baseUrl: string) => ({ id: row.id, environment: row.scope, related: selfOf(engine, row, baseUrl), resource_name: row.crn });

/** A share's phase: INVITED turns EXPIRED once its invitation ran out. */
export function phaseOf(engine: Engine, row: ResourceRow): string {
  const b = row.body as Record<string, any>;
  const phase = String(b.status?.phase);
  if (phase === 'INVITED' && Date.parse(String(b.invite_expires_at)) <= engine.rt.clock.now()) return 'EXPIRED';
  return phase;
}

export function render(engine: Engine, row: ResourceRow, baseUrl: string): Record<string, unknown> {
  const out = engine.render(engine.decl(row.type), row, baseUrl) as Record<string, any>;
  if (out.status) out.status = { ...out.status, phase: phaseOf(engine, row) };
  return out;
}

export const orgName = (engine: Engine, org: string) => String(engine.repository('Organization').get(org, org)?.body.display_name ?? '');

export function callerRow(engine: Engine, ctx: AuthenticatedContext): ResourceRow | undefined {
  const { orgId, ownerId } = ctx.caller;
  return engine.repository('User').get(orgId, ownerId) ?? engine.repository('ServiceAccount').get(orgId, ownerId);
}

export function nameOf(row: ResourceRow | undefined): string {
  if (!row) return '';
  const b = row.body as Record<string, any>;
  return String(row.type === 'User' ? b.full_name || b.email || row.id : b.display_name || row.id);
}
