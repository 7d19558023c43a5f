import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';
import { CRN, detailOf, grant, serviceAccount } from './support.js';

describe('authorization of the operations served by code: Flink statements and Connect', () => {
  let t: TestEmulator;
  let o: Awaited<ReturnType<TestEmulator['newOrg']>>;
  let env2: string;
  let pool: string;
  let cluster: { id: string; crn: string };
  const as = (auth: string) => ({ authorization: auth });
  const envCrn = (env: string) => `${CRN}/organization=${o.org}/environment=${env}`;

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    o = await t.newOrg();
    env2 = (await t.post('/org/v2/environments', { display_name: 'second' }, as(o.auth))).body.id;
    const p = await t.post('/fcpm/v2/compute-pools', { spec: { display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: o.env } } }, as(o.auth));
    expect(p.status, p.raw).toBe(202);
    pool = p.body.id;
    const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-west-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, as(o.auth));
    cluster = { id: c.body.id, crn: c.body.metadata.resource_name };
  });
  afterAll(() => t.close());

  it('FlinkDeveloper of one environment runs statements there and not in another', async () => {
    const sa = await serviceAccount(t, o.auth, 'flink-dev');
    const k = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa.id }, resource: { id: 'aws.us-east-2', environment: o.env } } }, as(o.auth));
    expect(k.status, k.raw).toBe(202);
    const flink = as(basic(k.body.id, k.body.spec.secret));
    const statements = (env: string) => `/sql/v1/organizations/${o.org}/environments/${env}/statements`;
    const body = { name: 'cats', spec: { statement: 'SHOW CATALOGS;', compute_pool_id: pool } };
    const refused = await t.post(statements(o.env), body, flink);
    expect(refused.status).toBe(403);
    expect(detailOf(refused)).toContain(`${envCrn(o.env)}/statement=*`);
    await grant(t, o.auth, sa.principal, 'FlinkDeveloper', envCrn(o.env));
    expect((await t.post(statements(o.env), body, flink)).status).toBe(201);
    expect((await t.get(`${statements(o.env)}/cats`, flink)).status).toBe(200);
    expect((await t.get(statements(env2), flink)).status).toBe(403);
    // Pools are FlinkAdmin's to make.
    expect((await t.post('/fcpm/v2/compute-pools', { spec: { display_name: 'p2', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: o.env } } }, as(sa.auth))).status).toBe(403);
    expect((await t.get(`/fcpm/v2/compute-pools?environment=${o.env}`, as(sa.auth))).body.data.map((x: any) => x.id)).toEqual([pool]);
  });

  it('connectors: refused without a role; CloudClusterAdmin of the cluster lists and pauses them; Operator sees but cannot create', async () => {
    const sa = await serviceAccount(t, o.auth, 'connect-admin');
    const base = `/connect/v1/environments/${o.env}/clusters/${cluster.id}/connectors`;
    const refused = await t.get(base, as(sa.auth));
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain(cluster.crn);
    await grant(t, o.auth, sa.principal, 'Operator', cluster.crn);
    expect((await t.get(base, as(sa.auth))).status).toBe(200);
    expect((await t.post(base, { name: 'gen', config: { 'connector.class': 'DatagenSource' } }, as(sa.auth))).status).toBe(403);
    await grant(t, o.auth, sa.principal, 'CloudClusterAdmin', cluster.crn);
    const bad = await t.post(base, { name: 'gen', config: { 'connector.class': 'DatagenSource' } }, as(sa.auth));
    expect(bad.status).not.toBe(403); // allowed: the handler judges the configuration
  });
});
