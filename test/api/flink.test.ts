import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic, errorsOf } from '../helpers.js';
import { transactionsOf } from '../../src/services/kafka/transactions.js';

type Org = Awaited<ReturnType<TestEmulator['newOrg']>>;

const IMMEDIATE = { 'x-emulator-lifecycle': 'immediate' };
const poolSpec = (env: string, over: Record<string, unknown> = {}) => ({ display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env }, ...over });
const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('fcpm/v2 regions', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('lists the catalogue with cloud and region_name filters, pages, and the emulator as http_endpoint', async () => {
    const all = await t.get('/fcpm/v2/regions?page_size=100');
    expect(all.status).toBe(200);
    expect(all.body.kind).toBe('RegionList');
    expect(all.body.metadata.total_size).toBe(all.body.data.length);
    const ohio = all.body.data.find((r: any) => r.id === 'aws.us-east-2');
    expect(ohio).toMatchObject({ api_version: 'fcpm/v2', kind: 'Region', display_name: 'Ohio (us-east-2)', cloud: 'AWS', region_name: 'us-east-2', http_endpoint: 'http://emulator.test' });
    expect(ohio.metadata.resource_name).toMatch(/\/flink-region=aws\.us-east-2$/);

    const gcp = await t.get('/fcpm/v2/regions?cloud=GCP');
    expect(gcp.body.data.length).toBeGreaterThan(0);
    expect(gcp.body.data.every((r: any) => r.cloud === 'GCP')).toBe(true);
    const one = await t.get('/fcpm/v2/regions?cloud=AZURE&region_name=westeurope');
    expect(one.body.data.map((r: any) => r.id)).toEqual(['azure.westeurope']);

    const p1 = await t.get('/fcpm/v2/regions?page_size=5');
    expect(p1.body.data).toHaveLength(5);
    const p2 = await t.get(p1.body.metadata.next.replace('http://emulator.test', ''));
    expect(p2.body.data[0].id).toBe(all.body.data[5].id);
    expect((await t.get('/fcpm/v2/regions?page_token=forged')).status).toBe(400);
  });
});

