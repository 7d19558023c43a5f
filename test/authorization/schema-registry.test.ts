import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { schemaRegistry } from '../support/clusters.js';
import { grant, revoke, serviceAccount } from './support.js';

const SR_JSON = 'application/vnd.schemaregistry.v1+json';
const schema = (name: string) => JSON.stringify({ type: 'record', name, fields: [{ name: 'id', type: 'string' }] });

describe('authorization of Schema Registry and the Catalog', () => {
  let t: TestEmulator;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  let registryCrn: string;
  let schemaId: number;
  const subjectCrn = (name: string) => `${registryCrn}/subject=${name}`;

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    sr = await schemaRegistry(t);
    registryCrn = (await t.get(`/srcm/v2/clusters/${sr.id}?environment=${sr.org.env}`, { authorization: sr.org.auth })).body.metadata.resource_name;
    const r = await t.post('/subjects/orders-value/versions', { schema: schema('Order') }, sr.auth);
    expect(r.status, r.raw).toBe(200);
    schemaId = r.body.id;
    expect((await t.post('/subjects/payments-value/versions', { schema: schema('Payment') }, sr.auth)).status).toBe(200);
  });
  afterAll(() => t.close());

  const keyOf = async (name: string) => {
    const sa = await serviceAccount(t, sr.org.auth, name, sr.id);
    return { sa, h: { authorization: sa.resourceAuth!, 'content-type': SR_JSON } };
  };

  it('a key with no role registers and reads nothing: 403 40301 naming the principal and the subject', async () => {
    const { sa, h } = await keyOf('sr-nobody');
    const r = await t.post('/subjects/orders-value/versions', { schema: schema('Order') }, h);
    expect(r.status).toBe(403);
    expect(r.body.error_code).toBe(40301);
    expect(r.body.message).toContain(sa.principal);
    expect(r.body.message).toContain(subjectCrn('orders-value'));
    expect(r.body.message).toContain('DeveloperWrite');
    expect((await t.get('/subjects/orders-value/versions/latest', h)).status).toBe(403);
    expect((await t.get(`/schemas/ids/${schemaId}`, h)).status).toBe(403);
    expect((await t.get('/subjects', h)).body).toEqual([]);
    expect((await t.put('/config', { compatibility: 'NONE' }, h)).status).toBe(403);
  });

  it('DeveloperRead on a subject reads it (and its schema by id) but does not write; DeveloperWrite on a prefix registers under it only', async () => {
    const { sa, h } = await keyOf('sr-dev');
    const read = await grant(t, sr.org.auth, sa.principal, 'DeveloperRead', subjectCrn('orders-value'));
    expect((await t.get('/subjects/orders-value/versions/latest', h)).body).toMatchObject({ subject: 'orders-value', version: 1 });
    expect((await t.get(`/schemas/ids/${schemaId}`, h)).status).toBe(200);
    expect((await t.get('/subjects', h)).body).toEqual(['orders-value']);
    expect((await t.get('/subjects/payments-value/versions/latest', h)).status).toBe(403);
    expect((await t.post('/subjects/orders-value/versions', { schema: schema('Order') }, h)).status).toBe(403);
    expect((await t.delete('/subjects/orders-value', h)).status).toBe(403);

    const write = await grant(t, sr.org.auth, sa.principal, 'DeveloperWrite', subjectCrn('orders-*'));
    const v = await t.post('/subjects/orders-key/versions', { schema: '"string"' }, h);
    expect(v.status, v.raw).toBe(200);
    expect((await t.post('/subjects/payments-key/versions', { schema: '"string"' }, h)).status).toBe(403);
    // Changing compatibility is DeveloperManage's, not DeveloperWrite's.
    expect((await t.put('/config/orders-value', { compatibility: 'NONE' }, h)).status).toBe(403);

    await revoke(t, sr.org.auth, write);
    await revoke(t, sr.org.auth, read);
    expect((await t.get('/subjects/orders-value/versions/latest', h)).status).toBe(403);
    expect((await t.post('/subjects/orders-key/versions', { schema: '"string"' }, h)).status).toBe(403);
  });

  it('DeveloperManage configures and deletes subjects; ResourceOwner does everything on its subjects; DataSteward on the environment manages all', async () => {
    const { sa, h } = await keyOf('sr-manage');
    await grant(t, sr.org.auth, sa.principal, 'DeveloperManage', subjectCrn('payments-value'));
    expect((await t.put('/config/payments-value', { compatibility: 'FULL' }, h)).status).toBe(200);
    expect((await t.get('/config/payments-value', h)).status).toBe(200);
    expect((await t.post('/subjects/payments-value/versions', { schema: schema('Payment') }, h)).status).toBe(403);

    const owner = await keyOf('sr-owner');
    await grant(t, sr.org.auth, owner.sa.principal, 'ResourceOwner', subjectCrn('owned-*'));
    expect((await t.post('/subjects/owned-value/versions', { schema: '"int"' }, owner.h)).status).toBe(200);
    expect((await t.get('/subjects/owned-value/versions/1', owner.h)).status).toBe(200);
    expect((await t.delete('/subjects/owned-value', owner.h)).status).toBe(200);
    expect((await t.get('/subjects/orders-value/versions/1', owner.h)).status).toBe(403);

    const steward = await keyOf('sr-steward');
    await grant(t, sr.org.auth, steward.sa.principal, 'DataSteward', `crn://confluent.cloud/organization=${sr.org.org}/environment=${sr.org.env}`);
    expect((await t.get('/subjects', steward.h)).body).toEqual(expect.arrayContaining(['orders-value', 'payments-value']));
    expect((await t.post('/subjects/steward-value/versions', { schema: '"int"' }, steward.h)).status).toBe(200);
    expect((await t.put('/config', { compatibility: 'BACKWARD' }, steward.h)).status).toBe(200);
    // The catalog: a steward defines tags; a key without a role reads nothing.
    const catalog = { authorization: steward.sa.resourceAuth! };
    const defined = await t.post('/catalog/v1/types/tagdefs', [{ name: 'PII' }], catalog);
    expect(defined.status, defined.raw).toBe(200);
    const nobody = await keyOf('catalog-nobody');
    const tags = await t.get('/catalog/v1/types/tagdefs', { authorization: nobody.sa.resourceAuth! });
    expect(tags.status).toBe(403);
    expect(tags.body.error_code).toBe(40301);
  });

  it('OrganizationAdmin registers and reads any subject, and stops on the request after its binding is deleted', async () => {
    const { sa, h } = await keyOf('sr-org-admin');
    const admin = await grant(t, sr.org.auth, sa.principal, 'OrganizationAdmin', `crn://confluent.cloud/organization=${sr.org.org}`);
    expect((await t.post('/subjects/admin-value/versions', { schema: '"long"' }, h)).status).toBe(200);
    expect((await t.post('/subjects/admin-value', { schema: '"long"' }, h)).body).toMatchObject({ subject: 'admin-value', version: 1 });
    expect((await t.get('/subjects', h)).body).toEqual(expect.arrayContaining(['admin-value', 'orders-value', 'payments-value']));
    await revoke(t, sr.org.auth, admin);
    const refused = await t.post('/subjects/admin-value', { schema: '"long"' }, h);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(subjectCrn('admin-value'));
    expect((await t.get('/subjects', h)).body).toEqual([]);
  });
});
