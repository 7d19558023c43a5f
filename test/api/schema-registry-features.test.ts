import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { SchemaRegistryClient } from '@confluentinc/schemaregistry';
import { TestEmulator, basic } from '../helpers.js';
import { schemaRegistry } from '../support/clusters.js';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { parseProtobuf } from '../../src/services/schema-registry/compat/protobuf.js';

const avroA = JSON.stringify({ type: 'record', name: 'Order', namespace: 'com.shop', fields: [{ name: 'id', type: 'string', doc: 'key' }, { name: 'qty', type: { type: 'int' }, default: 1 }] });
// The same schema spelled differently: member order, full name instead of namespace, `{"type": "int"}` as `"int"`.
const avroB = JSON.stringify({ fields: [{ doc: 'key', type: { type: 'string' }, name: 'id' }, { default: 1, name: 'qty', type: 'int' }], name: 'com.shop.Order', type: 'record' });

const jsonA = JSON.stringify({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'] });
const jsonB = JSON.stringify({ required: ['a'], properties: { b: { type: 'integer' }, a: { type: 'string' } }, type: 'object' });

const protoA = `syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
import "google/protobuf/any.proto";
// An order.
message Order {
  string id = 1; // the key
  map<string, int32> counts = 2 [deprecated = true];
  google.protobuf.Timestamp at = 3;
}`;
const protoB = `syntax="proto3";package shop;
import "google/protobuf/any.proto"; import "google/protobuf/timestamp.proto";
/* An order,
   differently spaced. */
message Order{string id=1;map<string,int32> counts=2[deprecated=true];
google.protobuf.Timestamp at=3;}`;

describe('Schema Registry v1: normalize, contexts, metadata and rule sets', () => {
  let t: TestEmulator;
  let sr: Awaited<ReturnType<typeof schemaRegistry>>;
  const post = (path: string, body: unknown) => t.post(path, body, sr.auth);
  const put = (path: string, body: unknown) => t.put(path, body, sr.auth);
  const get = (path: string) => t.get(path, sr.auth);
  beforeAll(async () => {
    t = await TestEmulator.start();
    sr = await schemaRegistry(t);
  });
  afterAll(() => t.close());

  describe('normalize', () => {
    it('gives two spellings of one Avro schema one id with normalize=true, and stores the normalized text', async () => {
      const plain = await post('/subjects/avro-plain-a/versions', { schema: avroA });
      expect((await post('/subjects/avro-plain-b/versions', { schema: avroB })).body.id).not.toBe(plain.body.id);

      const a = await post('/subjects/avro-norm-a/versions?normalize=true', { schema: avroA });
      const b = await post('/subjects/avro-norm-b/versions?normalize=true', { schema: avroB });
      expect(a.status).toBe(200);
      expect(b.body.id).toBe(a.body.id);
      const stored = (await get(`/schemas/ids/${a.body.id}`)).body.schema;
      expect(JSON.parse(stored)).toEqual({ type: 'record', name: 'com.shop.Order', fields: [{ name: 'id', type: 'string', doc: 'key' }, { name: 'qty', type: 'int', default: 1 }] });
      expect(Object.keys(JSON.parse(stored))).toEqual(['type', 'name', 'fields']);
      // A lookup with normalize finds either spelling; without it, only the stored text.
      expect((await post('/subjects/avro-norm-a?normalize=true', { schema: avroB })).body).toMatchObject({ subject: 'avro-norm-a', version: 1, id: a.body.id });
      expect((await post('/subjects/avro-norm-a', { schema: avroB })).body.error_code).toBe(40403);
      // A stored spelling that was not normalized is matched by a normalized lookup too.
      expect((await post('/subjects/avro-plain-a?normalize=true', { schema: avroB })).body.id).toBe(plain.body.id);
    });

    it('sorts JSON Schema keys and canonicalizes Protobuf formatting, comments and import order', async () => {
      const j1 = await post('/subjects/json-norm-a/versions?normalize=true', { schemaType: 'JSON', schema: jsonA });
      const j2 = await post('/subjects/json-norm-b/versions?normalize=true', { schemaType: 'JSON', schema: jsonB });
      expect(j2.body.id).toBe(j1.body.id);
      expect((await get(`/schemas/ids/${j1.body.id}/schema`)).body).toEqual({ properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a'], type: 'object' });
      expect((await post('/subjects/json-plain-b/versions', { schemaType: 'JSON', schema: jsonB })).body.id).not.toBe(j1.body.id);

      const p1 = await post('/subjects/proto-norm-a/versions?normalize=true', { schemaType: 'PROTOBUF', schema: protoA });
      const p2 = await post('/subjects/proto-norm-b/versions?normalize=true', { schemaType: 'PROTOBUF', schema: protoB });
      expect(p1.status).toBe(200);
      expect(p2.body.id).toBe(p1.body.id);
      const text = (await get(`/schemas/ids/${p1.body.id}`)).body.schema as string;
      expect(text).toBe(
        [
          'syntax = "proto3";',
          'package shop;',
          'import "google/protobuf/any.proto";',
          'import "google/protobuf/timestamp.proto";',
          'message Order {',
          '  string id = 1;',
          '  map<string, int32> counts = 2 [deprecated = true];',
          '  google.protobuf.Timestamp at = 3;',
          '}',
        ].join('\n'),
      );
      expect(parseProtobuf(text).ok).toBe(true);
      expect((await post('/subjects/proto-plain-b/versions', { schemaType: 'PROTOBUF', schema: protoB })).body.id).not.toBe(p1.body.id);
    });

    it('applies the config normalize flag when the request does not say, and the request when it does', async () => {
      expect((await put('/config/cfg-norm', { normalize: true })).body).toEqual({ normalize: true });
      expect((await get('/config/cfg-norm')).body).toEqual({ normalize: true });
      const a = await post('/subjects/cfg-norm/versions', { schema: avroA });
      expect(JSON.parse((await get(`/subjects/cfg-norm/versions/1`)).body.schema).name).toBe('com.shop.Order');
      expect((await post('/subjects/cfg-norm', { schema: avroB })).body.id).toBe(a.body.id);
      expect((await post('/subjects/cfg-norm?normalize=false', { schema: avroB })).body.error_code).toBe(40403);
      // Global normalize reaches subjects without their own.
      await put('/config', { normalize: true });
      const g = await post('/subjects/global-norm/versions', { schema: avroB });
      expect(g.body.id).toBe(a.body.id);
      expect((await get('/config')).body).toEqual({ compatibilityLevel: 'BACKWARD', normalize: true });
      expect((await t.delete('/config', sr.auth)).body).toEqual({ compatibilityLevel: 'BACKWARD', normalize: true });
      expect((await get('/config')).body).toEqual({ compatibilityLevel: 'BACKWARD' });
    });

    it('takes normalize on the compatibility check', async () => {
      const r = await post('/compatibility/subjects/avro-norm-a/versions/latest?normalize=true&verbose=true', { schema: avroB });
      expect(r.body).toEqual({ is_compatible: true, messages: [] });
    });
  });

  describe('contexts', () => {
    it('keeps ids per context: the same id resolves to different schemas by the subject given', async () => {
      const inDefault = await post('/subjects/ctx-default/versions', { schema: '"string"' });
      const first = await post('/subjects/:.eu:orders/versions', { schema: '"long"' });
      expect(first.status).toBe(200);
      expect(first.body.id).toBe(100001);
      expect((await get(`/schemas/ids/${first.body.id}?subject=:.eu:orders`)).body.schema).toBe('"long"');
      expect((await get(`/schemas/ids/${first.body.id}`)).body.schema).not.toBe('"long"');
      // The id of the default context's schema does not resolve in `.eu` (where only 100001 exists).
      expect((await get(`/schemas/ids/${inDefault.body.id}?subject=:.eu:x`)).body.error_code).toBe(40403);
      expect((await get(`/schemas/ids/${first.body.id}/subjects?subject=:.eu:`)).body).toEqual([':.eu:orders']);
      // The same schema in another context gets that context's id, not the default context's.
      const again = await post('/subjects/:.eu:strings/versions', { schema: '"string"' });
      expect(again.body.id).toBe(100002);
      expect((await get('/subjects/:.eu:orders/versions/latest')).body).toMatchObject({ subject: ':.eu:orders', version: 1, id: 100001 });
    });

    it('lists contexts (the default first) and subjects across contexts or within one', async () => {
      await post('/subjects/:.apac:items/versions', { schema: '"int"' });
      expect((await get('/contexts')).body).toEqual(['.', '.apac', '.eu']);
      const all = (await get('/subjects')).body as string[];
      expect(all).toEqual(expect.arrayContaining([':.eu:orders', ':.eu:strings', ':.apac:items', 'ctx-default']));
      expect((await get('/subjects?subjectPrefix=:*:')).body).toEqual(all);
      expect((await get('/subjects?subjectPrefix=:.eu:')).body).toEqual([':.eu:orders', ':.eu:strings']);
      expect((await get('/subjects?subjectPrefix=:.eu:or')).body).toEqual([':.eu:orders']);
      expect((await get('/subjects?subjectPrefix=:*:ord')).body).toEqual([':.eu:orders']);
      const defaults = (await get('/subjects?subjectPrefix=:.:')).body as string[];
      expect(defaults).toContain('ctx-default');
      expect(defaults.some((s) => s.startsWith(':'))).toBe(false);
      expect((await get('/schemas?subjectPrefix=:.apac:')).body).toEqual([{ subject: ':.apac:items', version: 1, id: 100001, schema: '"int"' }]);
    });

    it('takes `:.:subject` as the default context subject', async () => {
      const r = await post('/subjects/:.:plain-ctx/versions', { schema: '"boolean"' });
      expect((await get('/subjects/plain-ctx/versions/1')).body).toMatchObject({ subject: 'plain-ctx', id: r.body.id });
      expect((await get('/subjects')).body).toContain('plain-ctx');
    });

    it('puts a context config between the subject and the global one', async () => {
      const v1 = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }] });
      const breaking = JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { name: 'b', type: 'string' }] });
      await post('/subjects/:.eu:records/versions', { schema: v1 });
      await post('/subjects/records/versions', { schema: v1 });
      expect((await post('/subjects/:.eu:records/versions', { schema: breaking })).status).toBe(409);
      expect((await put('/config/:.eu:', { compatibility: 'NONE' })).body).toEqual({ compatibility: 'NONE' });
      expect((await post('/subjects/:.eu:records/versions', { schema: breaking })).status).toBe(200);
      expect((await post('/subjects/records/versions', { schema: breaking })).status).toBe(409);
      expect((await get('/config/:.eu:records?defaultToGlobal=true')).body).toEqual({ compatibilityLevel: 'NONE' });
      // A context in read-only mode refuses its subjects' registrations only.
      await put('/mode/:.eu:', { mode: 'READONLY' });
      expect((await post('/subjects/:.eu:records/versions', { schema: '"null"' })).body).toMatchObject({ error_code: 42205, message: expect.stringContaining('in context .eu') });
      await t.delete('/mode/:.eu:', sr.auth);
    });

    it('imports a schema into a context under an id the default context already uses', async () => {
      const taken = (await post('/subjects/import-default/versions', { schema: '"double"' })).body.id;
      expect((await put('/mode/:.dr:', { mode: 'IMPORT' })).status).toBe(200);
      const r = await post('/subjects/:.dr:copied/versions', { schema: '"float"', id: taken, version: 3 });
      expect(r.body).toEqual({ id: taken });
      expect((await get(`/schemas/ids/${taken}?subject=:.dr:copied`)).body.schema).toBe('"float"');
      expect((await get(`/schemas/ids/${taken}`)).body.schema).toBe('"double"');
    });

    it('resolves an unqualified reference in the referring schema\'s context', async () => {
      const address = JSON.stringify({ type: 'record', name: 'Address', namespace: 'com.eu', fields: [{ name: 'city', type: 'string' }] });
      const person = JSON.stringify({ type: 'record', name: 'Person', namespace: 'com.eu', fields: [{ name: 'home', type: 'com.eu.Address' }] });
      await post('/subjects/:.eu:address/versions', { schema: address });
      const ref = [{ name: 'com.eu.Address', subject: 'address', version: 1 }];
      expect((await post('/subjects/person/versions', { schema: person, references: ref })).body.error_code).toBe(42201);
      const r = await post('/subjects/:.eu:person/versions', { schema: person, references: ref });
      expect(r.status).toBe(200);
      expect((await get('/subjects/:.eu:address/versions/1/referencedby')).body).toEqual([r.body.id]);
      expect((await t.delete('/subjects/:.eu:address', sr.auth)).body.error_code).toBe(42206);
    });
  });

  describe('metadata and rule sets', () => {
    const schema = JSON.stringify({ type: 'record', name: 'M', fields: [{ name: 'x', type: 'int' }] });
    const rule = (name: string, expr = 'message.x > 0') => ({ name, kind: 'CONDITION', mode: 'WRITE', type: 'CEL', expr });

    it('stores metadata and rule sets and answers them in versions, ids and lookups', async () => {
      const metadata = { properties: { owner: 'team-a' }, tags: { x: ['PII'] }, sensitive: ['x'] };
      const ruleSet = { domainRules: [rule('positive')] };
      const r = await post('/subjects/meta/versions', { schema, metadata, ruleSet });
      expect(r.status).toBe(200);
      expect((await get('/subjects/meta/versions/latest')).body).toMatchObject({ version: 1, id: r.body.id, metadata, ruleSet });
      expect((await get(`/schemas/ids/${r.body.id}`)).body).toMatchObject({ metadata, ruleSet });
      expect((await post('/subjects/meta', { schema })).body).toMatchObject({ version: 1, metadata, ruleSet });
      expect((await post('/subjects/meta', { schema, metadata: { properties: { owner: 'someone-else' } } })).body.error_code).toBe(40403);
      expect((await get('/schemas?subjectPrefix=meta')).body[0]).toMatchObject({ metadata, ruleSet });
    });

    it('finds the latest version whose metadata holds the given properties (getLatestWithMetadata)', async () => {
      const schema = JSON.stringify({ type: 'record', name: 'Tagged', fields: [{ name: 'a', type: 'int' }] });
      const v1 = await post('/subjects/tagged/versions', { schema, metadata: { properties: { owner: 'a', tier: 'gold' } } });
      const v2 = await post('/subjects/tagged/versions', { schema, metadata: { properties: { owner: 'b', tier: 'gold' } } });
      expect(v2.body.id).not.toBe(v1.body.id);
      const found = await get('/subjects/tagged/metadata?key=owner&value=a');
      expect(found.status, found.raw).toBe(200);
      expect(found.body).toMatchObject({ subject: 'tagged', version: 1, id: v1.body.id, metadata: { properties: { owner: 'a' } } });
      expect((await get('/subjects/tagged/metadata?key=tier&value=gold')).body.version).toBe(2);
      expect((await get('/subjects/tagged/metadata?key=tier&value=gold&key=owner&value=a')).body.version).toBe(1);
      expect((await get('/subjects/tagged/metadata')).body.version).toBe(2);
      const none = await get('/subjects/tagged/metadata?key=owner&value=c');
      expect([none.status, none.body.error_code]).toEqual([404, 40403]);
      const unknown = await get('/subjects/no-such-subject/metadata?key=owner&value=a');
      expect([unknown.status, unknown.body.error_code]).toEqual([404, 40401]);
      const unpaired = await get('/subjects/tagged/metadata?key=owner');
      expect([unpaired.status, unpaired.body.error_code]).toEqual([400, 400]);
      // A soft-deleted version matches only with deleted=true.
      expect((await t.request('DELETE', '/subjects/tagged/versions/1', undefined, sr.auth)).status).toBe(200);
      expect((await get('/subjects/tagged/metadata?key=owner&value=a')).body.error_code).toBe(40403);
      expect((await get('/subjects/tagged/metadata?key=owner&value=a&deleted=true')).body.version).toBe(1);
    });

    it('makes a new version when only the metadata changes, and inherits the latest metadata when the request has none', async () => {
      const v1 = (await get('/subjects/meta/versions/1')).body;
      expect((await post('/subjects/meta/versions', { schema })).body.id).toBe(v1.id);
      expect((await get('/subjects/meta/versions')).body).toEqual([1]);
      const v2 = await post('/subjects/meta/versions', { schema, metadata: { properties: { owner: 'team-b' } } });
      expect(v2.body.id).not.toBe(v1.id);
      expect((await get('/subjects/meta/versions')).body).toEqual([1, 2]);
      // The rule set is kept from version 1: a request without one inherits it.
      expect((await get('/subjects/meta/versions/2')).body).toMatchObject({ metadata: { properties: { owner: 'team-b' } }, ruleSet: v1.ruleSet });
      // The same schema without metadata in another subject is another schema.
      expect((await post('/subjects/meta-free/versions', { schema })).body.id).not.toBe(v1.id);
      expect((await get('/subjects/meta-free/versions/1')).body.metadata).toBeUndefined();
    });

    it('merges the config defaults under, and overrides over, the request', async () => {
      const cfg = {
        defaultMetadata: { properties: { owner: 'platform', tier: 'bronze' } },
        overrideMetadata: { properties: { tier: 'gold' } },
        defaultRuleSet: { domainRules: [rule('default-rule')] },
        overrideRuleSet: { domainRules: [rule('always', 'true')] },
      };
      expect((await put('/config/merged', { compatibility: 'NONE', ...cfg })).body).toEqual({ compatibility: 'NONE', ...cfg });
      expect((await get('/config/merged')).body).toEqual({ compatibilityLevel: 'NONE', ...cfg });
      const r = await post('/subjects/merged/versions', { schema, metadata: { properties: { owner: 'bob' } }, ruleSet: { domainRules: [rule('mine')] } });
      const v = (await get(`/subjects/merged/versions/1`)).body;
      expect(v.id).toBe(r.body.id);
      expect(v.metadata).toEqual({ properties: { owner: 'bob', tier: 'gold' } });
      // Rules merge by name: the default's first, the request's over them, the override's last.
      expect(v.ruleSet.domainRules.map((x: { name: string }) => x.name)).toEqual(['default-rule', 'mine', 'always']);
      // The defaults and overrides apply to a first version without metadata of its own.
      await put('/config/merged-first', cfg);
      await post('/subjects/merged-first/versions', { schema: '"string"' });
      expect((await get('/subjects/merged-first/versions/latest')).body.metadata).toEqual({ properties: { owner: 'platform', tier: 'gold' } });
      // DELETE answers the whole previous config.
      expect((await t.delete('/config/merged', sr.auth)).body).toEqual({ compatibilityLevel: 'NONE', ...cfg });
      expect((await get('/config/merged')).body.error_code).toBe(40408);
    });

    it('refuses a rule without a name (42210) and malformed metadata (42201)', async () => {
      expect((await post('/subjects/bad-rules/versions', { schema, ruleSet: { domainRules: [{ kind: 'CONDITION' }] } })).body.error_code).toBe(42210);
      expect((await put('/config/bad-rules', { defaultRuleSet: { migrationRules: [{ type: 'JSONATA' }] } })).body.error_code).toBe(42210);
      expect((await put('/config/bad-rules', { normalize: 'yes' })).status).toBe(422);
      expect((await put('/config/bad-rules', {})).body.error_code).toBe(42203);
    });
  });

  describe('the rest of the checklist', () => {
    it('refuses IMPORT on a subject with schemas unless forced', async () => {
      await post('/subjects/has-schemas/versions', { schema: '"string"' });
      expect((await put('/mode/has-schemas', { mode: 'IMPORT' })).body).toMatchObject({ error_code: 42205, message: 'Cannot import since found existing subjects' });
      expect((await put('/mode/has-schemas?force=true', { mode: 'IMPORT' })).body).toEqual({ mode: 'IMPORT' });
      expect((await put('/mode', { mode: 'IMPORT' })).body.error_code).toBe(42205);
      // A context with live subjects too; an empty one (see the import into `.dr`) needs no force.
      expect((await put('/mode/:.eu:', { mode: 'IMPORT' })).body.error_code).toBe(42205);
    });

    it('checks compatibility only within the compatibilityGroup named by a metadata property', async () => {
      const v = (fields: object[]) => JSON.stringify({ type: 'record', name: 'G', fields: [{ name: 'a', type: 'int' }, ...fields] });
      const major = (n: string) => ({ properties: { 'app.major': n } });
      await post('/subjects/grouped/versions', { schema: v([]), metadata: major('1') });
      const breaking = v([{ name: 'b', type: 'string' }]);
      expect((await post('/subjects/grouped/versions', { schema: breaking, metadata: major('2') })).status).toBe(409);
      await put('/config/grouped', { compatibilityGroup: 'app.major' });
      expect((await post('/subjects/grouped/versions', { schema: breaking, metadata: major('2') })).status).toBe(200);
      // Within group 1 the check still applies.
      expect((await post('/subjects/grouped/versions', { schema: v([{ name: 'c', type: 'string' }]), metadata: major('1') })).status).toBe(409);
    });

    it('replaces a soft-deleted twin when the same schema is registered again', async () => {
      const first = (await post('/subjects/twin/versions', { schema: '"string"' })).body.id;
      await post('/subjects/twin/versions', { schema: '"bytes"' });
      await t.delete('/subjects/twin/versions/1', sr.auth);
      expect((await post('/subjects/twin/versions', { schema: '"string"' })).body.id).toBe(first);
      expect((await get('/subjects/twin/versions?deleted=true')).body).toEqual([2, 3]);
    });

    it('pages lists with offset and limit (a negative limit means all)', async () => {
      const all = (await get('/subjects')).body as string[];
      expect((await get('/subjects?offset=1&limit=2')).body).toEqual(all.slice(1, 3));
      expect((await get('/subjects?limit=-1')).body).toEqual(all);
      expect((await get('/contexts?offset=1')).body[0]).not.toBe('.');
      expect((await get('/subjects/twin/versions?deleted=true&limit=1')).body).toEqual([2]);
      expect((await get('/schemas?subjectPrefix=twin&offset=1')).body).toEqual([expect.objectContaining({ subject: 'twin', version: 3 })]);
    });

    it('refuses a subject with control characters or naming a context only (42208)', async () => {
      expect((await post('/subjects/bad%01name/versions', { schema: '"string"' })).body.error_code).toBe(42208);
      expect((await post('/subjects/:.eu:/versions', { schema: '"string"' })).body.error_code).toBe(42208);
    });

    it('answers maxId with fetchMaxId=true and takes `latest` in any case', async () => {
      const r = await post('/subjects/max-id/versions', { schema: '"bytes"' });
      const byId = await get(`/schemas/ids/${r.body.id}?fetchMaxId=true`);
      expect(byId.body.maxId).toBeGreaterThanOrEqual(r.body.id);
      expect((await get(`/schemas/ids/${r.body.id}`)).body.maxId).toBeUndefined();
      expect((await get('/subjects/max-id/versions/LATEST')).body.version).toBe(1);
    });
  });
});

