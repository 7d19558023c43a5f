import { implies } from './actions.js';
import type { Acl } from '../store/kafka.js';
import { CRN_PREFIX, crnSegments, orgOfCrn, patternBelow, segmentsCover, type CrnSegment } from './crn-pattern.js';
import { grantsOf, ROLES } from './roles.js';
import { compileGroupFilter, type GroupFilter } from './group-filter.js';

/** A role binding as stored by iam/v2. */
export interface RoleBinding {
  id: string;
  principal: string;
  role_name: string;
  crn_pattern: string;
}

/** An SSO group mapping as stored by iam/v2/sso: role bindings name it as `User:<principal>`. */
export interface GroupMapping {
  id: string;
  /** `group-…`, the id role bindings name (`User:group-…`). */
  principal: string;
  /** The CEL filter on the SSO groups claim (`"engineering" in groups`). */
  filter: string;
  state: string;
}

/** A Kafka ACL as stored by Kafka REST (the fields of its API). */
export type KafkaAcl = Acl;

/** What the decisions read; the runtime backs it with the store. */
export interface AuthorizationSource {
  /** A number that changes whenever role bindings, group mappings, ACLs or keys may have changed (cache invalidation). */
  version(): number;
  /** The live role bindings of an organization. */
  bindings(orgId: string): RoleBinding[];
  /** The live SSO group mappings of an organization (none when absent). */
  groupMappings?(orgId: string): GroupMapping[];
  /** The ACLs of a Kafka cluster. */
  acls(clusterId: string): KafkaAcl[];
  /** The CRN of a Kafka cluster (`crn://confluent.cloud/organization=…/environment=…/cloud-cluster=lkc-…`). */
  kafkaClusterCrn(orgId: string, clusterId: string): string | undefined;
}

/** Why a decision came out as it did. */
export interface Decision {
  allowed: boolean;
  principal: string;
  action: string;
  crn: string;
  /** The bindings that allowed it. */
  bindings: Array<RoleBinding & { rule?: string }>;
  /** The ACLs that allowed it (ALLOW) or refused it (DENY). */
  acls: KafkaAcl[];
  /** When refused: the roles that would allow it, each with the CRN to bind it on. */
  would_allow: Array<{ role_name: string; crn_pattern: string }>;
  /** A sentence naming the principal, the action, the CRN and what decided. */
  reason: string;
}

/** The Kafka data-plane question, as the REST planes and the Kafka protocol listener ask it. */
export interface KafkaRequest {
  orgId: string;
  clusterId: string;
  /** `User:sa-…`, `User:u-…`, `User:pool-…`. */
  principal: string;
  /** The client's address; ACLs on a host match it, `*` matches any. */
  host: string;
  /** Kafka's operation: READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, ALTER_CONFIGS, DESCRIBE_CONFIGS, IDEMPOTENT_WRITE, ... (or `DescribeConfigs`, ...) */
  operation: string;
  /** TOPIC, GROUP, TRANSACTIONAL_ID or CLUSTER (or `Topic`, `TransactionalId`, ...). */
  resourceType: string;
  /** The topic, group or transactional id; `kafka-cluster` for CLUSTER. */
  resourceName: string;
}

/** A key acts as its owner: `User:<owner id>` for users, service accounts and identity pools alike. */
export const principalOf = (ownerId: string): string => (ownerId.includes(':') ? ownerId : `User:${ownerId}`);

const SEGMENT_OF_KAFKA_TYPE: Record<string, string> = { TOPIC: 'topic', GROUP: 'group', TRANSACTIONAL_ID: 'transactional-id' };

/** The CRN of a Kafka resource under its cluster's CRN (`…/cloud-cluster=lkc-1/kafka=lkc-1/topic=orders`). */
export function kafkaResourceCrn(clusterCrn: string, clusterId: string, resourceType: string, resourceName: string): string {
  const kafka = `${clusterCrn}/kafka=${clusterId}`;
  const segment = SEGMENT_OF_KAFKA_TYPE[resourceType];
  return segment ? `${kafka}/${segment}=${resourceName}` : kafka;
}

