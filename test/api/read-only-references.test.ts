import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';

/**
 * Object references require `related` and `resource_name` in responses (as Confluent's documents
 * do), while a request names the object by `id` alone: OpenAPI's readOnly rule. What a request
 * sends in a read-only field is ignored, as the real service ignores it: the answer carries the
 * server's own values.
 */
describe('object references: read-only fields required in responses, ignored in requests', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('a reference named by id alone is accepted and answered whole', async () => {
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'ro-by-id' })).body;
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa.id } } });
    expect(key.status, key.raw).toBe(202);
    expect(key.body.spec.owner).toMatchObject({ id: sa.id, related: `http://emulator.test/iam/v2/service-accounts/${sa.id}`, resource_name: sa.metadata.resource_name });
  });

  it("read-only values sent in a reference are ignored: the answer carries the server's", async () => {
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'ro-ignored' })).body;
    const key = await t.post('/iam/v2/api-keys', {
      spec: { owner: { id: sa.id, related: 'https://example.com/elsewhere', resource_name: 'crn://example.com/not-it', kind: 'User' } },
    });
    expect(key.status, key.raw).toBe(202);
    expect(key.body.spec.owner).toMatchObject({ related: `http://emulator.test/iam/v2/service-accounts/${sa.id}`, resource_name: sa.metadata.resource_name, kind: 'ServiceAccount' });
    expect((await t.get(`/iam/v2/api-keys/${key.body.id}`)).body.spec.owner.related).toBe(`http://emulator.test/iam/v2/service-accounts/${sa.id}`);
  });

  it('an API key answers each of spec.resources as a whole reference; an unknown one is refused where it stands', async () => {
    const cluster = await kafkaCluster(t);
    const as = { authorization: cluster.orgAuth };
    const owner = { id: cluster.org.user };
    const named = { id: cluster.id, environment: cluster.org.env };
    const key = await t.post('/iam/v2/api-keys', { spec: { owner, resource: named, resources: [named] } }, as);
    expect(key.status, key.raw).toBe(202);
    expect(key.body.spec.resources).toEqual([key.body.spec.resource]);
    expect(key.body.spec.resources[0]).toMatchObject({ id: cluster.id, related: expect.stringContaining(`/cmk/v2/clusters/${cluster.id}`), resource_name: expect.stringContaining(`cloud-cluster=${cluster.id}`) });
    const unknown = await t.post('/iam/v2/api-keys', { spec: { owner, resources: [named, { id: 'lkc-nope' }] } }, as);
    expect(unknown.status, unknown.raw).toBe(422);
    expect(errorsOf(unknown)[0].source).toEqual({ pointer: '/spec/resources/1/id' });
  });
});
