import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, type Response } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';

/**
 * The groups that have a document but no implementation yet: every operation is routed (no 404
 * "No operation matches") and answers 501 in its group's error shape once the request passes
 * authentication and validation. The test emulator runs with self-check on, so an error body that
 * does not match the responses its operation declares turns into a 500.
 */
const GROUPS: Record<string, { dialect: 'management' | 'connect'; operations: number }> = {
  'billing/v1': { dialect: 'management', operations: 1 },
  'byok/v1': { dialect: 'management', operations: 4 },
  'cdx/v1': { dialect: 'management', operations: 22 },
  'connect/v1': { dialect: 'connect', operations: 18 },
  'fcpm/v2': { dialect: 'management', operations: 6 },
  'networking/v1': { dialect: 'management', operations: 21 },
  'notifications/v1': { dialect: 'management', operations: 13 },
  'partner/v2': { dialect: 'management', operations: 7 },
  'sd/v1': { dialect: 'management', operations: 5 },
  'service-quota/v1': { dialect: 'management', operations: 4 },
  'sql/v1': { dialect: 'management', operations: 7 },
};

/** The size of Confluent's checklist of operations, every one of which has a route. */
const CHECKLIST_OPERATIONS = 360;

interface Listed {
  operation_id: string;
  group: string;
  method: string;
  path: string;
  implemented: boolean;
}

function expectNotImplemented(r: Response, dialect: 'management' | 'connect', operationId: string) {
  expect(r.status, `${operationId}: ${r.raw}`).toBe(501);
  if (dialect === 'connect') {
    expect(r.body).toEqual({ error: { code: 501, message: expect.stringContaining(operationId) } });
  } else {
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0]).toMatchObject({ status: '501', code: 'not_implemented', detail: expect.stringContaining(operationId) });
  }
}

function expectUnauthenticated(r: Response, dialect: 'management' | 'connect', what: string) {
  expect(r.status, `${what}: ${r.raw}`).toBe(401);
  if (dialect === 'connect') expect(r.body, what).toEqual({ error: { code: 401, message: expect.any(String) } });
  else expect(r.body.errors[0], what).toMatchObject({ status: '401', code: expect.any(String) });
}

/** The path of an operation with every parameter filled in (the organization id of sql/v1 is a UUID). */
const fill = (path: string, values: Record<string, string> = {}) =>
  path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? (name === 'organization_id' ? '00000000-0000-4000-8000-000000000000' : 'x-1'));