/** Kinds a principal may see when it holds any binding below them (a topic's reader sees its cluster). */
const CONTAINER_KINDS = new Set(['organization', 'environment', 'cloud-cluster', 'kafka', 'schema-registry', 'compute-pool', 'network']);
/** A principal may always see itself. */
const SELF_KINDS = new Set(['user', 'service-account', 'identity-pool']);

type CompiledBinding = RoleBinding & { segments: CrnSegment[] };

/** A group mapping with its filter compiled once per generation; `error` when the emulator cannot evaluate it. */
interface CompiledMapping extends GroupMapping {
  test?: GroupFilter;
  error?: string;
}

/** Which group mappings an SSO session's groups fall under, and the mappings whose filter could not be read. */
export interface GroupResolution {
  /** `User:group-…` of every enabled mapping whose filter matches the groups. */
  principals: string[];
  mappings: Array<{ id: string; filter: string; matches: boolean; error?: string }>;
}

interface OrgCache {
  version: number;
  byPrincipal: Map<string, CompiledBinding[]>;
  mappings: CompiledMapping[];
  /** Sorted groups (joined) -> the group principals they map to. */
  groupPrincipals: Map<string, string[]>;
  /** Principal (and groups) -> whether it holds, on the organization itself, a role that allows everything. */
  orgWide: Map<string, boolean>;
  decisions: Map<string, Decision>;
}

/**
 * Decides whether a principal may do something, from the role bindings of its organization and,
 * on Kafka, the ACLs of the cluster. Decisions are cached per organization (and cluster) and the
 * cache is dropped as soon as the source's version changes, so a binding or ACL counts, and stops
 * counting, on the very next request. No HTTP here: the REST planes and the Kafka protocol call it
 * alike.
 *
 *   authorizer.decide('User:sa-1', 'DELETE', 'crn://confluent.cloud/organization=…/environment=env-1')
 *   authorizer.decideKafka({ orgId, clusterId, principal, host, operation: 'WRITE', resourceType: 'TOPIC', resourceName: 'orders' })
 */
export class Authorizer {
  private readonly orgs = new Map<string, OrgCache>();
  private readonly clusters = new Map<string, { version: number; crn?: string; acls: KafkaAcl[]; decisions: Map<string, Decision> }>();
  private static readonly MAX_CACHED = 10_000;

  constructor(private readonly source: AuthorizationSource) {}

  private orgCache(orgId: string): OrgCache {
    const version = this.source.version();
    let c = this.orgs.get(orgId);
    if (!c || c.version !== version) {
      const byPrincipal = new Map<string, CompiledBinding[]>();
      for (const b of this.source.bindings(orgId)) {
        const list = byPrincipal.get(b.principal) ?? [];
        list.push({ ...b, segments: crnSegments(b.crn_pattern) });
        byPrincipal.set(b.principal, list);
      }
      const mappings = (this.source.groupMappings?.(orgId) ?? []).map(compileMapping);
      c = { version, byPrincipal, mappings, groupPrincipals: new Map(), orgWide: new Map(), decisions: new Map() };
      this.orgs.set(orgId, c);
    }
    return c;
  }

  /**
   * The management decision: may `principal` do `action` on the resource `crn`? `ssoGroups` are
   * the groups of a user's SSO session: the user then also holds the bindings of every group
   * mapping whose filter matches them (`User:group-…`). API keys carry no groups, as in the cloud.
   */
  decide(principal: string, action: string, crn: string, ssoGroups?: readonly string[]): Decision {
    const orgId = orgOfCrn(crn) ?? '';
    const cache = this.orgCache(orgId);
    const groupsKey = ssoGroups ? groupsKeyOf(ssoGroups) : undefined;
    const key = groupsKey === undefined ? `${principal}\n${action}\n${crn}` : `${principal}\n${action}\n${crn}\n${groupsKey}`;
    const hit = cache.decisions.get(key);
    if (hit) return hit;
    const groupPrincipals = groupsKey === undefined ? [] : this.groupPrincipalsOf(cache, groupsKey, ssoGroups!);
    const decision = this.rbac(cache, principal, groupPrincipals, action, crn);
    if (cache.decisions.size >= Authorizer.MAX_CACHED) cache.decisions.clear();
    cache.decisions.set(key, decision);
    return decision;
  }

