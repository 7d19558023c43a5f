import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';

const NOW = { 'x-emulator-lifecycle': 'immediate' };

/**
 * Shapes Confluent's published documents require and the emulator once answered otherwise. Each
 * expectation is a fact of Confluent's document for that operation (required fields, non-null
 * strings, minimum items, declared statuses).
 */
describe("fidelity: responses in the shape of Confluent's documents", () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('iam/v2 IP filters answer each ip_groups entry with id, related and resource_name; an unknown group is refused', async () => {
    const g = await t.post('/iam/v2/ip-groups', { group_name: 'office', cidr_blocks: ['192.0.2.0/24'] });
    expect(g.status, g.raw).toBe(201);
    const expected = [{ id: g.body.id, related: `http://emulator.test/iam/v2/ip-groups/${g.body.id}`, resource_name: g.body.metadata.resource_name }];
    const f = await t.post('/iam/v2/ip-filters', { filter_name: 'f', resource_group: 'management', ip_groups: [{ id: g.body.id }] });
    expect(f.status, f.raw).toBe(201);
    expect(f.body.ip_groups).toEqual(expected);
    expect((await t.get(`/iam/v2/ip-filters/${f.body.id}`)).body.ip_groups).toEqual(expected);
    expect((await t.get('/iam/v2/ip-filters')).body.data.find((x: any) => x.id === f.body.id).ip_groups).toEqual(expected);
    expect((await t.patch(`/iam/v2/ip-filters/${f.body.id}`, { ip_groups: [{ id: g.body.id }] })).body.ip_groups).toEqual(expected);
    const unknown = await t.post('/iam/v2/ip-filters', { filter_name: 'g', resource_group: 'management', ip_groups: [{ id: 'ipg-nope' }] });
    expect(unknown.status).toBe(422);
    expect(errorsOf(unknown)[0].source).toEqual({ pointer: '/ip_groups/0/id' });
  });

  it('byok/v1 keys carry validation (phase, since, and the region their identifier names)', async () => {
    const aws = await t.post('/byok/v1/keys', { key: { kind: 'AwsKey', key_arn: 'arn:aws:kms:us-west-2:111122223333:key/fidelity-1' } });
    expect(aws.status, aws.raw).toBe(201);
    expect(aws.body.validation).toEqual({ phase: 'VALID', since: aws.body.metadata.created_at, region: 'us-west-2' });
    expect((await t.get(`/byok/v1/keys/${aws.body.id}`)).body.validation.phase).toBe('VALID');
    const azure = await t.post('/byok/v1/keys', {
      key: { kind: 'AzureKey', key_id: 'https://vault.vault.azure.net/keys/fidelity', key_vault_id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v', tenant_id: '00000000-0000-0000-0000-000000000000' },
    });
    expect(azure.status, azure.raw).toBe(201);
    expect(azure.body.validation).toEqual({ phase: 'VALID', since: expect.any(String) });
  });

  it('API keys always answer spec.display_name and spec.description (empty strings when not given)', async () => {
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'fidelity-sa' })).body;
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa.id } } });
    expect(key.status, key.raw).toBe(202);
    expect(key.body.spec).toMatchObject({ display_name: '', description: '' });
    expect((await t.get(`/iam/v2/api-keys/${key.body.id}`)).body.spec).toMatchObject({ display_name: '', description: '' });
  });

  it('networking/v1 networks answer at least one active connection type; transit gateway attachments take Confluent\'s example routes', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'fidelity-net' })).body.id;
    const n = await t.post('/networking/v1/networks', { spec: { display_name: 'n', cloud: 'AWS', region: 'us-east-1', connection_types: ['TRANSITGATEWAY'], cidr: '10.1.0.0/16', environment: { id: env } } }, NOW);
    expect(n.status, n.raw).toBe(202);
    expect(n.body.status.active_connection_types).toEqual(['TRANSITGATEWAY']);
    const a = await t.post(
      '/networking/v1/transit-gateway-attachments',
      {
        spec: {
          display_name: 'tgw',
          cloud: {
            kind: 'AwsTransitGatewayAttachment',
            ram_share_arn: 'arn:aws:ram:us-east-1:000000000000:resource-share/12345678-1234-1234-1234-123456789012',
            transit_gateway_id: 'tgw-0123456789abcdef0',
            routes: ['100.64.0.0/10', '10.0.0.0/8', '192.168.0.0/16', '172.16.0.0/12'],
          },
          environment: { id: env },
          network: { id: n.body.id },
        },
      },
      NOW,
    );
    expect(a.status, a.raw).toBe(202);
    expect((await t.get(`/networking/v1/networks/${n.body.id}?environment=${env}`)).body.status.active_connection_types).toEqual(['TRANSITGATEWAY']);
  });

  it('Kafka REST consumer groups carry type and is_mixed_consumer_group; replica statuses of no link leave link_name out', async () => {
    const k = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${k.id}`;
    await t.post(`${v3}/topics`, { topic_name: 'fidelity', partitions_count: 1 }, k.auth);
    const v2 = { ...k.auth, 'content-type': 'application/vnd.kafka.v2+json' };
    const inst = (await t.post('/consumers/fidelity-group', { name: 'm' }, v2)).body;
    await t.post(`${new URL(inst.base_uri).pathname}/subscription`, { topics: ['fidelity'] }, v2);
    const group = await t.get(`${v3}/consumer-groups/fidelity-group`, k.auth);
    expect(group.status, group.raw).toBe(200);
    expect(group.body).toMatchObject({ type: 'CLASSIC', is_mixed_consumer_group: false });
    const statuses = await t.get(`${v3}/topics/-/partitions/-/replica-status`, k.auth);
    expect(statuses.status, statuses.raw).toBe(200);
    expect(statuses.body.data.length).toBeGreaterThan(0);
    for (const s of statuses.body.data) expect(s).not.toHaveProperty('link_name');
  });

  it('Connect config validation answers an empty string, not null, for a property not given', async () => {
    const o = await t.newOrg();
    const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, { authorization: o.auth, ...NOW });
    const r = await t.put(`/connect/v1/environments/${o.env}/clusters/${c.body.id}/connector-plugins/DatagenSource/config/validate`, { 'connector.class': 'DatagenSource', name: 'd' }, { authorization: o.auth });
    expect(r.status, r.raw).toBe(200);
    const values = r.body.configs.map((x: any) => x.value.value);
    expect(values).not.toContain(null);
    expect(values).toContain('');
  });

  it('org/v2 environments always carry their Stream Governance package, also when the body names the object without one', async () => {
    const bare = await t.post('/org/v2/environments', { display_name: 'sg-bare' });
    expect(bare.status, bare.raw).toBe(201);
    expect(bare.body.stream_governance_config).toEqual({ package: 'ESSENTIALS' });
    const empty = await t.post('/org/v2/environments', { display_name: 'sg-empty', stream_governance_config: {} });
    expect(empty.status, empty.raw).toBe(201);
    expect(empty.body.stream_governance_config).toEqual({ package: 'ESSENTIALS' });
    const advanced = await t.post('/org/v2/environments', { display_name: 'sg-advanced', stream_governance_config: { package: 'ADVANCED' } });
    expect((await t.get(`/org/v2/environments/${advanced.body.id}`)).body.stream_governance_config).toEqual({ package: 'ADVANCED' });
  });
});
