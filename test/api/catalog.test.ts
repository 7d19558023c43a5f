import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, TestEmulator } from '../helpers.js';
import { schemaRegistry } from '../support/clusters.js';

const ORDER = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'com.example',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: 'double', doc: 'in cents' },
    { name: 'customer', type: { type: 'record', name: 'Customer', fields: [{ name: 'email', type: 'string' }] } },
  ],
});

/** A Schema Registry cluster, a Kafka cluster in the same environment with a topic, and a registered schema. */
async function setUp(t: TestEmulator) {
  const sr = await schemaRegistry(t);
  const catalog = { authorization: sr.auth.authorization };
  const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'payments', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: sr.org.env } } }, { authorization: sr.org.auth, 'x-emulator-lifecycle': 'immediate' });
  expect(c.status, c.raw).toBe(202);
  const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: sr.org.user }, resource: { id: c.body.id } } }, { authorization: sr.org.auth });
  const kafka = { id: c.body.id as string, auth: { authorization: basic(key.body.id, key.body.spec.secret) } };
  const topic = await t.post(`/kafka/v3/clusters/${kafka.id}/topics`, { topic_name: 'orders', partitions_count: 3 }, kafka.auth);
  expect(topic.status, topic.raw).toBe(201);
  const reg = await t.post('/subjects/orders-value/versions', { schema: ORDER }, sr.auth);
  expect(reg.status, reg.raw).toBe(200);
  const id = reg.body.id as number;
  const lsrc = sr.id;
  const names = {
    topic: `${lsrc}:${kafka.id}:orders`,
    schema: `${lsrc}:.:${id}`,
    subject: `${lsrc}:.:orders-value:1`,
    record: `${lsrc}:.:${id}:com.example.Order`,
    field: `${lsrc}:.:${id}:com.example.Order.amount`,
    nestedField: `${lsrc}:.:${id}:com.example.Customer.email`,
  };
  return { sr, catalog, kafka, id, names };
}

