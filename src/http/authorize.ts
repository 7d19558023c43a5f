import { ApiError } from '../core/errors.js';
import { getAt } from '../core/pointer.js';
import { CRN_PREFIX } from '../core/crn.js';
import { callerOf, type Caller, type RequestContext } from '../contract/handler.js';
import type { Operation, ResourceDecl } from '../openapi/types.js';
import type { Runtime } from '../runtime.js';
import { principalOf, type Decision } from '../authorization/index.js';
import { rememberRow } from '../engine/prefetched.js';

/**
 * The management APIs' side of authorization: each operation's declaration
 * (`x-emulator-authorization`, else its group's `x-emulator.authorization`, else what its engine
 * binding implies) names the action and the CRN it acts on; the request goes on only when a role
 * binding allows it. See openapi/README.md for the declarations.
 */
type Declaration = 'none' | { action?: string; read?: string; write?: string; crn: string } | { rule: string };

/** A refusal in the management dialect; the detail says who, what, where and which roles would do. */
export function refusal(d: Decision, errorCode?: number): ApiError {
  return new ApiError({ status: 403, code: 'user_unauthorized', title: 'Forbidden', detail: `Forbidden: ${d.reason}`, errorCode });
}

const orgCrn = (org: string) => `${CRN_PREFIX}organization=${org}`;

/**
 * Fills a CRN template: `{org}`, `{path.NAME}`, `{query.NAME}`, `{body./pointer}`, and
 * `{Resource:path.NAME}` for the stored CRN of a declared resource (without its prefix).
 * Undefined when a value is missing, so that the handler answers its own 400 or 404.
 */