describe('groups documented but not implemented yet', () => {
  let t: TestEmulator;
  let listed: Listed[];
  let mine: Listed[];

  beforeAll(async () => {
    t = await TestEmulator.start();
    const r = await t.get('/_emulator/operations');
    expect(r.status).toBe(200);
    listed = r.body.data;
    mine = listed.filter((op) => GROUPS[op.group]);
  });
  afterAll(() => t.close());

  it('lists every operation of the groups, none implemented', () => {
    expect(mine.length).toBe(Object.values(GROUPS).reduce((n, g) => n + g.operations, 0));
    for (const [group, { operations }] of Object.entries(GROUPS)) {
      expect(mine.filter((op) => op.group === group).length, group).toBe(operations);
    }
    expect(mine.filter((op) => op.implemented).map((op) => op.operation_id)).toEqual([]);
  });

  it('routes at least the whole checklist across all documents', () => {
    const own = listed.filter((op) => op.path.startsWith('/_emulator'));
    expect(own.length).toBeGreaterThan(0);
    expect(listed.length - own.length).toBeGreaterThanOrEqual(CHECKLIST_OPERATIONS);
    const keys = listed.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('answers 501 in the group shape, management groups with a Cloud API key', async () => {
    const env = t.env;
    const calls: Array<[group: string, operationId: string, method: string, url: string, body?: unknown]> = [
      ['billing/v1', 'listBillingV1Costs', 'GET', '/billing/v1/costs?start_date=2026-01-01&end_date=2026-01-02'],
      ['byok/v1', 'listByokV1Keys', 'GET', '/byok/v1/keys?provider=AWS'],
      ['byok/v1', 'createByokV1Key', 'POST', '/byok/v1/keys', { key: { kind: 'AwsKey', key_arn: 'arn:aws:kms:us-west-2:111122223333:key/k' } }],
      ['byok/v1', 'getByokV1Key', 'GET', '/byok/v1/keys/cck-1'],
      ['cdx/v1', 'listCdxV1ProviderShares', 'GET', '/cdx/v1/provider-shares?include_deleted=true'],
      ['cdx/v1', 'createCdxV1ProviderShare', 'POST', '/cdx/v1/provider-shares', {
        delivery_method: 'EMAIL', consumer_restriction: { kind: 'Email', email: 'c@example.com' }, resources: ['crn://confluent.cloud/organization=o/environment=e/cloud-cluster=lkc-1/kafka=lkc-1/topic=t'],
      }],
      ['cdx/v1', 'resendCdxV1ProviderShare', 'POST', '/cdx/v1/provider-shares/ss-1:resend'],
      ['cdx/v1', 'getCdxV1ConsumerSharedResource', 'GET', '/cdx/v1/consumer-shared-resources/sr-1'],
      ['cdx/v1', 'networkCdxV1ConsumerSharedResource', 'GET', '/cdx/v1/consumer-shared-resources/sr-1:network'],
      ['cdx/v1', 'resourcesCdxV1SharedToken', 'POST', '/cdx/v1/shared-tokens:resources', { token: 'tok' }],
      ['cdx/v1', 'redeemCdxV1SharedToken', 'POST', '/cdx/v1/shared-tokens:redeem', { token: 'tok', aws_account: '000000000000' }],
      ['cdx/v1', 'getCdxV1OptIn', 'GET', '/cdx/v1/opt-in'],
      ['fcpm/v2', 'listFcpmV2ComputePools', 'GET', `/fcpm/v2/compute-pools?environment=${env}`],
      ['fcpm/v2', 'createFcpmV2ComputePool', 'POST', '/fcpm/v2/compute-pools', {
        spec: { display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env } },
      }],
      ['fcpm/v2', 'listFcpmV2Regions', 'GET', '/fcpm/v2/regions?cloud=AWS'],
      ['networking/v1', 'listNetworkingV1Networks', 'GET', `/networking/v1/networks?environment=${env}&spec.cloud=AWS,GCP&status.phase=READY`],
      ['networking/v1', 'createNetworkingV1Network', 'POST', '/networking/v1/networks', {
        spec: { cloud: 'AWS', region: 'us-east-2', connection_types: ['PEERING'], cidr: '10.1.0.0/16', environment: { id: env } },
      }],
      ['networking/v1', 'getNetworkingV1Peering', 'GET', `/networking/v1/peerings/peer-1?environment=${env}`],
      ['networking/v1', 'deleteNetworkingV1TransitGatewayAttachment', 'DELETE', `/networking/v1/transit-gateway-attachments/tgwa-1?environment=${env}`],
      ['networking/v1', 'updateNetworkingV1DnsForwarder', 'PATCH', '/networking/v1/dns-forwarders/dnsf-1', { spec: { display_name: 'f', environment: { id: env } } }],
      ['networking/v1', 'listNetworkingV1IpAddresses', 'GET', '/networking/v1/ip-addresses?services=KAFKA'],
      ['notifications/v1', 'listNotificationsV1Subscriptions', 'GET', '/notifications/v1/subscriptions?page_size=250'],
      ['notifications/v1', 'testNotificationsV1Integration', 'POST', '/notifications/v1/integrations:test', {
        display_name: 'hook', target: { kind: 'Webhook', url: 'https://hooks.example.com/x' },
      }],
      ['notifications/v1', 'getNotificationsV1NotificationType', 'GET', '/notifications/v1/notification-types/cluster-shrink'],
      ['partner/v2', 'listPartnerV2Entitlements', 'GET', '/partner/v2/entitlements'],
      ['partner/v2', 'activateSignup', 'POST', '/partner/v2/signup/activate', { organization_id: 'o-1', user: { email: 'u@example.com' } }],
      ['sd/v1', 'listSdV1Pipelines', 'GET', `/sd/v1/pipelines?environment=${env}&spec.kafka_cluster=lkc-1`],
      ['sd/v1', 'updateSdV1Pipeline', 'PATCH', '/sd/v1/pipelines/pipe-1', { spec: { activated: true } }],
      ['service-quota/v1', 'listServiceQuotaV1AppliedQuotas', 'GET', '/service-quota/v1/applied-quotas?scope=ORGANIZATION'],
      ['service-quota/v1', 'getServiceQuotaV1Scope', 'GET', '/service-quota/v1/scopes/ORGANIZATION'],
    ];
    for (const [group, operationId, method, url, body] of calls) {
      expect(mine.some((op) => op.operation_id === operationId && op.group === group), operationId).toBe(true);
      const r = await t.request(method, url, body);
      expectNotImplemented(r, 'management', operationId);
    }
    expect(new Set(calls.map(([group]) => group)).size).toBe(Object.keys(GROUPS).length - 2);
  });

  it('answers 501 in the connect shape for connect/v1, connectors and custom plugins alike', async () => {
    const base = `/connect/v1/environments/${t.env}/clusters/lkc-1`;
    const calls: Array<[operationId: string, method: string, url: string, body?: unknown]> = [
      ['listConnectv1Connectors', 'GET', `${base}/connectors?expand=info,status,id`],
      ['createConnectv1Connector', 'POST', `${base}/connectors`, { name: 'c', config: { 'connector.class': 'DatagenSource', name: 'c' } }],
      ['readConnectv1Connector', 'GET', `${base}/connectors/c`],
      ['createOrUpdateConnectv1ConnectorConfig', 'PUT', `${base}/connectors/c/config`, {
        'connector.class': 'DatagenSource', name: 'c', 'kafka.api.key': 'k', 'kafka.api.secret': 's', 'tasks.max': '1',
      }],
      ['pauseConnectv1Connector', 'PUT', `${base}/connectors/c/pause`],
      ['readConnectv1ConnectorStatus', 'GET', `${base}/connectors/c/status`],
      ['validateConnectv1ConnectorPlugin', 'PUT', `${base}/connector-plugins/DatagenSource/config/validate`, { 'connector.class': 'DatagenSource' }],
      ['listConnectV1CustomConnectorPlugins', 'GET', '/connect/v1/custom-connector-plugins'],
      ['presigned-upload-urlConnectV1PresignedUrl', 'POST', '/connect/v1/presigned-upload-url', { content_format: 'ZIP' }],
    ];
    for (const [operationId, method, url, body] of calls) {
      expectNotImplemented(await t.request(method, url, body), 'connect', operationId);
    }
  });

  it('answers 501 for sql/v1 to a resource-specific API key, and 401 to a Cloud API key', async () => {
    const cluster = await kafkaCluster(t);
    const base = `/sql/v1/organizations/${cluster.org.org}/environments/${cluster.org.env}/statements`;
    const calls: Array<[operationId: string, method: string, url: string, body?: unknown]> = [
      ['listSqlv1Statements', 'GET', `${base}?spec.compute_pool_id=lfcp-00000`],
      ['createSqlv1Statement', 'POST', base, { name: 'sql123', spec: { statement: 'SELECT 1;', compute_pool_id: 'lfcp-00000' } }],
      ['getSqlv1Statement', 'GET', `${base}/sql123`],
      ['updateSqlv1Statement', 'PUT', `${base}/sql123`, { name: 'sql123', metadata: { resource_version: '1' }, spec: { stopped: true } }],
      ['getSqlv1StatementResult', 'GET', `${base}/sql123/results`],
      ['getSqlv1StatementExceptions', 'GET', `${base}/sql123/exceptions`],
      ['deleteSqlv1Statement', 'DELETE', `${base}/sql123`],
    ];
    for (const [operationId, method, url, body] of calls) {
      expectNotImplemented(await t.request(method, url, body, cluster.auth), 'management', operationId);
    }
    expectUnauthenticated(await t.get(base, { authorization: cluster.orgAuth }), 'management', 'sql/v1 with a Cloud API key');
  });

  it('validates requests before answering 501', async () => {
    const missing = await t.get('/networking/v1/networks');
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ source: { parameter: 'environment' } });
    const invalid = await t.post('/byok/v1/keys', { key: { kind: 'AwsKey' } });
    expect(invalid.status).toBe(422);
    const unknownField = await t.request('PATCH', '/cdx/v1/opt-in', { stream_share_enabled: true, something_new: 1 });
    expect(unknownField.status).toBe(501);
    const connect = await t.post(`/connect/v1/environments/${t.env}/clusters/lkc-1/connectors`, { name: 'c', config: { 'tasks.max': 1 } });
    expect(connect.status).toBe(422);
    expect(connect.body).toEqual({ error: { code: 422, message: expect.any(String) } });
  });

  it('answers every secured operation without credentials with its documented 401', async () => {
    for (const op of mine) {
      const r = await t.request(op.method, fill(op.path), undefined, { authorization: '' });
      expectUnauthenticated(r, GROUPS[op.group].dialect, `${op.method} ${op.path}`);
    }
    expect(mine.length).toBeGreaterThan(0);
  });
});
