import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

const clusterSpec = (env: string, over: Record<string, unknown> = {}) => ({
  display_name: 'k',
  availability: 'SINGLE_ZONE',
  cloud: 'AWS',
  region: 'us-east-2',
  config: { kind: 'Dedicated', cku: 1 },
  environment: { id: env },
  ...over,
});

const AWS_ARN = (n: number) => `arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-${String(n).padStart(12, '0')}`;
const AZURE = {
  kind: 'AzureKey',
  key_id: 'https://vault-1.vault.azure.net/keys/key-1',
  key_vault_id: '/subscriptions/s-1/resourceGroups/rg-1/providers/Microsoft.KeyVault/vaults/vault-1',
  tenant_id: '6a9f9c1e-8b9d-4c8e-9d43-0b0a2b1c6f11',
};
const GCP = { kind: 'GcpKey', key_id: 'projects/p-1/locations/us/keyRings/r-1/cryptoKeys/k-1' };

describe('byok/v1 keys', () => {
  let t: TestEmulator;
  let o: Org;
  const h = () => ({ authorization: o.auth });
  const create = (key: Record<string, unknown>) => t.post('/byok/v1/keys', { key }, h());
  beforeAll(async () => {
    t = await TestEmulator.start({ quotas: { 'byok.max_keys.per_org': 6 } });
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('creates AWS, Azure and GCP keys with 201: cck- ids, CRNs, provider from the kind, server fields filled, unknown fields dropped', async () => {
    const aws = await create({ kind: 'AwsKey', key_arn: AWS_ARN(1), roles: ['mine'], extra: 'x' });
    expect(aws.status).toBe(201);
    expect(aws.body.id).toMatch(/^cck-[0-9a-z]{5}$/);
    expect(aws.headers.location).toBe(`http://emulator.test/byok/v1/keys/${aws.body.id}`);
    expect(aws.body).toMatchObject({ api_version: 'byok/v1', kind: 'Key', provider: 'AWS', state: 'AVAILABLE' });
    expect(aws.body.metadata).toMatchObject({ self: `http://emulator.test/byok/v1/keys/${aws.body.id}`, resource_name: `crn://confluent.cloud/organization=${o.org}/key=${aws.body.id}` });
    expect(aws.body.key).toEqual({ kind: 'AwsKey', key_arn: AWS_ARN(1), roles: [expect.stringMatching(/^arn:aws:iam::\d{12}:role\//)] });
    expect(aws.body.key.roles[0]).not.toBe('mine');

    const azure = await create(AZURE);
    expect(azure.status).toBe(201);
    expect(azure.body.provider).toBe('AZURE');
    expect(azure.body.key).toEqual({ ...AZURE, application_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const gcp = await create(GCP);
    expect(gcp.status).toBe(201);
    expect(gcp.body.provider).toBe('GCP');
    expect(gcp.body.key).toEqual({ ...GCP, security_group: expect.stringContaining('@') });

    const read = await t.get(`/byok/v1/keys/${gcp.body.id}`, h());
    expect(read.status).toBe(200);
    expect(read.body).toEqual(gcp.body);
  });

  it('refuses malformed keys: missing fields or unknown kinds, fields not shaped for the cloud (422), a key registered twice (409)', async () => {
    // A body that does not fit the document is 422, as everywhere in the management APIs.
    expect((await create({ kind: 'AwsKey' })).status).toBe(422);
    expect((await create({ kind: 'OracleKey', key_id: 'x' })).status).toBe(422);
    expect((await create({ ...AZURE, tenant_id: undefined })).status).toBe(422);
    expect((await create({ ...AZURE, tenant_id: 'not-a-uuid' })).status).toBe(422);
    expect((await t.post('/byok/v1/keys', {}, h())).status).toBe(422);
    for (const [key, pointer] of [
      [{ kind: 'AwsKey', key_arn: 'not-an-arn' }, '/key/key_arn'],
      [{ ...AZURE, key_id: 'https://vault-1.vault.azure.net/keys/key-1/0123456789abcdef' }, '/key/key_id'],
      [{ ...AZURE, key_id: 'https://vault-2.vault.azure.net/keys/key-2', key_vault_id: 'vault-1' }, '/key/key_vault_id'],
      [{ kind: 'GcpKey', key_id: 'k-1' }, '/key/key_id'],
    ] as const) {
      const r = await create(key);
      expect(r.status, JSON.stringify(key)).toBe(422);
      expect(errorsOf(r)[0].source).toEqual({ pointer });
    }
    const dup = await create({ kind: 'AwsKey', key_arn: AWS_ARN(1) });
    expect(dup.status).toBe(409);
    expect(dup.headers.location).toMatch(/\/byok\/v1\/keys\/cck-/);
  });

  it('lists with paging and the provider and state filters; 400 for a bad filter value', async () => {
    const all = await t.get('/byok/v1/keys?page_size=2', h());
    expect(all.status).toBe(200);
    expect(all.body.kind).toBe('KeyList');
    expect(all.body.data).toHaveLength(2);
    expect(all.body.metadata.total_size).toBe(3);
    const next = await t.get(all.body.metadata.next.replace('http://emulator.test', ''), h());
    expect(next.body.data).toHaveLength(1);
    expect(next.body.metadata.next).toBeUndefined();
    const azure = await t.get('/byok/v1/keys?provider=AZURE', h());
    expect(azure.body.data.map((k: any) => k.provider)).toEqual(['AZURE']);
    expect((await t.get('/byok/v1/keys?state=IN_USE', h())).body.data).toEqual([]);
    expect((await t.get('/byok/v1/keys?provider=IBM', h())).status).toBe(400);
  });

  it('a key is IN_USE while a Kafka cluster names it; it cannot be deleted then (400), and can once the cluster is gone (204)', async () => {
    const key = (await create({ kind: 'AwsKey', key_arn: AWS_ARN(2) })).body;
    const cluster = await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env, { byok: { id: key.id } }) }, h());
    expect(cluster.status).toBe(202);
    expect((await t.get(`/byok/v1/keys/${key.id}`, h())).body.state).toBe('IN_USE');
    const inUse = await t.get('/byok/v1/keys?state=IN_USE', h());
    expect(inUse.body.data.map((k: any) => k.id)).toEqual([key.id]);
    const refused = await t.delete(`/byok/v1/keys/${key.id}`, h());
    expect(refused.status).toBe(400);
    expect(errorsOf(refused)[0]).toMatchObject({ code: 'key_in_use', detail: expect.stringContaining(cluster.body.id) });

    expect((await t.delete(`/cmk/v2/clusters/${cluster.body.id}?environment=${o.env}`, h(), )).status).toBe(204);
    await t.post('/_emulator/clock/advance', { seconds: 3600 });
    await t.get(`/cmk/v2/clusters/${cluster.body.id}?environment=${o.env}`, h());
    expect((await t.get(`/byok/v1/keys/${key.id}`, h())).body.state).toBe('AVAILABLE');
    expect((await t.delete(`/byok/v1/keys/${key.id}`, h())).status).toBe(204);
    expect((await t.get(`/byok/v1/keys/${key.id}`, h())).status).toBe(404);
    expect((await t.delete(`/byok/v1/keys/${key.id}`, h())).status).toBe(404);
  });

  it('has no update (PATCH is no operation: 404), keeps keys to their organization, and enforces byok.max_keys.per_org (402)', async () => {
    const mine = (await t.get('/byok/v1/keys', h())).body.data[0].id;
    const other = await t.newOrg();
    expect((await t.get(`/byok/v1/keys/${mine}`, { authorization: other.auth })).status).toBe(404);
    expect((await t.get('/byok/v1/keys', { authorization: other.auth })).body.data).toEqual([]);
    expect((await t.patch(`/byok/v1/keys/${mine}`, { key: GCP }, h())).status).toBe(404);
    // 3 live keys; the quota is 6.
    for (let i = 10; i < 13; i++) expect((await create({ kind: 'AwsKey', key_arn: AWS_ARN(i) })).status).toBe(201);
    const over = await create({ kind: 'AwsKey', key_arn: AWS_ARN(13) });
    expect(over.status).toBe(402);
    expect(errorsOf(over)[0]).toMatchObject({ code: 'quota_exceeded', detail: expect.stringContaining('byok.max_keys.per_org') });
  });

  it('answers 401 without credentials', async () => {
    expect((await t.get('/byok/v1/keys', { authorization: '' })).status).toBe(401);
  });
});

describe('sd/v1 pipelines', () => {
  const PER_CLUSTER = 10;
  const PER_ORG = 14;
  let t: TestEmulator;
  let o: Org;
  let cluster: string;
  let cluster2: string;
  let ksql: string;
  const h = (extra: Record<string, string> = {}) => ({ authorization: o.auth, ...extra });
  const SQL = [
    "CREATE STREAM up (id INT) WITH (kafka_topic='up', partitions=1, value_format='JSON');",
    'CREATE STREAM down AS SELECT * FROM up;',
    "CREATE SOURCE CONNECTOR src WITH ('connector.class'='DatagenSource');",
    'INSERT INTO down SELECT * FROM up;',
  ].join('\n');
  const spec = (over: Record<string, unknown> = {}) => ({ display_name: 'pipe-1', environment: { id: o.env }, kafka_cluster: { id: cluster }, ...over });
  const create = (over: Record<string, unknown> = {}, headers: Record<string, string> = {}) => t.post('/sd/v1/pipelines', { spec: spec(over) }, h(headers));
  const url = (id: string, kafka = cluster) => `/sd/v1/pipelines/${id}?environment=${o.env}&spec.kafka_cluster=${kafka}`;
  beforeAll(async () => {
    t = await TestEmulator.start({ quotas: { pipelines_per_cluster: PER_CLUSTER, pipelines_per_org: PER_ORG } });
    o = await t.newOrg();
    cluster = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env, { config: { kind: 'Basic' } }) }, h())).body.id;
    cluster2 = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env, { display_name: 'k2', config: { kind: 'Basic' } }) }, h())).body.id;
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'sd-sa' }, h())).body.id;
    ksql = (await t.post('/ksqldbcm/v2/clusters', { spec: { display_name: 'ksql', csu: 1, kafka_cluster: { id: cluster }, credential_identity: { id: sa }, environment: { id: o.env } } }, h())).body.id;
  });
  afterAll(() => t.close());

  it('creates a DRAFT pipeline with 202: pipe- id, CRN, references, defaults and component counts', async () => {
    const c = await create({ description: 'd', source_code: { sql: SQL }, ksql_cluster: { id: ksql }, secrets: { s1: 'v1' } });
    expect(c.status).toBe(202);
    expect(c.body.id).toMatch(/^pipe-[0-9a-z]{5}$/);
    expect(c.headers.location).toBe(`http://emulator.test/sd/v1/pipelines/${c.body.id}`);
    expect(c.body).toMatchObject({ api_version: 'sd/v1', kind: 'Pipeline' });
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${o.env}/pipeline=${c.body.id}`);
    expect(c.body.spec).toMatchObject({ display_name: 'pipe-1', activated: false, activation_privilege: false, description: 'd' });
    expect(c.body.spec.kafka_cluster).toMatchObject({ id: cluster, environment: o.env, related: `http://emulator.test/cmk/v2/clusters/${cluster}` });
    expect(c.body.spec.ksql_cluster).toMatchObject({ id: ksql, related: `http://emulator.test/ksqldbcm/v2/clusters/${ksql}` });
    expect(c.body.status).toEqual({ state: 'DRAFT', topic_count: 2, connector_count: 1, query_count: 2 });
    const read = await t.get(url(c.body.id), h());
    expect(read.status).toBe(200);
    expect(read.body.status.state).toBe('DRAFT');
  });

  it('refuses a Kafka cluster of another environment or a ksqlDB cluster of another Kafka cluster (422), unknown references and bad names (422)', async () => {
    const env2 = (await t.post('/org/v2/environments', { display_name: 'sd-2' }, h())).body.id;
    const other = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(env2, { config: { kind: 'Basic' } }) }, h())).body.id;
    const wrongEnv = await create({ kafka_cluster: { id: other } });
    expect(wrongEnv.status).toBe(422);
    expect(errorsOf(wrongEnv)[0].source).toEqual({ pointer: '/spec/kafka_cluster/id' });
    const wrongKsql = await create({ kafka_cluster: { id: cluster2 }, ksql_cluster: { id: ksql } });
    expect(wrongKsql.status).toBe(422);
    expect(errorsOf(wrongKsql)[0].source).toEqual({ pointer: '/spec/ksql_cluster/id' });
    const sr2 = (await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: env2 }, region: { id: 'sgreg-1' } } }, h())).body.id;
    const wrongSr = await create({ stream_governance_cluster: { id: sr2 } });
    expect(wrongSr.status).toBe(422);
    expect(errorsOf(wrongSr)[0].source).toEqual({ pointer: '/spec/stream_governance_cluster/id' });
    expect((await create({ kafka_cluster: { id: 'lkc-nope' } })).status).toBe(422);
    expect((await create({ stream_governance_cluster: { id: 'lsrc-nope' } })).status).toBe(422);
    expect((await create({ display_name: 'has space' })).status).toBe(422);
    expect((await t.post('/sd/v1/pipelines', { spec: { display_name: 'x', environment: { id: o.env } } }, h())).status).toBe(422);
  });

  it('activation needs the privilege (422); then ACTIVATING -> ACTIVE on the clock, and DEACTIVATING -> DRAFT', async () => {
    const p = (await create({ display_name: 'act' })).body;
    const denied = await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { activated: true } }, h());
    expect(denied.status).toBe(422);
    expect(errorsOf(denied)[0].source).toEqual({ pointer: '/spec/activated' });
    expect((await create({ display_name: 'act2', activated: true })).status).toBe(422);

    const on = await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { activated: true, activation_privilege: true } }, h());
    expect(on.status).toBe(200);
    expect(on.body.status.state).toBe('ACTIVATING');
    expect((await t.get(url(p.id), h())).body.status.state).toBe('ACTIVATING');
    await t.post('/_emulator/clock/advance', { seconds: 11 });
    expect((await t.get(url(p.id), h())).body.status.state).toBe('ACTIVE');

    const off = await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { activated: false } }, h());
    expect(off.body.status.state).toBe('DEACTIVATING');
    expect((await t.get(url(p.id), h())).body.status.state).toBe('DEACTIVATING');
    await t.post('/_emulator/clock/advance', { seconds: 11 });
    const list = await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${cluster}`, h());
    expect(list.body.data.find((x: any) => x.id === p.id).status.state).toBe('DRAFT');

    // Created activated, with the lifecycle header: ACTIVE at once; FAILED with the outcome header.
    const now = await create({ display_name: 'now', activated: true, activation_privilege: true }, { 'x-emulator-lifecycle': 'immediate' });
    expect(now.status).toBe(202);
    expect(now.body.status.state).toBe('ACTIVE');
    const failed = await create({ display_name: 'fails', activated: true, activation_privilege: true }, { 'x-emulator-lifecycle': 'immediate', 'x-emulator-outcome': 'failed' });
    expect(failed.body.status.state).toBe('FAILED');
    const back = await t.patch(`/sd/v1/pipelines/${now.body.id}`, { spec: { activated: false } }, h({ 'x-emulator-lifecycle': 'immediate' }));
    expect(back.body.status.state).toBe('DRAFT');
  });

  it('updates the description, source code (recounted) and ksqlDB cluster; the environment and Kafka cluster cannot change', async () => {
    const p = (await create({ display_name: 'upd' })).body;
    const u = await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { description: 'new', source_code: { sql: 'CREATE TABLE t (id INT PRIMARY KEY) WITH (kafka_topic=\'t\');' }, ksql_cluster: { id: ksql } } }, h());
    expect(u.status).toBe(200);
    expect(u.body.spec.description).toBe('new');
    expect(u.body.spec.ksql_cluster).toMatchObject({ id: ksql, resource_name: expect.stringContaining(ksql) });
    expect(u.body.status).toEqual({ state: 'DRAFT', topic_count: 1, connector_count: 0, query_count: 0 });
    expect((await t.get(url(p.id), h())).body.spec.description).toBe('new');
    const sameScope = await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { environment: { id: o.env }, kafka_cluster: { id: cluster }, description: 'again' } }, h());
    expect(sameScope.status).toBe(200);
    expect((await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { kafka_cluster: { id: cluster2 } } }, h())).status).toBe(404);
    expect((await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { environment: { id: 'env-other' } } }, h())).status).toBe(404);
    expect((await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { ksql_cluster: { id: 'lksqlc-nope' } } }, h())).status).toBe(422);
    expect((await t.patch('/sd/v1/pipelines/pipe-nope', { spec: { description: 'x' } }, h())).status).toBe(404);
  });

  it('read, list and delete are scoped to the environment and Kafka cluster (404 / empty otherwise); both parameters are required (400)', async () => {
    const p = (await create({ display_name: 'scoped' })).body;
    expect((await t.get(url(p.id, cluster2), h())).status).toBe(404);
    expect((await t.get(`/sd/v1/pipelines/${p.id}?environment=env-other&spec.kafka_cluster=${cluster}`, h())).status).toBe(404);
    expect((await t.delete(url(p.id, cluster2), h())).status).toBe(404);
    for (const [query, parameter] of [[`environment=${o.env}`, 'spec.kafka_cluster'], [`spec.kafka_cluster=${cluster}`, 'environment']]) {
      const r = await t.get(`/sd/v1/pipelines?${query}`, h());
      expect(r.status).toBe(400);
      expect(errorsOf(r)[0].source).toEqual({ parameter });
      expect((await t.get(`/sd/v1/pipelines/${p.id}?${query}`, h())).status).toBe(400);
    }
    expect((await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${cluster2}`, h())).body.data).toEqual([]);
    const list = await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${cluster}&page_size=2`, h());
    expect(list.body.kind).toBe('PipelineList');
    expect(list.body.data).toHaveLength(2);
    expect(list.body.metadata.next).toContain('page_token=');
    const del = await t.delete(url(p.id), h());
    expect(del.status, del.raw + JSON.stringify(p)).toBe(204);
    expect((await t.get(url(p.id), h())).status).toBe(404);
  });

  it('enforces pipelines_per_cluster and pipelines_per_org (402)', async () => {
    const count = (await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${cluster}`, h())).body.metadata.total_size;
    for (let i = count; i < PER_CLUSTER; i++) expect((await create({ display_name: `fill-${i}` })).status).toBe(202);
    const perCluster = await create({ display_name: 'too-many' });
    expect(perCluster.status).toBe(402);
    expect(errorsOf(perCluster)[0].detail).toContain('pipelines_per_cluster');
    const usage = (await t.get('/service-quota/v1/applied-quotas/pipelines_per_org', h())).body;
    expect(usage).toMatchObject({ applied_limit: PER_ORG, default_limit: 100 });
    for (let i = usage.usage; i < PER_ORG; i++) expect((await create({ display_name: `c2-${i}`, kafka_cluster: { id: cluster2 } })).status).toBe(202);
    const perOrg = await create({ display_name: 'c2-over', kafka_cluster: { id: cluster2 } });
    expect(perOrg.status).toBe(402);
    expect(errorsOf(perOrg)[0].detail).toContain('pipelines_per_org');
  });

  it('deleting the Kafka cluster deletes its pipelines; 401 without credentials', async () => {
    const c3 = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env, { display_name: 'k3', config: { kind: 'Basic' } }) }, h())).body.id;
    await t.delete(`/sd/v1/pipelines/${(await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${cluster}`, h())).body.data[0].id}?environment=${o.env}&spec.kafka_cluster=${cluster}`, h());
    const p = await create({ display_name: 'gone', kafka_cluster: { id: c3 } });
    expect(p.status).toBe(202);
    expect((await t.delete(`/cmk/v2/clusters/${c3}?environment=${o.env}`, h({ 'x-emulator-lifecycle': 'immediate' }))).status).toBe(204);
    expect((await t.get(url(p.body.id, c3), h())).status).toBe(404);
    expect((await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${c3}`, h())).body.data).toEqual([]);
    expect((await t.get('/sd/v1/pipelines?environment=x&spec.kafka_cluster=y', { authorization: '' })).status).toBe(401);
  });
});

