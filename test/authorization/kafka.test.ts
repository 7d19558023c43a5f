import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';
import { grant, revoke, serviceAccount } from './support.js';

const V2 = 'application/vnd.kafka.v2+json';
const JSON_V2 = 'application/vnd.kafka.json.v2+json';

describe('authorization of Kafka REST v3 and REST Proxy v2', () => {
  let t: TestEmulator;
  let c: Awaited<ReturnType<typeof kafkaCluster>>;
  let clusterCrn: string;
  const v3 = (path: string) => `/kafka/v3/clusters/${c.id}${path}`;
  const acl = (body: Record<string, string>) => t.post(v3('/acls'), { resource_type: 'TOPIC', pattern_type: 'LITERAL', host: '*', permission: 'ALLOW', ...body }, c.auth);
  const dropAcls = (principal: string) => t.delete(v3(`/acls?resource_type=ANY&principal=${encodeURIComponent(principal)}`), c.auth);
  const record = { value: { type: 'JSON', data: { n: 1 } } };

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    c = await kafkaCluster(t);
    for (const name of ['orders', 'payments']) expect((await t.post(v3('/topics'), { topic_name: name, partitions_count: 1 }, c.auth)).status).toBe(201);
    clusterCrn = (await t.get(`/cmk/v2/clusters/${c.id}?environment=${c.org.env}`, { authorization: c.orgAuth })).body.metadata.resource_name;
  });
  afterAll(() => t.close());

  it('a key with no binding and no ACL is refused with 403 40301 naming the principal and the CRN, and lists nothing', async () => {
    const sa = await serviceAccount(t, c.orgAuth, 'no-acl', c.id);
    const h = { authorization: sa.resourceAuth! };
    const produce = await t.post(v3('/topics/orders/records'), record, h);
    expect(produce.status).toBe(403);
    expect(produce.body.error_code).toBe(40301);
    expect(produce.body.message).toContain(sa.principal);
    expect(produce.body.message).toContain(`${clusterCrn}/kafka=${c.id}/topic=orders`);
    expect((await t.get(v3('/topics'), h)).body.data).toEqual([]);
    expect((await t.post(v3('/topics'), { topic_name: 'mine' }, h)).status).toBe(403);
    expect((await t.delete(v3('/topics/orders'), h)).status).toBe(403);
    // Nor can it grant itself ALL.
    const self = await t.post(v3('/acls'), { resource_type: 'CLUSTER', resource_name: 'kafka-cluster', pattern_type: 'LITERAL', principal: sa.principal, host: '*', operation: 'ALL', permission: 'ALLOW' }, h);
    expect(self.status).toBe(403);
    expect(self.body.error_code).toBe(40301);
    // REST Proxy v2 too.
    expect((await t.get('/topics', h)).body).toEqual([]);
    const v2 = await t.post('/topics/orders', { records: [{ value: { n: 1 } }] }, { ...h, 'content-type': JSON_V2 });
    expect(v2.status).toBe(403);
    expect(v2.body.error_code).toBe(40301);
  });

  it('ACL ALLOW then DENY on Kafka REST v3: WRITE allows producing (and describing), a DENY takes it back', async () => {
    const sa = await serviceAccount(t, c.orgAuth, 'v3-writer', c.id);
    const h = { authorization: sa.resourceAuth! };
    expect((await acl({ resource_name: 'orders', principal: sa.principal, operation: 'WRITE' })).status).toBe(201);
    const ok = await t.post(v3('/topics/orders/records'), record, h);
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.body.error_code).toBe(200);
    expect((await t.get(v3('/topics'), h)).body.data.map((x: any) => x.topic_name)).toEqual(['orders']);
    expect((await t.get(v3('/topics/orders'), h)).status).toBe(200);
    expect((await t.post(v3('/topics/payments/records'), record, h)).status).toBe(403);
    expect((await t.delete(v3('/topics/orders'), h)).status).toBe(403);

    expect((await acl({ resource_name: 'ord', pattern_type: 'PREFIXED', principal: sa.principal, operation: 'WRITE', permission: 'DENY' })).status).toBe(201);
    const denied = await t.post(v3('/topics/orders/records'), record, h);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/DENY ACL/);
    // A stream of records is refused record by record, in the 200's reports.
    const streamed = await t.request('POST', v3('/topics/orders/records'), `${JSON.stringify(record)}\n${JSON.stringify(record)}`, h);
    expect(streamed.status).toBe(200);
    const reports = streamed.raw.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.map((r) => r.error_code)).toEqual([40301, 40301]);
    await dropAcls(sa.principal);
  });

  it('ACL ALLOW then DENY on REST Proxy v2: produce, then consume through a consumer group', async () => {
    const sa = await serviceAccount(t, c.orgAuth, 'v2-client', c.id);
    const h = (type = V2) => ({ authorization: sa.resourceAuth!, 'content-type': type });
    await acl({ resource_name: 'payments', principal: sa.principal, operation: 'WRITE' });
    const produced = await t.post('/topics/payments', { records: [{ value: { n: 1 } }] }, h(JSON_V2));
    expect(produced.status, produced.raw).toBe(200);
    expect((await t.get('/topics', { authorization: sa.resourceAuth! })).body).toEqual(['payments']);

    const created = await t.post('/consumers/billing', { name: 'c1', format: 'json', 'auto.offset.reset': 'earliest' }, h());
    expect(created.status).toBe(403);
    expect(created.body.message).toContain('GROUP:billing');
    await acl({ resource_type: 'GROUP', resource_name: 'billing', principal: sa.principal, operation: 'READ' });
    const base = new URL((await t.post('/consumers/billing', { name: 'c1', format: 'json', 'auto.offset.reset': 'earliest' }, h())).body.base_uri).pathname;
    const noRead = await t.post(`${base}/subscription`, { topics: ['payments'] }, h());
    expect(noRead.status).toBe(403);
    expect(noRead.body.error_code).toBe(40301);
    await acl({ resource_name: 'payments', principal: sa.principal, operation: 'READ' });
    expect((await t.post(`${base}/subscription`, { topics: ['payments'] }, h())).status).toBe(204);
    const fetched = await t.get(`${base}/records?timeout=0`, { authorization: sa.resourceAuth!, accept: JSON_V2 });
    expect(fetched.status, fetched.raw).toBe(200);
    expect(fetched.body.map((r: any) => r.value)).toEqual([{ n: 1 }]);

    await acl({ resource_name: 'payments', principal: sa.principal, operation: 'READ', permission: 'DENY' });
    const after = await t.get(`${base}/records?timeout=0`, { authorization: sa.resourceAuth!, accept: JSON_V2 });
    expect(after.status).toBe(403);
    expect(after.body.error_code).toBe(40301);
    expect((await t.post('/topics/payments', { records: [{ value: { n: 2 } }] }, h(JSON_V2))).status).toBe(200); // WRITE is not denied
    await dropAcls(sa.principal);
  });

  it('role bindings: DeveloperWrite on a topic prefix produces there only; CloudClusterAdmin administers; deleting the binding stops it at once', async () => {
    const sa = await serviceAccount(t, c.orgAuth, 'rbac', c.id);
    const h = { authorization: sa.resourceAuth! };
    const rb = await grant(t, c.orgAuth, sa.principal, 'DeveloperWrite', `${clusterCrn}/kafka=${c.id}/topic=ord*`);
    expect((await t.post(v3('/topics/orders/records'), record, h)).status).toBe(200);
    expect((await t.post(v3('/topics/payments/records'), record, h)).status).toBe(403);
    expect((await t.post(v3('/topics'), { topic_name: 'ord-new' }, h)).status).toBe(403);
    await revoke(t, c.orgAuth, rb);
    expect((await t.post(v3('/topics/orders/records'), record, h)).status).toBe(403);

    const admin = await grant(t, c.orgAuth, sa.principal, 'CloudClusterAdmin', clusterCrn);
    expect((await t.post(v3('/topics'), { topic_name: 'by-admin' }, h)).status).toBe(201);
    expect((await t.get(v3('/topics'), h)).body.data.length).toBe(3);
    expect((await t.post(v3('/acls'), { resource_type: 'TOPIC', resource_name: 'by-admin', pattern_type: 'LITERAL', principal: 'User:sa-x', host: '*', operation: 'READ', permission: 'ALLOW' }, h)).status).toBe(201);
    // A DENY ACL still wins over the role.
    await acl({ resource_name: 'by-admin', principal: sa.principal, operation: 'WRITE', permission: 'DENY' });
    expect((await t.post(v3('/topics/by-admin/records'), record, h)).status).toBe(403);
    await revoke(t, c.orgAuth, admin);
    expect((await t.delete(v3('/topics/by-admin'), h)).status).toBe(403);
  });

  it('the decision endpoint decides a topic with the cluster’s ACLs', async () => {
    const sa = await serviceAccount(t, c.orgAuth, 'asked-kafka', c.id);
    await acl({ resource_name: 'orders', principal: sa.principal, operation: 'READ' });
    const crn = `${clusterCrn}/kafka=${c.id}/topic=orders`;
    const r = await t.get(`/_emulator/authorization?principal=${sa.principal}&action=DESCRIBE&crn=${encodeURIComponent(crn)}`);
    expect(r.status, r.raw).toBe(200);
    expect(r.body).toMatchObject({ allowed: true, acls: [{ operation: 'READ', permission: 'ALLOW', resource_name: 'orders' }] });
    await dropAcls(sa.principal);
  });
});

describe('Kafka with --authorization off', () => {
  it('any key of the cluster produces and administers, ACLs or not', async () => {
    const t = await TestEmulator.start({ authorization: 'off', lifecycle: { mode: 'immediate', reads: 1 } });
    try {
      const c = await kafkaCluster(t);
      const sa = await serviceAccount(t, c.orgAuth, 'free', c.id);
      const h = { authorization: sa.resourceAuth! };
      expect((await t.post(`/kafka/v3/clusters/${c.id}/topics`, { topic_name: 'x' }, h)).status).toBe(201);
      expect((await t.post(`/kafka/v3/clusters/${c.id}/topics/x/records`, { value: { type: 'JSON', data: 1 } }, h)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
