import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertConforms } from '../../src/http/pipeline.js';
import type { Operation } from '../../src/openapi/types.js';
import { TestEmulator, basic, type Response } from '../helpers.js';
import { ConfluentDocuments } from '../support/confluent-documents.js';
import { DOCUMENT_ERRATA, erratumFor } from './conformance-errata.js';

/**
 * Walks every implemented operation of the documents and checks every response against its
 * operation: status declared, body valid, required headers present. The emulator's own
 * self-check is off here, so this test is what catches drift between handlers and documents.
 */
describe('conformance: every implemented operation answers as its document says', () => {
  let t: TestEmulator;
  let operations: Operation[];
  const succeeded = new Set<string>();
  const checked: string[] = [];
  /** Confluent's own documents, when CONFLUENT_OPENAPI_DIR names them: every response is also judged by them. */
  const confluent = ConfluentDocuments.fromEnvironment();

  /** The operation serving a request: the matching path with the fewest parameters wins. */
  function operationOf(method: string, url: string): Operation {
    const path = url.split('?')[0];
    const matches = operations.filter((op) => {
      if (op.method !== method) return false;
      const served = [op.path, ...op.aliases.map((a) => a.to + op.path.slice(a.from.length))];
      return served.some((p) => new RegExp(`^${p.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`).test(path));
    });
    const params = (op: Operation) => (op.path.match(/\{/g) ?? []).length;
    matches.sort((a, b) => params(a) - params(b));
    if (!matches[0]) throw new Error(`no operation for ${method} ${path}`);
    return matches[0];
  }

  async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await t.request(method, url, body, headers);
    const op = operationOf(method, url);
    try {
      assertConforms(t.rt, op, res.status, res.body, res.headers);
    } catch (err) {
      throw new Error(`${method} ${url} -> ${res.status}: ${(err as Error).message ?? err}\n${res.raw}`);
    }
    confluent?.check(method, url, res.status, res.body);
    checked.push(`${op.operationId} ${res.status}`);
    if (res.status < 300) succeeded.add(op.operationId);
    return res;
  }

  async function ok(method: string, url: string, body?: unknown, headers?: Record<string, string>) {
    const res = await call(method, url, body, headers);
    expect(res.status, `${method} ${url}: ${res.raw}`).toBeLessThan(300);
    return res.body;
  }

  beforeAll(async () => {
    t = await TestEmulator.start({ selfCheck: false, lifecycle: { mode: 'immediate', reads: 3 }, kafkaPort: 0 });
    await t.emu.startKafka(); // for the Kafka listener's CA download
    operations = t.rt.docs.operations;
  });
  afterAll(() => t.close());

  it('walks org/v2', async () => {
    const env = await ok('POST', '/org/v2/environments', { display_name: 'walk', stream_governance_config: { package: 'ADVANCED' } });
    await ok('GET', '/org/v2/environments?page_size=1');
    await ok('GET', `/org/v2/environments/${env.id}`);
    await ok('PATCH', `/org/v2/environments/${env.id}`, { display_name: 'walked' });
    await ok('DELETE', `/org/v2/environments/${env.id}`);
    const orgs = await ok('GET', '/org/v2/organizations');
    const org = orgs.data[0].id;
    await ok('GET', `/org/v2/organizations/${org}`);
    await ok('PATCH', `/org/v2/organizations/${org}`, { display_name: 'Walked Org' });
  });

  it('walks iam/v2 and iam/v2/sso', async () => {
    const sa = await ok('POST', '/iam/v2/service-accounts', { display_name: 'walker', description: 'd' });
    await ok('GET', '/iam/v2/service-accounts?display_name=walker');
    await ok('GET', `/iam/v2/service-accounts/${sa.id}`);
    await ok('PATCH', `/iam/v2/service-accounts/${sa.id}`, { description: 'e' });

    const key = await ok('POST', '/iam/v2/api-keys', { spec: { display_name: 'k', owner: { id: sa.id } } });
    await ok('GET', `/iam/v2/api-keys?spec.owner=${sa.id}`);
    await ok('GET', `/iam/v2/api-keys/${key.id}`);
    await ok('PATCH', `/iam/v2/api-keys/${key.id}`, { spec: { description: 'walked' } });
    await ok('DELETE', `/iam/v2/api-keys/${key.id}`);

    const inv = await ok('POST', '/iam/v2/invitations', { email: 'walker@example.com' });
    await ok('GET', '/iam/v2/invitations?status=INVITE_STATUS_ACCEPTED');
    await ok('GET', `/iam/v2/invitations/${inv.id}`);
    await ok('GET', '/iam/v2/users');
    await ok('GET', `/iam/v2/users/${inv.user.id}`);
    await ok('PATCH', `/iam/v2/users/${inv.user.id}`, { full_name: 'Walker' });
    await ok('DELETE', `/iam/v2/invitations/${inv.id}`);
    await ok('DELETE', `/iam/v2/users/${inv.user.id}`);

    const crn = `crn://confluent.cloud/organization=${t.emu.bootstrap!.orgId}/environment=env-00000`;
    const rb = await ok('POST', '/iam/v2/role-bindings', { principal: `User:${sa.id}`, role_name: 'EnvironmentAdmin', crn_pattern: crn });
    await ok('GET', `/iam/v2/role-bindings?crn_pattern=${encodeURIComponent(crn)}`);
    await ok('GET', `/iam/v2/role-bindings/${rb.id}`);
    await ok('DELETE', `/iam/v2/role-bindings/${rb.id}`);
    await ok('DELETE', `/iam/v2/service-accounts/${sa.id}`);

    const g = await ok('POST', '/iam/v2/ip-groups', { group_name: 'office', cidr_blocks: ['10.0.0.0/8'] });
    await ok('GET', '/iam/v2/ip-groups');
    await ok('GET', `/iam/v2/ip-groups/${g.id}`);
    await ok('PATCH', `/iam/v2/ip-groups/${g.id}`, { group_name: 'office2' });
    const f = await ok('POST', '/iam/v2/ip-filters', { filter_name: 'f', resource_group: 'management', ip_groups: [{ id: g.id }] });
    await ok('GET', '/iam/v2/ip-filters');
    await ok('GET', `/iam/v2/ip-filters/${f.id}`);
    await ok('PATCH', `/iam/v2/ip-filters/${f.id}`, { filter_name: 'f2' });
    await ok('DELETE', `/iam/v2/ip-filters/${f.id}`);
    await ok('DELETE', `/iam/v2/ip-groups/${g.id}`);

    const p = await ok('POST', '/iam/v2/identity-providers', { display_name: 'idp', description: 'd', issuer: 'https://i.example.com', jwks_uri: 'https://i.example.com/k' });
    await ok('GET', '/iam/v2/identity-providers');
    await ok('GET', `/iam/v2/identity-providers/${p.id}`);
    await ok('PATCH', `/iam/v2/identity-providers/${p.id}`, { description: 'e' });
    await ok('PATCH', `/iam/v2/identity-providers/${p.id}/jwks`, { spec: { jwks_status: 'REFRESHED' } });
    const pools = `/iam/v2/identity-providers/${p.id}/identity-pools`;
    const pool = await ok('POST', pools, { display_name: 'pool', description: 'd', identity_claim: 'claims.sub', filter: 'true' });
    await ok('GET', pools);
    await ok('GET', `${pools}/${pool.id}`);
    await ok('PATCH', `${pools}/${pool.id}`, { description: 'e' });
    await ok('DELETE', `${pools}/${pool.id}`);
    await ok('DELETE', `/iam/v2/identity-providers/${p.id}`);

    const gm = await ok('POST', '/iam/v2/sso/group-mappings', { display_name: 'gm', description: 'd', filter: '"eng" in groups' });
    await ok('GET', '/iam/v2/sso/group-mappings');
    await ok('GET', `/iam/v2/sso/group-mappings/${gm.id}`);
    await ok('PATCH', `/iam/v2/sso/group-mappings/${gm.id}`, { description: 'e' });
    await ok('DELETE', `/iam/v2/sso/group-mappings/${gm.id}`);
  });

  it('walks cmk/v2, REST Proxy v2 and Kafka REST v3', async () => {
    const o = (await ok('GET', '/org/v2/environments')).data[0].id;
    const spec = { display_name: 'walk', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o } };
    const c = await ok('POST', '/cmk/v2/clusters', { spec });
    await ok('GET', `/cmk/v2/clusters?environment=${o}`);
    await ok('GET', `/cmk/v2/clusters/${c.id}?environment=${o}`);
    await ok('PATCH', `/cmk/v2/clusters/${c.id}?environment=${o}`, { spec: { display_name: 'walked' } });

    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: c.id } } });
    const k = { authorization: basic(key.id, key.spec.secret) };
    const v2 = { ...k, 'content-type': 'application/vnd.kafka.v2+json' };
    t.rt.kafka.createTopic(c.id, 'walk', 2, 3, {}, 0);
    await ok('GET', '/topics', undefined, k);
    await ok('GET', '/topics/walk', undefined, k);
    await ok('GET', '/topics/walk/partitions', undefined, k);
    await ok('GET', '/topics/walk/partitions/0', undefined, k);
    await ok('GET', '/topics/walk/partitions/0/offsets', undefined, k);
    await ok('GET', '/brokers', undefined, k);
    await ok('POST', '/topics/walk', { records: [{ value: { a: 1 } }] }, { ...k, 'content-type': 'application/vnd.kafka.json.v2+json' });
    await ok('POST', '/topics/walk/partitions/1', { records: [{ value: 'eA==' }] }, { ...k, 'content-type': 'application/vnd.kafka.binary.v2+json' });
    const inst = await ok('POST', '/consumers/walkers', { name: 'w1', format: 'binary', 'auto.offset.reset': 'earliest' }, v2);
    const base = new URL(inst.base_uri).pathname;
    await ok('POST', `${base}/subscription`, { topics: ['walk'] }, v2);
    await ok('GET', `${base}/subscription`, undefined, k);
    await ok('GET', `${base}/records?timeout=0`, undefined, k);
    await ok('POST', `${base}/offsets`, {}, v2);
    await ok('GET', `${base}/offsets`, undefined, k);
    await ok('POST', `${base}/positions`, { offsets: [{ topic: 'walk', partition: 0, offset: 0 }] }, v2);
    await ok('POST', `${base}/positions/beginning`, { partitions: [{ topic: 'walk', partition: 0 }] }, v2);
    await ok('POST', `${base}/positions/end`, { partitions: [{ topic: 'walk', partition: 0 }] }, v2);
    await ok('DELETE', `${base}/subscription`, undefined, k);
    await ok('POST', `${base}/assignments`, { partitions: [{ topic: 'walk', partition: 1 }] }, v2);
    await ok('GET', `${base}/assignments`, undefined, k);
    await ok('DELETE', base, undefined, k);

    // Kafka REST v3, with a consumer group that has committed offsets.
    const v3 = `/kafka/v3/clusters/${c.id}`;
    const g = await ok('POST', '/consumers/v3walkers', { name: 'g1', 'auto.offset.reset': 'earliest' }, v2);
    const gBase = new URL(g.base_uri).pathname;
    await ok('POST', `${gBase}/subscription`, { topics: ['walk'] }, v2);
    await ok('GET', `${gBase}/records?timeout=0`, undefined, k);
    await ok('POST', `${gBase}/offsets`, {}, v2);
    await ok('GET', v3, undefined, k);
    await ok('GET', `/v3/clusters/${c.id}`, undefined, k);
    await ok('POST', `${v3}/topics`, { topic_name: 'walk3', partitions_count: 1 }, k);
    await ok('POST', `${v3}/topics`, { topic_name: 'dry', validate_only: true }, k);
    await ok('GET', `${v3}/topics`, undefined, k);
    await ok('GET', `${v3}/topics/walk3?include_authorized_operations=true`, undefined, k);
    await ok('PATCH', `${v3}/topics/walk3`, { partitions_count: 2 }, k);
    await ok('GET', `${v3}/topics/walk3/partitions`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/partitions/1`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/configs`, undefined, k);
    await ok('GET', `${v3}/topics/-/configs`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/default-configs`, undefined, k);
    await ok('PUT', `${v3}/topics/walk3/configs/retention.ms`, { value: '1000' }, k);
    await ok('GET', `${v3}/topics/walk3/configs/retention.ms`, undefined, k);
    await ok('DELETE', `${v3}/topics/walk3/configs/retention.ms`, undefined, k);
    await ok('POST', `${v3}/topics/walk3/configs:alter`, { data: [{ name: 'cleanup.policy', value: 'compact' }] }, k);
    await ok('POST', `${v3}/topics/walk3/records`, { key: { type: 'STRING', data: 'k' }, value: { type: 'JSON', data: 1 } }, k);
    await ok('POST', `${v3}/acls`, { resource_type: 'TOPIC', resource_name: 'walk3', pattern_type: 'LITERAL', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW' }, k);
    await ok('POST', `${v3}/acls:batch`, { data: [{ resource_type: 'GROUP', resource_name: 'g', pattern_type: 'PREFIXED', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW' }] }, k);
    await ok('GET', `${v3}/acls?resource_type=TOPIC`, undefined, k);
    await ok('DELETE', `${v3}/acls?resource_type=ANY&pattern_type=ANY&operation=ANY&permission=ANY`, undefined, k);
    await ok('GET', `${v3}/consumer-groups`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/consumers`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/consumers/g1`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/lags`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/lags/walk/partitions/0`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/lag-summary`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/consumers/g1/assignments`, undefined, k);
    await ok('GET', `${v3}/consumer-groups/v3walkers/consumers/g1/assignments/walk/partitions/0`, undefined, k);
    await ok('GET', `${v3}/topics/-/partitions/-/reassignment`, undefined, k);
    await ok('GET', `${v3}/topics/walk/partitions/-/reassignment`, undefined, k);
    expect((await call('GET', `${v3}/topics/walk/partitions/0/reassignment`, undefined, k)).status).toBe(404);
    await ok('GET', '/kafka/v3/clusters', undefined, k);
    await ok('GET', `${v3}/brokers`, undefined, k);
    await ok('GET', `${v3}/brokers/0`, undefined, k);
    await ok('GET', `${v3}/brokers/0/partition-replicas`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/partitions/0/replicas`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/partitions/0/replicas/0`, undefined, k);
    await ok('GET', `${v3}/topics/-/partitions/-/replica-status`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/partitions/-/replica-status`, undefined, k);
    await ok('GET', `${v3}/topics/walk3/partitions/0/replica-status`, undefined, k);
    await ok('PUT', `${v3}/broker-configs/num.partitions`, { value: '3' }, k);
    await ok('GET', `${v3}/broker-configs`, undefined, k);
    await ok('GET', `${v3}/broker-configs/num.partitions`, undefined, k);
    await ok('DELETE', `${v3}/broker-configs/num.partitions`, undefined, k);
    await ok('POST', `${v3}/broker-configs:alter`, { data: [{ name: 'num.partitions', value: '4' }] }, k);
    await ok('PUT', `${v3}/brokers/1/configs/num.partitions`, { value: '2' }, k);
    await ok('GET', `${v3}/brokers/1/configs`, undefined, k);
    await ok('GET', `${v3}/brokers/-/configs`, undefined, k);
    await ok('GET', `${v3}/brokers/1/configs/num.partitions`, undefined, k);
    await ok('DELETE', `${v3}/brokers/1/configs/num.partitions`, undefined, k);
    await ok('POST', `${v3}/brokers/1/configs:alter`, { data: [{ name: 'num.partitions', operation: 'DELETE' }] }, k);
    await ok('GET', `${v3}/balancer`, undefined, k);
    await ok('GET', `${v3}/balancer/any-uneven-load`, undefined, k);
    await ok('GET', `${v3}/brokers/-/tasks`, undefined, k);
    await ok('GET', `${v3}/brokers/-/tasks/remove-broker`, undefined, k);
    await ok('GET', `${v3}/brokers/1/tasks`, undefined, k);
    expect((await call('GET', `${v3}/brokers/1/tasks/remove-broker`, undefined, k)).status).toBe(404);
    expect((await call('GET', `${v3}/remove-broker-tasks/1`, undefined, k)).status).toBe(404);
    await ok('DELETE', `${v3}/brokers/1?should_shutdown=true`, undefined, k);
    await ok('POST', `${v3}/brokers:delete`, { broker_ids: [0, 2] }, k);
    await ok('GET', `${v3}/brokers/1/tasks/remove-broker`, undefined, k);
    await ok('GET', `${v3}/remove-broker-tasks`, undefined, k);
    await ok('GET', `${v3}/remove-broker-tasks/1`, undefined, k);
    await ok('POST', `${v3}/brokers/1:unregister`, undefined, k);
    await ok('GET', `${v3}/cells`, undefined, k);
    await ok('POST', `${v3}/broker-replica-exclusions:create`, { data: [{ broker_id: 2, reason: 'walk' }] }, k);
    await ok('GET', `${v3}/broker-replica-exclusions`, undefined, k);
    await ok('GET', `${v3}/broker-replica-exclusions/2`, undefined, k);
    await ok('POST', `${v3}/broker-replica-exclusions:delete`, { data: [{ broker_id: 2, reason: 'walk' }] }, k);
    await ok('DELETE', `${v3}/topics/walk3`, undefined, k);

    await ok('DELETE', `/cmk/v2/clusters/${c.id}?environment=${o}`);
  });

  it('walks Kafka cluster links and mirror topics', async () => {
    const env = (await ok('GET', '/org/v2/environments')).data[0].id;
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const cluster = async (name: string) => {
      const c = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: name, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
      const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: c.id } } });
      return { id: c.id as string, v3: `/kafka/v3/clusters/${c.id}`, k: { authorization: basic(key.id, key.spec.secret) } };
    };
    const east = await cluster('walk-east');
    const west = await cluster('walk-west');
    await ok('POST', `${east.v3}/topics`, { topic_name: 'cl', partitions_count: 1 }, east.k);
    await ok('POST', `${east.v3}/topics/cl/records`, { value: { type: 'JSON', data: 1 } }, east.k);
    const bidi = (remote: string) => ({ remote_cluster_id: remote, configs: [{ name: 'link.mode', value: 'BIDIRECTIONAL' }] });
    await ok('POST', `${west.v3}/links?link_name=walk`, bidi(east.id), west.k);
    await ok('POST', `${east.v3}/links?link_name=walk&validate_link=true`, bidi(west.id), east.k);
    await ok('GET', `${west.v3}/links`, undefined, west.k);
    await ok('GET', `${west.v3}/links/walk?include_tasks=true`, undefined, west.k);
    await ok('GET', `${west.v3}/links/walk/configs`, undefined, west.k);
    await ok('PUT', `${west.v3}/links/walk/configs/acl.sync.ms`, { value: '1000' }, west.k);
    await ok('GET', `${west.v3}/links/walk/configs/acl.sync.ms`, undefined, west.k);
    await ok('DELETE', `${west.v3}/links/walk/configs/acl.sync.ms`, undefined, west.k);
    await ok('PUT', `${west.v3}/links/walk/configs:alter`, { data: [{ name: 'consumer.offset.sync.enable', value: 'true' }] }, west.k);
    expect((await call('GET', `${west.v3}/links/nope`, undefined, west.k)).status).toBe(404);

    await ok('POST', `${west.v3}/links/walk/mirrors`, { source_topic_name: 'cl' }, west.k);
    await ok('GET', `${west.v3}/links/-/mirrors?mirror_status=ACTIVE`, undefined, west.k);
    await ok('GET', `${west.v3}/links/walk/mirrors`, undefined, west.k);
    await ok('GET', `${west.v3}/links/walk/mirrors/cl?include_state_transition_errors=true`, undefined, west.k);
    const act = async (c: typeof east, action: string, query = '') => {
      const r = await ok('POST', `${c.v3}/links/walk/mirrors:${action}${query}`, { mirror_topic_names: ['cl'] }, c.k);
      expect(r.data.map((d: any) => d.error_code), `${action}: ${JSON.stringify(r)}`).toEqual([null]);
    };
    await act(west, 'pause');
    await act(west, 'resume');
    await act(west, 'reverse-and-start-mirror');
    await act(east, 'reverse-and-pause-mirror');
    await act(west, 'failover');
    await act(east, 'truncate-and-restore', '?include_partition_level_truncation_data=true');
    await act(east, 'promote', '?validate_only=true');
    await act(east, 'promote');
    await ok('DELETE', `${west.v3}/links/walk?force=true`, undefined, west.k);
    await ok('DELETE', `${east.v3}/links/walk`, undefined, east.k);
  });

  it('walks cmk/v2, kafka-quotas/v1 and ksqldbcm/v2', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-kafka' })).id;
    const sa = (await ok('POST', '/iam/v2/service-accounts', { display_name: 'walk-kafka-sa' })).id;
    const spec = { display_name: 'walk-ded', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Dedicated', cku: 1 }, environment: { id: env } };
    const c = await ok('POST', '/cmk/v2/clusters', { spec });
    const net = (await ok('POST', '/networking/v1/networks', { spec: { cloud: 'AWS', region: 'us-east-2', connection_types: ['PEERING'], cidr: '10.9.0.0/16', environment: { id: env } } })).id;
    const slow = await ok('POST', '/cmk/v2/clusters', { spec: { ...spec, display_name: 'walk-slow', network: { id: net } } }, { 'x-emulator-lifecycle': 'timed' });
    await ok('GET', `/cmk/v2/clusters?environment=${env}`);
    await ok('GET', `/cmk/v2/clusters?environment=${env}&spec.network=${net}&page_size=1`);
    await ok('GET', `/cmk/v2/clusters/${slow.id}?environment=${env}`);
    await ok('DELETE', `/cmk/v2/clusters/${slow.id}?environment=${env}`);
    await ok('GET', `/cmk/v2/clusters/${c.id}?environment=${env}`);
    await ok('PATCH', `/cmk/v2/clusters/${c.id}`, { spec: { display_name: 'walked', config: { kind: 'Dedicated', cku: 2 }, environment: { id: env } } });
    const basic = await ok('POST', '/cmk/v2/clusters', { spec: { ...spec, display_name: 'walk-basic', config: { kind: 'Basic' } } });
    await ok('PATCH', `/cmk/v2/clusters/${basic.id}?environment=${env}`, { spec: { config: { kind: 'Standard' } } });
    expect((await call('PATCH', `/cmk/v2/clusters/${basic.id}?environment=${env}`, { spec: { config: { kind: 'Basic' } } })).status).toBe(400);
    expect((await call('PATCH', `/cmk/v2/clusters/${basic.id}?environment=${env}`, { spec: { region: 'eu-west-1' } })).status).toBe(400);
    await ok('DELETE', `/cmk/v2/clusters/${basic.id}?environment=${env}`);

    const quota = { display_name: 'walk-q', throughput: { ingress_byte_rate: '1000', egress_byte_rate: '1000' }, cluster: { id: c.id }, principals: [{ id: sa }, { id: '<default>' }], environment: { id: env } };
    const q = await ok('POST', '/kafka-quotas/v1/client-quotas', { spec: quota });
    expect((await call('POST', '/kafka-quotas/v1/client-quotas', { spec: { ...quota, principals: [{ id: 'sa-nope' }] } })).status).toBe(422);
    await ok('GET', `/kafka-quotas/v1/client-quotas?environment=${env}&spec.cluster=${c.id}`);
    await ok('GET', `/kafka-quotas/v1/client-quotas/${q.id}`);
    await ok('PATCH', `/kafka-quotas/v1/client-quotas/${q.id}`, { spec: { description: 'walked', throughput: { ingress_byte_rate: '2000', egress_byte_rate: '2000' } } });
    await ok('DELETE', `/kafka-quotas/v1/client-quotas/${q.id}`);

    const ksql = await ok('POST', '/ksqldbcm/v2/clusters', { spec: { display_name: 'walk', csu: 1, kafka_cluster: { id: c.id }, credential_identity: { id: sa }, environment: { id: env } } });
    await ok('GET', `/ksqldbcm/v2/clusters?environment=${env}`);
    await ok('GET', `/ksqldbcm/v2/clusters/${ksql.id}?environment=${env}`);
    await ok('DELETE', `/ksqldbcm/v2/clusters/${ksql.id}?environment=${env}`);
    await ok('DELETE', `/cmk/v2/clusters/${c.id}?environment=${env}`);
  });

  it('walks srcm/v2 and srcm/v3', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-sr' })).id;
    await ok('GET', '/srcm/v2/regions?spec.cloud=AWS&spec.packages=ESSENTIALS&page_size=2');
    await ok('GET', '/srcm/v2/regions/sgreg-1');
    const sr = await ok('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } });
    await ok('GET', `/srcm/v2/clusters?environment=${env}`);
    await ok('GET', `/srcm/v2/clusters/${sr.id}?environment=${env}`);
    await ok('PATCH', `/srcm/v2/clusters/${sr.id}`, { spec: { package: 'ADVANCED', environment: { id: env } } });
    await ok('GET', `/srcm/v3/clusters?environment=${env}`);
    await ok('GET', `/srcm/v3/clusters/${sr.id}?environment=${env}`);
    await ok('DELETE', `/srcm/v2/clusters/${sr.id}?environment=${env}`);
  });

  it('walks Schema Registry v1', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-sr-data' })).id;
    const sr = await ok('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } });
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: sr.id } } });
    const k = { authorization: basic(key.id, key.spec.secret), 'content-type': 'application/vnd.schemaregistry.v1+json' };
    const schema = JSON.stringify({ type: 'record', name: 'W', fields: [{ name: 'a', type: 'int' }] });
    const { id } = await ok('POST', '/subjects/walk/versions', { schema }, k);
    await ok('POST', '/subjects/walk', { schema }, k);
    const contract = { metadata: { properties: { owner: 'walk' } }, ruleSet: { domainRules: [{ name: 'r', kind: 'CONDITION', mode: 'WRITE', type: 'CEL', expr: 'true' }] } };
    const inContext = await ok('POST', '/subjects/:.walk:ctx/versions?normalize=true', { schema, ...contract }, k);
    await ok('POST', '/subjects/:.walk:ctx?normalize=true', { schema }, k);
    await ok('GET', `/schemas/ids/${inContext.id}?subject=:.walk:ctx&fetchMaxId=true`, undefined, k);
    await ok('GET', '/subjects/:.walk:ctx/versions/latest', undefined, k);
    await ok('GET', '/subjects/:.walk:ctx/metadata?key=owner&value=walk', undefined, k);
    await ok('PUT', '/config/:.walk:', { normalize: true, defaultMetadata: contract.metadata, overrideRuleSet: contract.ruleSet }, k);
    await ok('GET', '/config/:.walk:', undefined, k);
    await ok('GET', '/subjects', undefined, k);
    await ok('GET', '/subjects/walk/versions', undefined, k);
    await ok('GET', '/subjects/walk/versions/latest', undefined, k);
    await ok('GET', '/subjects/walk/versions/1/schema', undefined, k);
    await ok('GET', '/subjects/walk/versions/1/referencedby', undefined, k);
    await ok('GET', `/schemas/ids/${id}`, undefined, k);
    await ok('GET', `/schemas/ids/${id}/schema`, undefined, k);
    await ok('GET', `/schemas/ids/${id}/subjects`, undefined, k);
    await ok('GET', `/schemas/ids/${id}/versions`, undefined, k);
    await ok('GET', '/schemas', undefined, k);
    await ok('GET', '/schemas/types', undefined, k);
    await ok('GET', '/contexts', undefined, k);
    await ok('GET', '/clusterconfig', undefined, k);
    await ok('POST', '/compatibility/subjects/walk/versions/latest?verbose=true', { schema }, k);
    await ok('POST', '/compatibility/subjects/walk/versions', { schema }, k);
    await ok('GET', '/config', undefined, k);
    await ok('PUT', '/config', { compatibility: 'FULL' }, k);
    await ok('DELETE', '/config', undefined, k);
    await ok('PUT', '/config/walk', { compatibility: 'NONE' }, k);
    await ok('GET', '/config/walk', undefined, k);
    await ok('DELETE', '/config/walk', undefined, k);
    await ok('GET', '/mode', undefined, k);
    await ok('PUT', '/mode', { mode: 'READWRITE' }, k);
    await ok('PUT', '/mode/walk', { mode: 'READONLY' }, k);
    await ok('GET', '/mode/walk', undefined, k);
    await ok('DELETE', '/mode/walk', undefined, k);
    await ok('POST', '/exporters', { name: 'walk', config: { 'schema.registry.url': 'https://x' } }, k);
    await ok('GET', '/exporters', undefined, k);
    await ok('GET', '/exporters/walk', undefined, k);
    await ok('GET', '/exporters/walk/status', undefined, k);
    await ok('GET', '/exporters/walk/config', undefined, k);
    await ok('PUT', '/exporters/walk/pause', {}, k);
    await ok('PUT', '/exporters/walk', { subjects: [] }, k);
    await ok('PUT', '/exporters/walk/config', { 'schema.registry.url': 'https://y' }, k);
    await ok('PUT', '/exporters/walk/reset', {}, k);
    await ok('PUT', '/exporters/walk/resume', {}, k);
    await ok('DELETE', '/exporters/walk', undefined, k);
    await ok('DELETE', '/subjects/walk/versions/1', undefined, k);
    await ok('POST', '/subjects/walk2/versions', { schema: '"string"' }, k);
    await ok('DELETE', '/subjects/walk2', undefined, k);
  });

  it('walks Stream Catalog v1', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-catalog' })).id;
    const sr = await ok('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } });
    const lkc = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-catalog', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
    t.rt.kafka.createTopic(lkc.id, 'walk', 1, 3, {}, 0);
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: sr.id } } });
    const k = { authorization: basic(key.id, key.spec.secret) };
    const { id } = await ok('POST', '/subjects/walk-value/versions', { schema: JSON.stringify({ type: 'record', name: 'W', fields: [{ name: 'a', type: 'int' }] }) }, { ...k, 'content-type': 'application/vnd.schemaregistry.v1+json' });
    const topic = `${sr.id}:${lkc.id}:walk`;
    const field = `${sr.id}:.:${id}:W.a`;
    const c = '/catalog/v1';
    await ok('POST', `${c}/types/tagdefs`, [{ name: 'Walk', attributeDefs: [{ name: 'note', typeName: 'string' }] }], k);
    await ok('PUT', `${c}/types/tagdefs`, [{ name: 'Walk', description: 'walked' }], k);
    await ok('GET', `${c}/types/tagdefs?prefix=W`, undefined, k);
    await ok('GET', `${c}/types/tagdefs/Walk`, undefined, k);
    await ok('POST', `${c}/types/businessmetadatadefs`, [{ name: 'Team', attributeDefs: [{ name: 'name', typeName: 'string' }] }], k);
    await ok('PUT', `${c}/types/businessmetadatadefs`, [{ name: 'Team', description: 'owners' }], k);
    await ok('GET', `${c}/types/businessmetadatadefs`, undefined, k);
    await ok('GET', `${c}/types/businessmetadatadefs/Team`, undefined, k);
    await ok('POST', `${c}/entity/tags`, [{ typeName: 'Walk', entityType: 'sr_field', entityName: field, attributes: { note: 'a' } }, { typeName: 'Nope', entityType: 'sr_field', entityName: field }], k);
    await ok('PUT', `${c}/entity/tags`, [{ typeName: 'Walk', entityType: 'sr_field', entityName: field, attributes: { note: 'b' } }], k);
    await ok('GET', `${c}/entity/type/sr_field/name/${field}/tags`, undefined, k);
    await ok('POST', `${c}/entity/businessmetadata`, [{ typeName: 'Team', entityType: 'kafka_topic', entityName: topic, attributes: { name: 'walkers' } }], k);
    await ok('PUT', `${c}/entity/businessmetadata`, [{ typeName: 'Team', entityType: 'kafka_topic', entityName: topic, attributes: { name: 'runners' } }], k);
    await ok('GET', `${c}/entity/type/kafka_topic/name/${topic}/businessmetadata`, undefined, k);
    await ok('PUT', `${c}/entity`, { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: topic, description: 'walked', owner: 'walkers' } } }, k);
    await ok('GET', `${c}/entity/type/kafka_topic/name/${topic}?minExtInfo=true`, undefined, k);
    await ok('GET', `${c}/entity/type/sr_field/name/${field}?ignoreRelationships=true`, undefined, k);
    await ok('GET', `${c}/search/basic?query=walk&type=kafka_topic&types=sr_field&attr=owner&sortBy=name&sortOrder=DESCENDING&limit=5&offset=0`, undefined, k);
    await ok('GET', `${c}/search/basic?tag=Walk&deleted=true`, undefined, k);
    await ok('GET', `${c}/search/attribute?type=kafka_topic&attrName=owner&attrValuePrefix=walk&attrs=description`, undefined, k);
    await ok('DELETE', `${c}/entity/type/sr_field/name/${field}/tags/Walk`, undefined, k);
    await ok('DELETE', `${c}/entity/type/kafka_topic/name/${topic}/businessmetadata/Team`, undefined, k);
    await ok('DELETE', `${c}/types/tagdefs/Walk`, undefined, k);
    await ok('DELETE', `${c}/types/businessmetadatadefs/Team`, undefined, k);
    for (const [method, url] of [['GET', `${c}/types/tagdefs/Walk`], ['GET', `${c}/entity/type/kafka_topic/name/nope`], ['DELETE', `${c}/types/tagdefs/Walk`]]) {
      expect((await call(method, url, undefined, k)).status, url).toBe(404);
    }
    expect((await call('GET', `${c}/search/attribute?attrName=name`, undefined, k)).status).toBe(400);
  });

  it('walks sts/v1', async () => {
    const issuer = 'https://walk-idp.example.com';
    const provider = await ok('POST', '/iam/v2/identity-providers', { display_name: 'walk-sts', description: 'd', issuer, jwks_uri: `${issuer}/keys` });
    const pool = await ok('POST', `/iam/v2/identity-providers/${provider.id}/identity-pools`, { display_name: 'walk-sts', description: 'd', identity_claim: 'claims.sub', filter: 'true' });
    const subject = [{ alg: 'none' }, { iss: issuer, sub: 'walker' }].map((p) => Buffer.from(JSON.stringify(p)).toString('base64url')).join('.') + '.x';
    const form = new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: subject,
      identity_pool_id: pool.id,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    });
    const token = await ok('POST', '/sts/v1/oauth2/token', form.toString(), { 'content-type': 'application/x-www-form-urlencoded', authorization: '' });
    await ok('GET', '/org/v2/environments', undefined, { authorization: `Bearer ${token.access_token}` });
  });

  it('walks connect/v1', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-connect' })).id;
    const spec = { display_name: 'walk-connect', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } };
    const lkc = (await ok('POST', '/cmk/v2/clusters', { spec })).id;
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: lkc } } });
    const base = `/connect/v1/environments/${env}/clusters/${lkc}`;
    const config = { 'connector.class': 'DatagenSource', 'kafka.api.key': key.id, 'kafka.api.secret': key.spec.secret, 'kafka.topic': 'walk', 'tasks.max': '1' };
    await ok('GET', `${base}/connector-plugins`);
    await ok('PUT', `${base}/connector-plugins/DatagenSource/config/validate`, { name: 'walk', ...config });
    await ok('POST', `${base}/connectors`, { name: 'walk', config });
    expect((await call('POST', `${base}/connectors`, { name: 'walk', config })).status).toBe(409);
    expect((await call('POST', `${base}/connectors`, { name: 'bad', config: { 'connector.class': 'DatagenSource' } })).status).toBe(400);
    expect((await call('POST', `${base}/connectors`, { name: 'bad', config: { 'tasks.max': 1 } })).status).toBe(400);
    await ok('GET', `${base}/connectors`);
    await ok('GET', `${base}/connectors?expand=id,info,status`);
    await ok('GET', `${base}/connectors/walk`);
    await ok('GET', `${base}/connectors/walk/config`);
    await ok('PUT', `${base}/connectors/walk/config`, { name: 'walk', ...config, 'tasks.max': '2' });
    await ok('PUT', `${base}/connectors/walk/pause`);
    await ok('PUT', `${base}/connectors/walk/resume`);
    await ok('GET', `${base}/connectors/walk/status`);
    await ok('GET', `${base}/connectors/walk/tasks`);
    await ok('DELETE', `${base}/connectors/walk`);
    for (const [method, url] of [['GET', `${base}/connectors/walk/status`], ['GET', `/connect/v1/environments/${env}/clusters/lkc-nope00/connectors`]]) {
      expect((await call(method, url)).status, url).toBe(404);
    }
    const upload = await ok('POST', '/connect/v1/presigned-upload-url', { content_format: 'ZIP' });
    const source = { location: 'PRESIGNED_URL_LOCATION', upload_id: upload.upload_id };
    const plugin = await ok('POST', '/connect/v1/custom-connector-plugins', { display_name: 'walk', connector_class: 'com.example.Walk', connector_type: 'SOURCE', upload_source: source });
    await ok('GET', '/connect/v1/custom-connector-plugins?page_size=1');
    await ok('GET', `/connect/v1/custom-connector-plugins/${plugin.id}`);
    await ok('PATCH', `/connect/v1/custom-connector-plugins/${plugin.id}`, { description: 'walked', upload_source: source });
    await ok('DELETE', `/connect/v1/custom-connector-plugins/${plugin.id}`);
  });

  it('walks byok/v1, sd/v1, service-quota/v1 and billing/v1', async () => {
    const key = await ok('POST', '/byok/v1/keys', { key: { kind: 'GcpKey', key_id: 'projects/p/locations/l/keyRings/r/cryptoKeys/walk' } });
    await ok('GET', '/byok/v1/keys?provider=GCP&state=AVAILABLE');
    await ok('GET', `/byok/v1/keys/${key.id}`);
    await ok('DELETE', `/byok/v1/keys/${key.id}`);

    const env = (await ok('GET', '/org/v2/environments')).data[0].id;
    const lkc = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-sd', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
    const scope = `environment=${env}&spec.kafka_cluster=${lkc.id}`;
    const pipe = await ok('POST', '/sd/v1/pipelines', { spec: { display_name: 'walk', environment: { id: env }, kafka_cluster: { id: lkc.id }, source_code: { sql: 'CREATE STREAM s AS SELECT * FROM t;' } } });
    await ok('GET', `/sd/v1/pipelines?${scope}`);
    await ok('GET', `/sd/v1/pipelines/${pipe.id}?${scope}`);
    await ok('PATCH', `/sd/v1/pipelines/${pipe.id}`, { spec: { activated: true, activation_privilege: true } });
    await ok('DELETE', `/sd/v1/pipelines/${pipe.id}?${scope}`);

    await ok('GET', '/service-quota/v1/scopes');
    await ok('GET', '/service-quota/v1/scopes/ORGANIZATION');
    await ok('GET', `/service-quota/v1/applied-quotas?scope=KAFKA_CLUSTER&environment=${env}`);
    await ok('GET', `/service-quota/v1/applied-quotas/kafka_clusters_per_environment?environment=${env}`);
    expect((await call('GET', '/service-quota/v1/applied-quotas?scope=GALAXY')).status).toBe(400);

    const today = (await ok('GET', '/_emulator/clock')).now.slice(0, 10);
    await ok('GET', `/billing/v1/costs?start_date=${today}&end_date=${new Date(Date.parse(today) + 86_400_000).toISOString().slice(0, 10)}`);
    expect((await call('GET', `/billing/v1/costs?start_date=${today}&end_date=${today}`)).status).toBe(400);
  });

  it('walks networking/v1', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-networking' })).id;
    const spec = { display_name: 'walk-net', cloud: 'AWS', region: 'us-east-1', connection_types: ['PEERING', 'TRANSITGATEWAY', 'PRIVATELINK'], cidr: '10.200.0.0/16', environment: { id: env } };
    const n = await ok('POST', '/networking/v1/networks', { spec });
    await ok('GET', `/networking/v1/networks?environment=${env}&spec.connection_types=PEERING&status.phase=READY,PROVISIONING&page_size=1`);
    await ok('GET', `/networking/v1/networks/${n.id}?environment=${env}`);
    await ok('PATCH', `/networking/v1/networks/${n.id}`, { spec: { display_name: 'walked', environment: { id: env } } });
    expect((await call('PATCH', `/networking/v1/networks/${n.id}?environment=${env}`, { spec: { cidr: '10.201.0.0/16' } })).status).toBe(400);
    expect((await call('POST', '/networking/v1/networks', { spec: { ...spec, cidr: '10.0.0.0/8' } })).status).toBe(422);

    const aws = { kind: 'AwsPeering', account: '000000000000', vpc: 'vpc-1', routes: ['10.0.0.0/16'], customer_region: 'us-east-1' };
    const p = await ok('POST', '/networking/v1/peerings', { spec: { cloud: aws, environment: { id: env }, network: { id: n.id } } });
    await ok('GET', `/networking/v1/peerings?environment=${env}&spec.network=${n.id}`);
    await ok('GET', `/networking/v1/peerings/${p.id}?environment=${env}`);
    await ok('PATCH', `/networking/v1/peerings/${p.id}?environment=${env}`, { spec: { display_name: 'walked' } });
    await ok('DELETE', `/networking/v1/peerings/${p.id}?environment=${env}`);

    const tgw = { kind: 'AwsTransitGatewayAttachment', ram_share_arn: 'arn:aws:ram:us-east-1:000000000000:resource-share/walk', transit_gateway_id: 'tgw-0abc', routes: ['10.1.0.0/16'] };
    const a = await ok('POST', '/networking/v1/transit-gateway-attachments', { spec: { cloud: tgw, environment: { id: env }, network: { id: n.id } } });
    await ok('GET', `/networking/v1/transit-gateway-attachments?environment=${env}`);
    await ok('GET', `/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`);
    await ok('PATCH', `/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`, { spec: { display_name: 'walked' } });
    expect((await call('POST', '/networking/v1/transit-gateway-attachments', { spec: { cloud: tgw, environment: { id: env }, network: { id: n.id } } })).status).toBe(402);
    await ok('DELETE', `/networking/v1/transit-gateway-attachments/${a.id}?environment=${env}`);

    const dns = { domains: ['walk.example'], config: { kind: 'ForwardViaIp', dns_server_ips: ['10.0.0.2'] }, environment: { id: env }, gateway: { id: n.spec.gateway.id } };
    const f = await ok('POST', '/networking/v1/dns-forwarders', { spec: dns });
    await ok('GET', `/networking/v1/dns-forwarders?environment=${env}`);
    await ok('GET', `/networking/v1/dns-forwarders/${f.id}?environment=${env}`);
    await ok('PATCH', `/networking/v1/dns-forwarders/${f.id}?environment=${env}`, { spec: { domains: ['walked.example'] } });
    await ok('DELETE', `/networking/v1/dns-forwarders/${f.id}?environment=${env}`);

    await ok('GET', '/networking/v1/ip-addresses?cloud=AWS&services=KAFKA,CONNECT&page_size=5');
    const c = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-net-kafka', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Dedicated', cku: 1 }, environment: { id: env }, network: { id: n.id } } });
    expect((await call('DELETE', `/networking/v1/networks/${n.id}?environment=${env}`)).status).toBe(400);
    await ok('DELETE', `/cmk/v2/clusters/${c.id}?environment=${env}`);
    await ok('DELETE', `/networking/v1/networks/${n.id}?environment=${env}`);
  });

  it('walks fcpm/v2 and sql/v1', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-flink' })).id;
    await ok('GET', '/fcpm/v2/regions?cloud=AWS&page_size=2');
    const pool = await ok('POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'walk', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env } } });
    await ok('GET', `/fcpm/v2/compute-pools?environment=${env}&spec.region=us-east-2`);
    await ok('GET', `/fcpm/v2/compute-pools/${pool.id}?environment=${env}`);
    await ok('PATCH', `/fcpm/v2/compute-pools/${pool.id}`, { spec: { max_cfu: 10, environment: { id: env } } });
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: env } } });
    const k = { authorization: basic(key.id, key.spec.secret) };
    const org = t.emu.bootstrap!.orgId;
    const s = `/sql/v1/organizations/${org}/environments/${env}/statements`;
    const created = await ok('POST', s, { name: 'walk', spec: { statement: 'SELECT 1 AS one', compute_pool_id: pool.id } }, k);
    await ok('GET', `${s}?spec.compute_pool_id=${pool.id}&page_size=5`, undefined, k);
    await ok('GET', `${s}/walk`, undefined, k);
    await ok('GET', `${s}/walk/results`, undefined, k);
    await ok('GET', `${s}/walk/exceptions`, undefined, k);
    await ok('PUT', `${s}/walk`, { name: 'walk', metadata: { resource_version: created.metadata.resource_version }, spec: { stopped: true } }, k);
    await ok('DELETE', `${s}/walk`, undefined, k);
    for (const [method, url] of [['GET', `${s}/nope`], ['GET', `${s}/nope/results`], ['GET', `${s}/nope/exceptions`], ['DELETE', `${s}/nope`]]) {
      expect((await call(method, url, undefined, k)).status, url).toBe(404);
    }
    expect((await call('POST', s, { name: 'walk', spec: { statement: 'SHOW CATALOGS', compute_pool_id: 'lfcp-nope00' } }, k)).status).toBe(422);
    await ok('DELETE', `/fcpm/v2/compute-pools/${pool.id}?environment=${env}`);
  });

  it('walks notifications/v1 and partner/v2', async () => {
    await ok('GET', '/notifications/v1/notification-types?page_size=3');
    await ok('GET', '/notifications/v1/notification-types/CLUSTER_SHRINK');
    const target = { kind: 'Webhook', url: 'https://hooks.example.com/walk' };
    await ok('POST', '/notifications/v1/integrations:test', { display_name: 'walk', target });
    const int = await ok('POST', '/notifications/v1/integrations', { display_name: 'walk', target });
    await ok('GET', '/notifications/v1/integrations');
    await ok('GET', `/notifications/v1/integrations/${int.id}`);
    await ok('PATCH', `/notifications/v1/integrations/${int.id}`, { description: 'walked' });
    const sub = await ok('POST', '/notifications/v1/subscriptions', { notification_type: { id: 'API_KEY_CREATED' }, integrations: [{ id: int.id }] });
    await ok('GET', '/notifications/v1/subscriptions');
    await ok('GET', `/notifications/v1/subscriptions/${sub.id}`);
    await ok('PATCH', `/notifications/v1/subscriptions/${sub.id}`, { current_state: 'DISABLED' });
    await ok('DELETE', `/notifications/v1/subscriptions/${sub.id}`);
    await ok('DELETE', `/notifications/v1/integrations/${int.id}`);
    const ent = await ok('POST', '/partner/v2/entitlements', { external_id: 'walk-1', name: 'walk', plan_id: 'confluent-cloud-payg-prod', product_id: 'confluent-cloud-for-apache-kafka' });
    await ok('GET', '/partner/v2/entitlements');
    await ok('GET', `/partner/v2/entitlements/${ent.id}`);
    const su = await ok('POST', '/partner/v2/signup', { organization: { name: 'Walk Customer' }, entitlement: { id: ent.id } });
    await ok('GET', '/partner/v2/organizations');
    await ok('GET', `/partner/v2/organizations/${su.organization_id}`);
    await ok('POST', '/partner/v2/signup/activate', { organization_id: su.organization_id, user: { email: 'walk@example.com', given_name: 'W', family_name: 'K' } });
  });

  it('walks cdx/v1 Stream Sharing', async () => {
    const env = (await ok('GET', '/org/v2/environments')).data[0].id;
    const cluster = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'cdx-walk', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } });
    t.rt.kafka.createTopic(cluster.id, 'cdx-walk', 1, 3, {}, 0);
    const consumer = await ok('POST', '/_emulator/orgs', {});
    const C = { authorization: basic(consumer.api_key, consumer.api_secret) };
    const email = (await ok('GET', '/iam/v2/users', undefined, C)).data[0].email;
    await ok('GET', '/cdx/v1/opt-in');
    await ok('PATCH', '/cdx/v1/opt-in', { stream_share_enabled: true });
    const invite = { delivery_method: 'EMAIL', consumer_restriction: { kind: 'Email', email }, resources: [`crn://confluent.cloud/environment=${env}/kafka=${cluster.id}/topic=cdx-walk`] };
    const created = await call('POST', '/cdx/v1/provider-shares', invite);
    expect(created.status, created.raw).toBe(201);
    const token = String(created.headers['x-emulator-shared-token']);
    const ss = created.body.id;
    await ok('GET', '/cdx/v1/provider-shares');
    await ok('GET', `/cdx/v1/provider-shares/${ss}`);
    await ok('POST', `/cdx/v1/provider-shares/${ss}:resend`);
    const sr = (await ok('GET', `/cdx/v1/provider-shared-resources?stream_share=${ss}`)).data[0].id;
    await ok('GET', `/cdx/v1/provider-shared-resources/${sr}`);
    await ok('PATCH', `/cdx/v1/provider-shared-resources/${sr}`, { display_name: 'walked' });
    await ok('POST', '/cdx/v1/shared-tokens:resources', { token }, C);
    const redeemed = await ok('POST', '/cdx/v1/shared-tokens:redeem', { token }, C);
    await ok('GET', '/cdx/v1/consumer-shares', undefined, C);
    await ok('GET', `/cdx/v1/consumer-shares/${redeemed.id}`, undefined, C);
    const csr = (await ok('GET', `/cdx/v1/consumer-shared-resources?stream_share=${redeemed.id}`, undefined, C)).data[0].id;
    await ok('GET', `/cdx/v1/consumer-shared-resources/${csr}`, undefined, C);
    // The images take and answer bytes, which t.request does not carry: sent with inject, answers checked as bytes.
    const image = async (method: string, url: string, headers: Record<string, string> = {}, payload?: Buffer) => {
      const res = await t.emu.app.inject({ method: method as any, url, headers: { authorization: t.auth, host: 'emulator.test', ...headers }, payload });
      const op = operationOf(method, url);
      assertConforms(t.rt, op, res.statusCode, res.statusCode === 200 ? res.rawPayload : res.body ? JSON.parse(res.body) : undefined, res.headers);
      checked.push(`${op.operationId} ${res.statusCode}`);
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      succeeded.add(op.operationId);
      return res;
    };
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 0xff]);
    const imageUrl = `/cdx/v1/provider-shared-resources/${sr}/images/logo.png`;
    expect((await image('POST', imageUrl, { 'content-type': 'image/png' }, png)).headers.location).toBe(`http://emulator.test${imageUrl}`);
    expect((await image('GET', imageUrl)).rawPayload.equals(png)).toBe(true);
    expect((await image('GET', `/cdx/v1/consumer-shared-resources/${csr}/images/logo.png`, C)).rawPayload.equals(png)).toBe(true);
    await image('DELETE', imageUrl);
    expect((await call('GET', imageUrl)).status).toBe(404);
    // operationOf reads `{id}:network` as `{id}`: this one is checked against its own operation.
    const networkOp = operations.find((o) => o.operationId === 'networkCdxV1ConsumerSharedResource')!;
    const network = await t.request('GET', `/cdx/v1/consumer-shared-resources/${csr}:network`, undefined, C);
    expect(network.status, network.raw).toBe(200);
    assertConforms(t.rt, networkOp, network.status, network.body, network.headers);
    succeeded.add(networkOp.operationId);
    await ok('DELETE', `/cdx/v1/consumer-shares/${redeemed.id}`, undefined, C);
    const again = await ok('POST', '/cdx/v1/provider-shares', invite);
    await ok('DELETE', `/cdx/v1/provider-shares/${again.id}`);
    expect((await call('POST', '/cdx/v1/shared-tokens:redeem', { token }, C)).status).toBe(404);
  });

  it('walks the control plane', async () => {
    await ok('GET', '/_emulator/health');
    // The CA is PEM bytes, which t.request does not carry: fetched with inject, checked as bytes.
    const ca = await t.emu.app.inject({ method: 'GET', url: '/_emulator/kafka/ca.pem' });
    const caOp = operationOf('GET', '/_emulator/kafka/ca.pem');
    assertConforms(t.rt, caOp, ca.statusCode, ca.rawPayload, ca.headers);
    expect(ca.statusCode).toBe(200);
    expect(ca.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    checked.push(`${caOp.operationId} 200`);
    succeeded.add(caOp.operationId);
    await ok('GET', '/_emulator/operations');
    const lkc = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-records', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: t.env } } });
    t.rt.kafka.createTopic(lkc.id, 'walk', 1, 3, {}, 0);
    t.rt.kafka.append(lkc.id, 'walk', [{ partition: 0, timestamp: 0, key: null, value: Buffer.from('v'), headers: [{ name: 'h', value: null }] }]);
    await ok('GET', `/_emulator/kafka/clusters/${lkc.id}/topics/walk/records?partition=0`);
    await ok('GET', '/_emulator/clock');
    await ok('GET', `/_emulator/authorization?principal=User:u-00000&action=DESCRIBE&crn=${encodeURIComponent(`crn://confluent.cloud/organization=${t.emu.bootstrap!.orgId}`)}`);
    await ok('POST', '/_emulator/sso/sign-in', { user_id: 'u-00000', groups: ['engineering'] });
    await ok('PUT', '/_emulator/clock', { time: '2030-01-01T00:00:00Z' });
    await ok('POST', '/_emulator/clock/advance', { seconds: 5 });
    const org = await ok('POST', '/_emulator/orgs', {});
    await ok('GET', '/_emulator/orgs');
    await ok('POST', `/_emulator/orgs/${org.organization_id}/credentials`, {});
    await ok('POST', '/_emulator/fixtures', { organizations: [] });
    const snapshot = await ok('GET', '/_emulator/snapshot');
    await ok('POST', '/_emulator/snapshot', snapshot);
    await ok('POST', '/_emulator/reset', { org: org.organization_id });
    await ok('POST', '/_emulator/reset', {});
  });

  it('walks the test controls: journal, faults, lifecycle control', async () => {
    await ok('GET', '/iam/v2/service-accounts');
    await ok('GET', '/_emulator/requests?operation_id=listIamV2ServiceAccounts&limit=5');
    await ok('POST', '/_emulator/requests/wait', { operation_id: 'listIamV2ServiceAccounts', count: 1, timeout_ms: 100 });
    expect((await call('POST', '/_emulator/requests/wait', { operation_id: 'deleteIamV2User', count: 1, timeout_ms: 10 })).status).toBe(408);
    await ok('DELETE', '/_emulator/requests');
    const fault = await ok('POST', '/_emulator/faults', { operation_id: 'listIamV2Users', status: 503 });
    await ok('GET', '/_emulator/faults');
    await ok('DELETE', `/_emulator/faults/${fault.id}`);
    await ok('POST', '/_emulator/faults', { operation_id: 'listIamV2Users', status: 503 });
    await ok('DELETE', '/_emulator/faults');
    expect((await call('POST', '/_emulator/faults', { status: 200 })).status).toBe(422);
    const env = (await ok('GET', '/org/v2/environments')).data[0].id;
    const c = await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'ctl', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } }, { 'x-emulator-lifecycle': 'timed' });
    await ok('GET', '/_emulator/resources/phased-kinds');
    await ok('POST', `/_emulator/resources/${c.id}/advance`, { to: 'settled' });
    await ok('POST', `/_emulator/resources/${c.id}/fail`, {});
    expect((await call('POST', '/_emulator/resources/lkc-nope00/advance', {})).status).toBe(404);
  });

  it('answers every item operation with a documented 404 for an unknown id', async () => {
    // Management operations: the data planes' 404s are walked above with keys of their clusters.
    const management = (o: Operation) => !o.security.includes('resource-api-key');
    for (const op of operations.filter((o) => o.path.endsWith('{id}') && management(o) && t.emu.implemented(o.operationId))) {
      // Required query parameters, and the environment wherever one is taken (an update may name it in the body).
      const required = op.parameters.filter((p) => p.in === 'query' && (p.required || p.name === 'environment')).map((p) => `${p.name}=unknown-0`);
      const url = op.path.replace('{provider_id}', 'op-00000').replace('{id}', 'unknown-0') + (required.length ? `?${required.join('&')}` : '');
      // The smallest body that passes validation: each required top-level property as an empty object.
      const body = op.method === 'PATCH' ? Object.fromEntries(((op.requestSchema?.required as string[]) ?? []).map((k) => [k, {}])) : undefined;
      const res = await call(op.method, url, body);
      expect(res.status, `${op.operationId}`).toBe(404);
    }
  });

  it('answers every secured operation with a documented 401 without credentials', async () => {
    for (const op of operations.filter((o) => o.security.length && t.emu.implemented(o.operationId))) {
      const url = op.path.replace(/\{[^}]+\}/g, 'x-1');
      const res = await call(op.method, url, ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined, { authorization: '' });
      expect(res.status, `${op.operationId}`).toBe(401);
    }
  });

  it('pages every paginated management list to its end, one item a page, as its document says', async () => {
    // Values for the query parameters some lists require; a list whose requirements these do not meet is skipped.
    const env = (await ok('GET', '/org/v2/environments?page_size=100')).data.map((e: any) => e.id);
    const required: Record<string, string> = { environment: env[0], scope: 'ORGANIZATION', cloud: 'AWS', 'spec.cloud': 'AWS' };
    // A few items in the lists the walk left empty, so that one item a page takes more than one page.
    for (const name of ['page-a', 'page-b', 'page-c']) await ok('POST', '/iam/v2/service-accounts', { display_name: name });
    const lists = operations.filter((o) => o.method === 'GET' && t.emu.implemented(o.operationId) && !o.security.includes('resource-api-key') && o.parameters.some((p) => p.name === 'page_token'));
    let paged = 0;
    let multi = 0;
    for (const op of lists) {
      if (/\{/.test(op.path)) continue;
      const params = op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, required[p.name]]);
      if (params.some(([, v]) => v === undefined)) continue;
      const query = new URLSearchParams(params as [string, string][]);
      const whole = await call('GET', `${op.path}?${query}&page_size=100`);
      if (whole.status !== 200) continue;
      const ids: unknown[] = [];
      let url: string | undefined = `${op.path}?${query}&page_size=1`;
      let pages = 0;
      while (url) {
        const page = await ok('GET', url);
        expect(page.data.length, url).toBeLessThanOrEqual(1);
        ids.push(...page.data.map((item: any) => item.id ?? JSON.stringify(item)));
        url = page.metadata?.next ? (() => { const u = new URL(page.metadata.next); return u.pathname + u.search; })() : undefined;
        expect(++pages, `${op.operationId} does not end`).toBeLessThan(whole.body.data.length + 2);
      }
      expect(ids, op.operationId).toEqual(whole.body.data.map((item: any) => item.id ?? JSON.stringify(item)));
      paged++;
      if (pages > 1) multi++;
    }
    console.log(`${paged} lists paged to their end, ${multi} of them over more than one page`);
    expect(paged).toBeGreaterThan(20);
    expect(multi).toBeGreaterThan(3);
  });

  it('refuses a body of the wrong type with a 4xx every operation declares', async () => {
    const management = (o: Operation) => !o.security.includes('resource-api-key') && !o.path.startsWith('/_emulator');
    let refused = 0;
    for (const op of operations.filter((o) => o.requestSchema?.type === 'object' && management(o) && t.emu.implemented(o.operationId))) {
      const required = op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${p.name}=x-1`);
      const url = op.path.replace(/\{[^}]+\}/g, 'x-1') + (required.length ? `?${required.join('&')}` : '');
      const media = Object.keys(op.raw.requestBody?.content ?? {})[0] ?? 'application/json';
      if (!/json/.test(media)) continue;
      const res = await call(op.method, url, ['not', 'an', 'object'], { 'content-type': media });
      expect([400, 422], `${op.operationId}: ${res.raw}`).toContain(res.status);
      refused++;
    }
    expect(refused).toBeGreaterThan(50);
  });

  it('refuses a body of the wrong type on the data planes with a 4xx each operation declares, in its dialect', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-bodies' })).id;
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const lkc = (await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-bodies', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).id;
    const lsrc = (await ok('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } })).id;
    const keyFor = async (resource: string) => {
      const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: resource } } });
      return basic(key.id, key.spec.secret);
    };
    const keys: Record<string, string> = { 'kafka/v3': await keyFor(lkc), 'rest-proxy/v2': await keyFor(lkc), 'schema-registry/v1': await keyFor(lsrc), 'catalog/v1': await keyFor(lsrc), 'sql/v1': await keyFor(env) };
    t.rt.kafka.createTopic(lkc, 'bodies', 1, 3, {}, 0);
    const known: Record<string, string> = { cluster_id: lkc, topic_name: 'bodies', organization_id: t.emu.bootstrap!.orgId, environment_id: env, partition_id: '0' };
    let refused = 0;
    for (const op of operations.filter((o) => o.security.includes('resource-api-key') && o.requestSchema && t.emu.implemented(o.operationId))) {
      const media = Object.keys(op.raw.requestBody?.content ?? {})[0] ?? 'application/json';
      if (!/json/.test(media) || !keys[op.group]) continue;
      const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => known[name] ?? 'x-1');
      const res = await call(op.method, url, op.requestSchema?.type === 'array' ? { not: 'an array' } : ['not', 'an', 'object'], { authorization: keys[op.group], 'content-type': media });
      expect(res.status, `${op.operationId} ${url}: ${res.raw}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${op.operationId} ${url}: ${res.raw}`).toBeLessThan(500);
      refused++;
    }
    expect(refused).toBeGreaterThan(40);
  });

  it('answers every data-plane read of an unknown resource with a 404 in its dialect', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-unknown' })).id;
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const lkc = (await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-unknown', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).id;
    const lsrc = (await ok('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } })).id;
    const keyFor = async (resource: string) => {
      const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: resource } } });
      return basic(key.id, key.spec.secret);
    };
    const keys: Record<string, string> = { 'kafka/v3': await keyFor(lkc), 'schema-registry/v1': await keyFor(lsrc), 'catalog/v1': await keyFor(lsrc), 'sql/v1': await keyFor(env) };
    // The scope every path names first is real; the resource it then names is not.
    const real: Record<string, string> = { cluster_id: lkc, organization_id: t.emu.bootstrap!.orgId, environment_id: env };
    let unknown = 0;
    for (const op of operations.filter((o) => o.method === 'GET' && o.security.includes('resource-api-key') && keys[o.group] && t.emu.implemented(o.operationId))) {
      const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).filter((n) => !real[n]);
      // A parameter of an enumeration (a broker task's type) is not a resource: a value outside it is a 400.
      const enumerated = (n: string) => op.parameters.some((p) => p.in === 'path' && p.name === n && Array.isArray(p.schema?.enum));
      if (!names.length || names.some(enumerated)) continue;
      const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => real[name] ?? (/id$|version/.test(name) ? '99999' : 'nope'));
      const res = await call('GET', url, undefined, { authorization: keys[op.group] });
      expect(res.status, `${op.operationId} ${url}: ${res.raw}`).toBe(404);
      unknown++;
    }
    expect(unknown).toBeGreaterThan(30);
  });

  it('answers a second create of the same name with the status each document declares', async () => {
    const env = (await ok('POST', '/org/v2/environments', { display_name: 'walk-twice' })).id;
    const owner = (await ok('GET', '/iam/v2/users')).data[0].id;
    const lkc = (await ok('POST', '/cmk/v2/clusters', { spec: { display_name: 'walk-twice', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).id;
    const lsrc = (await ok('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env }, region: { id: 'sgreg-1' } } })).id;
    const keyFor = async (resource: string) => {
      const key = await ok('POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, resource: { id: resource } } });
      return { authorization: basic(key.id, key.spec.secret) };
    };
    const kafka = await keyFor(lkc);
    const sr = { ...(await keyFor(lsrc)), 'content-type': 'application/vnd.schemaregistry.v1+json' };
    const upload = (await ok('POST', '/connect/v1/presigned-upload-url', { content_format: 'ZIP' })).upload_id;
    const twice: Array<[string, string, unknown, Record<string, string>?]> = [
      ['POST', '/iam/v2/service-accounts', { display_name: 'walk-twice' }],
      ['POST', '/connect/v1/custom-connector-plugins', { display_name: 'walk-twice', connector_class: 'com.example.Twice', connector_type: 'SOURCE', upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: upload } }],
      ['POST', `/kafka/v3/clusters/${lkc}/topics`, { topic_name: 'walk-twice' }, kafka],
      ['POST', '/exporters', { name: 'walk-twice', config: { 'schema.registry.url': 'https://x' } }, sr],
    ];
    for (const [method, url, body, headers] of twice) {
      expect((await call(method, url, body, headers)).status, url).toBeLessThan(300);
      const again = await call(method, url, body, headers);
      expect([400, 409], `${url}: ${again.raw}`).toContain(again.status);
    }
  });

  it.runIf(confluent)("answers the request examples of Confluent's documents without a 5xx, as those documents declare", async () => {
    // Bodies built from the documents' examples; their references name objects that do not exist here
    // (env-00000, lkc-00000), so a declared 4xx is as good an answer as a 2xx.
    let sent = 0;
    for (const op of operations.filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method) && !o.security.includes('resource-api-key') && !o.path.startsWith('/_emulator') && t.emu.implemented(o.operationId))) {
      for (const example of confluent!.examples(op.method, op.path, true).filter((e) => e.of === 'request')) {
        const url = op.path.replace('{organization_id}', t.emu.bootstrap!.orgId).replace(/\{[^}]+\}/g, 'x-1');
        const res = await call(op.method, url, example.body);
        expect(res.status, `${op.operationId}: ${res.raw}`).toBeLessThan(500);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(40);
  });

  /** Implemented operations whose only answer in the emulator is a 404: no replica is ever reassigned, no broker task runs. */
  const NEVER_SUCCEED = new Set(['getKafkaReassignment']);
  /** A stream that ends only when the emulator closes: test/controls/events.test.ts reads it over a socket. */
  const STREAMS = new Set(['streamEmulatorEvents']);

  it.runIf(confluent)("answers as Confluent's own documents declare (statuses and bodies), but for their known errata", () => {
    const all = confluent!.report();
    const report = confluent!.report((d) => erratumFor(d) !== undefined);
    console.log(`${confluent!.checked} responses judged by Confluent's documents; ${all.length} distinct deviations, ${all.length - report.length} of them known document errata; ${confluent!.unmatched.size} requests no document describes`);
    expect(report, report.join('\n')).toEqual([]);
    // An erratum nothing needs any more is stale: the emulator or the document moved.
    const used = new Set(confluent!.deviations.map(erratumFor));
    expect(DOCUMENT_ERRATA.filter((e) => !used.has(e)).map((e) => `${e.method} ${e.paths} ${e.status}`)).toEqual([]);
  });

  it('exercised every implemented operation successfully', () => {
    const implemented = operations.filter((o) => t.emu.implemented(o.operationId)).map((o) => o.operationId);
    expect(implemented.length).toBeGreaterThan(60);
    expect(implemented.filter((id) => !succeeded.has(id) && !NEVER_SUCCEED.has(id) && !STREAMS.has(id))).toEqual([]);
    for (const id of NEVER_SUCCEED) expect(checked.some((c) => c.startsWith(`${id} `)), id).toBe(true);
    expect(checked.length).toBeGreaterThan(implemented.length * 2);
  });
});
