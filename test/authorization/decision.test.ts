import { describe, expect, it } from 'vitest';
import { Authorizer, patternCovers, principalOf, type AuthorizationSource, type KafkaAcl, type RoleBinding } from '../../src/authorization/index.js';

const ORG = 'crn://confluent.cloud/organization=o1';
const ENV = `${ORG}/environment=env-1`;
const CLUSTER = `${ENV}/cloud-cluster=lkc-1`;
const topic = (name: string) => `${CLUSTER}/kafka=lkc-1/topic=${name}`;

/** An in-memory source whose version moves on every change, as the store's does. */
function memorySource() {
  const state = { version: 1, bindings: [] as RoleBinding[], acls: [] as KafkaAcl[], reads: 0 };
  const source: AuthorizationSource = {
    version: () => state.version,
    bindings: () => {
      state.reads++;
      return state.bindings;
    },
    acls: () => state.acls,
    kafkaClusterCrn: (_org, id) => (id === 'lkc-1' ? CLUSTER : undefined),
  };
  const bind = (principal: string, role_name: string, crn_pattern: string) => {
    state.bindings = [...state.bindings, { id: `rb-${state.bindings.length}`, principal, role_name, crn_pattern }];
    state.version++;
  };
  const acl = (a: Partial<KafkaAcl>) => {
    state.acls = [...state.acls, { resource_type: 'TOPIC', resource_name: 'orders', pattern_type: 'LITERAL', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW', ...a }];
    state.version++;
  };
  return { state, source, bind, acl };
}

const kafka = (operation: string, resourceName = 'orders', resourceType = 'TOPIC', principal = 'User:sa-1', host = '10.0.0.1') => ({
  orgId: 'o1',
  clusterId: 'lkc-1',
  principal,
  host,
  operation,
  resourceType,
  resourceName,
});

describe('CRN patterns', () => {
  it('match exactly, cover what lies below, and take a trailing * on the last segment only', () => {
    expect(patternCovers(ENV, ENV)).toBe(true);
    expect(patternCovers(ENV, topic('orders'))).toBe(true);
    expect(patternCovers(ENV, `${ORG}/environment=env-2`)).toBe(false);
    expect(patternCovers(topic('orders-*'), topic('orders-eu'))).toBe(true);
    expect(patternCovers(topic('orders-*'), topic('order'))).toBe(false);
    expect(patternCovers(topic('*'), topic('anything'))).toBe(true);
    expect(patternCovers(`${ORG}/environment=env-*/cloud-cluster=lkc-1`, CLUSTER)).toBe(false);
    expect(patternCovers(topic('orders'), CLUSTER)).toBe(false);
    expect(patternCovers(`${ORG}/environment=env-1/network=n-1`, CLUSTER)).toBe(false);
  });

  it('a key acts as its owner', () => {
    expect(principalOf('sa-1')).toBe('User:sa-1');
    expect(principalOf('pool-1')).toBe('User:pool-1');
  });
});

describe('the management decision', () => {
  it('allows what the role table gives at or below the binding, names what allowed it, and refuses the rest with the roles that would allow it', () => {
    const { source, bind } = memorySource();
    const a = new Authorizer(source);
    const none = a.decide('User:sa-1', 'DELETE', ENV);
    expect(none.allowed).toBe(false);
    expect(none.reason).toContain('User:sa-1');
    expect(none.reason).toContain(ENV);
    expect(none.would_allow).toContainEqual({ role_name: 'EnvironmentAdmin', crn_pattern: ENV });
    expect(none.would_allow).toContainEqual({ role_name: 'OrganizationAdmin', crn_pattern: ORG });

    bind('User:sa-1', 'EnvironmentAdmin', ENV);
    const yes = a.decide('User:sa-1', 'DELETE', CLUSTER);
    expect(yes.allowed).toBe(true);
    expect(yes.bindings.map((b) => b.role_name)).toEqual(['EnvironmentAdmin']);
    expect(a.decide('User:sa-1', 'DELETE', `${ORG}/environment=env-2`).allowed).toBe(false);
    expect(a.decide('User:sa-1', 'CREATE', `${ORG}/service-account=*`).allowed).toBe(false);
    // Seeing the organization that holds the environment.
    expect(a.decide('User:sa-1', 'DESCRIBE', ORG).allowed).toBe(true);
    expect(a.decide('User:sa-1', 'ALTER', ORG).allowed).toBe(false);
  });

  it('reads as granted: DeveloperRead reads a topic but does not write it; AccountAdmin manages service accounts but grants no roles', () => {
    const { source, bind } = memorySource();
    const a = new Authorizer(source);
    bind('User:sa-1', 'DeveloperRead', topic('orders-*'));
    expect(a.decide('User:sa-1', 'READ', topic('orders-eu')).allowed).toBe(true);
    expect(a.decide('User:sa-1', 'DESCRIBE', topic('orders-eu')).allowed).toBe(true);
    expect(a.decide('User:sa-1', 'WRITE', topic('orders-eu')).allowed).toBe(false);
    expect(a.decide('User:sa-1', 'READ', topic('payments')).allowed).toBe(false);
    bind('User:sa-2', 'AccountAdmin', ORG);
    expect(a.decide('User:sa-2', 'CREATE', `${ORG}/service-account=*`).allowed).toBe(true);
    expect(a.decide('User:sa-2', 'ALTER_ACCESS', ENV).allowed).toBe(false);
    // A role the table does not know allows nothing.
    bind('User:sa-3', 'NoSuchRole', ORG);
    expect(a.decide('User:sa-3', 'DESCRIBE', ENV).allowed).toBe(false);
  });

  it('caches decisions until the source changes, then decides again at once', () => {
    const { state, source, bind } = memorySource();
    const a = new Authorizer(source);
    expect(a.decide('User:sa-1', 'DESCRIBE', ENV).allowed).toBe(false);
    a.decide('User:sa-1', 'DESCRIBE', ENV);
    a.decide('User:sa-2', 'DESCRIBE', ENV);
    expect(state.reads).toBe(1);
    bind('User:sa-1', 'Operator', ENV);
    expect(a.decide('User:sa-1', 'DESCRIBE', ENV).allowed).toBe(true);
    expect(state.reads).toBe(2);
  });
});

describe('the Kafka decision', () => {
  it('allows by an ALLOW ACL with the implications, and a DENY ACL wins over ALLOW ACLs and roles', () => {
    const { source, acl, bind } = memorySource();
    const a = new Authorizer(source);
    expect(a.decideKafka(kafka('WRITE')).allowed).toBe(false);
    acl({ operation: 'WRITE' });
    const write = a.decideKafka(kafka('WRITE'));
    expect(write.allowed).toBe(true);
    expect(write.acls).toHaveLength(1);
    expect(a.decideKafka(kafka('DESCRIBE')).allowed).toBe(true); // WRITE implies DESCRIBE
    expect(a.decideKafka(kafka('READ')).allowed).toBe(false);
    expect(a.decideKafka(kafka('WRITE', 'payments')).allowed).toBe(false);
    acl({ resource_name: 'pay', pattern_type: 'PREFIXED', operation: 'ALTER_CONFIGS' });
    expect(a.decideKafka(kafka('DESCRIBE_CONFIGS', 'payments')).allowed).toBe(true); // ALTER_CONFIGS implies DESCRIBE_CONFIGS
    acl({ resource_name: '*', principal: 'User:*', operation: 'READ', host: '10.0.0.2' });
    expect(a.decideKafka(kafka('READ', 'x', 'TOPIC', 'User:sa-9', '10.0.0.2')).allowed).toBe(true);
    expect(a.decideKafka(kafka('READ', 'x', 'TOPIC', 'User:sa-9', '10.0.0.3')).allowed).toBe(false);

    bind('User:sa-1', 'CloudClusterAdmin', CLUSTER);
    acl({ operation: 'ALL', permission: 'DENY' });
    const denied = a.decideKafka(kafka('WRITE'));
    expect(denied.allowed).toBe(false);
    expect(denied.reason).toMatch(/DENY ACL/);
    expect(denied.acls[0]).toMatchObject({ permission: 'DENY', operation: 'ALL' });
    // A DENY of one operation does not deny what it would imply.
    acl({ resource_name: 'audit', operation: 'WRITE', permission: 'DENY' });
    expect(a.decideKafka(kafka('DESCRIBE', 'audit')).allowed).toBe(true);
  });

  it('takes role bindings: CREATE on the cluster creates any topic; an unknown cluster is refused', () => {
    const { source, bind } = memorySource();
    const a = new Authorizer(source);
    bind('User:sa-1', 'DeveloperManage', `${CLUSTER}/kafka=lkc-1/topic=app-*`);
    expect(a.decideKafka(kafka('CREATE', 'app-1')).allowed).toBe(true);
    expect(a.decideKafka(kafka('CREATE', 'other')).allowed).toBe(false);
    expect(a.decideKafka(kafka('WRITE', 'app-1')).allowed).toBe(false);
    bind('User:sa-2', 'CloudClusterAdmin', CLUSTER);
    expect(a.decideKafka(kafka('CREATE', 'other', 'TOPIC', 'User:sa-2')).allowed).toBe(true);
    expect(a.decideKafka(kafka('ALTER', 'kafka-cluster', 'CLUSTER', 'User:sa-2')).allowed).toBe(true);
    expect(a.decideKafka({ ...kafka('READ', 'x', 'TOPIC', 'User:sa-2'), clusterId: 'lkc-nope' }).allowed).toBe(false);
  });
});

describe('the role table in the README', () => {
  it('is the declarative table of src/authorization/roles.ts', async () => {
    const { readFileSync } = await import('node:fs');
    const { roleTableMarkdown } = await import('../../src/authorization/index.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const between = /<!-- role-table:start -->\n([\s\S]*?)\n<!-- role-table:end -->/.exec(readme)?.[1];
    expect(between).toBe(roleTableMarkdown());
  });
});

describe('the Kafka decision as the protocol asks it', () => {
  it('takes the Java enums’ spelling (DescribeConfigs, TransactionalId) as well as Kafka REST’s', () => {
    const { source, acl } = memorySource();
    const a = new Authorizer(source);
    acl({ resource_type: 'TRANSACTIONAL_ID', resource_name: 'tx-', pattern_type: 'PREFIXED', operation: 'WRITE' });
    acl({ operation: 'ALTER_CONFIGS' });
    expect(a.decideKafka(kafka('Write', 'tx-1', 'TransactionalId')).allowed).toBe(true);
    expect(a.decideKafka(kafka('Describe', 'tx-1', 'TransactionalId')).allowed).toBe(true);
    expect(a.decideKafka(kafka('DescribeConfigs', 'orders', 'Topic')).allowed).toBe(true);
    expect(a.decideKafka(kafka('Read', 'orders', 'Topic')).allowed).toBe(false);
  });
});