describe('fcpm/v2 compute pools', () => {
  let t: TestEmulator;
  let o: Org;
  const h = (extra: Record<string, string> = {}) => ({ authorization: o.auth, ...extra });
  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
  });
  afterAll(() => t.close());

  it('creates with 202 PROVISIONING (current_cfu 0), then PROVISIONED on the clock; CRN names the Flink region', async () => {
    const c = await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env) }, h());
    expect(c.status).toBe(202);
    expect(c.body.id).toMatch(/^lfcp-[0-9a-z]{6}$/);
    expect(c.headers.location).toBe(`http://emulator.test/fcpm/v2/compute-pools/${c.body.id}`);
    expect(c.body.metadata.resource_name).toBe(`crn://confluent.cloud/organization=${o.org}/environment=${o.env}/flink-region=aws.us-east-2/compute-pool=${c.body.id}`);
    expect(c.body.spec).toMatchObject({ display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, http_endpoint: 'http://emulator.test' });
    expect(c.body.spec.environment).toMatchObject({ id: o.env });
    expect(c.body.status).toEqual({ phase: 'PROVISIONING', current_cfu: 0 });
    await t.post('/_emulator/clock/advance', { seconds: 31 });
    const read = await t.get(`/fcpm/v2/compute-pools/${c.body.id}?environment=${o.env}`, h());
    expect(read.body.status).toEqual({ phase: 'PROVISIONED', current_cfu: 0 });
  });

  it('X-Emulator-Outcome: failed ends FAILED', async () => {
    const c = await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'doomed' }) }, h({ ...IMMEDIATE, 'x-emulator-outcome': 'failed' }));
    expect(c.body.status.phase).toBe('FAILED');
  });

  it('refuses a region without Flink (422), a max_cfu outside the enum and a bad display name', async () => {
    const r = await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { region: 'mars-1' }) }, h());
    expect(r.status).toBe(422);
    expect(errorsOf(r)[0].source).toEqual({ pointer: '/spec/region' });
    expect((await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { max_cfu: 7 }) }, h())).status).toBeGreaterThanOrEqual(400);
    expect((await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: '_bad name' }) }, h())).status).toBeGreaterThanOrEqual(400);
    expect((await t.post('/fcpm/v2/compute-pools', { spec: poolSpec('env-nope00') }, h())).status).toBe(422);
  });

  it('lists by environment with spec.region and spec.network filters; reads and deletes need the environment', async () => {
    const net = (await t.post('/networking/v1/networks', { spec: { cloud: 'AWS', region: 'us-west-2', connection_types: ['PEERING'], cidr: '10.1.0.0/16', environment: { id: o.env } } }, h(IMMEDIATE))).body.id;
    const nowhere = await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'nowhere', region: 'us-west-2', network: { id: 'n-nope00' } }) }, h(IMMEDIATE));
    expect(nowhere.status).toBe(422);
    expect(errorsOf(nowhere)[0].source).toEqual({ pointer: '/spec/network/id' });
    const west = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'west', region: 'us-west-2', network: { id: net } }) }, h(IMMEDIATE))).body;
    expect(west.spec.network).toMatchObject({ id: net, environment: o.env });
    const byRegion = await t.get(`/fcpm/v2/compute-pools?environment=${o.env}&spec.region=us-west-2`, h());
    expect(byRegion.body.data.map((p: any) => p.id)).toEqual([west.id]);
    const byNetwork = await t.get(`/fcpm/v2/compute-pools?environment=${o.env}&spec.network=${net}`, h());
    expect(byNetwork.body.data.map((p: any) => p.id)).toEqual([west.id]);
    const paged = await t.get(`/fcpm/v2/compute-pools?environment=${o.env}&page_size=1`, h());
    expect(paged.body.data).toHaveLength(1);
    expect(paged.body.metadata.next).toContain('page_token=');
    expect((await t.get(`/fcpm/v2/compute-pools?environment=env-other`, h())).body.data).toEqual([]);
    expect((await t.get(`/fcpm/v2/compute-pools/${west.id}?environment=env-other`, h())).status).toBe(404);
    expect((await t.get(`/fcpm/v2/compute-pools`, h())).status).toBe(400);
  });

  it('updates display_name and max_cfu; cloud, region and environment are create-only (400)', async () => {
    const p = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'grow' }) }, h(IMMEDIATE))).body;
    const u = await t.patch(`/fcpm/v2/compute-pools/${p.id}`, { spec: { max_cfu: 10, display_name: 'grown', environment: { id: o.env } } }, h());
    expect(u.status).toBe(200);
    expect(u.body.spec).toMatchObject({ max_cfu: 10, display_name: 'grown', cloud: 'AWS' });
    const q = await t.patch(`/fcpm/v2/compute-pools/${p.id}?environment=${o.env}`, { spec: { max_cfu: 20 } }, h());
    expect(q.body.spec.max_cfu).toBe(20);
    const region = await t.patch(`/fcpm/v2/compute-pools/${p.id}`, { spec: { region: 'us-west-2', environment: { id: o.env } } }, h());
    expect(region.status).toBe(400);
    expect(errorsOf(region)[0].source).toEqual({ pointer: '/spec/region' });
    expect((await t.patch(`/fcpm/v2/compute-pools/${p.id}`, { spec: { cloud: 'GCP', environment: { id: o.env } } }, h())).status).toBe(400);
    expect((await t.patch(`/fcpm/v2/compute-pools/${p.id}`, { spec: { max_cfu: 15, environment: { id: o.env } } }, h())).status).toBeGreaterThanOrEqual(400);
    expect((await t.patch(`/fcpm/v2/compute-pools/${p.id}`, { spec: { max_cfu: 5 } }, h())).status).toBe(400);
  });

  it('deletes with 204 through DEPROVISIONING; then 404', async () => {
    const p = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'gone' }) }, h(IMMEDIATE))).body;
    const d = await t.delete(`/fcpm/v2/compute-pools/${p.id}?environment=${o.env}`, h());
    expect(d.status).toBe(204);
    expect((await t.get(`/fcpm/v2/compute-pools/${p.id}?environment=${o.env}`, h())).body.status.phase).toBe('DEPROVISIONING');
    await t.post('/_emulator/clock/advance', { seconds: 31 });
    expect((await t.get(`/fcpm/v2/compute-pools/${p.id}?environment=${o.env}`, h())).status).toBe(404);
  });
});