/** The `@confluentinc/schemaregistry` client reads metadata properties and registers with normalize. */
describe('@confluentinc/schemaregistry with metadata and normalize', () => {
  let emu: RunningEmulator;
  let client: SchemaRegistryClient;
  beforeAll(async () => {
    emu = await startEmulator();
    const cloud = { authorization: basic(emu.apiKey, emu.apiSecret), 'content-type': 'application/json' };
    const created = await request(`${emu.url}/srcm/v2/clusters`, {
      method: 'POST',
      headers: { ...cloud, 'x-emulator-lifecycle': 'immediate' },
      body: JSON.stringify({ spec: { package: 'ESSENTIALS', environment: { id: emu.environmentId }, region: { id: 'sgreg-1' } } }),
    });
    const cluster = (await created.body.json()) as { id: string };
    const key = (await (await request(`${emu.url}/iam/v2/api-keys`, { method: 'POST', headers: cloud, body: JSON.stringify({ spec: { owner: { id: 'u-00000' }, resource: { id: cluster.id } } }) })).body.json()) as { id: string; spec: { secret: string } };
    client = new SchemaRegistryClient({ baseURLs: [emu.url], basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${key.id}:${key.spec.secret}` } });
  });
  afterAll(() => emu.close());

  it('registers with metadata and reads metadata.properties back; normalize gives one id to two spellings', async () => {
    const id = await client.register('client-meta-value', { schemaType: 'AVRO', schema: avroA, metadata: { properties: { owner: 'team-a', 'app.major.version': '2' } } }, false);
    const latest = await client.getLatestSchemaMetadata('client-meta-value');
    expect(latest.id).toBe(id);
    expect(latest.metadata?.properties).toEqual({ owner: 'team-a', 'app.major.version': '2' });
    const byId = await client.getBySubjectAndId('client-meta-value', id);
    expect(byId.metadata?.properties?.owner).toBe('team-a');
    const n1 = await client.register('client-norm-a', { schemaType: 'AVRO', schema: avroA }, true);
    const n2 = await client.register('client-norm-b', { schemaType: 'AVRO', schema: avroB }, true);
    expect(n2).toBe(n1);
    expect(await client.getId('client-norm-a', { schemaType: 'AVRO', schema: avroB }, true)).toBe(n1);
  });
});