  /** The group mappings an SSO session's groups fall under in an organization, for debugging and for the decisions. */
  resolveGroups(orgId: string, ssoGroups: readonly string[]): GroupResolution {
    const cache = this.orgCache(orgId);
    const groups = [...ssoGroups];
    const mappings = cache.mappings.map((m) => ({ id: m.id, filter: m.filter, matches: mappingMatches(m, groups), ...(m.error ? { error: m.error } : {}) }));
    return { principals: this.groupPrincipalsOf(cache, groupsKeyOf(groups), groups), mappings };
  }

  /**
   * Whether the principal holds, on the organization itself, a role that allows every action on
   * everything in it (OrganizationAdmin): then no resource of the organization needs looking up
   * before deciding, which keeps the admin's requests as cheap as with authorization off.
   */
  allowsAllInOrg(principal: string, orgId: string, ssoGroups?: readonly string[]): boolean {
    const cache = this.orgCache(orgId);
    const key = ssoGroups ? `${principal}\n${groupsKeyOf(ssoGroups)}` : principal;
    let all = cache.orgWide.get(key);
    if (all === undefined) {
      const principals = [principal, ...(ssoGroups ? this.groupPrincipalsOf(cache, groupsKeyOf(ssoGroups), ssoGroups) : [])];
      all = principals.some((p) =>
        (cache.byPrincipal.get(p) ?? []).some((b) => b.segments.length === 1 && b.segments[0].kind === 'organization' && b.segments[0].value === orgId && ROLES[b.role_name]?.grants['*']?.includes('ALL')),
      );
      if (cache.orgWide.size >= Authorizer.MAX_CACHED) cache.orgWide.clear();
      cache.orgWide.set(key, all);
    }
    return all;
  }

  /** The bindings of any of these roles that the principal (or its SSO groups) holds anywhere in the organization. */
  holdsAnywhere(principal: string, orgId: string, roleNames: readonly string[], ssoGroups?: readonly string[]): RoleBinding[] {
    const cache = this.orgCache(orgId);
    const principals = [principal, ...(ssoGroups ? this.groupPrincipalsOf(cache, groupsKeyOf(ssoGroups), ssoGroups) : [])];
    return principals.flatMap((p) => (cache.byPrincipal.get(p) ?? []).filter((b) => roleNames.includes(b.role_name)).map(strip));
  }

  private groupPrincipalsOf(cache: OrgCache, key: string, groups: readonly string[]): string[] {
    let principals = cache.groupPrincipals.get(key);
    if (!principals) {
      principals = cache.mappings.filter((m) => mappingMatches(m, groups)).map((m) => principalOf(m.principal));
      if (cache.groupPrincipals.size >= Authorizer.MAX_CACHED) cache.groupPrincipals.clear();
      cache.groupPrincipals.set(key, principals);
    }
    return principals;
  }