describe('Stream Catalog v1', () => {
  let t: TestEmulator;
  let env: Awaited<ReturnType<typeof setUp>>;
  const get = (path: string) => t.get(`/catalog/v1${path}`, env.catalog);
  const post = (path: string, body: unknown) => t.post(`/catalog/v1${path}`, body, env.catalog);
  const put = (path: string, body: unknown) => t.put(`/catalog/v1${path}`, body, env.catalog);
  const del = (path: string) => t.delete(`/catalog/v1${path}`, env.catalog);
  const entity = (type: string, name: string) => get(`/entity/type/${type}/name/${encodeURIComponent(name)}`);

  beforeAll(async () => {
    t = await TestEmulator.start();
    env = await setUp(t);
  });
  afterAll(() => t.close());

  it('defines tags in bulk, answering each item or its error', async () => {
    const r = await post('/types/tagdefs', [
      { name: 'PII', description: 'personal', attributeDefs: [{ name: 'level', typeName: 'int' }] },
      { name: 'Public', unknownMember: 'ignored' },
      { name: 'PII' },
      { name: '9lives' },
      { description: 'no name' },
      { name: 'Topical', entityTypes: ['kafka_topic'] },
      { name: 'Odd', entityTypes: ['hive_table'] },
      { name: 'BadAttr', attributeDefs: [{ name: 'x', typeName: 'blob' }] },
    ]);
    expect(r.status, r.raw).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body).toHaveLength(8);
    expect(r.body[0]).toMatchObject({ name: 'PII', category: 'CLASSIFICATION', version: 1, entityTypes: ['cf_entity'], description: 'personal' });
    expect(r.body[0].attributeDefs[0]).toMatchObject({ name: 'level', typeName: 'int', isOptional: true });
    expect(r.body[0].guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.body[0].createTime).toBeGreaterThan(0);
    expect(r.body[0].error).toBeUndefined();
    expect(r.body[1].unknownMember).toBeUndefined();
    expect(r.body[2].error).toEqual({ error_code: 409, message: "Tag definition 'PII' already exists" });
    expect(r.body[3].error.error_code).toBe(400);
    expect(r.body[4].error.error_code).toBe(400);
    expect(r.body[5]).toMatchObject({ name: 'Topical', entityTypes: ['kafka_topic'] });
    expect(r.body[6].error).toMatchObject({ error_code: 400, message: expect.stringContaining('hive_table') });
    expect(r.body[7].error).toMatchObject({ error_code: 400, message: expect.stringContaining('blob') });

    expect((await get('/types/tagdefs')).body.map((d: any) => d.name)).toEqual(['PII', 'Public', 'Topical']);
    expect((await get('/types/tagdefs?prefix=P')).body.map((d: any) => d.name)).toEqual(['PII', 'Public']);
    const one = await get('/types/tagdefs/PII');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ name: 'PII', version: 1 });
    const missing = await get('/types/tagdefs/Nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error_code: 404, message: "Tag definition 'Nope' not found" });

    const upd = await put('/types/tagdefs', [{ name: 'PII', description: 'personal data', attributeDefs: [{ name: 'level', typeName: 'int' }, { name: 'note', typeName: 'string' }] }, { name: 'Nope' }]);
    expect(upd.status).toBe(200);
    expect(upd.body[0]).toMatchObject({ name: 'PII', description: 'personal data', version: 2 });
    expect(upd.body[0].attributeDefs.map((a: any) => a.name)).toEqual(['level', 'note']);
    expect(upd.body[0].createTime).toBe(one.body.createTime);
    expect(upd.body[1].error).toEqual({ error_code: 404, message: "Tag definition 'Nope' not found" });
    expect((await get('/types/tagdefs/PII')).body.version).toBe(2);
  });

  it('defines business metadata with typed attributes and the entity types it applies to', async () => {
    const r = await post('/types/businessmetadatadefs', [
      {
        name: 'Ownership',
        description: 'who owns it',
        attributeDefs: [
          { name: 'team', typeName: 'string', isOptional: false, options: { maxStrLength: '10' } },
          { name: 'tier', typeName: 'int' },
          { name: 'tags', typeName: 'array<string>' },
        ],
        options: { applicableEntityTypes: '["kafka_topic","sr_subject_version"]' },
      },
      { name: 'Ownership' },
      { name: 'BadOptions', options: { applicableEntityTypes: 'topics' } },
      { name: 'Twice', attributeDefs: [{ name: 'a', typeName: 'string' }, { name: 'a', typeName: 'int' }] },
    ]);
    expect(r.status).toBe(200);
    expect(r.body[0]).toMatchObject({ name: 'Ownership', category: 'BUSINESS_METADATA', version: 1 });
    expect(r.body[0].attributeDefs[0]).toMatchObject({ name: 'team', isOptional: false });
    expect(r.body[1].error).toEqual({ error_code: 409, message: "Business metadata definition 'Ownership' already exists" });
    expect(r.body[2].error.error_code).toBe(400);
    expect(r.body[3].error.error_code).toBe(400);
    expect((await get('/types/businessmetadatadefs')).body.map((d: any) => d.name)).toEqual(['Ownership']);
    expect((await get('/types/businessmetadatadefs?prefix=X')).body).toEqual([]);
    expect((await get('/types/businessmetadatadefs/Ownership')).body.description).toBe('who owns it');
    expect((await get('/types/businessmetadatadefs/Nope')).status).toBe(404);
    const upd = await put('/types/businessmetadatadefs', [{ name: 'Ownership', description: 'the owners' }, { name: 'Ghost' }]);
    expect(upd.body[0]).toMatchObject({ description: 'the owners', version: 2 });
    expect(upd.body[0].attributeDefs).toHaveLength(3);
    expect(upd.body[1].error.error_code).toBe(404);
  });

  it('derives entities from Schema Registry and Kafka, named as Confluent names them', async () => {
    const topic = await entity('kafka_topic', env.names.topic);
    expect(topic.status, topic.raw).toBe(200);
    expect(topic.body.referredEntities).toEqual({});
    expect(topic.body.entity).toMatchObject({ typeName: 'kafka_topic', status: 'ACTIVE', attributes: { qualifiedName: env.names.topic, name: 'orders', partitionsCount: 3, description: null }, classifications: [], businessAttributes: {} });
    expect(topic.body.entity.guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await entity('kafka_topic', env.names.topic)).body.entity.guid).toBe(topic.body.entity.guid);
    expect((await entity('sr_schema', env.names.schema)).body.entity).toMatchObject({ typeName: 'sr_schema', attributes: { name: String(env.id), id: env.id, schemaType: 'AVRO' } });
    expect((await entity('sr_subject_version', env.names.subject)).body.entity.attributes).toMatchObject({ name: 'orders-value', version: 1, schemaId: env.id });
    expect((await entity('sr_record', env.names.record)).body.entity.attributes).toMatchObject({ name: 'Order', namespace: 'com.example' });
    expect((await entity('sr_field', env.names.field)).body.entity.attributes).toMatchObject({ name: 'amount', type: 'double', doc: 'in cents' });
    expect((await entity('sr_field', env.names.nestedField)).status).toBe(200);
    expect((await entity('kafka_logical_cluster', env.kafka.id)).body.entity.attributes).toMatchObject({ name: 'payments' });
    expect((await entity('cf_environment', env.sr.org.env)).status).toBe(200);
    expect((await get(`/entity/type/kafka_topic/name/${env.names.topic}?ignoreRelationships=true`)).body.entity.relationshipAttributes).toBeUndefined();

    const unknown = await entity('kafka_topic', `${env.sr.id}:${env.kafka.id}:nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error_code: 404, message: `Entity of type 'kafka_topic' with qualified name '${env.sr.id}:${env.kafka.id}:nope' not found` });
    expect((await entity('hive_table', 'x')).status).toBe(404);
    expect((await get(`/entity/type/kafka_topic/name/${env.names.topic}/tags`)).body).toEqual([]);
    expect((await get(`/entity/type/kafka_topic/name/nope/tags`)).status).toBe(404);
    expect((await get(`/entity/type/kafka_topic/name/nope/businessmetadata`)).status).toBe(404);
  });

  it('attaches, updates, lists and removes tags', async () => {
    const { names } = env;
    const r = await post('/entity/tags', [
      { typeName: 'PII', entityType: 'sr_field', entityName: names.field, attributes: { level: 3 } },
      { typeName: 'Topical', entityType: 'sr_schema', entityName: names.schema },
      { typeName: 'Nope', entityType: 'kafka_topic', entityName: names.topic },
      { typeName: 'PII', entityType: 'kafka_topic', entityName: `${env.sr.id}:${env.kafka.id}:missing` },
      { typeName: 'PII', entityType: 'kafka_topic', entityName: names.topic, attributes: { level: 'high' } },
      { typeName: 'PII', entityType: 'kafka_topic', entityName: names.topic, attributes: { colour: 'red' } },
      { typeName: 'PII' },
      { typeName: 'Topical', entityType: 'kafka_topic', entityName: names.topic, propagate: true },
    ]);
    expect(r.status, r.raw).toBe(200);
    const field = (await entity('sr_field', names.field)).body.entity;
    expect(r.body[0]).toEqual({ typeName: 'PII', attributes: { level: 3 }, entityGuid: field.guid, entityStatus: 'ACTIVE', propagate: false, removePropagationsOnEntityDelete: false, entityType: 'sr_field', entityName: names.field });
    expect(r.body[1].error).toMatchObject({ error_code: 400, message: expect.stringContaining("cannot be applied to entity type 'sr_schema'") });
    expect(r.body[2].error).toEqual({ error_code: 404, message: "Tag definition 'Nope' not found" });
    expect(r.body[3].error.error_code).toBe(404);
    expect(r.body[4].error).toMatchObject({ error_code: 400, message: expect.stringContaining('type int') });
    expect(r.body[5].error).toMatchObject({ error_code: 400, message: expect.stringContaining("'colour' is not defined") });
    expect(r.body[6].error.error_code).toBe(400);
    expect(r.body[7]).toMatchObject({ typeName: 'Topical', propagate: true, entityType: 'kafka_topic' });

    const again = await post('/entity/tags', [{ typeName: 'PII', entityType: 'sr_field', entityName: names.field }]);
    expect(again.body[0].error).toMatchObject({ error_code: 409 });

    expect((await get(`/entity/type/sr_field/name/${names.field}/tags`)).body).toEqual([r.body[0]]);
    expect(field.classifications).toEqual([{ typeName: 'PII', attributes: { level: 3 }, entityGuid: field.guid, entityStatus: 'ACTIVE', propagate: false, removePropagationsOnEntityDelete: false }]);

    const upd = await put('/entity/tags', [
      { typeName: 'PII', entityType: 'sr_field', entityName: names.field, attributes: { note: 'card number' } },
      { typeName: 'PII', entityType: 'sr_record', entityName: names.record, attributes: { level: 1 } },
    ]);
    expect(upd.body[0].attributes).toEqual({ level: 3, note: 'card number' });
    expect(upd.body[1].error).toMatchObject({ error_code: 404, message: expect.stringContaining("does not have tag 'PII'") });
    expect((await get(`/entity/type/sr_field/name/${names.field}/tags`)).body[0].attributes).toEqual({ level: 3, note: 'card number' });

    // Tags on a record, removed again.
    expect((await post('/entity/tags', [{ typeName: 'Public', entityType: 'sr_record', entityName: names.record }])).body[0].error).toBeUndefined();
    expect((await del(`/entity/type/sr_record/name/${names.record}/tags/Public`)).status).toBe(204);
    expect((await get(`/entity/type/sr_record/name/${names.record}/tags`)).body).toEqual([]);
    const gone = await del(`/entity/type/sr_record/name/${names.record}/tags/Public`);
    expect(gone.status).toBe(404);
    expect(gone.body.error_code).toBe(404);
    expect((await del(`/entity/type/sr_record/name/nope/tags/Public`)).status).toBe(404);
  });

  it('attaches, updates, reads and removes business metadata', async () => {
    const { names } = env;
    const r = await post('/entity/businessmetadata', [
      { typeName: 'Ownership', entityType: 'kafka_topic', entityName: names.topic, attributes: { team: 'payments', tier: 1, tags: ['a', 'b'] } },
      { typeName: 'Ownership', entityType: 'sr_schema', entityName: names.schema, attributes: { team: 'x' } },
      { typeName: 'Ownership', entityType: 'sr_subject_version', entityName: names.subject, attributes: { tier: 1 } },
      { typeName: 'Ownership', entityType: 'sr_subject_version', entityName: names.subject, attributes: { team: 'far-too-long-a-name' } },
      { typeName: 'Ownership', entityType: 'sr_subject_version', entityName: names.subject, attributes: { team: 'a', tags: 'not-a-list' } },
      { typeName: 'Ghost', entityType: 'kafka_topic', entityName: names.topic },
      { typeName: 'Ownership', entityType: 'kafka_topic', entityName: names.topic, attributes: { team: 'again' } },
    ]);
    expect(r.status, r.raw).toBe(200);
    expect(r.body[0]).toEqual({ typeName: 'Ownership', attributes: { team: 'payments', tier: 1, tags: ['a', 'b'] }, entityType: 'kafka_topic', entityName: names.topic });
    expect(r.body[1].error).toMatchObject({ error_code: 400, message: expect.stringContaining("entity type 'sr_schema'") });
    expect(r.body[2].error).toMatchObject({ error_code: 400, message: expect.stringContaining('mandatory') });
    expect(r.body[3].error).toMatchObject({ error_code: 400, message: expect.stringContaining('longer than 10') });
    expect(r.body[4].error).toMatchObject({ error_code: 400, message: expect.stringContaining('array<string>') });
    expect(r.body[5].error).toEqual({ error_code: 404, message: "Business metadata definition 'Ghost' not found" });
    expect(r.body[6].error.error_code).toBe(409);

    expect((await get(`/entity/type/kafka_topic/name/${names.topic}/businessmetadata`)).body).toEqual([r.body[0]]);
    expect((await entity('kafka_topic', names.topic)).body.entity.businessAttributes).toEqual({ Ownership: { team: 'payments', tier: 1, tags: ['a', 'b'] } });

    const upd = await put('/entity/businessmetadata', [
      { typeName: 'Ownership', entityType: 'kafka_topic', entityName: names.topic, attributes: { tier: 2, tags: null } },
      { typeName: 'Ownership', entityType: 'sr_subject_version', entityName: names.subject, attributes: { team: 'b' } },
      { typeName: 'Ownership', entityType: 'kafka_topic', entityName: names.topic, attributes: { team: null } },
    ]);
    expect(upd.body[0].attributes).toEqual({ team: 'payments', tier: 2 });
    expect(upd.body[1].error.error_code).toBe(404);
    expect(upd.body[2].error).toMatchObject({ error_code: 400, message: expect.stringContaining('mandatory') });

    expect((await post('/entity/businessmetadata', [{ typeName: 'Ownership', entityType: 'sr_subject_version', entityName: names.subject, attributes: { team: 'schemas' } }])).body[0].error).toBeUndefined();
    expect((await del(`/entity/type/sr_subject_version/name/${names.subject}/businessmetadata/Ownership`)).status).toBe(204);
    expect((await get(`/entity/type/sr_subject_version/name/${names.subject}/businessmetadata`)).body).toEqual([]);
    expect((await del(`/entity/type/sr_subject_version/name/${names.subject}/businessmetadata/Ownership`)).status).toBe(404);
  });

  it('updates the user attributes of an entity, and only those', async () => {
    const { names } = env;
    const before = (await entity('kafka_topic', names.topic)).body.entity;
    const r = await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.topic, name: 'orders', description: 'All orders placed', owner: 'payments', ownerEmail: 'pay@example.com' } } });
    expect(r.status, r.raw).toBe(200);
    const updated = r.body.mutatedEntities.UPDATE[0];
    expect(updated).toMatchObject({ typeName: 'kafka_topic', guid: before.guid, status: 'ACTIVE', classificationNames: ['Topical'], isIncomplete: false });
    expect(updated.attributes).toMatchObject({ qualifiedName: names.topic, description: 'All orders placed', owner: 'payments' });
    expect(updated.classifications[0]).toEqual({ typeName: 'Topical', entityGuid: before.guid, entityStatus: 'ACTIVE', propagate: true, removePropagationsOnEntityDelete: false });
    const after = (await entity('kafka_topic', names.topic)).body.entity;
    expect(after.attributes.description).toBe('All orders placed');
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedBy).toBe(after.createdBy);

    const cleared = await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.topic, ownerEmail: null } } });
    expect(cleared.body.mutatedEntities.UPDATE[0].attributes).toMatchObject({ owner: 'payments', ownerEmail: null });

    const renamed = await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.topic, name: 'other' } } });
    expect(renamed.status).toBe(400);
    expect(renamed.body).toEqual({ error_code: 400, message: "Attribute 'name' of kafka_topic cannot be updated" });
    expect((await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.topic, retention: '1d' } } })).body.error_code).toBe(400);
    expect((await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: names.topic, owner: 7 } } })).status).toBe(400);
    expect((await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { description: 'x' } } })).status).toBe(400);
    expect((await put('/entity', {})).status).toBe(400);
    const missing = await put('/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: 'lsrc-x:lkc-y:z', description: 'x' } } });
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe(404);
  });

  it('searches by full text, type, tag and attribute prefixes, sorted and paged', async () => {
    const { names } = env;
    const basic = async (q: string) => {
      const r = await get(`/search/basic?${q}`);
      expect(r.status, r.raw).toBe(200);
      return r.body;
    };
    const byType = await basic('types=kafka_topic');
    expect(byType.searchParameters).toEqual({ includeDeleted: false, limit: 100, offset: 0 });
    expect(byType.types).toEqual(['kafka_topic']);
    expect(byType.entities).toHaveLength(1);
    expect(byType.entities[0]).toMatchObject({ typeName: 'kafka_topic', status: 'ACTIVE', displayText: 'orders', attributes: { qualifiedName: names.topic, name: 'orders' }, classificationNames: ['Topical'] });
    expect(byType.entities[0].attributes.description).toBeUndefined();
    expect((await basic('type=kafka_topic&attr=description&attrs=owner')).entities[0].attributes).toEqual({ qualifiedName: names.topic, name: 'orders', description: 'All orders placed', owner: 'payments' });

    const text = await basic('query=ORDERS');
    expect(text.entities.map((e: any) => e.typeName).sort()).toEqual(['kafka_topic', 'sr_subject_version']);
    expect(text.types.sort()).toEqual(['kafka_topic', 'sr_subject_version']);
    expect((await basic('query=placed')).entities.map((e: any) => e.attributes.qualifiedName)).toEqual([names.topic]);
    expect((await basic('query=ord*value')).entities.map((e: any) => e.typeName)).toEqual(['sr_subject_version']);
    expect((await basic('query=nothing-like-this')).entities).toEqual([]);
    expect((await basic('tag=PII')).entities.map((e: any) => e.attributes.qualifiedName)).toEqual([names.field]);
    expect((await basic('tag=PII&type=kafka_topic')).entities).toEqual([]);

    const fields = await basic('type=sr_field&sortBy=name');
    expect(fields.entities.map((e: any) => e.attributes.name)).toEqual(['amount', 'customer', 'email', 'id']);
    expect((await basic('type=sr_field&sortBy=name&sortOrder=DESCENDING')).entities.map((e: any) => e.attributes.name)).toEqual(['id', 'email', 'customer', 'amount']);
    const page = await basic('type=sr_field&sortBy=name&limit=1&offset=1');
    expect(page.searchParameters).toEqual({ includeDeleted: false, limit: 1, offset: 1 });
    expect(page.entities.map((e: any) => e.attributes.name)).toEqual(['customer']);
    const all = await basic('query=*');
    expect(all.entities.length).toBe(11); // environment, Kafka cluster, topic, subject version, schema, 2 records, 4 fields
    expect((await basic('type=cf_entity')).entities.length).toBe(11);

    const attr = async (q: string) => (await get(`/search/attribute?${q}`)).body;
    expect((await attr('type=kafka_topic&attrName=owner&attrValuePrefix=PAY')).entities.map((e: any) => e.attributes.qualifiedName)).toEqual([names.topic]);
    expect((await attr('attrName=owner&attrValuePrefix=zz')).entities).toEqual([]);
    expect((await attr('attrName=name&attrValuePrefix=am*')).entities.map((e: any) => e.attributes.qualifiedName)).toEqual([names.field]);
    expect((await attr('attrName=name&attrValuePrefix=orders&attrName=partitionsCount&attrValuePrefix=3')).entities.map((e: any) => e.typeName)).toEqual(['kafka_topic']);
    expect((await attr('attrName=description&attrValuePrefix=*')).entities).toHaveLength(1);

    const unpaired = await get('/search/attribute?attrName=name');
    expect(unpaired.status).toBe(400);
    expect(unpaired.body.error_code).toBe(400);
    const badType = await get('/search/basic?type=hive_table');
    expect(badType.status).toBe(400);
    expect(badType.body).toEqual({ error_code: 400, message: "Unknown entity type 'hive_table'" });
    expect((await get('/search/basic?tag=Nope')).status).toBe(400);
    expect((await get('/search/basic?limit=501')).status).toBe(400);
    expect((await get('/search/basic?offset=-1')).status).toBe(400);
    expect((await get('/search/basic?sortOrder=SIDEWAYS')).body.error_code).toBe(400);
  });

  it('shows soft-deleted subject versions as DELETED, and forgets deleted topics and schemas', async () => {
    const { names, sr, kafka } = env;
    // A second subject with a schema of its own, soft-deleted.
    const s2 = await t.post('/subjects/refunds-value/versions', { schema: '"string"' }, sr.auth);
    const qn = `${sr.id}:.:refunds-value:1`;
    expect((await entity('sr_subject_version', qn)).body.entity.status).toBe('ACTIVE');
    expect((await t.delete('/subjects/refunds-value', sr.auth)).status).toBe(200);
    expect((await entity('sr_subject_version', qn)).body.entity.status).toBe('DELETED');
    expect((await entity('sr_schema', `${sr.id}:.:${s2.body.id}`)).body.entity.status).toBe('DELETED');
    expect((await get('/search/basic?query=refunds')).body.entities).toEqual([]);
    const withDeleted = await get('/search/basic?query=refunds&deleted=true');
    expect(withDeleted.body.searchParameters.includeDeleted).toBe(true);
    expect(withDeleted.body.entities.map((e: any) => [e.typeName, e.status])).toEqual([['sr_subject_version', 'DELETED']]);
    expect((await t.delete('/subjects/refunds-value?permanent=true', sr.auth)).status).toBe(200);
    expect((await entity('sr_subject_version', qn)).status).toBe(404);
    expect((await entity('sr_schema', `${sr.id}:.:${s2.body.id}`)).status).toBe(404);

    // A tagged topic, deleted and created again: the new topic is another entity, untagged.
    await t.post(`/kafka/v3/clusters/${kafka.id}/topics`, { topic_name: 'audit' }, kafka.auth);
    const audit = `${sr.id}:${kafka.id}:audit`;
    expect((await post('/entity/tags', [{ typeName: 'Public', entityType: 'kafka_topic', entityName: audit }])).body[0].error).toBeUndefined();
    const old = (await entity('kafka_topic', audit)).body.entity;
    expect(old.classifications).toHaveLength(1);
    expect((await t.delete(`/kafka/v3/clusters/${kafka.id}/topics/audit`, kafka.auth)).status).toBe(204);
    expect((await entity('kafka_topic', audit)).status).toBe(404);
    expect((await get('/search/basic?tag=Public')).body.entities).toEqual([]);
    await t.post(`/kafka/v3/clusters/${kafka.id}/topics`, { topic_name: 'audit' }, kafka.auth);
    const recreated = (await entity('kafka_topic', audit)).body.entity;
    expect(recreated.guid).not.toBe(old.guid);
    expect(recreated.classifications).toEqual([]);
    expect((await get(`/entity/type/kafka_topic/name/${audit}/tags`)).body).toEqual([]);
    expect(names.topic).not.toBe(audit);
  });

  it('refuses to delete a definition still attached to an entity; deletes it once detached', async () => {
    const { names } = env;
    const inUse = await del('/types/tagdefs/PII');
    expect(inUse.status).toBe(409);
    expect(inUse.body.error_code).toBe(409);
    expect(inUse.body.message).toContain(names.field);
    expect((await del(`/entity/type/sr_field/name/${names.field}/tags/PII`)).status).toBe(204);
    expect((await del('/types/tagdefs/PII')).status).toBe(204);
    expect((await get('/types/tagdefs/PII')).status).toBe(404);
    expect((await del('/types/tagdefs/PII')).status).toBe(404);
    // Public was attached to a topic that is gone: that does not hold the definition back.
    expect((await del('/types/tagdefs/Public')).status).toBe(204);

    expect((await del('/types/businessmetadatadefs/Ownership')).status).toBe(409);
    expect((await del(`/entity/type/kafka_topic/name/${names.topic}/businessmetadata/Ownership`)).status).toBe(204);
    expect((await del('/types/businessmetadatadefs/Ownership')).status).toBe(204);
    expect((await get('/types/businessmetadatadefs/Ownership')).status).toBe(404);
    expect((await del('/types/businessmetadatadefs/Ownership')).status).toBe(404);
    expect((await get('/types/tagdefs')).body.map((d: any) => d.name)).toEqual(['Topical']);
  });

  it('answers bad requests, bad credentials and bad media types in the flat dialect', async () => {
    const noAuth = await t.get('/catalog/v1/types/tagdefs', { authorization: '' });
    expect(noAuth.status).toBe(401);
    expect(noAuth.body.error_code).toBe(401);
    // A Kafka cluster's key opens Schema Registry's paths no more than its own.
    const kafkaKey = await t.get('/catalog/v1/types/tagdefs', env.kafka.auth);
    expect(kafkaKey.status).toBe(401);
    expect(kafkaKey.body.error_code).toBe(401);
    const notList = await post('/types/tagdefs', { name: 'X' });
    expect(notList.status).toBe(400);
    expect(notList.body.error_code).toBe(400);
    expect(typeof notList.body.message).toBe('string');
    expect((await post('/types/tagdefs', [{ name: 'X', color: 'PLAID' }])).body.error_code).toBe(400);
    expect((await post('/types/tagdefs', [{ name: 'X', attributeDefs: [{ name: 'a', typeName: 'string', cardinality: 'BAG' }] }])).status).toBe(400);
    expect((await post('/entity/tags', [{ typeName: 'Topical', entityStatus: 'GONE' }])).status).toBe(400);
    expect((await put('/entity', { entity: { typeName: 'kafka_topic', status: 'NOPE', attributes: {} } })).status).toBe(400);
    const text = await t.post('/catalog/v1/types/tagdefs', '[]', { ...env.catalog, 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error_code).toBe(415);
    const broken = await t.post('/catalog/v1/types/tagdefs', '[{"name":', env.catalog);
    expect(broken.status).toBe(400);
    expect(broken.body.error_code).toBe(400);
    expect((await post('/types/tagdefs', [])).body).toEqual([]);
    expect((await get('/types/tagdefs')).body.map((d: any) => d.name)).toEqual(['Topical']);
  });

  it('never answers odd input with a 500', async () => {
    const odd: Array<[string, string, unknown?]> = [
      ['POST', '/types/tagdefs', [1, 'x', null]],
      ['POST', '/types/tagdefs', null],
      ['POST', '/types/tagdefs', [{ name: 'Y', options: { a: 1 } }]],
      ['POST', '/types/tagdefs', [{ name: 'Y', attributeDefs: 'none' }]],
      ['POST', '/types/tagdefs', [{ name: 'Y', attributeDefs: [null, 3] }]],
      ['POST', '/types/businessmetadatadefs', [{ name: 'Z', options: { applicableEntityTypes: '{"a":1}' } }]],
      ['PUT', '/types/tagdefs', [{}]],
      ['POST', '/entity/tags', [{ typeName: 'Topical', entityType: 'kafka_topic', entityName: env.names.topic, attributes: 'x' }]],
      ['POST', '/entity/tags', [{ typeName: 'Topical', entityType: 7, entityName: [] }]],
      ['POST', '/entity/businessmetadata', [{ typeName: 'Topical', entityType: 'kafka_topic', entityName: env.names.topic, attributes: [1] }]],
      ['PUT', '/entity', { entity: { typeName: 'kafka_topic', attributes: 'x' } }],
      ['PUT', '/entity', null],
      ['PUT', '/entity', []],
      ['GET', '/search/basic?query=(((&sortBy=constructor'],
      ['GET', '/search/basic?query=%5B%5D%5C&limit=abc'],
      ['GET', '/search/attribute?attrName=__proto__&attrValuePrefix=x&attrName=toString&attrValuePrefix=y'],
      ['GET', '/search/attribute?type=kafka_topic&type=cf_entity&types=&attr=__proto__'],
      ['GET', '/entity/type/__proto__/name/constructor'],
      ['GET', `/entity/type/kafka_topic/name/${encodeURIComponent('a/b:c')}`],
      ['DELETE', '/entity/type/kafka_topic/name/x/tags/__proto__'],
      ['GET', '/types/tagdefs/__proto__'],
    ];
    for (const [method, path, body] of odd) {
      const r = await t.request(method, `/catalog/v1${path}`, body === undefined ? undefined : JSON.stringify(body), env.catalog);
      expect(r.status, `${method} ${path}: ${r.raw}`).toBeLessThan(500);
      if (r.status >= 400) expect(r.body.error_code, `${method} ${path}`).toBe(r.status);
    }
  });
});

describe('Stream Catalog v1: resolving and deleting the catalog', () => {
  it('is the Schema Registry cluster of the key; another organization sees nothing of it', async () => {
    const t = await TestEmulator.start();
    try {
      const a = await schemaRegistry(t);
      const b = await schemaRegistry(t);
      await t.post('/catalog/v1/types/tagdefs', [{ name: 'Mine' }], { authorization: a.auth.authorization });
      expect((await t.get('/catalog/v1/types/tagdefs', { authorization: a.auth.authorization })).body.map((d: any) => d.name)).toEqual(['Mine']);
      expect((await t.get('/catalog/v1/types/tagdefs', { authorization: b.auth.authorization })).body).toEqual([]);
      expect((await t.get('/catalog/v1/types/tagdefs/Mine', { authorization: b.auth.authorization })).status).toBe(404);
      // A Cloud API key is no key of the catalog's.
      expect((await t.get('/catalog/v1/types/tagdefs/Mine', { authorization: a.org.auth })).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('travels in snapshots and goes with its organization', async () => {
    const t = await TestEmulator.start();
    try {
      const env = await setUp(t);
      await t.post('/catalog/v1/types/tagdefs', [{ name: 'Kept' }], env.catalog);
      await t.post('/catalog/v1/entity/tags', [{ typeName: 'Kept', entityType: 'kafka_topic', entityName: env.names.topic }], env.catalog);
      const snap = await t.get('/_emulator/snapshot');
      expect(snap.body.cluster_data.catalog_tags).toHaveLength(1);
      expect((await t.post('/_emulator/reset', {})).status).toBe(200);
      expect((await t.post('/_emulator/snapshot', snap.body)).status).toBe(200);
      expect((await t.get(`/catalog/v1/entity/type/kafka_topic/name/${env.names.topic}/tags`, env.catalog)).body.map((x: any) => x.typeName)).toEqual(['Kept']);
      expect((await t.post('/_emulator/reset', { org: env.sr.org.org })).status).toBe(200);
      for (const table of ['catalog_type_defs', 'catalog_entities', 'catalog_tags']) {
        expect((t.rt.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
      }
    } finally {
      await t.close();
    }
  });

  it('goes with its Schema Registry cluster', async () => {
    const t = await TestEmulator.start();
    try {
      const env = await setUp(t);
      await t.post('/catalog/v1/types/tagdefs', [{ name: 'Doomed' }], env.catalog);
      await t.post('/catalog/v1/entity/tags', [{ typeName: 'Doomed', entityType: 'kafka_topic', entityName: env.names.topic }], env.catalog);
      await t.put('/catalog/v1/entity', { entity: { typeName: 'kafka_topic', attributes: { qualifiedName: env.names.topic, owner: 'me' } } }, env.catalog);
      const count = () => ['catalog_type_defs', 'catalog_entities', 'catalog_tags'].map((table) => (t.rt.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE cluster_id = ?`).get(env.sr.id) as { n: number }).n);
      expect(count()).toEqual([1, 1, 1]);
      expect((await t.delete(`/srcm/v2/clusters/${env.sr.id}?environment=${env.sr.org.env}`, { authorization: env.sr.org.auth })).status).toBe(204);
      expect(count()).toEqual([0, 0, 0]);
      expect((await t.get('/catalog/v1/types/tagdefs', env.catalog)).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