describe('sql/v1 statements', () => {
  let t: TestEmulator;
  let o: Org;
  let pool: string;
  let lkc: string;
  let flink: string;
  let base: string;
  const h = (extra: Record<string, string> = {}) => ({ authorization: flink, ...extra });
  const mgmt = () => ({ authorization: o.auth });
  const create = (name: string, statement: string, extra: Record<string, string> = IMMEDIATE, spec: Record<string, unknown> = {}) =>
    t.post(`${base}/statements`, { name, spec: { statement, compute_pool_id: pool, properties: { 'sql.current-catalog': o.env, 'sql.current-database': 'orders-cluster' }, ...spec } }, h(extra));
  const results = async (name: string, token?: string) => t.get(`${base}/statements/${name}/results${token ? `?page_token=${token}` : ''}`, h());
  const tokenOf = (next: string) => new URL(next).searchParams.get('page_token')!;
  const produce = (topic: string, partition: number, values: unknown[]) =>
    t.rt.kafka.append(lkc, topic, values.map((v, i) => ({ partition, timestamp: 0, key: Buffer.from(`k${i}`), value: typeof v === 'string' ? Buffer.from(v) : json(v) })));
  const keyFor = async (resource: string) => {
    const k = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: resource } } }, mgmt());
    return basic(k.body.id, k.body.spec.secret);
  };

  beforeAll(async () => {
    t = await TestEmulator.start();
    o = await t.newOrg();
    base = `/sql/v1/organizations/${o.org}/environments/${o.env}`;
    pool = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env) }, { ...mgmt(), ...IMMEDIATE })).body.id;
    lkc = (await t.post('/cmk/v2/clusters', { spec: { display_name: 'orders-cluster', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, { ...mgmt(), ...IMMEDIATE })).body.id;
    t.rt.kafka.createTopic(lkc, 'orders', 2, 3, {}, 0);
    t.rt.kafka.createTopic(lkc, 'notes', 1, 3, {}, 0);
    flink = await keyFor(o.env);
  });
  afterAll(() => t.close());

  it('takes a Flink key: Cloud and Kafka keys 401, another organization or environment 403, an unknown environment 404', async () => {
    expect((await t.get(`${base}/statements`, mgmt())).status).toBe(401);
    expect((await t.get(`${base}/statements`, { authorization: await keyFor(lkc) })).status).toBe(401);
    expect((await t.get(`${base}/statements`, { authorization: '' })).status).toBe(401);
    const other = await t.newOrg();
    expect((await t.get(`/sql/v1/organizations/${other.org}/environments/${other.env}/statements`, h())).status).toBe(403);
    const env2 = (await t.post('/org/v2/environments', { display_name: 'second' }, mgmt())).body.id;
    expect((await t.get(`/sql/v1/organizations/${o.org}/environments/${env2}/statements`, h())).status).toBe(403);
    // A key scoped to a compute pool works in the pool's environment; one scoped to a Flink region in every environment.
    expect((await t.get(`${base}/statements`, { authorization: await keyFor(pool) })).status).toBe(200);
    // A Flink API key as Terraform makes it: iam/v2 with spec.resource naming the region.
    const made = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: 'aws.us-east-2', environment: o.env } } }, mgmt());
    expect(made.status, made.raw).toBe(202);
    expect(made.body.spec.resource).toMatchObject({ id: 'aws.us-east-2', api_version: 'fcpm/v2', kind: 'Region', resource_name: `crn://confluent.cloud/organization=${o.org}/flink-region=aws.us-east-2` });
    expect((await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: 'aws.nowhere-1' } } }, mgmt())).status).toBe(422);
    const region = { authorization: basic(made.body.id, made.body.spec.secret) };
    expect((await t.get(`/sql/v1/organizations/${o.org}/environments/${env2}/statements`, region)).status).toBe(200);
    expect((await t.get(`/sql/v1/organizations/${o.org}/environments/env-nope00/statements`, region)).status).toBe(404);
    expect((await t.post(`/sql/v1/organizations/${o.org}/environments/env-nope00/statements`, { name: 'x', spec: { statement: 'SHOW CATALOGS', compute_pool_id: pool } }, region)).status).toBe(403);
  });

  it('creates 201 PENDING with Location, then COMPLETED on the clock; SHOW CATALOGS answers the environments', async () => {
    const c = await create('catalogs', 'SHOW CATALOGS;', {});
    expect(c.status).toBe(201);
    expect(c.headers.location).toBe(`http://emulator.test${base}/statements/catalogs`);
    expect(c.body).toMatchObject({ api_version: 'sql/v1', kind: 'Statement', name: 'catalogs', organization_id: o.org, environment_id: o.env });
    expect(c.body.spec).toMatchObject({ statement: 'SHOW CATALOGS;', statement_name: 'catalogs', compute_pool_id: pool, principal: o.user, stopped: false });
    expect(c.body.status.phase).toBe('PENDING');
    expect(c.body.metadata).toMatchObject({ self: c.headers.location, resource_version: '1' });
    expect(c.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    // What the API does not show is kept in the row's internal column, never in its stored body.
    const stored = t.emu.engine.repository('FlinkStatement').getIncludingDeleted(c.body.metadata.uid)!;
    expect(stored.body).not.toHaveProperty('_emulator');
    expect(stored.internal).toMatchObject({ version: 1, inject_failure: false, exceptions: [] });
    const pending = await results('catalogs');
    expect(pending.body.results.data).toEqual([]);
    expect(pending.body.metadata.next).toBeDefined();
    await t.post('/_emulator/clock/advance', { seconds: 4 });
    const done = await t.get(`${base}/statements/catalogs`, h());
    expect(done.body.status.phase).toBe('COMPLETED');
    expect(done.body.status.traits).toMatchObject({ sql_kind: 'SHOW_CATALOGS', is_bounded: true, is_append_only: true });
    expect(done.body.status.traits.schema.columns.map((c: any) => c.name)).toEqual(['catalog name', 'catalog id']);
    const r = await results('catalogs');
    expect(r.body).toMatchObject({ api_version: 'sql/v1', kind: 'StatementResult' });
    expect(r.body.results.data).toContainEqual({ op: 0, row: [expect.any(String), o.env] });
    expect(r.body.metadata.next).toBeUndefined();
  });

  it('SHOW DATABASES and SHOW TABLES read the clusters and topics; SELECT of literals evaluates them', async () => {
    await create('dbs', 'SHOW DATABASES');
    expect((await results('dbs')).body.results.data).toEqual([{ op: 0, row: ['orders-cluster', lkc] }]);
    await create('tables', 'show tables');
    expect((await results('tables')).body.results.data).toEqual([{ op: 0, row: ['notes'] }, { op: 0, row: ['orders'] }]);
    await create('tables-from', `SHOW TABLES FROM \`${o.env}\`.\`${lkc}\``, IMMEDIATE, { properties: {} });
    expect((await results('tables-from')).body.results.data).toHaveLength(2);
    const lit = await create('literals', "SELECT 1, 'it''s' AS s, TRUE, NULL, 2.50 AS d");
    expect(lit.body.status.phase).toBe('COMPLETED');
    expect(lit.body.status.traits.schema.columns).toEqual([
      { name: 'EXPR$0', type: { type: 'INTEGER', nullable: false } },
      { name: 's', type: { type: 'CHAR', nullable: false, length: 4 } },
      { name: 'EXPR$2', type: { type: 'BOOLEAN', nullable: false } },
      { name: 'EXPR$3', type: { type: 'NULL', nullable: true } },
      { name: 'd', type: { type: 'DECIMAL', nullable: false, precision: 3, scale: 2 } },
    ]);
    expect((await results('literals')).body.results.data).toEqual([{ op: 0, row: ['1', "it's", 'TRUE', null, '2.50'] }]);
  });

  it('FAILS every statement it cannot evaluate, saying so, with an exception', async () => {
    const c = await create('insert', "INSERT INTO orders VALUES ('a')");
    expect(c.body.status.phase).toBe('FAILED');
    expect(c.body.status.detail).toContain('The emulator does not execute this statement');
    const ex = await t.get(`${base}/statements/insert/exceptions`, h());
    expect(ex.status).toBe(200);
    expect(ex.body).toMatchObject({ api_version: 'sql/v1', kind: 'StatementExceptionList' });
    expect(ex.body.data).toHaveLength(1);
    expect(ex.body.data[0]).toMatchObject({ kind: 'StatementException', message: expect.stringContaining('does not execute') });
    const r = await results('insert');
    expect(r.body.results.data).toEqual([]);
    expect(r.body.metadata.next).toBeUndefined();
    expect((await create('join', 'SELECT a FROM orders JOIN notes ON true')).body.status.phase).toBe('FAILED');
    const missing = await create('missing', 'SELECT * FROM nope');
    expect(missing.body.status).toMatchObject({ phase: 'FAILED', detail: expect.stringContaining("Table 'nope' not found") });
    const nodb = await create('nodb', 'SHOW TABLES', IMMEDIATE, { properties: {} });
    expect(nodb.body.status.detail).toContain('sql.current-database');
  });

  it('SELECT * FROM a topic with LIMIT runs until enough records exist, then COMPLETES with those rows', async () => {
    produce('orders', 0, [{ id: 1, item: 'apple', paid: true }]);
    produce('orders', 1, [{ id: 2, item: 'pear', price: 1.5 }]);
    const c = await create('limited', 'SELECT * FROM orders LIMIT 3');
    expect(c.body.status.phase).toBe('RUNNING');
    expect(c.body.status.traits).toMatchObject({ sql_kind: 'SELECT', is_bounded: true });
    expect(c.body.status.traits.schema.columns).toEqual([
      { name: 'key', type: { type: 'VARCHAR', nullable: true, length: 2147483647 } },
      { name: 'id', type: { type: 'BIGINT', nullable: true } },
      { name: 'item', type: { type: 'VARCHAR', nullable: true, length: 2147483647 } },
      { name: 'paid', type: { type: 'BOOLEAN', nullable: true } },
      { name: 'price', type: { type: 'DOUBLE', nullable: true } },
    ]);
    const first = await results('limited');
    expect(first.body.results.data).toEqual([{ op: 0, row: ['k0', '1', 'apple', 'true', null] }, { op: 0, row: ['k0', '2', 'pear', null, '1.5'] }]);
    expect(first.body.metadata.next).toBeDefined();
    produce('orders', 0, [{ id: 3, item: 'fig' }, { id: 4, item: 'kiwi' }]);
    expect((await t.get(`${base}/statements/limited`, h())).body.status.phase).toBe('COMPLETED');
    const rest = await results('limited', tokenOf(first.body.metadata.next));
    expect(rest.body.results.data).toEqual([{ op: 0, row: ['k0', '3', 'fig', null, null] }]);
    expect(rest.body.metadata.next).toBeUndefined();
    expect((await results('limited', 'not-a-token')).status).toBe(400);
  });

  it('SELECT * FROM a topic without LIMIT keeps RUNNING and its results follow the topic; the pool counts it in current_cfu', async () => {
    produce('notes', 0, ['plain text', '{"not":"an object"']);
    const c = await create('follow', 'SELECT * FROM `notes`');
    expect(c.body.status).toMatchObject({ phase: 'RUNNING', traits: { is_bounded: false } });
    expect(c.body.status.traits.schema.columns.map((x: any) => x.name)).toEqual(['key', 'val']);
    const r1 = await results('follow');
    expect(r1.body.results.data).toEqual([{ op: 0, row: ['k0', 'plain text'] }, { op: 0, row: ['k1', '{"not":"an object"'] }]);
    const empty = await results('follow', tokenOf(r1.body.metadata.next));
    expect(empty.body.results.data).toEqual([]);
    expect(empty.body.metadata.next).toBeDefined();
    produce('notes', 0, ['later']);
    const r2 = await results('follow', tokenOf(empty.body.metadata.next));
    expect(r2.body.results.data).toEqual([{ op: 0, row: ['k0', 'later'] }]);
    const p = await t.get(`/fcpm/v2/compute-pools/${pool}?environment=${o.env}`, mgmt());
    expect(p.body.status.current_cfu).toBeGreaterThanOrEqual(1);
  });

  it('reads no transaction marker as a row: a COMMIT record takes its offset, and the columns come from the data', async () => {
    t.rt.kafka.createTopic(lkc, 'txn-orders', 1, 3, {}, 0);
    const txns = transactionsOf(t.rt);
    const producer = txns.initProducerId(lkc, 'flink-reader-test', 60_000);
    expect(producer.errorCode).toBe(0);
    produce('txn-orders', 0, [{ id: 1, item: 'plum' }]);
    expect(txns.addPartitions(lkc, 'flink-reader-test', producer.producerId, producer.producerEpoch, [{ topic: 'txn-orders', partition: 0 }])).toBe(0);
    expect(txns.endTxn(lkc, 'flink-reader-test', producer.producerId, producer.producerEpoch, true)).toBe(0);
    produce('txn-orders', 0, [{ id: 2, item: 'date' }]);
    expect(t.rt.kafka.endOffset(lkc, 'txn-orders', 0)).toBe(3);
    const c = await create('after-txn', 'SELECT * FROM `txn-orders`');
    expect(c.body.status.traits.schema.columns.map((x: any) => x.name)).toEqual(['key', 'id', 'item']);
    const r = await results('after-txn');
    expect(r.body.results.data).toEqual([{ op: 0, row: ['k0', '1', 'plum'] }, { op: 0, row: ['k0', '2', 'date'] }]);
  });

  it('results tokens fit page_token on topics of many partitions (kept with the statement past 255 characters)', async () => {
    t.rt.kafka.createTopic(lkc, 'wide', 130, 3, {}, 0);
    for (let p = 0; p < 130; p++) t.rt.kafka.append(lkc, 'wide', [{ partition: p, timestamp: 0, key: null, value: json({ p }) }]);
    await create('wide', 'SELECT * FROM wide');
    const r1 = await results('wide');
    expect(r1.body.results.data).toHaveLength(100);
    expect(tokenOf(r1.body.metadata.next)).toMatch(/^t\./);
    const r2 = await results('wide', tokenOf(r1.body.metadata.next));
    expect(r2.body.results.data).toHaveLength(30);
    expect(r2.body.results.data[0]).toEqual({ op: 0, row: [null, '100'] });
    const kept = tokenOf(r2.body.metadata.next);
    expect(kept).toMatch(/^c\./);
    t.rt.kafka.append(lkc, 'wide', [{ partition: 129, timestamp: 0, key: null, value: json({ p: 'again' }) }]);
    const r3 = await results('wide', kept);
    expect(r3.body.results.data).toEqual([{ op: 0, row: [null, 'again'] }]);
    expect((await results('wide', 'c.zz')).status).toBe(400);
  });

  it('decodes JSON after the Schema Registry prefix, shows other bytes as text or hex, and reads only its own region', async () => {
    t.rt.kafka.createTopic(lkc, 'mixed', 1, 3, {}, 0);
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, 7]), json({ a: 1 })]);
    t.rt.kafka.append(lkc, 'mixed', [
      { partition: 0, timestamp: 0, key: Buffer.from('"quoted"'), value: framed },
      { partition: 0, timestamp: 0, key: null, value: Buffer.from([0xff, 0xfe]) },
    ]);
    await create('mixed', 'SELECT * FROM mixed LIMIT 2');
    expect((await results('mixed')).body.results.data).toEqual([{ op: 0, row: ['quoted', '{"a":1}'] }, { op: 0, row: [null, "x'fffe'"] }]);
    const west = (await t.post('/cmk/v2/clusters', { spec: { display_name: 'west', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-west-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, { ...mgmt(), ...IMMEDIATE })).body.id;
    t.rt.kafka.createTopic(west, 'far', 1, 3, {}, 0);
    const far = await create('far', `SELECT * FROM \`${o.env}\`.west.far`);
    expect(far.body.status).toMatchObject({ phase: 'FAILED', detail: expect.stringContaining('its own region') });
    expect((await create('nocat', 'SHOW DATABASES FROM nowhere')).body.status.detail).toContain("Catalog 'nowhere' not found");
  });

  it('a statement created stopped waits STOPPED; deleting the environment deletes its statements', async () => {
    const env = (await t.post('/org/v2/environments', { display_name: 'short-lived' }, mgmt())).body.id;
    const p = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(env) }, { ...mgmt(), ...IMMEDIATE })).body.id;
    const key = await keyFor(p);
    const s = `/sql/v1/organizations/${o.org}/environments/${env}/statements`;
    const c = await t.post(s, { name: 'parked', spec: { statement: 'SHOW CATALOGS', compute_pool_id: p, stopped: true } }, { authorization: key, ...IMMEDIATE });
    expect(c.body.status.phase).toBe('STOPPED');
    expect((await t.get(`${s}/parked/results`, { authorization: key })).body.metadata.next).toBeDefined();
    expect((await t.delete(`/org/v2/environments/${env}`, mgmt())).status).toBe(204);
    const after = await t.get(`${s}/parked`, { authorization: flink });
    expect([403, 404]).toContain(after.status);
    expect(t.rt.resources.whereField(o.org, 'FlinkStatement', '/name', 'parked')).toEqual([]);
  });

  it('stops and resumes through PUT with the resource_version last read (409 when stale)', async () => {
    const c = (await create('stoppable', 'SELECT * FROM orders')).body;
    const put = (version: string, spec: Record<string, unknown>) => t.put(`${base}/statements/stoppable`, { name: 'stoppable', metadata: { resource_version: version }, spec }, h());
    expect((await put('999', { stopped: true })).status).toBe(409);
    const stop = await put(c.metadata.resource_version, { stopped: true });
    expect(stop.status).toBe(202);
    expect(stop.body).toBeUndefined();
    const stopped = (await t.get(`${base}/statements/stoppable`, h())).body;
    expect(stopped.status.phase).toBe('STOPPED');
    expect(stopped.spec.stopped).toBe(true);
    expect(stopped.metadata.resource_version).not.toBe(c.metadata.resource_version);
    expect((await put(stopped.metadata.resource_version, { stopped: false, statement: 'SELECT 1' })).status).toBe(400);
    expect((await t.put(`${base}/statements/stoppable`, { name: 'other', metadata: { resource_version: stopped.metadata.resource_version }, spec: { stopped: false } }, h())).status).toBe(400);
    expect((await put(stopped.metadata.resource_version, { stopped: false })).status).toBe(202);
    await t.post('/_emulator/clock/advance', { seconds: 4 });
    expect((await t.get(`${base}/statements/stoppable`, h())).body.status.phase).toBe('RUNNING');
    expect((await t.put(`${base}/statements/nope`, { name: 'nope', metadata: { resource_version: '1' }, spec: { stopped: true } }, h())).status).toBe(404);
  });

  it('X-Emulator-Outcome: failed goes FAILING, then FAILED with an exception', async () => {
    const c = await create('doomed', 'SHOW CATALOGS', { 'x-emulator-outcome': 'failed', 'x-emulator-lifecycle': 'reads=1' });
    expect(c.body.status.phase).toBe('PENDING');
    expect((await t.get(`${base}/statements/doomed`, h())).body.status.phase).toBe('FAILING');
    const failed = (await t.get(`${base}/statements/doomed`, h())).body;
    expect(failed.status.phase).toBe('FAILED');
    const ex = (await t.get(`${base}/statements/doomed/exceptions`, h())).body.data;
    expect(ex[0].message).toContain('X-Emulator-Outcome');
  });

  it('refuses a duplicate name (409), an unknown compute pool (422), a malformed name (400)', async () => {
    await create('dupe', 'SHOW CATALOGS');
    const again = await create('dupe', 'SHOW CATALOGS');
    expect(again.status).toBe(409);
    expect(again.headers.location).toBe(`http://emulator.test${base}/statements/dupe`);
    const noPool = await create('nopool', 'SHOW CATALOGS', IMMEDIATE, { compute_pool_id: 'lfcp-nope00' });
    expect(noPool.status).toBe(422);
    expect(errorsOf(noPool)[0].source).toEqual({ pointer: '/spec/compute_pool_id' });
    expect((await create('Bad_Name', 'SHOW CATALOGS')).status).toBe(400);
    expect((await create('ok-name', 'SHOW CATALOGS', IMMEDIATE, { principal: 'sa-nope00' })).status).toBe(422);
    expect((await t.post(`${base}/statements`, { name: 'x', spec: { statement: 'SHOW CATALOGS' } }, h())).status).toBeGreaterThanOrEqual(400);
  });

  it('waits PENDING while its compute pool is PROVISIONING', async () => {
    const slow = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'slow' }) }, mgmt())).body.id;
    const c = await create('waiting', 'SHOW CATALOGS', IMMEDIATE, { compute_pool_id: slow });
    expect(c.body.status.phase).toBe('PENDING');
    await t.post('/_emulator/clock/advance', { seconds: 31 });
    expect((await t.get(`${base}/statements/waiting`, h())).body.status.phase).toBe('COMPLETED');
  });

  it('lists by environment, filtered by spec.compute_pool_id, in pages', async () => {
    const other = (await t.post('/fcpm/v2/compute-pools', { spec: poolSpec(o.env, { display_name: 'other' }) }, { ...mgmt(), ...IMMEDIATE })).body.id;
    await create('elsewhere', 'SHOW CATALOGS', IMMEDIATE, { compute_pool_id: other });
    const filtered = await t.get(`${base}/statements?spec.compute_pool_id=${other}`, h());
    expect(filtered.status).toBe(200);
    expect(filtered.body.kind).toBe('StatementList');
    expect(filtered.body.data.map((s: any) => s.name)).toEqual(['elsewhere']);
    const p1 = await t.get(`${base}/statements?page_size=2`, h());
    expect(p1.body.data).toHaveLength(2);
    const p2 = await t.get(p1.body.metadata.next.replace('http://emulator.test', ''), h());
    expect(p2.body.data[0].name).not.toBe(p1.body.data[1].name);
    // Deleting the pool deletes its statements.
    await t.delete(`/fcpm/v2/compute-pools/${other}?environment=${o.env}`, mgmt());
    expect((await t.get(`${base}/statements/elsewhere`, h())).status).toBe(404);
  });

  it('deletes with 202 through DELETING; then 404 and the name is free again', async () => {
    await create('temp', 'SHOW CATALOGS');
    const d = await t.delete(`${base}/statements/temp`, h());
    expect(d.status).toBe(202);
    expect((await t.get(`${base}/statements/temp`, h())).body.status.phase).toBe('DELETING');
    await t.post('/_emulator/clock/advance', { seconds: 4 });
    expect((await t.get(`${base}/statements/temp`, h())).status).toBe(404);
    expect((await t.get(`${base}/statements/temp/results`, h())).status).toBe(404);
    expect((await t.get(`${base}/statements/temp/exceptions`, h())).status).toBe(404);
    expect((await t.delete(`${base}/statements/temp`, h())).status).toBe(404);
    expect((await create('temp', 'SHOW CATALOGS')).status).toBe(201);
  });
});
