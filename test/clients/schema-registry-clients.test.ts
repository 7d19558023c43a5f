import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';

const person = (fields: object[] = []) => JSON.stringify({ type: 'record', name: 'Person', namespace: 'com.example', fields: [{ name: 'name', type: 'string' }, ...fields] });

/**
 * Real Schema Registry clients from npm against a listening emulator: they register schemas, read
 * them back, meet a 409 for an incompatible change, and serialize and deserialize records.
 */
describe('Schema Registry clients from npm', () => {
  let emu: RunningEmulator;
  let key: string;
  let secret: string;
  beforeAll(async () => {
    emu = await startEmulator();
    const cloud = { authorization: basic(emu.apiKey, emu.apiSecret), 'content-type': 'application/json' };
    const sr = await request(`${emu.url}/srcm/v2/clusters`, {
      method: 'POST',
      headers: { ...cloud, 'x-emulator-lifecycle': 'immediate' },
      body: JSON.stringify({ spec: { package: 'ESSENTIALS', environment: { id: emu.environmentId }, region: { id: 'sgreg-1' } } }),
    });
    const cluster = (await sr.body.json()) as { id: string; spec: { http_endpoint: string } };
    expect(cluster.spec.http_endpoint).toBe(emu.url);
    const created = await request(`${emu.url}/iam/v2/api-keys`, { method: 'POST', headers: cloud, body: JSON.stringify({ spec: { owner: { id: 'u-00000' }, resource: { id: cluster.id } } }) });
    const k = (await created.body.json()) as { id: string; spec: { secret: string } };
    key = k.id;
    secret = k.spec.secret;
  });
  afterAll(() => emu.close());

  it('@kafkajs/confluent-schema-registry registers, encodes, decodes and meets a 409', async () => {
    const registry = new SchemaRegistry({ host: emu.url, auth: { username: key, password: secret } });
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: person() }, { subject: 'kafkajs-value' });
    expect(id).toBeGreaterThan(100000);
    expect(await registry.getLatestSchemaId('kafkajs-value')).toBe(id);
    const encoded = await registry.encode(id, { name: 'Ada' });
    expect(encoded.readUInt8(0)).toBe(0);
    expect(encoded.readUInt32BE(1)).toBe(id);
    expect(await registry.decode(encoded)).toEqual({ name: 'Ada' });
    await expect(registry.register({ type: SchemaType.AVRO, schema: person([{ name: 'age', type: 'int' }]) }, { subject: 'kafkajs-value' })).rejects.toThrow(/409|incompatible/i);
  });

  it('@confluentinc/schemaregistry registers, reads back, serializes and deserializes', async () => {
    const client = new SchemaRegistryClient({ baseURLs: [emu.url], basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${key}:${secret}` } });
    const id = await client.register('confluent-value', { schemaType: 'AVRO', schema: person() }, false);
    expect(id).toBeGreaterThan(100000);
    const latest = await client.getLatestSchemaMetadata('confluent-value');
    expect(latest.id).toBe(id);
    expect(JSON.parse(latest.schema!)).toEqual(JSON.parse(person()));
    const ser = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    const bytes = await ser.serialize('confluent', { name: 'Grace' });
    const de = new AvroDeserializer(client, SerdeType.VALUE, {});
    expect(await de.deserialize('confluent', bytes)).toEqual({ name: 'Grace' });
    await expect(client.register('confluent-value', { schemaType: 'AVRO', schema: person([{ name: 'age', type: 'int' }]) }, false)).rejects.toThrow(/409|incompatible/i);
  });

  it('@confluentinc/schemaregistry finds a version by its metadata (getLatestWithMetadata)', async () => {
    const client = new SchemaRegistryClient({ baseURLs: [emu.url], basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${key}:${secret}` } });
    const first = await client.register('contract-value', { schemaType: 'AVRO', schema: person(), metadata: { properties: { release: '1' } } }, false);
    const second = await client.register('contract-value', { schemaType: 'AVRO', schema: person(), metadata: { properties: { release: '2' } } }, false);
    expect(second).not.toBe(first);
    const found = await client.getLatestWithMetadata('contract-value', { release: '1' });
    expect([found.id, found.version]).toEqual([first, 1]);
    await expect(client.getLatestWithMetadata('contract-value', { release: '3' })).rejects.toThrow(/40403|not found/i);
  });
});
