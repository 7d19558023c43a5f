import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster, schemaRegistry } from '../support/clusters.js';

type Cluster = Awaited<ReturnType<typeof kafkaCluster>>;

/** The `sasl.jaas.config` of a link that authenticates with the cluster's API key. */
export function jaasOf(c: Cluster): string {
  const [key, secret] = Buffer.from(c.auth.authorization.slice('Basic '.length), 'base64').toString().split(/:(.*)/s);
  return `org.apache.kafka.common.security.plain.PlainLoginModule required username="${key}" password="${secret}";`;
}

/**
 * advance and fail on the kinds whose phases their services keep (mirror topics, remove-broker
 * tasks, Schema Registry exporters) and on the cmk resize transition, through the HTTP control
 * plane, in `timed` mode so that nothing moves unless the control plane moves it.
 */
describe('lifecycle control of every phased kind', () => {
  let t: TestEmulator;
  const advance = (id: string, body: unknown = {}, query = '') => t.post(`/_emulator/resources/${encodeURIComponent(id)}/advance${query}`, body);
  const fail = (id: string, body: unknown = {}) => t.post(`/_emulator/resources/${encodeURIComponent(id)}/fail`, body);

  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('lists every kind with its declared graph', async () => {
    const kinds = (await t.get('/_emulator/resources/phased-kinds')).body.data as Array<{ type: string; phases: string[]; graph: any }>;
    const byType = new Map(kinds.map((k) => [k.type, k]));
    for (const type of ['KafkaMirrorTopic', 'KafkaBrokerTask', 'SchemaExporter', 'KafkaCluster', 'ConnectConnector', 'FlinkStatement', 'Pipeline']) expect(byType.has(type), type).toBe(true);
    expect(byType.get('KafkaMirrorTopic')!.graph.phases).toContainEqual({ name: 'PENDING_STOPPED', next: 'STOPPED', duration_ms: 5000 });
    expect(byType.get('KafkaBrokerTask')!.graph).toMatchObject({ initial: 'IN_PROGRESS', failed: 'FAILED' });
    expect(byType.get('SchemaExporter')!.graph.transitions).toContainEqual({ name: 'resume', from: ['PAUSED'], to: 'STARTING' });
    const cluster = byType.get('KafkaCluster')!.graph;
    expect(cluster.transitions).toEqual([{ name: 'resize', from: ['PROVISIONED'], to: 'PROVISIONING' }]);
    expect(cluster.phases).toContainEqual({ name: 'PROVISIONED', next: null, duration_ms: null, on_enter: 'cku-in-effect' });
  });

  it('mirror topics: advance ends PENDING_STOPPED now; fail sends one to FAILED until resumed; ids are <cluster>:<topic>', async () => {
    const src = await kafkaCluster(t);
    const dst = await kafkaCluster(t);
    const v3 = (c: Cluster) => `/kafka/v3/clusters/${c.id}`;
    for (const name of ['orders', 'pay']) expect((await t.post(`${v3(src)}/topics`, { topic_name: name, partitions_count: 1 }, src.auth)).status).toBe(201);
    const link = await t.post(`${v3(dst)}/links?link_name=l`, { source_cluster_id: src.id, configs: [{ name: 'sasl.jaas.config', value: jaasOf(src) }] }, dst.auth);
    expect(link.status, link.raw).toBe(204);
    for (const name of ['orders', 'pay']) expect((await t.post(`${v3(dst)}/links/l/mirrors`, { source_topic_name: name }, dst.auth)).status).toBe(204);
    const status = async (name: string) => (await t.get(`${v3(dst)}/links/l/mirrors/${name}`, dst.auth)).body.mirror_status;

    const promoted = await t.post(`${v3(dst)}/links/l/mirrors:promote`, { mirror_topic_names: ['orders'] }, dst.auth);
    expect(promoted.body.data[0].error_code).toBeNull();
    expect(await status('orders')).toBe('PENDING_STOPPED');
    const moved = await advance(`${dst.id}:orders`);
    expect(moved.status, moved.raw).toBe(200);
    expect(moved.body).toEqual({ id: `${dst.id}:orders`, kind: 'MirrorTopic', api_version: 'kafka/v3', organization_id: dst.org.org, previous_phase: 'PENDING_STOPPED', phase: 'STOPPED', settled: true });
    expect(await status('orders')).toBe('STOPPED');
    // A stopped mirror takes records of its own.
    expect((await t.post(`${v3(dst)}/topics/orders/records`, { value: { type: 'JSON', data: 1 } }, dst.auth)).body.error_code).toBe(200);

    expect((await fail(`${dst.id}:pay`, { message: 'the link broke' })).body).toMatchObject({ previous_phase: 'ACTIVE', phase: 'FAILED', settled: true });
    const failed = (await t.get(`${v3(dst)}/links/l/mirrors/pay?include_state_transition_errors=true`, dst.auth)).body;
    expect(failed).toMatchObject({ mirror_status: 'FAILED' });
    expect(failed.mirror_state_transition_errors).toContainEqual({ error_code: 'UNKNOWN_SERVER_ERROR', error_message: 'the link broke' });
    // A failed mirror copies nothing; resuming it catches up.
    expect((await t.post(`${v3(src)}/topics/pay/records`, { value: { type: 'JSON', data: 1 } }, src.auth)).body.error_code).toBe(200);
    expect(t.rt.kafka.endOffset(dst.id, 'pay', 0)).toBe(0);
    await t.post(`${v3(dst)}/links/l/mirrors:resume`, { mirror_topic_names: ['pay'] }, dst.auth);
    expect(await status('pay')).toBe('ACTIVE');
    expect(t.rt.kafka.endOffset(dst.id, 'pay', 0)).toBe(1);

    // Scoped by organization; an unknown mirror is 404.
    expect((await advance(`${dst.id}:orders`, {}, `?organization_id=${src.org.org}`)).status).toBe(404);
    expect((await advance(`${dst.id}:nothing`)).status).toBe(404);
  });

  it('remove-broker tasks: advance settles IN_PROGRESS as the plan ends (FAILED); fail at once; ids are <cluster>:<broker>', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    const task = async (broker: number) => (await t.get(`${v3}/brokers/${broker}/tasks/remove-broker`, c.auth)).body;
    expect((await t.request('DELETE', `${v3}/brokers/1`, undefined, c.auth)).status).toBe(202);
    expect(await task(1)).toMatchObject({ task_status: 'IN_PROGRESS', error_code: null });
    expect((await advance(`${c.id}:1`)).body).toMatchObject({ id: `${c.id}:1`, kind: 'KafkaBrokerTask', previous_phase: 'IN_PROGRESS', phase: 'FAILED', settled: true });
    const settled = await task(1);
    expect(settled).toMatchObject({ task_status: 'FAILED', error_code: 400, sub_task_statuses: { partition_reassignment_status: 'FAILED' } });
    // It settled when advanced, not REMOVAL_MS after it started.
    expect(Date.parse(settled.updated_at) - Date.parse(settled.created_at)).toBeLessThan(5000);

    expect((await t.request('DELETE', `${v3}/brokers/2`, undefined, c.auth)).status).toBe(202);
    expect((await fail(`${c.id}:2`)).body).toMatchObject({ previous_phase: 'IN_PROGRESS', phase: 'FAILED' });
    expect((await task(2)).task_status).toBe('FAILED');
    expect((await advance(`${c.id}:0`)).status).toBe(404);
  });

  it('remove-broker tasks still run on the clock, and at once under X-Emulator-Lifecycle: immediate', async () => {
    const c = await kafkaCluster(t);
    const v3 = `/kafka/v3/clusters/${c.id}`;
    await t.request('DELETE', `${v3}/brokers/1`, undefined, c.auth);
    await t.post('/_emulator/clock/advance', { seconds: 6 });
    expect((await t.get(`${v3}/brokers/1/tasks/remove-broker`, c.auth)).body.task_status).toBe('FAILED');
    await t.request('DELETE', `${v3}/brokers/2`, undefined, { ...c.auth, 'x-emulator-lifecycle': 'immediate' });
    expect((await t.get(`${v3}/brokers/2/tasks/remove-broker`, c.auth)).body.task_status).toBe('FAILED');
  });

  it('exporters: advance STARTING to RUNNING; fail to ERROR with its trace; pause and resume start again; ids are <registry>:<name>', async () => {
    const sr = await schemaRegistry(t);
    const config = { 'schema.registry.url': 'https://psrc-xxxxx.example.com' };
    expect((await t.post('/exporters', { name: 'dr', config }, sr.auth)).body).toEqual({ name: 'dr' });
    const status = async () => (await t.get('/exporters/dr/status', sr.auth)).body;
    expect(await status()).toMatchObject({ state: 'STARTING' });
    expect((await advance(`${sr.id}:dr`)).body).toMatchObject({ kind: 'Exporter', api_version: 'schema-registry/v1', organization_id: sr.org.org, previous_phase: 'STARTING', phase: 'RUNNING', settled: true });
    expect(await status()).toMatchObject({ state: 'RUNNING', trace: '' });
    expect((await fail(`${sr.id}:dr`, { message: 'the destination refused the schemas' })).body).toMatchObject({ previous_phase: 'RUNNING', phase: 'ERROR' });
    expect(await status()).toMatchObject({ state: 'ERROR', trace: 'the destination refused the schemas' });
    expect((await t.put('/exporters/dr/pause', {}, sr.auth)).status).toBe(200);
    expect(await status()).toMatchObject({ state: 'PAUSED', trace: '' });
    expect((await t.put('/exporters/dr/resume', {}, sr.auth)).status).toBe(200);
    expect(await status()).toMatchObject({ state: 'STARTING' });
    expect((await advance(`${sr.id}:dr`, { to: 'settled' })).body).toMatchObject({ phase: 'RUNNING' });
    // A deleted exporter is no longer found.
    expect((await t.request('DELETE', '/exporters/dr', undefined, sr.auth)).status).toBe(204);
    expect((await advance(`${sr.id}:dr`)).status).toBe(404);
  });

  it('a Dedicated cluster resize: advance brings the new CKU count into effect; fail leaves it FAILED with the old count', async () => {
    const o = await t.newOrg();
    const h = { authorization: o.auth };
    const url = (id: string) => `/cmk/v2/clusters/${id}?environment=${o.env}`;
    const spec = { display_name: 'd', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Dedicated', cku: 2 }, environment: { id: o.env } };
    const c = (await t.post('/cmk/v2/clusters', { spec }, h)).body;
    expect((await advance(c.id)).body).toMatchObject({ phase: 'PROVISIONED' });
    expect((await t.patch(url(c.id), { spec: { config: { kind: 'Dedicated', cku: 3 } } }, h)).body.status).toEqual({ phase: 'PROVISIONING', cku: 2 });
    expect((await advance(c.id)).body).toMatchObject({ previous_phase: 'PROVISIONING', phase: 'PROVISIONED' });
    expect((await t.get(url(c.id), h)).body.status).toEqual({ phase: 'PROVISIONED', cku: 3 });
    expect((await t.patch(url(c.id), { spec: { config: { kind: 'Dedicated', cku: 4 } } }, h)).body.status).toEqual({ phase: 'PROVISIONING', cku: 3 });
    expect((await fail(c.id)).body).toMatchObject({ previous_phase: 'PROVISIONING', phase: 'FAILED' });
    expect((await t.get(url(c.id), h)).body.status).toEqual({ phase: 'FAILED', cku: 3 });
  });

  it('stream designer pipelines: advance finishes an activation and a deactivation; fail sends one to FAILED', async () => {
    const o = await t.newOrg();
    const h = { authorization: o.auth };
    const cluster = (await t.post('/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, { ...h, 'x-emulator-lifecycle': 'immediate' })).body.id;
    const p = (await t.post('/sd/v1/pipelines', { spec: { display_name: 'p', environment: { id: o.env }, kafka_cluster: { id: cluster } } }, h)).body;
    const state = async () => (await t.get(`/sd/v1/pipelines/${p.id}?environment=${o.env}&spec.kafka_cluster=${cluster}`, h)).body.status.state;
    expect((await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { activated: true, activation_privilege: true } }, h)).body.status.state).toBe('ACTIVATING');
    expect((await advance(p.id)).body).toMatchObject({ kind: 'Pipeline', previous_phase: 'ACTIVATING', phase: 'ACTIVE', settled: true });
    expect(await state()).toBe('ACTIVE');
    expect((await t.patch(`/sd/v1/pipelines/${p.id}`, { spec: { activated: false } }, h)).body.status.state).toBe('DEACTIVATING');
    expect((await advance(p.id)).body).toMatchObject({ previous_phase: 'DEACTIVATING', phase: 'DRAFT' });
    expect(await state()).toBe('DRAFT');
    expect((await fail(p.id)).body).toMatchObject({ previous_phase: 'DRAFT', phase: 'FAILED' });
    expect(await state()).toBe('FAILED');
  });

  it('phase records travel in snapshots: a restored snapshot brings an exporter back to its phase then', async () => {
    // A frozen clock: the exporter would stay STARTING for ever but for its phase record.
    expect((await t.put('/_emulator/clock', { frozen: true })).status).toBe(200);
    try {
      const sr = await schemaRegistry(t);
      expect((await t.post('/exporters', { name: 'snap', config: { 'schema.registry.url': 'https://psrc-xxxxx.example.com' } }, sr.auth)).status).toBe(200);
      expect((await advance(`${sr.id}:snap`)).body.phase).toBe('RUNNING');
      const snapshot = await t.get('/_emulator/snapshot');
      expect(snapshot.status).toBe(200);
      expect((await fail(`${sr.id}:snap`)).body.phase).toBe('ERROR');
      expect((await t.post('/_emulator/snapshot', snapshot.body)).status).toBe(200);
      expect((await t.get('/exporters/snap/status', sr.auth)).body).toMatchObject({ state: 'RUNNING', trace: '' });
    } finally {
      await t.put('/_emulator/clock', { frozen: false });
    }
  });
});
