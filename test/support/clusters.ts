/** Clusters with API keys scoped to them, for the data-plane tests. */
import { expect } from 'vitest';
import { basic, type TestEmulator } from '../helpers.js';

/** A fresh org with a provisioned Kafka cluster and an API key scoped to it. */
export async function kafkaCluster(t: TestEmulator) {
  const o = await t.newOrg();
  const h = { authorization: o.auth, 'x-emulator-lifecycle': 'immediate' };
  const c = await t.post('/cmk/v2/clusters', { spec: { display_name: 'kafka', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: o.env } } }, h);
  expect(c.status, c.raw).toBe(202);
  const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.body.id } } }, { authorization: o.auth });
  expect(key.status, key.raw).toBe(202);
  return { id: c.body.id as string, org: o, orgAuth: o.auth, auth: { authorization: basic(key.body.id, key.body.spec.secret) } };
}

/** A fresh org with a Schema Registry cluster and an API key scoped to it. */
export async function schemaRegistry(t: TestEmulator) {
  const o = await t.newOrg();
  const c = await t.post('/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: o.env }, region: { id: 'sgreg-1' } } }, { authorization: o.auth, 'x-emulator-lifecycle': 'immediate' });
  expect(c.status, c.raw).toBe(202);
  const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: c.body.id } } }, { authorization: o.auth });
  expect(key.status, key.raw).toBe(202);
  return { id: c.body.id as string, org: o, auth: { authorization: basic(key.body.id, key.body.spec.secret), 'content-type': 'application/vnd.schemaregistry.v1+json' } };
}
