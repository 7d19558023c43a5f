import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, TestEmulator } from '../helpers.js';
import { schemaRegistry } from '../support/clusters.js';
import { grant, revoke, serviceAccount } from './support.js';

const ORDER = JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.example', fields: [{ name: 'id', type: 'string' }] });

describe('authorization of Stream Catalog entities on their own resources', () => {
  let t: TestEmulator;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  let kafkaId: string;
  let registryCrn: string;
  let clusterCrn: string;
  let names: { topic: string; other: string; subject: string; schema: string; record: string };
  const envCrn = () => `crn://confluent.cloud/organization=${sr.org.org}/environment=${sr.org.env}`;
  const topicCrn = (name: string) => `${clusterCrn}/kafka=${kafkaId}/topic=${name}`;

  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    sr = await schemaRegistry(t);
    const org = { authorization: sr.org.auth };
    registryCrn = (await t.get(`/srcm/v2/clusters/${sr.id}?environment=${sr.org.env}`, org)).body.metadata.resource_name;
    const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: sr.org.env } } }, { ...org, 'x-emulator-lifecycle': 'immediate' });
    expect(c.status, c.raw).toBe(202);
    kafkaId = c.body.id;
    clusterCrn = c.body.metadata.resource_name;
    const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sr.org.user }, resource: { id: kafkaId } } }, org);
    const kafka = { authorization: basic(key.body.id, key.body.spec.secret) };
    for (const topic of ['orders', 'payments']) expect((await t.post(`/kafka/v3/clusters/${kafkaId}/topics`, { topic_name: topic, partitions_count: 1 }, kafka)).status).toBe(201);
    const reg = await t.post('/subjects/orders-value/versions', { schema: ORDER }, sr.auth);
    expect(reg.status, reg.raw).toBe(200);
    names = {
      topic: `${sr.id}:${kafkaId}:orders`,
      other: `${sr.id}:${kafkaId}:payments`,
      subject: `${sr.id}:.:orders-value:1`,
      schema: `${sr.id}:.:${reg.body.id}`,
      record: `${sr.id}:.:${reg.body.id}:com.example.Order`,
    };
    const cat = { authorization: sr.auth.authorization };
    const defs = await t.post('/catalog/v1/types/tagdefs', [{ name: 'PII' }], cat);
    expect(defs.status, defs.raw).toBe(200);
    const bm = await t.post('/catalog/v1/types/businessmetadatadefs', [{ name: 'Team', attributeDefs: [{ name: 'owner', typeName: 'string' }] }], cat);
    expect(bm.status, bm.raw).toBe(200);
  });
  afterAll(() => t.close());

  const keyOf = async (name: string) => {
    const sa = await serviceAccount(t, sr.org.auth, name, sr.id);
    return { sa, h: { authorization: sa.resourceAuth! } };
  };
  const entity = (type: string, name: string, h: Record<string, string>) => t.get(`/catalog/v1/entity/type/${type}/name/${encodeURIComponent(name)}`, h);
  const tag = (type: string, name: string, h: Record<string, string>) => t.post('/catalog/v1/entity/tags', [{ entityType: type, entityName: name, typeName: 'PII' }], h);

  it('a topic entity needs DESCRIBE on that topic to be read and ALTER on it to be tagged; the 403 names the topic and the roles', async () => {
    const { sa, h } = await keyOf('cat-topic-reader');
    const refused = await entity('kafka_topic', names.topic, h);
    expect(refused.status).toBe(403);
    expect(refused.body.error_code).toBe(40301);
    expect(refused.body.message).toContain(sa.principal);
    expect(refused.body.message).toContain(topicCrn('orders'));
    expect(refused.body.message).toContain('DataDiscovery');

    const read = await grant(t, sr.org.auth, sa.principal, 'DeveloperRead', topicCrn('orders'));
    expect((await entity('kafka_topic', names.topic, h)).status).toBe(200);
    expect((await t.get(`/catalog/v1/entity/type/kafka_topic/name/${encodeURIComponent(names.topic)}/tags`, h)).status).toBe(200);
    expect((await entity('kafka_topic', names.other, h)).status).toBe(403);
    // Reading is not tagging.
    const tagging = await tag('kafka_topic', names.topic, h);
    expect(tagging.status).toBe(403);
    expect(tagging.body.message).toContain('ResourceOwner');

    const owner = await grant(t, sr.org.auth, sa.principal, 'ResourceOwner', topicCrn('orders'));
    const tagged = await tag('kafka_topic', names.topic, h);
    expect(tagged.status, tagged.raw).toBe(200);
    // A bulk request is refused as a whole when one of its entities is not the principal's.
    const bulk = await t.post('/catalog/v1/entity/tags', [{ entityType: 'kafka_topic', entityName: names.topic, typeName: 'PII' }, { entityType: 'kafka_topic', entityName: names.other, typeName: 'PII' }], h);
    expect(bulk.status).toBe(403);
    expect(bulk.body.message).toContain(topicCrn('payments'));
    const attrs = await t.put('/catalog/v1/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.topic, description: 'orders' } } }, h);
    expect(attrs.status, attrs.raw).toBe(200);
    expect((await t.put('/catalog/v1/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.other, description: 'x' } } }, h)).status).toBe(403);
    const untag = await t.delete(`/catalog/v1/entity/type/kafka_topic/name/${encodeURIComponent(names.topic)}/tags/PII`, h);
    expect(untag.status, untag.raw).toBe(204);

    await revoke(t, sr.org.auth, owner);
    await revoke(t, sr.org.auth, read);
    expect((await entity('kafka_topic', names.topic, h)).status).toBe(403);
    // Tag definitions stay the catalog's: a topic's owner does not define tags.
    expect((await t.post('/catalog/v1/types/tagdefs', [{ name: 'Mine' }], h)).status).toBe(403);
  });

  it('schema entities are checked on their subject: a subject version on its subject, a schema and its records on a subject that uses it', async () => {
    const { h, sa } = await keyOf('cat-subject');
    expect((await entity('sr_subject_version', names.subject, h)).status).toBe(403);
    expect((await entity('sr_record', names.record, h)).status).toBe(403);
    await grant(t, sr.org.auth, sa.principal, 'DeveloperRead', `${registryCrn}/subject=orders-value`);
    expect((await entity('sr_subject_version', names.subject, h)).status).toBe(200);
    expect((await entity('sr_schema', names.schema, h)).status).toBe(200);
    expect((await entity('sr_record', names.record, h)).status).toBe(200);
    const bm = await t.post('/catalog/v1/entity/businessmetadata', [{ entityType: 'sr_subject_version', entityName: names.subject, typeName: 'Team', attributes: { owner: 'me' } }], h);
    expect(bm.status).toBe(403);
    expect(bm.body.message).toContain(`${registryCrn}/subject=orders-value`);
    await grant(t, sr.org.auth, sa.principal, 'ResourceOwner', `${registryCrn}/subject=orders-value`);
    const ok = await t.post('/catalog/v1/entity/businessmetadata', [{ entityType: 'sr_subject_version', entityName: names.subject, typeName: 'Team', attributes: { owner: 'me' } }], h);
    expect(ok.status, ok.raw).toBe(200);
    // Still nothing on the topics.
    expect((await entity('kafka_topic', names.topic, h)).status).toBe(403);
  });

  it('a search shows only the entities the caller may read, unless a catalog-wide role shows them all', async () => {
    const search = async (h: Record<string, string>) => {
      const r = await t.get('/catalog/v1/search/basic?types=kafka_topic&types=sr_subject_version&limit=100', h);
      expect(r.status, r.raw).toBe(200);
      return (r.body.entities as Array<{ attributes: { qualifiedName: string } }>).map((e) => e.attributes.qualifiedName).sort();
    };
    const { h, sa } = await keyOf('cat-searcher');
    expect(await search(h)).toEqual([]);
    const binding = await grant(t, sr.org.auth, sa.principal, 'DeveloperRead', topicCrn('orders'));
    expect(await search(h)).toEqual([names.topic]);
    await grant(t, sr.org.auth, sa.principal, 'DeveloperRead', `${registryCrn}/subject=orders-value`);
    expect(await search(h)).toEqual([names.subject, names.topic].sort());
    await revoke(t, sr.org.auth, binding);
    expect(await search(h)).toEqual([names.subject]);

    const discovery = await keyOf('cat-search-discovery');
    await grant(t, sr.org.auth, discovery.sa.principal, 'DataDiscovery', envCrn());
    expect(await search(discovery.h)).toEqual([names.subject, names.topic, names.other].sort());
  });

  it('DataDiscovery on the environment reads every entity but tags none; DataSteward tags any', async () => {
    const discovery = await keyOf('cat-discovery');
    await grant(t, sr.org.auth, discovery.sa.principal, 'DataDiscovery', envCrn());
    expect((await entity('kafka_topic', names.other, discovery.h)).status).toBe(200);
    expect((await entity('sr_subject_version', names.subject, discovery.h)).status).toBe(200);
    expect((await tag('kafka_topic', names.other, discovery.h)).status).toBe(403);

    const steward = await keyOf('cat-steward');
    await grant(t, sr.org.auth, steward.sa.principal, 'DataSteward', envCrn());
    const tagged = await tag('kafka_topic', names.other, steward.h);
    expect(tagged.status, tagged.raw).toBe(200);
    expect(tagged.body[0].error).toBeUndefined();
  });
});