describe('service-quota/v1 scopes and applied quotas', () => {
  let t: TestEmulator;
  let o: Org;
  let cluster: string;
  const h = () => ({ authorization: o.auth });
  beforeAll(async () => {
    t = await TestEmulator.start({ quotas: { environments_per_org: 5, 'ksql.limits.max_apps_per_cluster': 4 } });
    o = await t.newOrg();
    cluster = (await t.post('/cmk/v2/clusters', { spec: clusterSpec(o.env, { config: { kind: 'Basic' } }) }, h())).body.id;
  });
  afterAll(() => t.close());

  it('lists and reads the six scopes, with paging; 404 for another', async () => {
    const page = await t.get('/service-quota/v1/scopes?page_size=4', h());
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ api_version: 'service-quota/v1', kind: 'ScopeList' });
    expect(page.body.data.map((s: any) => s.id)).toEqual(['ORGANIZATION', 'ENVIRONMENT', 'NETWORK', 'KAFKA_CLUSTER']);
    expect(page.body.metadata.total_size).toBe(6);
    const rest = await t.get(page.body.metadata.next.replace('http://emulator.test', ''), h());
    expect(rest.body.data.map((s: any) => s.id)).toEqual(['SERVICE_ACCOUNT', 'USER_ACCOUNT']);
    const one = await t.get('/service-quota/v1/scopes/KAFKA_CLUSTER', h());
    expect(one.body).toMatchObject({ kind: 'Scope', id: 'KAFKA_CLUSTER', description: expect.stringContaining('KAFKA_CLUSTER'), metadata: { self: 'http://emulator.test/service-quota/v1/scopes/KAFKA_CLUSTER' } });
    expect((await t.get('/service-quota/v1/scopes/GALAXY', h())).status).toBe(404);
  });

  it('reports the organization quotas the engine enforces, with the configured limit and the live usage', async () => {
    const list = await t.get('/service-quota/v1/applied-quotas?scope=ORGANIZATION&page_size=200', h());
    expect(list.status).toBe(200);
    expect(list.body.kind).toBe('AppliedQuotaList');
    const ids = list.body.data.map((q: any) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['environments_per_org', 'service_accounts_per_org', 'api_keys_per_org', 'byok.max_keys.per_org', 'pipelines_per_org']));
    expect(ids).not.toContain('kafka_clusters_per_environment');
    const envs = list.body.data.find((q: any) => q.id === 'environments_per_org');
    expect(envs).toMatchObject({ scope: 'ORGANIZATION', display_name: 'Environments Per Organization', default_limit: 1000, applied_limit: 5, usage: 1 });
    expect(envs.organization).toMatchObject({ id: o.org, resource_name: `crn://confluent.cloud/organization=${o.org}` });
    expect(envs.environment).toBeUndefined();

    await t.post('/org/v2/environments', { display_name: 'counted' }, h());
    const read = await t.get('/service-quota/v1/applied-quotas/environments_per_org', h());
    expect(read.status).toBe(200);
    expect(read.body.usage).toBe(2);
    expect(read.body.metadata.self).toBe('http://emulator.test/service-quota/v1/applied-quotas/environments_per_org');
    // The limit reported is the limit enforced.
    for (let i = 0; i < 3; i++) expect((await t.post('/org/v2/environments', { display_name: `fill-${i}` }, h())).status).toBe(201);
    expect((await t.post('/org/v2/environments', { display_name: 'over' }, h())).status).toBe(402);
    expect((await t.get('/service-quota/v1/applied-quotas/environments_per_org', h())).body).toMatchObject({ usage: 5, applied_limit: 5 });
    const byCode = await t.get('/service-quota/v1/applied-quotas?scope=organization&id=api_keys_per_org', h());
    expect(byCode.body.data.map((q: any) => q.id)).toEqual(['api_keys_per_org']);
    expect(byCode.body.data[0].usage).toBe(1);
  });

  it('reports environment and Kafka cluster quotas per environment and cluster, narrowed by the query', async () => {
    const env = await t.get(`/service-quota/v1/applied-quotas?scope=ENVIRONMENT&environment=${o.env}`, h());
    const clusters = env.body.data.find((q: any) => q.id === 'kafka_clusters_per_environment');
    expect(clusters).toMatchObject({ scope: 'ENVIRONMENT', default_limit: 50, applied_limit: 50, usage: 1, environment: { id: o.env } });
    // Without an environment: one item per environment of the organization.
    const all = await t.get('/service-quota/v1/applied-quotas?scope=ENVIRONMENT&id=kafka_clusters_per_environment&page_size=2', h());
    expect(all.body.metadata.total_size).toBe(5);
    expect(all.body.data).toHaveLength(2);
    const next = await t.get(all.body.metadata.next.replace('http://emulator.test', ''), h());
    expect(next.body.data).toHaveLength(2);
    expect(new Set([...all.body.data, ...next.body.data].map((q: any) => q.environment.id)).size).toBe(4);

    const kc = await t.get(`/service-quota/v1/applied-quotas?scope=KAFKA_CLUSTER&environment=${o.env}&kafka_cluster=${cluster}`, h());
    const ksql = kc.body.data.find((q: any) => q.id === 'ksql.limits.max_apps_per_cluster');
    expect(ksql).toMatchObject({ scope: 'KAFKA_CLUSTER', default_limit: 10, applied_limit: 4, usage: 0, kafka_cluster: { id: cluster, environment: o.env }, environment: { id: o.env } });
    expect(kc.body.data.map((q: any) => q.id)).toContain('pipelines_per_cluster');
    const dashed = await t.get(`/service-quota/v1/applied-quotas?scope=kafka-cluster&environment=${o.env}&kafka_cluster=${cluster}`, h());
    expect(dashed.body.data).toEqual(kc.body.data);
    await t.post('/sd/v1/pipelines', { spec: { display_name: 'p', environment: { id: o.env }, kafka_cluster: { id: cluster } } }, h());
    const one = await t.get(`/service-quota/v1/applied-quotas/pipelines_per_cluster?environment=${o.env}&kafka_cluster=${cluster}`, h());
    expect(one.body).toMatchObject({ usage: 1, kafka_cluster: { id: cluster } });
    expect(one.body.metadata.self).toBe(`http://emulator.test/service-quota/v1/applied-quotas/pipelines_per_cluster?environment=${o.env}&kafka_cluster=${cluster}`);

    for (const scope of ['NETWORK', 'SERVICE_ACCOUNT', 'USER_ACCOUNT']) {
      const r = await t.get(`/service-quota/v1/applied-quotas?scope=${scope}`, h());
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual([]);
      expect(r.body.metadata.total_size).toBe(0);
    }
    expect((await t.get(`/service-quota/v1/applied-quotas?scope=ENVIRONMENT&environment=${o.env}&network=n-1`, h())).body.data).toEqual([]);
    expect((await t.get('/service-quota/v1/applied-quotas?scope=ENVIRONMENT&environment=env-nope', h())).body.data).toEqual([]);
  });

  it('answers 400 for a missing or unknown scope and a missing environment or cluster, 404 for unknown codes, environments and clusters', async () => {
    expect((await t.get('/service-quota/v1/applied-quotas', h())).status).toBe(400);
    const unknown = await t.get('/service-quota/v1/applied-quotas?scope=GALAXY', h());
    expect(unknown.status).toBe(400);
    expect(errorsOf(unknown)[0].source).toEqual({ parameter: 'scope' });
    const noEnv = await t.get('/service-quota/v1/applied-quotas/kafka_clusters_per_environment', h());
    expect(noEnv.status).toBe(400);
    expect(errorsOf(noEnv)[0].source).toEqual({ parameter: 'environment' });
    const noCluster = await t.get(`/service-quota/v1/applied-quotas/pipelines_per_cluster?environment=${o.env}`, h());
    expect(noCluster.status).toBe(400);
    expect(errorsOf(noCluster)[0].source).toEqual({ parameter: 'kafka_cluster' });
    expect((await t.get('/service-quota/v1/applied-quotas/iam.max_galaxies.per_org', h())).status).toBe(404);
    expect((await t.get('/service-quota/v1/applied-quotas/kafka_clusters_per_environment?environment=env-nope', h())).status).toBe(404);
    expect((await t.get(`/service-quota/v1/applied-quotas/pipelines_per_cluster?environment=${o.env}&kafka_cluster=lkc-nope`, h())).status).toBe(404);
    expect((await t.get('/service-quota/v1/scopes', { authorization: '' })).status).toBe(401);
  });
});

