import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { CRN, detailOf, grant, revoke, serviceAccount } from './support.js';

describe('authorization scopes of client quotas, Stream Designer pipelines and custom connector plugins', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let a: { id: string; crn: string };
  let b: { id: string; crn: string };
  let target: string;
  const as = (auth: string) => ({ authorization: auth });
  const envCrn = () => `${CRN}/organization=${o.org}/environment=${o.env}`;

  const cluster = async (name: string) => {
    const c = await t.post('/cmk/v2/clusters', { spec: { display_name: name, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-west-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, as(o.auth));
    expect(c.status, c.raw).toBe(202);
    return { id: c.body.id as string, crn: c.body.metadata.resource_name as string };
  };

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    o = await t.newOrg();
    a = await cluster('a');
    b = await cluster('b');
    target = (await serviceAccount(t, o.auth, 'quota-target')).id;
  });
  afterAll(() => t.close());

  it('client quotas are a cluster’s: its CloudClusterAdmin manages them there and nowhere else', async () => {
    const quota = (c: { id: string }) => ({ spec: { display_name: `q-${c.id}`, throughput: { ingress_byte_rate: '1', egress_byte_rate: '1' }, cluster: { id: c.id }, principals: [{ id: target }], environment: { id: o.env } } });
    const inB = await t.post('/kafka-quotas/v1/client-quotas', quota(b), as(o.auth));
    expect(inB.status, inB.raw).toBe(202);
    const sa = await serviceAccount(t, o.auth, 'quota-admin');
    const refused = await t.post('/kafka-quotas/v1/client-quotas', quota(a), as(sa.auth));
    expect(refused.status).toBe(403);
    expect(detailOf(refused)).toContain(`${a.crn}/client-quota=*`);
    const rb = await grant(t, o.auth, sa.principal, 'CloudClusterAdmin', a.crn);
    const inA = await t.post('/kafka-quotas/v1/client-quotas', quota(a), as(sa.auth));
    expect(inA.status, inA.raw).toBe(202);
    expect((await t.get(`/kafka-quotas/v1/client-quotas?spec.cluster=${a.id}&environment=${o.env}`, as(sa.auth))).status).toBe(200);
    expect((await t.patch(`/kafka-quotas/v1/client-quotas/${inA.body.id}`, { spec: { display_name: 'renamed' } }, as(sa.auth))).status).toBe(200);
    // Cluster b's quotas are not its own.
    expect((await t.post('/kafka-quotas/v1/client-quotas', { spec: { ...quota(b).spec, display_name: 'again' } }, as(sa.auth))).status).toBe(403);
    expect((await t.get(`/kafka-quotas/v1/client-quotas?spec.cluster=${b.id}&environment=${o.env}`, as(sa.auth))).status).toBe(403);
    const read = await t.get(`/kafka-quotas/v1/client-quotas/${inB.body.id}`, as(sa.auth));
    expect(read.status).toBe(403);
    expect(detailOf(read)).toContain(`${b.crn}/client-quota=${inB.body.id}`);
    expect((await t.delete(`/kafka-quotas/v1/client-quotas/${inB.body.id}`, as(sa.auth))).status).toBe(403);
    await revoke(t, o.auth, rb);
    expect((await t.get(`/kafka-quotas/v1/client-quotas/${inA.body.id}`, as(sa.auth))).status).toBe(403);
  });

  it('Stream Designer pipelines are checked on their Kafka cluster', async () => {
    const spec = (c: { id: string }) => ({ spec: { display_name: `pipe-${c.id}`, environment: { id: o.env }, kafka_cluster: { id: c.id } } });
    const sa = await serviceAccount(t, o.auth, 'pipeline-admin');
    expect((await t.post('/sd/v1/pipelines', spec(a), as(sa.auth))).status).toBe(403);
    await grant(t, o.auth, sa.principal, 'CloudClusterAdmin', a.crn);
    const mine = await t.post('/sd/v1/pipelines', spec(a), as(sa.auth));
    expect(mine.status, mine.raw).toBe(202);
    expect((await t.get(`/sd/v1/pipelines/${mine.body.id}?environment=${o.env}&spec.kafka_cluster=${a.id}`, as(sa.auth))).status).toBe(200);
    expect((await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${a.id}`, as(sa.auth))).status).toBe(200);
    const theirs = await t.post('/sd/v1/pipelines', spec(b), as(o.auth));
    expect(theirs.status, theirs.raw).toBe(202);
    const refused = await t.get(`/sd/v1/pipelines/${theirs.body.id}?environment=${o.env}&spec.kafka_cluster=${b.id}`, as(sa.auth));
    expect(refused.status).toBe(403);
    expect(detailOf(refused)).toContain(`${b.crn}/pipeline=${theirs.body.id}`);
    expect((await t.post('/sd/v1/pipelines', spec(b), as(sa.auth))).status).toBe(403);
    expect((await t.get(`/sd/v1/pipelines?environment=${o.env}&spec.kafka_cluster=${b.id}`, as(sa.auth))).status).toBe(403);
    expect((await t.delete(`/sd/v1/pipelines/${theirs.body.id}?environment=${o.env}&spec.kafka_cluster=${b.id}`, as(sa.auth))).status).toBe(403);
  });

  it('custom connector plugins: an EnvironmentAdmin or CloudClusterAdmin uploads them; readers of connectors read them; others get nothing', async () => {
    const nobody = await serviceAccount(t, o.auth, 'plugin-nobody');
    const refused = await t.post('/connect/v1/presigned-upload-url', { content_format: 'JAR' }, as(nobody.auth));
    expect(refused.status).toBe(403);
    expect(detailOf(refused)).toContain('EnvironmentAdmin');
    expect((await t.get('/connect/v1/custom-connector-plugins', as(nobody.auth))).status).toBe(403);

    const admin = await serviceAccount(t, o.auth, 'plugin-admin');
    const rb = await grant(t, o.auth, admin.principal, 'EnvironmentAdmin', envCrn());
    const url = await t.post('/connect/v1/presigned-upload-url', { content_format: 'JAR' }, as(admin.auth));
    expect(url.status, url.raw).toBe(200);
    const body = { display_name: 'scoped-plugin', connector_class: 'com.example.Sink', connector_type: 'SINK', upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: url.body.upload_id } };
    const plugin = await t.post('/connect/v1/custom-connector-plugins', body, as(admin.auth));
    expect(plugin.status, plugin.raw).toBe(201);

    const reader = await serviceAccount(t, o.auth, 'plugin-reader');
    await grant(t, o.auth, reader.principal, 'Operator', a.crn);
    expect((await t.get(`/connect/v1/custom-connector-plugins/${plugin.body.id}`, as(reader.auth))).status).toBe(200);
    expect((await t.delete(`/connect/v1/custom-connector-plugins/${plugin.body.id}`, as(reader.auth))).status).toBe(403);

    await revoke(t, o.auth, rb);
    expect((await t.post('/connect/v1/presigned-upload-url', { content_format: 'JAR' }, as(admin.auth))).status).toBe(403);
    expect((await t.delete(`/connect/v1/custom-connector-plugins/${plugin.body.id}`, as(o.auth))).status).toBe(204);
  });

  it('Operator no longer pauses connectors; ConnectManager does', async () => {
    const base = `/connect/v1/environments/${o.env}/clusters/${a.id}/connectors`;
    const made = await t.post(base, { name: 'gen', config: { 'connector.class': 'DatagenSource', 'kafka.topic': 'x', 'output.data.format': 'JSON', quickstart: 'ORDERS', 'kafka.auth.mode': 'SERVICE_ACCOUNT', 'kafka.service.account.id': target, 'tasks.max': '1' } }, as(o.auth));
    expect(made.status, made.raw).toBeLessThan(300);
    const sa = await serviceAccount(t, o.auth, 'connect-operator');
    await grant(t, o.auth, sa.principal, 'Operator', a.crn);
    expect((await t.get(`${base}/gen/status`, as(sa.auth))).status).toBe(200);
    const pause = await t.put(`${base}/gen/pause`, undefined as unknown as object, as(sa.auth));
    expect(pause.status).toBe(403);
    await grant(t, o.auth, sa.principal, 'ConnectManager', a.crn);
    expect((await t.put(`${base}/gen/pause`, undefined as unknown as object, as(sa.auth))).status).toBe(202);
    expect((await t.put(`${base}/gen/resume`, undefined as unknown as object, as(sa.auth))).status).toBe(202);
    // Configuring is not pausing: ConnectManager may not change a connector's configuration.
    const config = { ...made.body.config, 'tasks.max': '2' };
    const configure = await t.put(`${base}/gen/config`, config, as(sa.auth));
    expect(configure.status).toBe(403);
    expect(configure.raw).toContain('ALTER_CONFIGS');
  });

  it('DeveloperWrite on a connector configures it but neither pauses nor resumes it', async () => {
    const base = `/connect/v1/environments/${o.env}/clusters/${a.id}/connectors`;
    const made = await t.post(base, { name: 'dw', config: { 'connector.class': 'DatagenSource', 'kafka.topic': 'y', 'output.data.format': 'JSON', quickstart: 'ORDERS', 'kafka.auth.mode': 'SERVICE_ACCOUNT', 'kafka.service.account.id': target, 'tasks.max': '1' } }, as(o.auth));
    expect(made.status, made.raw).toBeLessThan(300);
    const sa = await serviceAccount(t, o.auth, 'connect-writer');
    await grant(t, o.auth, sa.principal, 'DeveloperWrite', `${a.crn}/connector=dw`);
    const configured = await t.put(`${base}/dw/config`, { ...made.body.config, 'tasks.max': '2' }, as(sa.auth));
    expect(configured.status, configured.raw).toBe(200);
    expect(configured.body.config['tasks.max']).toBe('2');
    expect((await t.put(`${base}/dw/pause`, undefined as unknown as object, as(sa.auth))).status).toBe(403);
  });
});
