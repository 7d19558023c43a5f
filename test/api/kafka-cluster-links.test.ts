import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';
import { STOP_MS } from '../../src/services/kafka/mirroring.js';

type Cluster = Awaited<ReturnType<typeof kafkaCluster>>;

const V2 = 'application/vnd.kafka.v2+json';
const JSON_V2 = 'application/vnd.kafka.json.v2+json';
const NO_LINK = { error_code: 404, message: "The cluster link doesn't exist." };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The `sasl.jaas.config` of a link that authenticates with the cluster's API key. */
function jaasOf(c: Cluster): string {
  const [key, secret] = Buffer.from(c.auth.authorization.slice('Basic '.length), 'base64').toString().split(/:(.*)/s);
  return `org.apache.kafka.common.security.plain.PlainLoginModule required username="${key}" password="${secret}";`;
}

/**
 * Cluster links live on the destination cluster (the one in the path) and mirror topics of
 * another cluster of the emulator, of any organization: records are copied at once and as they
 * are produced, so they can be consumed on the destination.
 */
describe('Kafka REST v3: cluster links and mirror topics', () => {
  let t: TestEmulator;
  let src: Cluster;
  let dst: Cluster;
  const v3 = (c: Cluster) => `/kafka/v3/clusters/${c.id}`;

  beforeAll(async () => {
    t = await TestEmulator.start();
    src = await cluster();
    dst = await cluster();
  });
  afterAll(() => t.close());

  const topic = async (c: Cluster, name: string, partitions = 2) => expect((await t.post(`${v3(c)}/topics`, { topic_name: name, partitions_count: partitions }, c.auth)).status).toBe(201);
  const produce = (c: Cluster, name: string, data: unknown, partition: number) => t.post(`${v3(c)}/topics/${name}/records`, { partition_id: partition, value: { type: 'JSON', data } }, c.auth);
  /** Clusters by id: each test cluster is in an organization of its own. */
  const known = new Map<string, Cluster>();
  async function cluster(): Promise<Cluster> {
    const c = await kafkaCluster(t);
    known.set(c.id, c);
    return c;
  }
  /** A link to another organization's cluster authenticates with an API key of it: unless the body sets its own, one is added. */
  function withCredentials(body: any) {
    const remote = known.get(body?.source_cluster_id ?? body?.destination_cluster_id ?? body?.remote_cluster_id);
    if (!remote || body.configs?.some((c: { name: string }) => c.name === 'sasl.jaas.config')) return body;
    return { ...body, configs: [...(body.configs ?? []), { name: 'sasl.jaas.config', value: jaasOf(remote) }] };
  }
  const link = (c: Cluster, name: string, body: unknown, query = '') => t.post(`${v3(c)}/links?link_name=${encodeURIComponent(name)}${query}`, withCredentials(body), c.auth);
  const mirror = (c: Cluster, linkName: string, name: string, query = '') => t.get(`${v3(c)}/links/${linkName}/mirrors/${name}${query}`, c.auth);
  const act = (c: Cluster, linkName: string, action: string, body: unknown, query = '', headers: Record<string, string> = {}) =>
    t.post(`${v3(c)}/links/${linkName}/mirrors:${action}${query}`, body, { ...c.auth, ...headers });
  const deleteCluster = (c: Cluster) => t.delete(`/cmk/v2/clusters/${c.id}?environment=${c.org.env}`, { authorization: c.orgAuth, 'x-emulator-lifecycle': 'immediate' });
  const ends = (c: Cluster, name: string, partitions = 2) => Array.from({ length: partitions }, (_, p) => t.rt.kafka.endOffset(c.id, name, p));

  /** A REST Proxy v2 consumer of one topic on the cluster its key is scoped to; each call fetches what is new. */
  async function consumer(c: Cluster, group: string, name: string) {
    const created = await t.post(`/consumers/${group}`, { format: 'json', 'auto.offset.reset': 'earliest' }, { ...c.auth, 'content-type': V2 });
    expect(created.status).toBe(200);
    const base = new URL(created.body.base_uri).pathname;
    expect((await t.post(`${base}/subscription`, { topics: [name] }, { ...c.auth, 'content-type': V2 })).status).toBe(204);
    return async () => {
      const r = await t.get(`${base}/records?timeout=0`, { ...c.auth, accept: JSON_V2 });
      expect(r.status).toBe(200);
      return (r.body as Array<{ partition: number; offset: number; value: unknown }>).map(({ partition, offset, value }) => ({ partition, offset, value })).sort((a, b) => a.partition - b.partition || a.offset - b.offset);
    };
  }

  it('mirrors a topic of another organization: records then and later, lag, pause and resume, promote on the clock, delete', async () => {
    await topic(src, 'orders');
    for (const [n, p] of [[1, 0], [2, 1], [3, 0]]) expect((await produce(src, 'orders', { n }, p)).body.error_code).toBe(200);

    const created = await link(dst, 'from-src', { source_cluster_id: src.id, configs: [{ name: 'consumer.offset.sync.enable', value: 'true' }] });
    expect(created.status, created.raw).toBe(204);
    expect(created.raw).toBe('');
    const l = await t.get(`${v3(dst)}/links/from-src`, dst.auth);
    expect(l.status).toBe(200);
    expect(l.body).toMatchObject({ kind: 'KafkaLinkData', link_name: 'from-src', source_cluster_id: src.id, link_state: 'ACTIVE', link_error: 'NO_ERROR', link_error_message: null, topic_names: [] });
    expect(l.body.metadata).toEqual({ self: `http://emulator.test${v3(dst)}/links/from-src`, resource_name: null });
    expect(l.body.destination_cluster_id).toBeUndefined();
    expect(l.body.link_id).toMatch(UUID);
    expect(l.body.cluster_link_id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(l.body.cluster_link_id).toBe(Buffer.from(l.body.link_id.replace(/-/g, ''), 'hex').toString('base64url'));
    const list = await t.get(`${v3(dst)}/links`, dst.auth);
    expect(list.body).toMatchObject({ kind: 'KafkaLinkDataList', metadata: { next: null } });
    expect(list.body.data.map((x: any) => x.link_name)).toEqual(['from-src']);
    // The source cluster has no link of its own.
    expect((await t.get(`${v3(src)}/links`, src.auth)).body.data).toEqual([]);

    const m = await t.post(`${v3(dst)}/links/from-src/mirrors`, { source_topic_name: 'orders' }, dst.auth);
    expect(m.status, m.raw).toBe(204);
    expect((await t.get(`${v3(dst)}/topics/orders`, dst.auth)).body.partitions_count).toBe(2);
    expect((await t.get(`${v3(dst)}/links/from-src`, dst.auth)).body.topic_names).toEqual(['orders']);

    // Consumed on the destination: what the source had, then what it gets later.
    const fetch = await consumer(dst, 'readers', 'orders');
    expect(await fetch()).toEqual([
      { partition: 0, offset: 0, value: { n: 1 } },
      { partition: 0, offset: 1, value: { n: 3 } },
      { partition: 1, offset: 0, value: { n: 2 } },
    ]);
    await produce(src, 'orders', { n: 4 }, 1);
    expect(await fetch()).toEqual([{ partition: 1, offset: 1, value: { n: 4 } }]);

    const described = await mirror(dst, 'from-src', 'orders');
    expect(described.status).toBe(200);
    expect(described.body).toMatchObject({ kind: 'KafkaMirrorData', link_name: 'from-src', mirror_topic_name: 'orders', source_topic_name: 'orders', num_partitions: 2, mirror_status: 'ACTIVE', mirror_topic_error: 'NO_ERROR' });
    expect(described.body.mirror_lags).toEqual([
      { partition: 0, lag: 0, last_source_fetch_offset: 2 },
      { partition: 1, lag: 0, last_source_fetch_offset: 2 },
    ]);
    expect(described.body.mirror_state_transition_errors).toBeUndefined();

    // A mirror takes no records of its own, over either API, and keeps its source's partition count.
    const direct = await produce(dst, 'orders', { n: 0 }, 0);
    expect(direct.status).toBe(200);
    expect(direct.body).toEqual({ error_code: 40002, message: expect.stringContaining("read-only mirror topic of cluster link 'from-src'") });
    const v2 = await t.post('/topics/orders', { records: [{ value: { n: 0 } }] }, { ...dst.auth, 'content-type': JSON_V2 });
    expect(v2.body.offsets).toEqual([{ partition: null, offset: null, error_code: 1, error: expect.stringContaining('read-only mirror') }]);
    expect(ends(dst, 'orders')).toEqual([2, 2]);
    expect((await t.patch(`${v3(dst)}/topics/orders`, { partitions_count: 3 }, dst.auth)).body).toMatchObject({ error_code: 40002 });

    // Paused: the source runs ahead and the lag shows it; resumed: it catches up.
    const paused = await act(dst, 'from-src', 'pause', { mirror_topic_names: ['orders'] });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ kind: 'KafkaPromoteMirror', metadata: { self: `http://emulator.test${v3(dst)}/links/from-src/mirrors` } });
    expect(paused.body.data).toEqual([
      expect.objectContaining({ kind: 'AlterMirrorsData', mirror_topic_name: 'orders', error_code: null, error_message: null, messages_truncated: null, partition_level_truncation_data: [] }),
    ]);
    await produce(src, 'orders', { n: 5 }, 0);
    const behind = (await mirror(dst, 'from-src', 'orders')).body;
    expect(behind.mirror_status).toBe('PAUSED');
    expect(behind.mirror_lags[0]).toEqual({ partition: 0, lag: 1, last_source_fetch_offset: 2 });
    expect(await fetch()).toEqual([]);
    // Pausing a paused mirror (no `pause` transition from PAUSED) succeeds and changes nothing.
    expect((await act(dst, 'from-src', 'pause', { mirror_topic_names: ['orders'] })).body.data.map((x: any) => x.error_code)).toEqual([null]);
    expect((await mirror(dst, 'from-src', 'orders')).body.mirror_lags[0]).toEqual({ partition: 0, lag: 1, last_source_fetch_offset: 2 });
    expect((await t.get(`${v3(dst)}/links/-/mirrors?mirror_status=PAUSED`, dst.auth)).body.data.map((x: any) => x.mirror_topic_name)).toEqual(['orders']);
    expect((await t.get(`${v3(dst)}/links/from-src/mirrors?mirror_status=ACTIVE`, dst.auth)).body.data).toEqual([]);
    expect((await act(dst, 'from-src', 'resume', { mirror_topic_name_pattern: 'ord.*' })).body.data.map((x: any) => [x.mirror_topic_name, x.error_code])).toEqual([['orders', null]]);
    expect((await mirror(dst, 'from-src', 'orders')).body).toMatchObject({ mirror_status: 'ACTIVE', mirror_lags: [{ partition: 0, lag: 0, last_source_fetch_offset: 3 }, { partition: 1, lag: 0 }] });
    expect(await fetch()).toEqual([{ partition: 0, offset: 2, value: { n: 5 } }]);
    // Resuming an active mirror (no `resume` transition from ACTIVE) succeeds and changes nothing.
    expect((await act(dst, 'from-src', 'resume', { mirror_topic_names: ['orders'] })).body.data.map((x: any) => x.error_code)).toEqual([null]);
    expect((await mirror(dst, 'from-src', 'orders')).body.mirror_status).toBe('ACTIVE');

    // Promote: a dry run changes nothing; then PENDING_STOPPED, and STOPPED (writable) on the clock.
    expect((await act(dst, 'from-src', 'promote', { mirror_topic_names: ['orders'] }, '?validate_only=true')).body.data[0].error_code).toBeNull();
    expect((await mirror(dst, 'from-src', 'orders')).body.mirror_status).toBe('ACTIVE');
    const promoted = await act(dst, 'from-src', 'promote', { mirror_topic_names: ['orders'] });
    expect(promoted.body.data[0]).toMatchObject({ mirror_topic_name: 'orders', error_code: null });
    const pending = (await mirror(dst, 'from-src', 'orders')).body;
    expect(pending.mirror_status).toBe('PENDING_STOPPED');
    expect((await produce(dst, 'orders', { n: 0 }, 0)).body.error_code).toBe(40002);
    t.rt.clock.advance(STOP_MS);
    const stopped = (await mirror(dst, 'from-src', 'orders')).body;
    expect(stopped.mirror_status).toBe('STOPPED');
    expect(stopped.state_time_ms).toBe(pending.state_time_ms + STOP_MS);
    expect(stopped.mirror_lags).toEqual([
      { partition: 0, lag: 0, last_source_fetch_offset: 3 },
      { partition: 1, lag: 0, last_source_fetch_offset: 2 },
    ]);
    expect((await produce(dst, 'orders', { n: 100 }, 0)).body).toMatchObject({ error_code: 200, offset: 3 });
    await produce(src, 'orders', { n: 6 }, 1);
    expect(ends(dst, 'orders')).toEqual([4, 2]);

    // Acting on a stopped mirror is an error of that topic, kept among its state transition errors.
    const again = await act(dst, 'from-src', 'promote', { mirror_topic_names: ['orders'] });
    expect(again.status).toBe(200);
    expect(again.body.data[0]).toMatchObject({ error_code: 400, error_message: "Topic 'orders' has already stopped its mirror from 'from-src'" });
    const withErrors = (await mirror(dst, 'from-src', 'orders', '?include_state_transition_errors=true')).body;
    expect(withErrors.mirror_state_transition_errors).toEqual([{ error_code: 'INVALID_REQUEST_ERROR', error_message: expect.stringContaining('has already stopped its mirror') }]);

    const deleted = await t.delete(`${v3(dst)}/links/from-src`, dst.auth);
    expect(deleted.status).toBe(200);
    expect(deleted.raw).toBe('');
    expect((await t.get(`${v3(dst)}/links/from-src`, dst.auth)).body).toEqual(NO_LINK);
    expect((await t.get(`${v3(dst)}/links/-/mirrors`, dst.auth)).body.data).toEqual([]);
    expect((await t.get(`${v3(dst)}/topics/orders`, dst.auth)).status).toBe(200);
  });

  it('refuses to delete a link whose mirrors are not stopped unless forced; deleting the destination cluster removes its links', async () => {
    const d = await cluster();
    await topic(src, 'pay', 1);
    await produce(src, 'pay', 'a', 0);
    expect((await link(d, 'l', { source_cluster_id: src.id })).status).toBe(204);
    expect((await t.post(`${v3(d)}/links/l/mirrors`, { source_topic_name: 'pay' }, d.auth)).status).toBe(204);
    const refused = await t.delete(`${v3(d)}/links/l`, d.auth);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error_code: 40002, message: expect.stringContaining('force=true') });
    expect((await t.delete(`${v3(d)}/links/l?force=true&validate_only=true`, d.auth)).status).toBe(200);
    expect((await t.get(`${v3(d)}/links/l`, d.auth)).status).toBe(200);
    expect((await t.delete(`${v3(d)}/links/l?force=true`, d.auth)).status).toBe(200);
    expect((await t.get(`${v3(d)}/links/l`, d.auth)).body).toEqual(NO_LINK);
    // The former mirror is an ordinary topic: it keeps its records and takes new ones.
    expect((await produce(d, 'pay', 'b', 0)).body).toMatchObject({ error_code: 200, offset: 1 });

    expect((await link(d, 'l2', { source_cluster_id: src.id })).status).toBe(204);
    await topic(src, 'pay2', 1);
    expect((await t.post(`${v3(d)}/links/l2/mirrors`, { source_topic_name: 'pay2' }, d.auth)).status).toBe(204);
    const count = (table: string) => (t.rt.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE cluster_id = ?`).get(d.id) as { n: number }).n;
    expect([count('kafka_links'), count('kafka_mirror_topics')]).toEqual([1, 1]);
    expect((await deleteCluster(d)).status).toBe(204);
    expect([count('kafka_links'), count('kafka_mirror_topics')]).toEqual([0, 0]);
    // The source carries on without its former destination.
    expect((await produce(src, 'pay2', 'c', 0)).body.error_code).toBe(200);
  });

  it('marks the link UNAVAILABLE and its mirrors LINK_FAILED or SOURCE_UNAVAILABLE when the source goes; failover still works', async () => {
    const s = await cluster();
    const d = await cluster();
    await topic(s, 'keep');
    await topic(s, 'gone');
    await produce(s, 'keep', 1, 0);
    expect((await link(d, 'l', { source_cluster_id: s.id })).status).toBe(204);
    for (const name of ['keep', 'gone']) expect((await t.post(`${v3(d)}/links/l/mirrors`, { source_topic_name: name }, d.auth)).status).toBe(204);

    expect((await t.delete(`${v3(s)}/topics/gone`, s.auth)).status).toBe(204);
    expect((await mirror(d, 'l', 'gone')).body).toMatchObject({ mirror_status: 'SOURCE_UNAVAILABLE', mirror_topic_error: 'SOURCE_TOPIC_MAY_BE_DELETED' });
    // A source topic created anew under the old name is another topic: the mirror fails.
    await topic(s, 'gone');
    expect((await mirror(d, 'l', 'gone')).body).toMatchObject({ mirror_status: 'FAILED', mirror_topic_error: 'SOURCE_TOPIC_ID_CHANGED' });

    expect((await deleteCluster(s)).status).toBe(204);
    const l = (await t.get(`${v3(d)}/links/l?include_tasks=true`, d.auth)).body;
    expect(l).toMatchObject({ link_state: 'UNAVAILABLE', link_error: 'UNRESOLVABLE_BOOTSTRAP_ERROR', link_error_message: expect.stringContaining(s.id) });
    expect(l.tasks.map((x: any) => x.state)).toEqual(['LINK_UNAVAILABLE', 'LINK_UNAVAILABLE', 'LINK_UNAVAILABLE', 'LINK_UNAVAILABLE']);
    expect((await mirror(d, 'l', 'keep')).body.mirror_status).toBe('LINK_FAILED');
    expect((await t.post(`${v3(d)}/links/l/mirrors`, { source_topic_name: 'other' }, d.auth)).body).toEqual({ error_code: 40002, message: expect.stringContaining('unavailable') });

    const promote = await act(d, 'l', 'promote', { mirror_topic_names: ['keep'] });
    expect(promote.body.data[0]).toMatchObject({ error_code: 400, error_message: expect.stringContaining('cannot be promoted while its mirror is LINK_FAILED') });
    const failover = await act(d, 'l', 'failover', { mirror_topic_names: ['keep'] }, '', { 'x-emulator-lifecycle': 'immediate' });
    expect(failover.body.data[0].error_code).toBeNull();
    expect((await mirror(d, 'l', 'keep')).body.mirror_status).toBe('STOPPED');
    expect((await produce(d, 'keep', 2, 0)).body).toMatchObject({ error_code: 200, offset: 1 });
  });

  it('keeps links and mirrors in snapshots, and mirrors still follow their source after an import', async () => {
    const d = await cluster();
    await topic(src, 'snap', 1);
    expect((await link(d, 'snap', { source_cluster_id: src.id })).status).toBe(204);
    expect((await t.post(`${v3(d)}/links/snap/mirrors`, { source_topic_name: 'snap' }, d.auth)).status).toBe(204);
    const snap = await t.get('/_emulator/snapshot');
    expect(snap.body.cluster_data.kafka_links.filter((r: any) => r.cluster_id === d.id).map((r: any) => r.link_name)).toEqual(['snap']);
    expect(snap.body.cluster_data.kafka_mirror_topics.filter((r: any) => r.cluster_id === d.id).map((r: any) => r.mirror_topic_name)).toEqual(['snap']);
    await t.delete(`${v3(d)}/links/snap?force=true`, d.auth);
    expect((await t.post('/_emulator/snapshot', snap.body)).status).toBe(200);
    expect((await mirror(d, 'snap', 'snap')).body.mirror_status).toBe('ACTIVE');
    await produce(src, 'snap', 'after', 0);
    expect(ends(d, 'snap', 1)).toEqual([1]);
  });

  it('validates the source cluster unless validate_link=false; validate_only creates nothing', async () => {
    const d = await cluster();
    const refused = await link(d, 'nowhere', { source_cluster_id: 'lkc-nowhere' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error_code: 40002, message: expect.stringContaining('validate_link=false') });
    expect((await link(d, 'nowhere', { source_cluster_id: 'lkc-nowhere' }, '&validate_link=false')).status).toBe(204);
    expect((await t.get(`${v3(d)}/links/nowhere`, d.auth)).body).toMatchObject({ source_cluster_id: 'lkc-nowhere', link_state: 'UNAVAILABLE', link_error: 'UNRESOLVABLE_BOOTSTRAP_ERROR' });
    expect((await t.post(`${v3(d)}/links/nowhere/mirrors`, { source_topic_name: 'orders' }, d.auth)).status).toBe(400);

    expect((await link(d, 'dry', { source_cluster_id: src.id }, '&validate_only=true')).status).toBe(204);
    expect((await t.get(`${v3(d)}/links/dry`, d.auth)).body).toEqual(NO_LINK);
  });

  it('reaches another organization\'s cluster only with an API key of that cluster; a cluster of its own organization without one', async () => {
    const d = await cluster();
    const bare = (remote: string, configs: unknown[] = []) => t.post(`${v3(d)}/links?link_name=bare`, { source_cluster_id: remote, configs }, d.auth);
    for (const configs of [[], [{ name: 'sasl.jaas.config', value: jaasOf(d) }], [{ name: 'sasl.jaas.config', value: jaasOf(src).replace(/password="[^"]*"/, 'password="wrong"') }]]) {
      const refused = await bare(src.id, configs);
      expect(refused.status, refused.raw).toBe(400);
      expect(refused.body).toMatchObject({ error_code: 40002, message: expect.stringContaining('SaslAuthenticationException') });
    }
    expect((await t.get(`${v3(d)}/links/bare`, d.auth)).body).toEqual(NO_LINK);
    expect((await bare(src.id, [{ name: 'sasl.jaas.config', value: jaasOf(src) }])).status).toBe(204);
    // A second cluster of d's own organization.
    const sibling = await t.post('/cmk/v2/clusters', { spec: { display_name: 'sibling', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: d.org.env } } }, { authorization: d.orgAuth, 'x-emulator-lifecycle': 'immediate' });
    expect(sibling.status, sibling.raw).toBe(202);
    expect((await t.post(`${v3(d)}/links?link_name=sibling`, { source_cluster_id: sibling.body.id }, d.auth)).status).toBe(204);
  });

  it('refuses bad links: name, duplicate, cluster ids, modes, configs, cluster_link_id', async () => {
    const d = await cluster();
    const ok = { source_cluster_id: src.id };
    expect((await link(d, 'bad name', ok)).body).toEqual({ error_code: 400, message: 'Invalid Cluster Link Name.' });
    expect((await link(d, 'l', ok)).status).toBe(204);
    expect((await link(d, 'l', ok)).body).toEqual({ error_code: 40002, message: "Cluster link 'l' already exists." });
    expect((await link(d, 'x', {})).body).toMatchObject({ error_code: 400, message: expect.stringContaining('Exactly one of') });
    expect((await link(d, 'x', { source_cluster_id: src.id, remote_cluster_id: src.id })).body).toMatchObject({ error_code: 400 });
    expect((await link(d, 'x', { source_cluster_id: d.id })).body).toEqual({ error_code: 40002, message: 'A cluster link cannot link a cluster to itself.' });
    expect((await link(d, 'x', { source_cluster_id: src.id, configs: [{ name: 'link.mode', value: 'SOURCE' }] })).body).toMatchObject({ error_code: 40002, message: expect.stringContaining('destination_cluster_id') });
    expect((await link(d, 'x', { remote_cluster_id: src.id })).body).toMatchObject({ error_code: 40002, message: expect.stringContaining('link.mode DESTINATION') });
    expect((await link(d, 'x', { source_cluster_id: src.id, configs: [{ name: 'no.such.config', value: '1' }] })).body).toEqual({ error_code: 400, message: 'Invalid Config Name.' });
    expect((await link(d, 'x', { source_cluster_id: src.id, configs: [{ name: 'acl.sync.ms', value: 'soon' }] })).body).toMatchObject({ error_code: 40002, message: expect.stringContaining('acl.sync.ms') });
    expect((await link(d, 'x', { source_cluster_id: src.id, cluster_link_id: 'short' })).body).toMatchObject({ error_code: 400, message: expect.stringContaining('cluster_link_id') });
    expect((await link(d, 'x', { source_cluster_id: 7 })).body).toMatchObject({ error_code: 400 });
    expect((await t.post(`${v3(d)}/links`, ok, d.auth)).status).toBe(400);
    // A source-initiated link on the source cluster names its destination.
    expect((await link(d, 'outbound', { destination_cluster_id: src.id, configs: [{ name: 'link.mode', value: 'SOURCE' }] })).status).toBe(204);
    const outbound = (await t.get(`${v3(d)}/links/outbound`, d.auth)).body;
    expect(outbound).toMatchObject({ destination_cluster_id: src.id, link_state: 'ACTIVE' });
    expect(outbound.source_cluster_id).toBeUndefined();
    expect((await t.post(`${v3(d)}/links/outbound/mirrors`, { source_topic_name: 'orders' }, d.auth)).body).toMatchObject({ error_code: 40002, message: expect.stringContaining('SOURCE link') });
    for (const [method, path] of [
      ['GET', 'links/nope'],
      ['DELETE', 'links/nope'],
      ['GET', 'links/nope/configs'],
      ['GET', 'links/nope/mirrors'],
      ['GET', 'links/nope/mirrors/orders'],
    ]) {
      expect((await t.request(method, `${v3(d)}/${path}`, undefined, d.auth)).body, path).toEqual(NO_LINK);
    }
  });

  it('lists, describes, alters, resets and batch-alters link configs', async () => {
    const d = await cluster();
    expect((await link(d, 'cfg', { source_cluster_id: src.id, configs: [{ name: 'consumer.offset.sync.enable', value: 'true' }, { name: 'sasl.jaas.config', value: jaasOf(src) }] })).status).toBe(204);
    const base = `${v3(d)}/links/cfg/configs`;
    const all = await t.get(base, d.auth);
    expect(all.body).toMatchObject({ kind: 'KafkaLinkConfigDataList', metadata: { self: `http://emulator.test${base}`, next: null } });
    const byName = Object.fromEntries(all.body.data.map((c: any) => [c.name, c]));
    expect(byName['consumer.offset.sync.enable']).toMatchObject({ kind: 'KafkaLinkConfigData', cluster_id: d.id, link_name: 'cfg', value: 'true', source: 'DYNAMIC_CLUSTER_LINK_CONFIG', is_default: false, default: false });
    expect(byName['acl.sync.enable']).toMatchObject({ value: 'false', source: 'DEFAULT_CONFIG', is_default: true, is_read_only: false });
    expect(byName['link.mode']).toMatchObject({ value: 'DESTINATION', is_read_only: true, read_only: true });
    expect(byName['sasl.jaas.config']).toMatchObject({ value: '', is_sensitive: true, sensitive: true, source: 'DYNAMIC_CLUSTER_LINK_CONFIG' });

    expect((await t.get(`${base}/consumer.offset.sync.ms`, d.auth)).body).toMatchObject({ name: 'consumer.offset.sync.ms', value: '30000', is_default: true });
    expect((await t.put(`${base}/consumer.offset.sync.ms`, { value: '5000' }, d.auth)).status).toBe(204);
    expect((await t.get(`${base}/consumer.offset.sync.ms`, d.auth)).body).toMatchObject({ value: '5000', source: 'DYNAMIC_CLUSTER_LINK_CONFIG', is_default: false });
    expect((await t.delete(`${base}/consumer.offset.sync.ms`, d.auth)).status).toBe(204);
    expect((await t.get(`${base}/consumer.offset.sync.ms`, d.auth)).body).toMatchObject({ value: '30000', source: 'DEFAULT_CONFIG' });

    const batch = await t.put(`${base}:alter`, { data: [{ name: 'acl.sync.enable', value: 'true' }, { name: 'consumer.offset.sync.enable', operation: 'DELETE' }] }, d.auth);
    expect(batch.status).toBe(204);
    const value = async (name: string) => (await t.get(`${base}/${name}`, d.auth)).body.value;
    expect([await value('acl.sync.enable'), await value('consumer.offset.sync.enable')]).toEqual(['true', 'false']);
    // A batch with one bad entry, or a dry run, changes nothing.
    expect((await t.put(`${base}:alter`, { data: [{ name: 'acl.sync.ms', value: '1' }, { name: 'nope', value: '1' }] }, d.auth)).body).toEqual({ error_code: 400, message: 'Invalid Config Name.' });
    expect((await t.put(`${base}:alter?validate_only=true`, { data: [{ name: 'acl.sync.ms', value: '2' }] }, d.auth)).status).toBe(204);
    expect((await t.put(`${base}:alter`, { data: [{ name: 'acl.sync.ms', value: '3' }], validate_only: true }, d.auth)).status).toBe(204);
    expect(await value('acl.sync.ms')).toBe('5000');

    const tasks = (await t.get(`${v3(d)}/links/cfg?include_tasks=true`, d.auth)).body.tasks;
    expect(Object.fromEntries(tasks.map((x: any) => [x.task_name, x.state]))).toEqual({ AclSync: 'ACTIVE', AutoCreateMirror: 'NOT_CONFIGURED', ConsumerOffsetSync: 'NOT_CONFIGURED', TopicConfigsSync: 'ACTIVE' });
    expect((await t.get(`${v3(d)}/links/cfg`, d.auth)).body.tasks).toBeUndefined();

    expect((await t.put(`${base}/nope`, { value: '1' }, d.auth)).body).toEqual({ error_code: 400, message: 'Invalid Config Name.' });
    expect((await t.get(`${base}/nope`, d.auth)).body).toEqual({ error_code: 404, message: 'Config nope cannot be found.' });
    expect((await t.delete(`${base}/nope`, d.auth)).status).toBe(404);
    expect((await t.put(`${base}/link.mode`, { value: 'SOURCE' }, d.auth)).body).toMatchObject({ error_code: 40002, message: expect.stringContaining('cannot be altered') });
    expect((await t.delete(`${base}/cluster.link.prefix`, d.auth)).body).toMatchObject({ error_code: 40002 });
    expect((await t.put(`${base}/acl.sync.enable`, { value: 'yes' }, d.auth)).body).toMatchObject({ error_code: 40002, message: expect.stringContaining('true') });
    expect((await t.put(`${base}/acl.sync.enable`, {}, d.auth)).body).toMatchObject({ error_code: 400 });
    expect((await t.put(`${base}:alter`, { data: [{ name: 'acl.sync.enable' }] }, d.auth)).body).toMatchObject({ error_code: 400 });
    for (const [method, path, body] of [
      ['GET', 'links/nope/configs/acl.sync.ms', undefined],
      ['PUT', 'links/nope/configs/acl.sync.ms', { value: '1' }],
      ['DELETE', 'links/nope/configs/acl.sync.ms', undefined],
      ['PUT', 'links/nope/configs:alter', { data: [] }],
    ] as const) {
      expect((await t.request(method, `${v3(d)}/${path}`, body, d.auth)).body, `${method} ${path}`).toEqual(NO_LINK);
    }
  });

  it('names mirrors after the source with the link prefix, and refuses bad mirror topics', async () => {
    const d = await cluster();
    await topic(src, 'stock', 3);
    await produce(src, 'stock', 's', 2);
    expect((await link(d, 'pre', { source_cluster_id: src.id, configs: [{ name: 'cluster.link.prefix', value: 'west.' }] })).status).toBe(204);
    const create = (body: unknown, linkName = 'pre') => t.post(`${v3(d)}/links/${linkName}/mirrors`, body, d.auth);
    expect((await create({ source_topic_name: 'stock', mirror_topic_name: 'stock' })).body).toMatchObject({ error_code: 40002, message: expect.stringContaining("'west.stock'") });
    expect((await create({ source_topic_name: 'stock', replication_factor: 2 })).body).toMatchObject({ error_code: 40002 });
    expect((await create({ source_topic_name: 'stock', configs: [{ name: 'no.such.config', value: '1' }] })).body).toMatchObject({ error_code: 40002 });
    expect((await create({ source_topic_name: 'missing' })).body).toEqual({ error_code: 40403, message: 'This server does not host this topic-partition.' });
    expect((await create({ mirror_topic_name: 'x' })).body).toMatchObject({ error_code: 400 });
    expect((await create({ source_topic_name: 'stock' }, 'nope')).body).toEqual(NO_LINK);
    expect((await create({ source_topic_name: 'stock', mirror_topic_name: 'west.stock', configs: [{ name: 'retention.ms', value: '1000' }] })).status).toBe(204);
    expect((await t.get(`${v3(d)}/topics/west.stock`, d.auth)).body.partitions_count).toBe(3);
    expect((await t.get(`${v3(d)}/topics/west.stock/configs/retention.ms`, d.auth)).body.value).toBe('1000');
    expect(t.rt.kafka.read(d.id, 'west.stock', 2, 0, 10).map((r) => r.value!.toString())).toEqual(['"s"']);
    expect((await mirror(d, 'pre', 'west.stock')).body).toMatchObject({ mirror_topic_name: 'west.stock', source_topic_name: 'stock' });
    expect((await create({ source_topic_name: 'stock' })).body).toEqual({ error_code: 40002, message: "Topic 'west.stock' already exists." });

    // A source gaining partitions: its mirror follows with the next records.
    expect((await t.patch(`${v3(src)}/topics/stock`, { partitions_count: 4 }, src.auth)).status).toBe(200);
    await produce(src, 'stock', 't', 3);
    expect((await mirror(d, 'pre', 'west.stock')).body.num_partitions).toBe(4);
    expect(t.rt.kafka.read(d.id, 'west.stock', 3, 0, 10)).toHaveLength(1);

    await topic(d, 'plain', 1);
    expect((await mirror(d, 'pre', 'plain')).body).toEqual({ error_code: 40403, message: "Topic 'plain' is not a mirror topic of cluster link 'pre'." });
    expect((await mirror(d, 'pre', 'nothing')).body).toEqual({ error_code: 40403, message: 'This server does not host this topic-partition.' });
    expect((await t.get(`${v3(d)}/links/pre/mirrors?mirror_status=SLEEPING`, d.auth)).body).toMatchObject({ error_code: 400 });
    // Deleting a mirror topic forgets its mirror state.
    expect((await t.delete(`${v3(d)}/topics/west.stock`, d.auth)).status).toBe(204);
    expect((await t.get(`${v3(d)}/links/pre/mirrors`, d.auth)).body.data).toEqual([]);
  });

  it('acts on the mirrors named or matched, reporting each topic; failover does not catch up', async () => {
    const d = await cluster();
    await topic(src, 'a1', 1);
    await topic(src, 'a2', 1);
    expect((await link(d, 'acts', { source_cluster_id: src.id })).status).toBe(204);
    for (const name of ['a1', 'a2']) expect((await t.post(`${v3(d)}/links/acts/mirrors`, { source_topic_name: name }, d.auth)).status).toBe(204);
    await topic(d, 'local', 1);

    const all = await act(d, 'acts', 'pause', { mirror_topic_name_pattern: '.*' });
    expect(all.body.data.map((x: any) => [x.mirror_topic_name, x.error_code])).toEqual([
      ['a1', null],
      ['a2', null],
    ]);
    const mixed = await act(d, 'acts', 'resume', { mirror_topic_names: ['a1', 'local', 'ghost'] });
    expect(mixed.status).toBe(200);
    expect(mixed.body.data).toEqual([
      expect.objectContaining({ mirror_topic_name: 'a1', error_code: null, error_message: null, mirror_lags: [{ partition: 0, lag: 0, last_source_fetch_offset: 0 }] }),
      expect.objectContaining({ mirror_topic_name: 'local', error_code: 400, error_message: "Topic 'local' is not a mirror topic of cluster link 'acts'.", mirror_lags: [] }),
      expect.objectContaining({ mirror_topic_name: 'ghost', error_code: 40403, error_message: 'This server does not host this topic-partition.' }),
    ]);
    expect((await mirror(d, 'acts', 'a1')).body.mirror_status).toBe('ACTIVE');
    expect((await mirror(d, 'acts', 'a2')).body.mirror_status).toBe('PAUSED');

    // a2 is paused: failing it over stops it where it is, the source's later records stay behind.
    await produce(src, 'a2', 'late', 0);
    const failover = await act(d, 'acts', 'failover', { mirror_topic_names: ['a2'] });
    expect(failover.body.data[0]).toMatchObject({ error_code: null, mirror_lags: [{ partition: 0, lag: 1, last_source_fetch_offset: 0 }] });
    expect((await mirror(d, 'acts', 'a2')).body.mirror_status).toBe('PENDING_STOPPED');
    expect((await act(d, 'acts', 'pause', { mirror_topic_names: ['a2'] })).body.data[0].error_code).toBe(400);
    t.rt.clock.advance(STOP_MS);
    expect((await mirror(d, 'acts', 'a2')).body.mirror_status).toBe('STOPPED');
    expect(ends(d, 'a2', 1)).toEqual([0]);

    expect((await act(d, 'acts', 'pause', { mirror_topic_name_pattern: '(' })).body).toMatchObject({ error_code: 400, message: expect.stringContaining('mirror_topic_name_pattern') });
    expect((await act(d, 'acts', 'pause', {})).body).toMatchObject({ error_code: 400, message: expect.stringContaining('mirror_topic_names') });
    expect((await act(d, 'acts', 'pause', { mirror_topic_names: 'a1' })).body).toMatchObject({ error_code: 400 });
    expect((await act(d, 'nope', 'pause', { mirror_topic_names: ['a1'] })).body).toEqual(NO_LINK);
    const notBidirectional = await act(d, 'acts', 'reverse-and-start-mirror', { mirror_topic_names: ['a1'] });
    expect(notBidirectional.body.data[0]).toMatchObject({ error_code: 400, error_message: expect.stringContaining('not bidirectional') });
    expect((await act(d, 'acts', 'truncate-and-restore', { mirror_topic_names: ['a1'] })).body.data[0]).toMatchObject({ error_code: 400, error_message: expect.stringContaining('not bidirectional') });
  });

  it('reverses mirrors over a bidirectional link, and truncates and restores after a failover', async () => {
    const east = await cluster();
    const west = await cluster();
    const bidi = (remote: Cluster, extra: Record<string, unknown> = {}) => ({ remote_cluster_id: remote.id, configs: [{ name: 'link.mode', value: 'BIDIRECTIONAL' }], ...extra });
    expect((await link(west, 'bidi', bidi(east))).status).toBe(204);
    const westLink = (await t.get(`${v3(west)}/links/bidi`, west.auth)).body;
    expect(westLink).toMatchObject({ remote_cluster_id: east.id, link_state: 'ACTIVE' });
    // The second side takes the first side's id; another id is refused.
    expect((await link(east, 'bidi', bidi(west, { cluster_link_id: 'AAAAAAAAAAAAAAAAAAAAAA' }))).body).toMatchObject({ error_code: 40002, message: expect.stringContaining(westLink.cluster_link_id) });
    expect((await link(east, 'bidi', bidi(west))).status).toBe(204);
    expect((await t.get(`${v3(east)}/links/bidi`, east.auth)).body.cluster_link_id).toBe(westLink.cluster_link_id);

    await topic(east, 'inv');
    await produce(east, 'inv', 1, 0);
    await produce(east, 'inv', 2, 1);
    expect((await t.post(`${v3(west)}/links/bidi/mirrors`, { source_topic_name: 'inv' }, west.auth)).status).toBe(204);

    // A dry run changes nothing.
    expect((await act(west, 'bidi', 'reverse-and-start-mirror', { mirror_topic_names: ['inv'] }, '?validate_only=true')).body.data[0].error_code).toBeNull();
    expect((await mirror(west, 'bidi', 'inv')).body.mirror_status).toBe('ACTIVE');
    expect((await mirror(east, 'bidi', 'inv')).status).toBe(404);

    // reverse-and-start: west's mirror becomes the writable source, east's topic mirrors it.
    expect((await act(west, 'bidi', 'reverse-and-start-mirror', { mirror_topic_names: ['inv'] })).body.data[0].error_code).toBeNull();
    expect((await mirror(west, 'bidi', 'inv')).body.mirror_status).toBe('STOPPED');
    expect((await mirror(east, 'bidi', 'inv')).body).toMatchObject({ mirror_status: 'ACTIVE', source_topic_name: 'inv' });
    expect((await produce(west, 'inv', 3, 0)).body).toMatchObject({ error_code: 200, offset: 1 });
    expect(ends(east, 'inv')).toEqual([2, 1]);
    expect((await produce(east, 'inv', 0, 0)).body.error_code).toBe(40002);

    // reverse-and-pause back: east writes again, west mirrors it, paused.
    expect((await act(east, 'bidi', 'reverse-and-pause-mirror', { mirror_topic_names: ['inv'] })).body.data[0].error_code).toBeNull();
    expect((await mirror(east, 'bidi', 'inv')).body.mirror_status).toBe('STOPPED');
    expect((await mirror(west, 'bidi', 'inv')).body.mirror_status).toBe('PAUSED');

    // West fails over (east's latest record never reached it); east then truncates to where west stopped and mirrors west.
    await produce(east, 'inv', 4, 0);
    expect((await act(west, 'bidi', 'failover', { mirror_topic_names: ['inv'] }, '', { 'x-emulator-lifecycle': 'immediate' })).body.data[0].error_code).toBeNull();
    expect((await mirror(west, 'bidi', 'inv')).body.mirror_status).toBe('STOPPED');
    await produce(west, 'inv', 5, 0);
    expect((await act(east, 'bidi', 'truncate-and-restore', { mirror_topic_names: ['local-only'] })).body.data[0].error_code).toBe(40403);
    const restored = await act(east, 'bidi', 'truncate-and-restore', { mirror_topic_name_pattern: '.*' }, '?include_partition_level_truncation_data=true');
    expect(restored.body.data).toEqual([
      expect.objectContaining({
        mirror_topic_name: 'inv',
        error_code: null,
        messages_truncated: 1,
        partition_level_truncation_data: [
          { partition_id: 0, offset_truncated_to: 2, messages_truncated: 1 },
          { partition_id: 1, offset_truncated_to: 1, messages_truncated: 0 },
        ],
      }),
    ]);
    expect((await mirror(east, 'bidi', 'inv')).body).toMatchObject({ mirror_status: 'ACTIVE', mirror_lags: [{ partition: 0, lag: 0, last_source_fetch_offset: 3 }, { partition: 1, lag: 0, last_source_fetch_offset: 1 }] });
    expect(t.rt.kafka.read(east.id, 'inv', 0, 0, 10).map((r) => r.value!.toString())).toEqual(['1', '3', '5']);
    expect((await act(east, 'bidi', 'truncate-and-restore', { mirror_topic_names: ['inv'] })).body.data[0]).toMatchObject({ error_code: 400, error_message: expect.stringContaining('already a mirror topic') });
  });
});
