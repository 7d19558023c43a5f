import type { HandlerMap, RequestContext } from '../../contract/handler.js';
import type { Runtime } from '../../runtime.js';
import type { Acl } from '../../store/kafka.js';
import { clusterOf, type ClusterScope } from './cluster.js';
import { kafkaError } from './errors.js';

const FIELDS = ['resource_type', 'resource_name', 'pattern_type', 'principal', 'host', 'operation', 'permission'] as const;
/** Fields whose omission, or `ANY`, matches every value in a filter. */
const ENUMS = ['resource_type', 'pattern_type', 'operation', 'permission'] as const;
const CLUSTER_NAME = 'kafka-cluster';

type AclFilter = Partial<Record<(typeof FIELDS)[number], string>>;

const badRequest = (message: string) => kafkaError(400, 400, message);

/** An ACL to store must be concrete: no ANY, MATCH or UNKNOWN, and the cluster is `kafka-cluster`. */
function checkConcrete(a: Acl): void {
  for (const f of ENUMS) {
    if (a[f] === 'ANY' || a[f] === 'UNKNOWN' || a[f] === 'MATCH') throw badRequest(`${f} cannot be ${a[f]} when creating an ACL`);
  }
  if (a.pattern_type !== 'LITERAL' && a.pattern_type !== 'PREFIXED') throw badRequest(`pattern_type must be LITERAL or PREFIXED, not ${a.pattern_type}`);
  if (a.resource_type === 'CLUSTER' && a.resource_name !== CLUSTER_NAME) {
    throw kafkaError(400, 40002, 'The only valid name for the CLUSTER resource is kafka-cluster"');
  }
}

/**
 * Kafka's AclBindingFilter: an omitted or ANY field matches anything; pattern type MATCH with a
 * name matches the ACLs that apply to that resource (the literal name, the `*` wildcard, and
 * prefixes of it); LITERAL and PREFIXED match that pattern with the exact name.
 */
function matches(filter: AclFilter, a: Acl): boolean {
  for (const f of ['resource_type', 'operation', 'permission'] as const) {
    if (filter[f] !== undefined && filter[f] !== 'ANY' && filter[f] !== a[f]) return false;
  }
  if (filter.principal !== undefined && filter.principal !== a.principal) return false;
  if (filter.host !== undefined && filter.host !== a.host) return false;
  const pattern = filter.pattern_type ?? 'ANY';
  const name = filter.resource_name;
  if (pattern === 'MATCH') {
    if (name === undefined) return true;
    if (a.pattern_type === 'LITERAL') return a.resource_name === name || a.resource_name === '*';
    return a.pattern_type === 'PREFIXED' && name.startsWith(a.resource_name);
  }
  if (pattern !== 'ANY' && pattern !== a.pattern_type) return false;
  return name === undefined || name === a.resource_name;
}

function filterOf(source: Record<string, unknown>): AclFilter {
  const filter: AclFilter = {};
  for (const f of FIELDS) if (source[f] !== undefined) filter[f] = String(source[f]);
  for (const f of ENUMS) if (filter[f] === 'UNKNOWN') throw badRequest(`${f} cannot be UNKNOWN`);
  return filter;
}

function renderAcl(scope: ClusterScope, a: Acl) {
  const query = new URLSearchParams(FIELDS.map((f) => [f, a[f]])).toString();
  return { kind: 'KafkaAcl', metadata: { self: `${scope.links.url('acls')}?${query}` }, cluster_id: scope.id, ...a };
}

const aclOf = (b: Record<string, unknown>): Acl => Object.fromEntries(FIELDS.map((f) => [f, String(b[f])])) as unknown as Acl;

export function aclHandlers(rt: Runtime): HandlerMap {
  function create(ctx: RequestContext, bodies: Array<Record<string, unknown>>) {
    const scope = clusterOf(rt, ctx);
    const acls = bodies.map(aclOf);
    acls.forEach(checkConcrete);
    rt.tx(() => acls.forEach((a) => rt.kafka.addAcl(scope.id, a)));
    return { status: 201, headers: acls.length === 1 ? { location: renderAcl(scope, acls[0]).metadata.self } : undefined };
  }

  return {
    createKafkaAcls: (ctx) => create(ctx, [ctx.body as Record<string, unknown>]),
    batchCreateKafkaAcls: (ctx) => create(ctx, (ctx.body as { data: Array<Record<string, unknown>> }).data),
    getKafkaAcls: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const filter = filterOf(ctx.query);
      const data = rt.kafka.acls(scope.id).filter((a) => matches(filter, a)).map((a) => renderAcl(scope, a));
      const query = new URLSearchParams(Object.entries(filter)).toString();
      return { status: 200, body: scope.links.list('KafkaAclList', `${scope.links.url('acls')}${query ? `?${query}` : ''}`, data) };
    },
    /** Answers the ACLs it removed, as `{data: [...]}` without a kind. */
    deleteKafkaAcls: (ctx) => {
      const scope = clusterOf(rt, ctx);
      const filter = filterOf(ctx.query);
      if (filter.resource_type === undefined) throw badRequest('resource_type cannot be unspecified or UNKNOWN');
      const doomed = rt.kafka.acls(scope.id).filter((a) => matches(filter, a));
      rt.tx(() => doomed.forEach((a) => rt.kafka.removeAcl(scope.id, a)));
      return { status: 200, body: { data: doomed.map((a) => renderAcl(scope, a)) } };
    },
  };
}