describe('billing/v1 costs', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
    await t.put('/_emulator/clock', { now: '2026-03-15T12:00:00Z', frozen: true });
  });
  afterAll(() => t.close());

  it('answers an empty list for a valid range, honestly, with paging metadata', async () => {
    const r = await t.get('/billing/v1/costs?start_date=2026-03-01&end_date=2026-03-15');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ api_version: 'billing/v1', kind: 'CostList', data: [] });
    expect(r.body.metadata.total_size).toBe(0);
    expect(r.body.metadata.next).toBeUndefined();
    expect(r.body.metadata.first).toBe('http://emulator.test/billing/v1/costs?start_date=2026-03-01&end_date=2026-03-15');
    expect((await t.get('/billing/v1/costs?start_date=2026-02-13&end_date=2026-03-16&page_size=10000')).status).toBe(200);
  });

  it('refuses bad dates and ranges with 400 and the parameter', async () => {
    for (const [query, parameter] of [
      ['start_date=2026-03-01', 'end_date'],
      ['end_date=2026-03-01', 'start_date'],
      ['start_date=03/01/2026&end_date=2026-03-02', 'start_date'],
      ['start_date=2026-02-30&end_date=2026-03-02', 'start_date'],
      ['start_date=2026-03-10&end_date=2026-03-10', 'end_date'],
      ['start_date=2026-03-10&end_date=2026-03-01', 'end_date'],
      ['start_date=2026-01-01&end_date=2026-03-01', 'end_date'],
      ['start_date=2025-03-01&end_date=2025-03-10', 'start_date'],
      ['start_date=2026-03-01&end_date=2026-03-02&page_size=10001', 'page_size'],
    ]) {
      const r = await t.get(`/billing/v1/costs?${query}`);
      expect(r.status, query).toBe(400);
      expect(errorsOf(r)[0].source, query).toEqual({ parameter });
    }
    const page = await t.get('/billing/v1/costs?start_date=2026-03-01&end_date=2026-03-02&page_token=forged');
    expect(page.status).toBe(400);
    expect((await t.get('/billing/v1/costs?start_date=2026-03-01&end_date=2026-03-02', { authorization: '' })).status).toBe(401);
  });
});
