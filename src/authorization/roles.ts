import type { Action } from './actions.js';

/**
 * Confluent Cloud's predefined roles, in one declarative table: where each may be bound (the kind
 * of the last segment of its `crn_pattern`) and which actions it allows on which kinds of
 * resource at or below that binding. `*` as a kind is every kind; `ALL` every action.
 *
 * Resource kinds are CRN segment kinds: organization, environment, cloud-cluster (a Kafka
 * cluster's management side), kafka (its data plane), topic, group, transactional-id,
 * schema-registry, subject, user, service-account, api-key, role-binding, network, compute-pool,
 * statement, connector, ... Written from Confluent's "Predefined RBAC roles in Confluent Cloud".
 */
export interface RoleDefinition {
  /** What the role is for, as the documentation puts it. */
  summary: string;
  /** Kinds of resource a binding of this role may name. */
  scopes: string[];
  /** Kind of resource -> the actions allowed on resources of that kind within the binding. */
  grants: Record<string, Array<Action | 'ALL'>>;
}

const NETWORK_KINDS = ['network', 'peering', 'transit-gateway-attachment', 'private-link-access', 'gateway', 'dns-forwarder', 'ip-address', 'access-point', 'dns-record'];
const KAFKA_GRANULAR = ['topic', 'group', 'transactional-id'];
const CONTAINERS = ['organization', 'environment', 'cloud-cluster', 'kafka', 'schema-registry', 'compute-pool', 'ksql'];

const each = (kinds: string[], actions: Array<Action | 'ALL'>) => Object.fromEntries(kinds.map((k) => [k, actions]));

