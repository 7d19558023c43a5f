/** Principals with keys and role bindings, for the authorization tests. */
import { expect } from 'vitest';
import { basic, type TestEmulator } from '../helpers.js';

export const CRN = 'crn://confluent.cloud';

/** A service account of the org, with a Cloud API key, and optionally a key scoped to a cluster. */
export async function serviceAccount(t: TestEmulator, orgAuth: string, name: string, clusterId?: string) {
  const sa = await t.post('/iam/v2/service-accounts', { display_name: name, description: 'test' }, { authorization: orgAuth });
  expect(sa.status, sa.raw).toBe(201);
  const id = sa.body.id as string;
  const cloud = await t.post('/iam/v2/api-keys', { spec: { owner: { id } } }, { authorization: orgAuth });
  expect(cloud.status, cloud.raw).toBe(202);
  let resource: string | undefined;
  if (clusterId) {
    const k = await t.post('/iam/v2/api-keys', { spec: { owner: { id }, resource: { id: clusterId } } }, { authorization: orgAuth });
    expect(k.status, k.raw).toBe(202);
    resource = basic(k.body.id, k.body.spec.secret);
  }
  return { id, principal: `User:${id}`, auth: basic(cloud.body.id, cloud.body.spec.secret), cloudKeyId: cloud.body.id as string, resourceAuth: resource };
}

/** Grants a role; answers the binding's id. */
export async function grant(t: TestEmulator, orgAuth: string, principal: string, role: string, crnPattern: string): Promise<string> {
  const r = await t.post('/iam/v2/role-bindings', { principal, role_name: role, crn_pattern: crnPattern }, { authorization: orgAuth });
  expect(r.status, r.raw).toBe(201);
  return r.body.id;
}

export async function revoke(t: TestEmulator, orgAuth: string, id: string): Promise<void> {
  const r = await t.delete(`/iam/v2/role-bindings/${id}`, { authorization: orgAuth });
  expect(r.status, r.raw).toBe(200);
}

/** The management error detail of a response. */
export const detailOf = (r: { body: any }): string => r.body?.errors?.[0]?.detail ?? r.body?.message ?? '';