function renderTemplate(rt: Runtime, template: string, ctx: RequestContext): string | undefined {
  let missing = false;
  const body = template.replace(/\{([^}]+)\}/g, (_, ref: string) => {
    const value = valueOf(rt, ref, ctx);
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : CRN_PREFIX + body;
}

function valueOf(rt: Runtime, ref: string, ctx: RequestContext): string | undefined {
  const org = callerOf(ctx).orgId;
  if (ref === 'org') return org;
  const colon = ref.indexOf(':');
  if (colon > 0) {
    // `Type:ref` is the stored CRN of a resource; `Type@/pointer:ref` a field of its body (`ClientQuota@/spec/cluster/id:path.id`).
    const [type, pointer] = ref.slice(0, colon).split('@');
    const id = valueOf(rt, ref.slice(colon + 1), ctx);
    const row = id === undefined ? undefined : rt.resources.get(org, type, id);
    if (!row) return undefined;
    if (pointer === undefined) return row.crn.slice(CRN_PREFIX.length);
    const v = getAt(row.body, pointer);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  }
  const [source, ...rest] = ref.split('.');
  const name = rest.join('.');
  const v = source === 'path' ? ctx.params[name] : source === 'query' ? ctx.query[name] : source === 'body' ? getAt(ctx.body, name) : undefined;
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** The kind of resource a declared CRN template ends with (`organization={org}/service-account={id}` -> `service-account`). */
const kindOfTemplate = (decl: ResourceDecl) => decl.crn.split('/').at(-1)!.split('=')[0].replace(/[{}]/g, '');

/** The CRN of what contains a declared resource: its environment, its parent, or the organization. */
function containerCrn(rt: Runtime, decl: ResourceDecl, ctx: RequestContext, creating: boolean): string | undefined {
  const org = callerOf(ctx).orgId;
  if (decl.scope) {
    const env = creating ? getAt(ctx.body, decl.scope.body) : (ctx.query[decl.scope.query] ?? getAt(ctx.body, decl.scope.body));
    return typeof env === 'string' && env !== '' ? `${orgCrn(org)}/environment=${env}` : undefined;
  }
  if (decl.parent) return rt.resources.get(org, decl.parent.resource, ctx.params[decl.parent.param])?.crn;
  return decl.crn.includes('/') ? orgCrn(org) : CRN_PREFIX.slice(0, -1);
}

const ownerKind = (id: string) => (id.startsWith('sa-') ? 'service-account' : id.startsWith('pool-') ? 'identity-pool' : 'user');

/** The CRN an API key is checked on: under its resource, or under its owner for a Cloud API key. */
function apiKeyCrn(rt: Runtime, org: string, body: any, id: string): string | undefined {
  const owner = body?.spec?.owner?.id;
  const resource = body?.spec?.resource?.id;
  if (typeof resource === 'string' && resource !== '') {
    const row = rt.resources.findById(org, resource);
    return row ? `${row.crn}/api-key=${id}` : undefined;
  }
  return typeof owner === 'string' ? `${orgCrn(org)}/${ownerKind(owner)}=${owner}/api-key=${id}` : undefined;
}

interface Check {
  rt: Runtime;
  op: Operation;
  ctx: RequestContext;
  /** The authenticated caller the request acts for. */
  caller: Caller;
  principal: string;
  /** Throws a 403 unless the principal may do `action` on `crn`; `hint` adds to the refusal's reason. */
  require(action: string, crn: string | undefined, hint?: string): void;
  allowed(action: string, crn: string): boolean;
}

/**
 * Custom connector plugins and their presigned upload URLs belong to the organization, and the
 * roles that administer connectors anywhere in it may manage them, as Confluent documents
 * ("Interact with custom connectors and plugins": OrganizationAdmin, EnvironmentAdmin,
 * CloudClusterAdmin); the roles that read connectors' configuration also read the plugins'
 * metadata (Operator, DeveloperRead, DeveloperWrite).
 */
const PLUGIN_MANAGERS = ['EnvironmentAdmin', 'CloudClusterAdmin'];
const PLUGIN_READERS = [...PLUGIN_MANAGERS, 'Operator', 'DeveloperRead', 'DeveloperWrite', 'ResourceOwner', 'ConnectManager'];

/** Rules for operations whose CRN depends on more than a template can say. */
const RULES: Record<string, (c: Check) => void> = {
  'custom-connector-plugin': ({ rt, op, ctx, caller, principal, require }) => {
    const org = caller.orgId;
    const read = op.method === 'GET';
    const action = read ? 'DESCRIBE' : op.method === 'POST' ? 'CREATE' : op.method === 'DELETE' ? 'DELETE' : 'ALTER';
    const crn = op.operationId.includes('PresignedUrl')
      ? `${orgCrn(org)}/presigned-upload=*`
      : `${orgCrn(org)}/custom-connector-plugin=${ctx.params.id ?? '*'}`;
    if (rt.authorizer.holdsAnywhere(principal, org, read ? PLUGIN_READERS : PLUGIN_MANAGERS, caller.ssoGroups).length) return;
    require(action, crn, `; or ${(read ? PLUGIN_READERS : PLUGIN_MANAGERS).join(', ')} on any environment or cluster of the organization`);
  },
  /** Granting or revoking a role needs ALTER_ACCESS on the binding's CRN pattern; a principal sees its own bindings. */
  'role-binding': ({ rt, op, ctx, caller, principal, require, allowed }) => {
    const action = op.binding?.action;
    if (action === 'create') return require('ALTER_ACCESS', typeof ctx.body?.crn_pattern === 'string' ? ctx.body.crn_pattern : undefined);
    if (action === 'list') {
      ctx.visible = (row) => row.body.principal === principal || allowed('DESCRIBE_ACCESS', String(row.body.crn_pattern));
      return;
    }
    const row = rt.resources.get(caller.orgId, 'RoleBinding', ctx.params.id);
    if (!row) return;
    if (action === 'read' && row.body.principal === principal) return;
    require(action === 'read' ? 'DESCRIBE_ACCESS' : 'ALTER_ACCESS', String(row.body.crn_pattern));
  },
  /**
   * A principal manages its own API keys (a resource key needs access to its resource); keys of
   * others need CREATE, DESCRIBE, ALTER or DELETE on the key under its resource or owner.
   */
  'api-key': ({ rt, op, ctx, caller, require, allowed }) => {
    const org = caller.orgId;
    const me = caller.ownerId;
    const action = op.binding?.action;
    if (action === 'create') {
      const owner = ctx.body?.spec?.owner?.id;
      const resource = ctx.body?.spec?.resource?.id;
      if (owner === me) {
        if (typeof resource === 'string') {
          const row = rt.resources.findById(org, resource);
          if (row) require('DESCRIBE', row.crn);
        }
        return;
      }
      return require('CREATE', apiKeyCrn(rt, org, ctx.body, '*'));
    }
    if (action === 'list') {
      ctx.visible = (row) => {
        if ((row.body as any).spec?.owner?.id === me) return true;
        const crn = apiKeyCrn(rt, org, row.body, row.id);
        return crn !== undefined && allowed('DESCRIBE', crn);
      };
      return;
    }
    const row = rt.resources.get(org, 'ApiKey', ctx.params.id);
    if (!row || (row.body as any).spec?.owner?.id === me) return;
    require(action === 'read' ? 'DESCRIBE' : action === 'delete' ? 'DELETE' : 'ALTER', apiKeyCrn(rt, org, row.body, row.id));
  },
};

/** What a standard resource's operation needs: DESCRIBE, CREATE, ALTER or DELETE on the resource, lists filtered. */
function checkBinding(c: Check): void {
  const { rt, op, ctx } = c;
  const decl = rt.docs.resources.get(op.binding!.resource)!;
  const action = op.binding!.action;
  if (action === 'list' || action === 'create') {
    const container = containerCrn(rt, decl, ctx, action === 'create');
    if (container === undefined) return;
    const all = `${container}/${kindOfTemplate(decl)}=*`;
    if (action === 'create') return c.require('CREATE', all);
    if (!c.allowed('DESCRIBE', all)) ctx.visible = (row) => c.allowed('DESCRIBE', row.crn);
    return;
  }
  const id = ctx.params.id;
  if (id === undefined) return;
  // The row is read whole and handed to the handler, which would read it again otherwise.
  const org = c.caller.orgId;
  const row = rt.resources.get(org, decl.name, id);
  rememberRow(ctx, org, decl.name, id, row, rt.resources.writes);
  const crn = row?.crn;
  if (crn === undefined) return; // the handler answers 404
  c.require(action === 'read' ? 'DESCRIBE' : action === 'update' ? 'ALTER' : 'DELETE', crn);
}

/**
 * Whether an operation may act on a CRN the request names rather than one of the caller's
 * organization (a role binding's `crn_pattern`): those are always decided, even for an admin.
 */
const reachesOutside = (op: Operation): boolean => {
  const declared = op.authorization as Declaration | undefined;
  return typeof declared === 'object' && 'rule' in declared && declared.rule === 'role-binding';
};

/**
 * Authorizes a management request after authentication. Throws a 403 in the management dialect,
 * or sets `ctx.visible` for a list the principal may see only part of.
 */
export function authorizeManagement(rt: Runtime, op: Operation, ctx: RequestContext): void {
  const caller = ctx.caller;
  if (rt.config.authorization === 'off' || !caller || op.dialect === 'flat') return;
  const principal = principalOf(caller.ownerId);
  ctx.principal = principal;
  const groups = caller.ssoGroups;
  // An OrganizationAdmin may do anything in its organization: no decision, no lookup of the resource.
  if (rt.authorizer.allowsAllInOrg(principal, caller.orgId, groups) && !reachesOutside(op)) return;
  const decide = (action: string, crn: string) => rt.authorizer.decide(principal, action, crn, groups);
  const orgPrefix = orgCrn(caller.orgId);
  const inOrg = (crn: string) => crn.startsWith(orgPrefix) && (crn.length === orgPrefix.length || crn[orgPrefix.length] === '/');
  const check: Check = {
    rt,
    op,
    ctx,
    caller,
    principal,
    allowed: (action, crn) => (inOrg(crn) && rt.authorizer.allowsAllInOrg(principal, caller.orgId, groups)) || decide(action, crn).allowed,
    require: (action, crn, hint) => {
      if (crn === undefined) return;
      const d = decide(action, crn);
      if (!d.allowed) throw refusal(hint ? { ...d, reason: d.reason + hint } : d);
    },
  };
  const declared = op.authorization as Declaration | undefined;
  if (declared === 'none') return;
  if (declared && typeof declared === 'object' && 'rule' in declared) {
    const rule = RULES[declared.rule];
    if (!rule) throw new Error(`${op.operationId} names an unknown authorization rule ${declared.rule}`);
    return rule(check);
  }
  if (declared && typeof declared === 'object' && 'crn' in declared) {
    // `action` for every method, or `read` (GET) and `write` (the others).
    const action = declared.action ?? (op.method === 'GET' ? declared.read : declared.write);
    if (!action) throw new Error(`${op.operationId} declares no authorization action`);
    return check.require(action, renderTemplate(rt, declared.crn, ctx));
  }
  if (op.binding) return checkBinding(check);
  // Undeclared operations of the organization: reading needs to see it, anything else to alter it.
  check.require(op.method === 'GET' ? 'DESCRIBE' : 'ALTER', orgPrefix);
}