export const ROLES: Record<string, RoleDefinition> = {
  OrganizationAdmin: {
    summary: 'Full access to the organization and everything in it, including granting roles',
    scopes: ['organization'],
    grants: { '*': ['ALL'] },
  },
  EnvironmentAdmin: {
    summary: 'Full access to one environment and everything in it (clusters, Schema Registry, Flink, networks, connectors, data), including granting roles within it',
    scopes: ['environment'],
    grants: { '*': ['ALL'] },
  },
  CloudClusterAdmin: {
    summary: 'Full access to one Kafka cluster: its settings, topics, groups, ACLs, connectors, data and the roles granted on it',
    scopes: ['cloud-cluster'],
    grants: { '*': ['ALL'] },
  },
  AccountAdmin: {
    summary: 'Manages users, service accounts, invitations, identity providers and pools, group mappings and their API keys; grants no roles',
    scopes: ['organization'],
    grants: {
      organization: ['DESCRIBE'],
      ...each(['user', 'service-account', 'invitation', 'api-key', 'identity-provider', 'identity-pool', 'sso-group-mapping'], ['ALL']),
    },
  },
  ResourceKeyAdmin: {
    summary: 'Manages the API keys of every principal for every resource of the organization',
    scopes: ['organization'],
    grants: { organization: ['DESCRIBE'], 'api-key': ['ALL'], user: ['DESCRIBE'], 'service-account': ['DESCRIBE'] },
  },
  NetworkAdmin: {
    summary: 'Manages networks, peerings, transit gateway attachments, gateways, DNS forwarders and IP filters',
    scopes: ['organization', 'environment'],
    grants: { organization: ['DESCRIBE'], environment: ['DESCRIBE'], ...each([...NETWORK_KINDS, 'ip-group', 'ip-filter'], ['ALL']) },
  },
  BillingAdmin: {
    summary: 'Views and manages billing, costs and payment; sees the organization',
    scopes: ['organization'],
    grants: { organization: ['DESCRIBE'], billing: ['ALL'], 'service-quota': ['DESCRIBE'] },
  },
  Operator: {
    summary: 'Sees and monitors resources (describe only, no data); since April 2025 it no longer pauses or resumes connectors (ConnectManager does)',
    scopes: ['organization', 'environment', 'cloud-cluster'],
    grants: { '*': ['DESCRIBE', 'DESCRIBE_CONFIGS'] },
  },
  MetricsViewer: {
    summary: 'Reads the metrics of the organization, environment or cluster; sees those resources',
    scopes: ['organization', 'environment', 'cloud-cluster'],
    grants: { ...each(CONTAINERS, ['DESCRIBE']), metrics: ['READ'] },
  },
  DataDiscovery: {
    summary: 'Searches and reads the Stream Catalog and schemas of an environment; no data',
    scopes: ['environment'],
    grants: { environment: ['DESCRIBE'], 'schema-registry': ['DESCRIBE', 'DESCRIBE_CONFIGS'], subject: ['READ', 'DESCRIBE_CONFIGS'], catalog: ['READ'], topic: ['DESCRIBE'] },
  },
  DataSteward: {
    summary: 'Manages the schemas, subjects, tags and business metadata of an environment; no data',
    scopes: ['environment'],
    grants: { environment: ['DESCRIBE'], 'schema-registry': ['DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'], subject: ['ALL'], catalog: ['ALL'], topic: ['DESCRIBE'] },
  },
  FlinkAdmin: {
    summary: 'Manages Flink compute pools and every statement of the environment',
    scopes: ['environment'],
    grants: { environment: ['DESCRIBE'], 'compute-pool': ['ALL'], statement: ['ALL'], 'flink-region': ['DESCRIBE'] },
  },
  FlinkDeveloper: {
    summary: 'Runs Flink statements on the compute pools of the environment and sees those pools',
    scopes: ['organization', 'environment'],
    grants: { environment: ['DESCRIBE'], 'compute-pool': ['DESCRIBE'], statement: ['ALL'], 'flink-region': ['DESCRIBE'] },
  },
  KsqlAdmin: {
    summary: 'Manages ksqlDB clusters',
    scopes: ['organization', 'environment', 'cloud-cluster'],
    grants: { environment: ['DESCRIBE'], ksql: ['ALL'] },
  },
  ConnectManager: {
    summary: 'Monitors, pauses and resumes the connectors of a Kafka cluster (ALTER); it neither configures (ALTER_CONFIGS), creates nor deletes them',
    scopes: ['cloud-cluster'],
    grants: { 'cloud-cluster': ['DESCRIBE'], connector: ['DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER'] },
  },
  Assigner: {
    summary: 'Grants and revokes roles on the resources at or below its binding, without other access',
    scopes: ['organization', 'environment', 'cloud-cluster', 'kafka', 'schema-registry', ...KAFKA_GRANULAR, 'subject', 'compute-pool', 'connector'],
    grants: { '*': ['ALTER_ACCESS', 'DESCRIBE_ACCESS'] },
  },
  ResourceOwner: {
    summary: 'Full access to the topics, groups, transactional ids, subjects or connectors it is bound to, including granting roles on them',
    scopes: ['kafka', ...KAFKA_GRANULAR, 'schema-registry', 'subject', 'connector'],
    grants: { '*': ['ALL'] },
  },
  DeveloperRead: {
    summary: 'Reads (consumes) topics, uses consumer groups, reads subjects and schemas',
    scopes: ['kafka', ...KAFKA_GRANULAR, 'schema-registry', 'subject', 'connector'],
    grants: { topic: ['READ', 'DESCRIBE'], group: ['READ', 'DESCRIBE'], 'transactional-id': ['DESCRIBE'], subject: ['READ', 'DESCRIBE_CONFIGS'], connector: ['DESCRIBE'] },
  },
  DeveloperWrite: {
    summary: 'Writes (produces) to topics and transactional ids, registers schemas under subjects, changes connectors\' configuration (not pause or resume)',
    scopes: ['kafka', 'topic', 'transactional-id', 'schema-registry', 'subject', 'connector'],
    grants: { kafka: ['IDEMPOTENT_WRITE'], topic: ['WRITE', 'DESCRIBE'], 'transactional-id': ['WRITE', 'DESCRIBE'], subject: ['WRITE', 'READ', 'DESCRIBE_CONFIGS'], connector: ['DESCRIBE', 'ALTER_CONFIGS'] },
  },
  DeveloperManage: {
    summary: 'Creates, deletes and configures topics, groups and subjects (no data)',
    scopes: ['kafka', ...KAFKA_GRANULAR, 'schema-registry', 'subject', 'connector'],
    grants: {
      kafka: ['DESCRIBE'],
      topic: ['CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
      group: ['DELETE', 'DESCRIBE'],
      'transactional-id': ['DESCRIBE'],
      subject: ['DELETE', 'DESCRIBE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
      connector: ['CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'ALTER_CONFIGS'],
    },
  },
};

export const roleNames = (): string[] => Object.keys(ROLES);

/** The actions a role allows on a kind of resource. */
export function grantsOf(role: RoleDefinition, kind: string): Array<Action | 'ALL'> {
  return [...(role.grants[kind] ?? []), ...(role.grants['*'] ?? [])];
}

/** The role table as Markdown rows, for the README. */
export function roleTableMarkdown(): string {
  const lines = ['| role | bound on | allows |', '| --- | --- | --- |'];
  for (const [name, r] of Object.entries(ROLES)) {
    const grants = Object.entries(r.grants)
      .map(([kind, actions]) => `${kind === '*' ? 'everything' : kind}: ${actions.join(', ')}`)
      .join('; ');
    lines.push(`| ${name} | ${r.scopes.join(', ')} | ${grants} |`);
  }
  return lines.join('\n');
}
