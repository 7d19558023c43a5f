import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';
import { kafkaCluster, schemaRegistry } from '../support/clusters.js';

const user = (fields: object[]) => JSON.stringify({ type: 'record', name: 'User', namespace: 'com.example', fields: [{ name: 'name', type: 'string' }, ...fields] });

describe('Schema Registry v1', () => {
  let t: TestEmulator;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  const post = (path: string, body: unknown) => t.post(path, body, sr.auth);
  const get = (path: string) => t.get(path, sr.auth);
  beforeAll(async () => {
    t = await TestEmulator.start();
    sr = await schemaRegistry(t);
  });
  afterAll(() => t.close());

  it('registers versions with global ids shared by identical schemas; re-registering answers the same id', async () => {
    const v1 = await post('/subjects/users-value/versions', { schema: user([]) });
    expect(v1.status).toBe(200);
    expect(v1.headers['content-type']).toMatch(/^application\/vnd\.schemaregistry\.v1\+json/);
    expect(v1.body.id).toBeGreaterThan(100000);
    expect((await post('/subjects/users-value/versions', { schema: user([]) })).body.id).toBe(v1.body.id);
    // Whitespace does not make another schema; another subject shares the id.
    expect((await post('/subjects/other-value/versions', { schema: JSON.stringify(JSON.parse(user([])), null, 2) })).body.id).toBe(v1.body.id);
    const v2 = await post('/subjects/users-value/versions', { schema: user([{ name: 'age', type: 'int', default: 0 }]) });
    expect(v2.body.id).toBe(v1.body.id + 1);
    expect((await get('/subjects/users-value/versions')).body).toEqual([1, 2]);
    expect((await get('/subjects')).body).toEqual(['other-value', 'users-value']);
    const latest = await get('/subjects/users-value/versions/latest');
    expect(latest.body).toMatchObject({ subject: 'users-value', version: 2, id: v2.body.id });
    expect(latest.body.schemaType).toBeUndefined();
    expect((await get('/subjects/users-value/versions/-1')).body.version).toBe(2);
    expect(JSON.parse((await get(`/schemas/ids/${v1.body.id}`)).body.schema)).toEqual(JSON.parse(user([])));
    expect((await get(`/schemas/ids/${v1.body.id}/versions`)).body).toEqual([{ subject: 'other-value', version: 1 }, { subject: 'users-value', version: 1 }]);
    expect((await get(`/schemas/ids/${v1.body.id}/subjects`)).body).toEqual(['other-value', 'users-value']);
    const lookup = await post('/subjects/users-value', { schema: user([]) });
    expect(lookup.body).toMatchObject({ subject: 'users-value', version: 1, id: v1.body.id });
  });

  it('answers the documented errors', async () => {
    expect((await get('/subjects/nope/versions')).body).toEqual({ error_code: 40401, message: "Subject 'nope' not found." });
    expect((await get('/subjects/users-value/versions/9')).body.error_code).toBe(40402);
    expect((await get('/subjects/users-value/versions/abc')).body.error_code).toBe(42202);
    expect((await get('/schemas/ids/1')).body.error_code).toBe(40403);
    expect((await post('/subjects/x/versions', { schema: '{"type":"nope"}' })).body.error_code).toBe(42201);
    expect((await post('/subjects/users-value', { schema: user([{ name: 'z', type: 'int' }]) })).body.error_code).toBe(40403);
  });

  it('refuses an incompatible change with 409 under BACKWARD, and explains it in verbose compatibility checks', async () => {
    const breaking = user([{ name: 'email', type: 'string' }]); // a new field without a default cannot read old data
    const refused = await post('/subjects/users-value/versions', { schema: breaking });
    expect(refused.status).toBe(409);
    expect(refused.body.error_code).toBe(409);
    const check = await post('/compatibility/subjects/users-value/versions/latest?verbose=true', { schema: breaking });
    expect(check.body.is_compatible).toBe(false);
    expect(check.body.messages.length).toBeGreaterThan(0);
    expect((await post('/compatibility/subjects/users-value/versions/latest', { schema: user([{ name: 'age', type: 'int', default: 0 }, { name: 'x', type: 'string', default: '' }]) })).body).toEqual({ is_compatible: true });
    // FORWARD: old readers must read new data; removing a field without default breaks them.
    expect((await t.put('/config/users-value', { compatibility: 'FORWARD' }, sr.auth)).body).toEqual({ compatibility: 'FORWARD' });
    expect((await post('/compatibility/subjects/users-value/versions', { schema: JSON.stringify({ type: 'record', name: 'User', namespace: 'com.example', fields: [{ name: 'age', type: 'int', default: 0 }] }) })).body.is_compatible).toBe(false);
    expect((await t.put('/config/users-value', { compatibility: 'NONE' }, sr.auth)).status).toBe(200);
    expect((await post('/subjects/users-value/versions', { schema: breaking })).status).toBe(200);
    expect((await t.put('/config/users-value', { compatibility: 'SIDEWAYS' }, sr.auth)).body.error_code).toBe(42203);
  });

  it('TRANSITIVE levels check every version, plain ones only the latest', async () => {
    const s = (fields: object[]) => JSON.stringify({ type: 'record', name: 'T', fields });
    await t.put('/config/trans', { compatibility: 'BACKWARD' }, sr.auth);
    await post('/subjects/trans/versions', { schema: s([{ name: 'a', type: 'int' }]) });
    await post('/subjects/trans/versions', { schema: s([{ name: 'b', type: 'int', default: 1 }]) });
    // Drops `b`'s default: fine against version 2 under BACKWARD? No: reading v2 data needs b, present; reading v1 data lacks b.
    const candidate = s([{ name: 'b', type: 'int' }]);
    expect((await post('/compatibility/subjects/trans/versions/latest', { schema: candidate })).body.is_compatible).toBe(true);
    await t.put('/config/trans', { compatibility: 'BACKWARD_TRANSITIVE' }, sr.auth);
    expect((await post('/compatibility/subjects/trans/versions', { schema: candidate })).body.is_compatible).toBe(false);
    expect((await post('/subjects/trans/versions', { schema: candidate })).status).toBe(409);
  });

  it('config and mode: global and per subject, defaultToGlobal, READONLY refuses registrations, IMPORT takes ids', async () => {
    expect((await get('/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    expect((await get('/config/users-value')).body).toEqual({ compatibilityLevel: 'NONE' });
    expect((await get('/config/fresh')).body.error_code).toBe(40408);
    expect((await get('/config/fresh?defaultToGlobal=true')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    expect((await t.delete('/config/users-value', sr.auth)).body).toEqual({ compatibilityLevel: 'NONE' });
    expect((await get('/config/users-value')).body.error_code).toBe(40408);

    expect((await get('/mode')).body).toEqual({ mode: 'READWRITE' });
    await t.put('/mode/frozen', { mode: 'READONLY' }, sr.auth);
    expect((await post('/subjects/frozen/versions', { schema: '"string"' })).body.error_code).toBe(42205);
    expect((await get('/mode/frozen')).body).toEqual({ mode: 'READONLY' });
    expect((await t.put('/mode/frozen', { mode: 'WHATEVER' }, sr.auth)).body.error_code).toBe(42204);

    await t.put('/mode/imported', { mode: 'IMPORT' }, sr.auth);
    expect((await post('/subjects/imported/versions', { schema: '"long"', id: 123, version: 7 })).body).toEqual({ id: 123 });
    expect((await get('/subjects/imported/versions/7')).body).toMatchObject({ id: 123, version: 7 });
    expect((await post('/subjects/plain/versions', { schema: '"boolean"', id: 5 })).body.error_code).toBe(42205);
  });

  it('soft then permanent deletes, in that order, and deleted lookups', async () => {
    const id = (await post('/subjects/gone/versions', { schema: '"bytes"' })).body.id;
    expect((await t.delete('/subjects/gone/versions/1?permanent=true', sr.auth)).body.error_code).toBe(40407);
    expect((await t.delete('/subjects/gone/versions/1', sr.auth)).body).toBe(1);
    expect((await get('/subjects/gone/versions')).body.error_code).toBe(40401);
    expect((await get('/subjects/gone/versions?deleted=true')).body).toEqual([1]);
    expect((await get('/subjects?deleted=true')).body).toContain('gone');
    expect((await get('/subjects')).body).not.toContain('gone');
    expect((await get('/subjects/gone/versions/1?deleted=true')).body.id).toBe(id);
    expect((await t.delete('/subjects/gone/versions/1', sr.auth)).body.error_code).toBe(40406);
    expect((await t.delete('/subjects/gone/versions/1?permanent=true', sr.auth)).body).toBe(1);
    expect((await get(`/schemas/ids/${id}`)).body.error_code).toBe(40403);

    await post('/subjects/whole/versions', { schema: '"float"' });
    expect((await t.delete('/subjects/whole?permanent=true', sr.auth)).body.error_code).toBe(40405);
    expect((await t.delete('/subjects/whole', sr.auth)).body).toEqual([1]);
    expect((await t.delete('/subjects/whole?permanent=true', sr.auth)).body).toEqual([1]);
    expect((await get('/subjects?deleted=true')).body).not.toContain('whole');
  });

  it('never issues an id twice, even after the schema holding the highest one is permanently deleted', async () => {
    const newest = (await post('/subjects/newest/versions', { schema: '"string"' })).body.id;
    const { maxId } = (await get('/schemas/ids/' + newest + '?fetchMaxId=true')).body;
    expect(maxId).toBe(newest);
    expect((await t.delete('/subjects/newest', sr.auth)).body).toEqual([1]);
    expect((await t.delete('/subjects/newest?permanent=true', sr.auth)).body).toEqual([1]);
    expect((await get(`/schemas/ids/${newest}`)).body.error_code).toBe(40403);
    const next = (await post('/subjects/after/versions', { schema: '"double"' })).body.id;
    expect(next).toBe(newest + 1);
    // Clients cache schemas by id: the old id still names nothing rather than another schema.
    expect((await get(`/schemas/ids/${newest}`)).body.error_code).toBe(40403);
  });

  it('references: a schema may use another by name; a referenced schema cannot be deleted', async () => {
    const address = JSON.stringify({ type: 'record', name: 'Address', namespace: 'com.example', fields: [{ name: 'city', type: 'string' }] });
    await post('/subjects/address/versions', { schema: address });
    const person = JSON.stringify({ type: 'record', name: 'Person', namespace: 'com.example', fields: [{ name: 'home', type: 'com.example.Address' }] });
    const r = await post('/subjects/person/versions', { schema: person, references: [{ name: 'com.example.Address', subject: 'address', version: 1 }] });
    expect(r.status).toBe(200);
    expect((await get(`/schemas/ids/${r.body.id}`)).body.references).toEqual([{ name: 'com.example.Address', subject: 'address', version: 1 }]);
    expect((await get('/subjects/address/versions/1/referencedby')).body).toEqual([r.body.id]);
    expect((await t.delete('/subjects/address/versions/1', sr.auth)).body.error_code).toBe(42206);
    expect((await post('/subjects/orphan/versions', { schema: person })).body.error_code).toBe(42201);
  });

  it('lists schemas and types; resolves the cluster from the key and refuses other keys', async () => {
    expect((await get('/schemas/types')).body.sort()).toEqual(['AVRO', 'JSON', 'PROTOBUF']);
    expect((await get('/contexts')).body).toEqual(['.']);
    expect((await get('/clusterconfig')).body).toEqual({ maxSchemas: 20000, maxRequestsPerSec: 25 });
    const schemas = (await get('/schemas?subjectPrefix=users&latestOnly=true')).body;
    expect(schemas.map((s: any) => s.subject)).toEqual(['users-value']);
    const kafka = await kafkaCluster(t);
    expect((await t.get('/subjects', kafka.auth)).status).toBe(401);
    const other = await schemaRegistry(t);
    expect((await t.get('/subjects', other.auth)).body).toEqual([]);
  });
});

describe('Schema Registry v1: JSON Schema and Protobuf', () => {
  let t: TestEmulator;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  beforeAll(async () => {
    t = await TestEmulator.start();
    sr = await schemaRegistry(t);
  });
  afterAll(() => t.close());

  it('registers JSON Schema, checks its compatibility rules, and refuses what is not JSON', async () => {
    const v1 = '{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}';
    const json = await t.post('/subjects/j/versions', { schemaType: 'JSON', schema: v1 }, sr.auth);
    expect(json.status).toBe(200);
    expect((await t.get(`/schemas/ids/${json.body.id}`, sr.auth)).body).toMatchObject({ schemaType: 'JSON' });
    const requiresMore = '{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}';
    const refused = await t.post('/subjects/j/versions', { schemaType: 'JSON', schema: requiresMore }, sr.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('REQUIRED_ATTRIBUTE_ADDED');
    const widened = '{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"additionalProperties":false}';
    expect((await t.post('/subjects/j/versions', { schemaType: 'JSON', schema: widened }, sr.auth)).status).toBe(200);
    expect((await t.post('/subjects/j2/versions', { schemaType: 'JSON', schema: '{not json' }, sr.auth)).body.error_code).toBe(42201);
  });

  it('registers Protobuf, checks field numbers and types, and refuses what does not parse', async () => {
    expect((await t.post('/subjects/p/versions', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message M { string a = 1; }' }, sr.auth)).status).toBe(200);
    const reused = await t.post('/subjects/p/versions', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message M { int32 a = 1; }' }, sr.auth);
    expect(reused.status).toBe(409);
    expect(reused.body.message).toContain('FIELD_SCALAR_KIND_CHANGED');
    expect((await t.post('/subjects/p/versions', { schemaType: 'PROTOBUF', schema: 'syntax = "proto3"; message M { string a = 1; int64 b = 2; }' }, sr.auth)).status).toBe(200);
    expect((await t.post('/subjects/p2/versions', { schemaType: 'PROTOBUF', schema: 'message { nope' }, sr.auth)).body.error_code).toBe(42201);
  });

  it('keeps one format per subject', async () => {
    const r = await t.post('/compatibility/subjects/j/versions/latest?verbose=true', { schema: '"string"' }, sr.auth);
    expect(r.body.is_compatible).toBe(false);
    expect(r.body.messages[0]).toMatch(/^TYPE_MISMATCH/);
  });
});

describe('Schema Registry v1: deleting the cluster', () => {
  it('drops its subjects and schemas, and its keys stop working', async () => {
    const t = await TestEmulator.start();
    try {
      const sr = await schemaRegistry(t);
      await t.post('/subjects/s/versions', { schema: '"string"' }, sr.auth);
      expect(t.rt.schemaRegistry.allVersions(sr.id)).toHaveLength(1);
      expect((await t.delete(`/srcm/v2/clusters/${sr.id}?environment=${sr.org.env}`, { authorization: sr.org.auth })).status).toBe(204);
      expect(t.rt.schemaRegistry.allVersions(sr.id)).toEqual([]);
      expect((await t.get('/subjects', sr.auth)).status).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('Schema Registry v1: exporters', () => {
  let t: TestEmulator;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  beforeAll(async () => {
    t = await TestEmulator.start();
    sr = await schemaRegistry(t);
  });
  afterAll(() => t.close());

  it('are created STARTING, run on the clock, pause, and change only while paused', async () => {
    const config = { 'schema.registry.url': 'https://psrc-xxxxx.example.com', 'basic.auth.credentials.source': 'USER_INFO', 'basic.auth.user.info': 'k:s' };
    const created = await t.post('/exporters', { name: 'dr', subjects: ['orders-value'], subjectRenameFormat: 'dc_${subject}', config }, sr.auth);
    expect(created.body).toEqual({ name: 'dr' });
    expect((await t.post('/exporters', { name: 'dr', config }, sr.auth)).body.error_code).toBe(40960);
    expect((await t.post('/exporters', { name: 'bad name!', config }, sr.auth)).body.error_code).toBe(40950);
    expect((await t.post('/exporters', { name: 'noconfig' }, sr.auth)).body.error_code).toBe(40951);
    expect((await t.get('/exporters', sr.auth)).body).toEqual(['dr']);
    expect((await t.get('/exporters/dr', sr.auth)).body).toMatchObject({ name: 'dr', contextType: 'AUTO', subjects: ['orders-value'], subjectRenameFormat: 'dc_${subject}' });
    expect((await t.get('/exporters/dr/status', sr.auth)).body).toMatchObject({ name: 'dr', state: 'STARTING', offset: 0, trace: '' });
    await t.post('/subjects/orders-value/versions', { schema: '"string"' }, sr.auth);
    await t.post('/_emulator/clock/advance', { seconds: 3 });
    expect((await t.get('/exporters/dr/status', sr.auth)).body).toMatchObject({ state: 'RUNNING', offset: 1 });

    expect((await t.put('/exporters/dr', { subjects: ['x'] }, sr.auth)).body.error_code).toBe(40963);
    expect((await t.put('/exporters/dr/resume', {}, sr.auth)).body.error_code).toBe(40961);
    expect((await t.put('/exporters/dr/pause', {}, sr.auth)).body).toEqual({ name: 'dr' });
    expect((await t.get('/exporters/dr/status', sr.auth)).body.state).toBe('PAUSED');
    expect((await t.put('/exporters/dr', { subjects: ['x'] }, sr.auth)).body).toEqual({ name: 'dr' });
    expect((await t.put('/exporters/dr/config', { 'basic.auth.user.info': 'k2:s2' }, sr.auth)).status).toBe(200);
    expect((await t.get('/exporters/dr/config', sr.auth)).body['basic.auth.user.info']).toBe('k2:s2');
    expect((await t.put('/exporters/dr/reset', {}, sr.auth)).status).toBe(200);
    expect((await t.put('/exporters/dr/resume', {}, sr.auth)).status).toBe(200);
    expect((await t.get('/exporters/dr/status', sr.auth)).body).toMatchObject({ state: 'STARTING', offset: 0 });
    expect((await t.delete('/exporters/dr', sr.auth)).status).toBe(204);
    expect((await t.get('/exporters/dr', sr.auth)).body.error_code).toBe(40450);
  });
});
