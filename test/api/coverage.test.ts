import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

/** The size of Confluent's checklist of operations, every one of which has a route. */
const CHECKLIST_OPERATIONS = 360;

/**
 * The documented operations the emulator does not implement. Each must answer 501 visibly (never
 * 404 "No operation matches", never a pretended success): the Stream Sharing images need binary
 * request and response bodies, which the request pipeline does not carry.
 */
const NOT_IMPLEMENTED: Record<string, { method: string; url: string }> = {
  upload_imageCdxV1ProviderSharedResource: { method: 'POST', url: '/cdx/v1/provider-shared-resources/sr-1/images/logo.png' },
  view_imageCdxV1ProviderSharedResource: { method: 'GET', url: '/cdx/v1/provider-shared-resources/sr-1/images/logo.png' },
  delete_imageCdxV1ProviderSharedResource: { method: 'DELETE', url: '/cdx/v1/provider-shared-resources/sr-1/images/logo.png' },
  imageCdxV1ConsumerSharedResource: { method: 'GET', url: '/cdx/v1/consumer-shared-resources/sr-1/images/logo.png' },
};

interface Listed {
  operation_id: string;
  group: string;
  method: string;
  path: string;
  implemented: boolean;
}

describe('coverage of the API reference', () => {
  let t: TestEmulator;
  let listed: Listed[];

  beforeAll(async () => {
    t = await TestEmulator.start();
    const r = await t.get('/_emulator/operations');
    expect(r.status).toBe(200);
    listed = r.body.data;
  });
  afterAll(() => t.close());

  it('routes at least the whole checklist, each method and path once', () => {
    const reference = listed.filter((op) => !op.path.startsWith('/_emulator'));
    expect(reference.length).toBeGreaterThanOrEqual(CHECKLIST_OPERATIONS);
    const keys = reference.map((op) => `${op.method} ${op.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('implements every operation but the listed ones', () => {
    expect(listed.filter((op) => !op.implemented).map((op) => op.operation_id).sort()).toEqual(Object.keys(NOT_IMPLEMENTED).sort());
  });

  it('answers the others 501 in the group error shape, after authentication', async () => {
    for (const [operationId, { method, url }] of Object.entries(NOT_IMPLEMENTED)) {
      expect((await t.request(method, url, undefined, { authorization: '' })).status, operationId).toBe(401);
      const r = await t.request(method, url);
      expect(r.status, `${operationId}: ${r.raw}`).toBe(501);
      expect(r.body.errors[0]).toMatchObject({ status: '501', code: 'not_implemented', detail: expect.stringContaining(operationId) });
    }
  });
});