  private rbac(cache: OrgCache, principal: string, groupPrincipals: string[], action: string, crn: string): Decision {
    const cs = crnSegments(crn);
    const kind = cs.at(-1)?.kind ?? '';
    let mine = cache.byPrincipal.get(principal) ?? [];
    for (const g of groupPrincipals) mine = mine.concat(cache.byPrincipal.get(g) ?? []);
    const allowing: Decision['bindings'] = [];
    for (const b of mine) {
      const role = ROLES[b.role_name];
      if (!role) continue;
      if (segmentsCover(b.segments, cs) && grantsOf(role, kind).some((g) => implies(g, action))) allowing.push(strip(b));
    }
    if (!allowing.length && action === 'DESCRIBE') {
      if (CONTAINER_KINDS.has(kind)) {
        for (const b of mine) if (ROLES[b.role_name] && patternBelow(b.segments, cs)) allowing.push({ ...strip(b), rule: 'holds a role on a resource inside it' });
      }
      if (SELF_KINDS.has(kind) && principal === `User:${cs.at(-1)!.value}`) {
        return this.verdict(true, principal, action, crn, [], [], 'it is the principal itself');
      }
    }
    if (allowing.length) {
      const names = allowing.map((b) => `${b.role_name} on ${b.crn_pattern} (${b.id}${b.principal !== principal ? ` of ${b.principal}, a group mapping the SSO session's groups match` : ''})`).join(', ');
      return this.verdict(true, principal, action, crn, allowing, [], `allowed by ${names}`);
    }
    const via = groupPrincipals.length ? ` (also none of its SSO group mappings ${groupPrincipals.join(', ')})` : '';
    return this.verdict(false, principal, action, crn, [], [], `no role binding allows it${via}`);
  }

  private verdict(allowed: boolean, principal: string, action: string, crn: string, bindings: Decision['bindings'], acls: KafkaAcl[], why: string): Decision {
    const would_allow = allowed ? [] : rolesThatAllow(action, crn);
    const hint = would_allow.length ? `; roles that would allow it: ${would_allow.map((r) => `${r.role_name} on ${r.crn_pattern}`).join(', ')}` : '';
    const reason = `${principal} ${allowed ? 'may' : 'may not'} ${action} ${crn}: ${why}${hint}`;
    return { allowed, principal, action, crn, bindings, acls, would_allow, reason };
  }

  /**
   * The Kafka decision: allowed when a role binding or an ALLOW ACL allows the operation and no
   * DENY ACL matches it. Creating a topic is allowed by CREATE on the topic or on the cluster, as
   * in Kafka. Unknown clusters are refused.
   */
  decideKafka(request: KafkaRequest): Decision {
    const r = { ...request, operation: kafkaName(request.operation), resourceType: kafkaName(request.resourceType) };
    const version = this.source.version();
    let c = this.clusters.get(r.clusterId);
    if (!c || c.version !== version) {
      c = { version, crn: this.source.kafkaClusterCrn(r.orgId, r.clusterId), acls: this.source.acls(r.clusterId), decisions: new Map() };
      this.clusters.set(r.clusterId, c);
    }
    const key = `${r.orgId}\n${r.principal}\n${r.host}\n${r.operation}\n${r.resourceType}\n${r.resourceName}`;
    const hit = c.decisions.get(key);
    if (hit) return hit;
    const decision = this.kafka(r, c.crn, c.acls);
    if (c.decisions.size >= Authorizer.MAX_CACHED) c.decisions.clear();
    c.decisions.set(key, decision);
    return decision;
  }

  private kafka(r: KafkaRequest, clusterCrn: string | undefined, acls: KafkaAcl[]): Decision {
    const crn = kafkaResourceCrn(clusterCrn ?? `${CRN_PREFIX}kafka=${r.clusterId}`, r.clusterId, r.resourceType, r.resourceName);
    const label = `${r.operation} ${r.resourceType}:${r.resourceName}`;
    if (!clusterCrn) return this.verdict(false, r.principal, r.operation, crn, [], [], `the cluster ${r.clusterId} is not one of the organization's`);
    const targets = [{ type: r.resourceType, name: r.resourceName }];
    if (r.operation === 'CREATE' && r.resourceType === 'TOPIC') targets.push({ type: 'CLUSTER', name: 'kafka-cluster' });

    const denied = acls.filter((a) => a.permission === 'DENY' && targets.some((t) => aclApplies(a, r, t.type, t.name)) && (a.operation === r.operation || a.operation === 'ALL'));
    if (denied.length) return this.verdict(false, r.principal, r.operation, crn, [], denied, `a DENY ACL matches ${label}`);

    const allowingAcls = acls.filter((a) => a.permission === 'ALLOW' && targets.some((t) => aclApplies(a, r, t.type, t.name)) && implies(a.operation, r.operation));
    const byRole: Decision['bindings'] = [];
    for (const t of targets) {
      const d = this.decide(r.principal, r.operation, kafkaResourceCrn(clusterCrn, r.clusterId, t.type, t.name));
      if (d.allowed) byRole.push(...d.bindings);
    }
    if (byRole.length || allowingAcls.length) {
      const parts = [...byRole.map((b) => `${b.role_name} on ${b.crn_pattern}`), ...allowingAcls.map(describeAcl)];
      return this.verdict(true, r.principal, r.operation, crn, byRole, allowingAcls, `allowed by ${parts.join(', ')}`);
    }
    const d = this.verdict(false, r.principal, r.operation, crn, [], [], `no role binding or ALLOW ACL allows ${label}`);
    d.reason += `; or an ACL: ALLOW ${r.principal} ${r.operation} on ${r.resourceType} ${r.resourceName}`;
    return d;
  }
}

/** Sessions with the same groups share their decisions, whatever the order of the groups. */
const groupsKeyOf = (groups: readonly string[]): string => [...groups].sort().join('\u0000');

function compileMapping(m: GroupMapping): CompiledMapping {
  try {
    return { ...m, test: compileGroupFilter(m.filter) };
  } catch (err) {
    return { ...m, error: `the emulator cannot evaluate the filter: ${(err as Error).message}` };
  }
}

const mappingMatches = (m: CompiledMapping, groups: readonly string[]): boolean => m.state !== 'DISABLED' && m.test !== undefined && m.test(groups);

/** Kafka's names in either spelling: `DescribeConfigs` (the Java enums) or `DESCRIBE_CONFIGS` (Kafka REST). */
const kafkaName = (name: string): string => (/[a-z]/.test(name) ? name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : name);

const strip = (b: RoleBinding): RoleBinding => ({ id: b.id, principal: b.principal, role_name: b.role_name, crn_pattern: b.crn_pattern });

/** Whether an ACL's resource pattern, principal and host apply to a request. */
function aclApplies(a: KafkaAcl, r: KafkaRequest, type: string, name: string): boolean {
  if (a.resource_type !== type) return false;
  if (a.principal !== r.principal && a.principal !== 'User:*') return false;
  if (a.host !== '*' && a.host !== r.host) return false;
  if (a.pattern_type === 'LITERAL') return a.resource_name === name || a.resource_name === '*';
  if (a.pattern_type === 'PREFIXED') return name.startsWith(a.resource_name);
  return false;
}

const describeAcl = (a: KafkaAcl) => `ACL ${a.permission} ${a.principal} ${a.operation} on ${a.resource_type} ${a.pattern_type} ${a.resource_name} from ${a.host}`;

/** The roles that would allow an action on a CRN, each with the narrowest CRN it could be bound on. */
export function rolesThatAllow(action: string, crn: string): Array<{ role_name: string; crn_pattern: string }> {
  const cs = crnSegments(crn);
  const kind = cs.at(-1)?.kind ?? '';
  const out: Array<{ role_name: string; crn_pattern: string }> = [];
  for (const [name, role] of Object.entries(ROLES)) {
    if (!grantsOf(role, kind).some((g) => implies(g, action))) continue;
    // The narrowest scope of the role on the CRN's chain of ancestors.
    for (let i = cs.length; i > 0; i--) {
      if (role.scopes.includes(cs[i - 1].kind)) {
        out.push({ role_name: name, crn_pattern: CRN_PREFIX + cs.slice(0, i).map((s) => `${s.kind}=${s.value}`).join('/') });
        break;
      }
    }
  }
  return out;
}
