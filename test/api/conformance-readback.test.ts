import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

/**
 * Fields the Confluent Terraform provider reads back after every create, for the kinds it manages
 * whose optional strings a configuration may leave out: Confluent answers them as empty strings,
 * never leaves them out, and so does the emulator (a missing one reads back as a change to plan).
 */
describe('Terraform read-back: optional strings left out answer as empty strings', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 3 } });
  });
  afterAll(() => t.close());

  /** The value at each pointer, for a create and for the read that follows it. */
  async function readBack(create: { status: number; body: any; raw: string }, url: (body: any) => string, pointers: string[]) {
    expect(create.status, create.raw).toBeLessThan(300);
    const read = await t.get(url(create.body));
    expect(read.status, read.raw).toBe(200);
    const at = (body: any, pointer: string) => pointer.split('/').slice(1).reduce((node, key) => node?.[key], body);
    for (const body of [create.body, read.body]) {
      expect(Object.fromEntries(pointers.map((p) => [p, at(body, p)]))).toEqual(Object.fromEntries(pointers.map((p) => [p, ''])));
    }
  }

  it('confluent_service_account: description', async () => {
    await readBack(await t.post('/iam/v2/service-accounts', { display_name: 'rb-sa' }), (b) => `/iam/v2/service-accounts/${b.id}`, ['/description']);
  });

  it('confluent_api_key: spec.display_name and spec.description', async () => {
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'rb-key-owner' })).body.id;
    await readBack(await t.post('/iam/v2/api-keys', { spec: { owner: { id: sa } } }), (b) => `/iam/v2/api-keys/${b.id}`, ['/spec/display_name', '/spec/description']);
  });

  it('confluent_kafka_client_quota: spec.description', async () => {
    const env = t.env;
    const cluster = await t.post('/cmk/v2/clusters', { spec: { display_name: 'rb-quota', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Dedicated', cku: 1 }, environment: { id: env } } });
    const sa = (await t.post('/iam/v2/service-accounts', { display_name: 'rb-quota-sa' })).body.id;
    const quota = { display_name: 'rb', throughput: { ingress_byte_rate: '1', egress_byte_rate: '1' }, cluster: { id: cluster.body.id }, principals: [{ id: sa }], environment: { id: env } };
    await readBack(await t.post('/kafka-quotas/v1/client-quotas', { spec: quota }), (b) => `/kafka-quotas/v1/client-quotas/${b.id}`, ['/spec/description']);
  });

  it('confluent_custom_connector_plugin: description and documentation_link', async () => {
    const upload = (await t.post('/connect/v1/presigned-upload-url', { content_format: 'ZIP' })).body.upload_id;
    const plugin = { display_name: 'rb-plugin', connector_class: 'com.example.ReadBack', connector_type: 'SOURCE', upload_source: { location: 'PRESIGNED_URL_LOCATION', upload_id: upload } };
    await readBack(await t.post('/connect/v1/custom-connector-plugins', plugin), (b) => `/connect/v1/custom-connector-plugins/${b.id}`, ['/description', '/documentation_link']);
  });
});
