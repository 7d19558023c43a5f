import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

describe('query parameters checked without the validator when a plain check is sure of them', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('accepts page sizes in bounds and leaves every doubtful value to the validator', async () => {
    for (const ok of ['1', '10', '100']) expect((await t.get(`/iam/v2/service-accounts?page_size=${ok}`)).status, ok).toBe(200);
    for (const bad of ['0', '101', '-1', 'abc', '1.5', '99999999999']) {
      const r = await t.get(`/iam/v2/service-accounts?page_size=${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.errors[0].source.parameter, bad).toBe('page_size');
    }
  });

  it('still answers a missing required query parameter', async () => {
    const r = await t.get('/cmk/v2/clusters');
    expect(r.status).toBe(400);
    expect(r.raw).toContain('environment');
  });
});
