import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestEmulator } from '../helpers.js';

describe('a create whose parameters cannot fail is checked by its body validator alone', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  const op = () => t.rt.docs.operations.find((o) => o.method.toUpperCase() === 'POST' && o.path === '/iam/v2/service-accounts')!;
  const request = (body: unknown, query: Record<string, unknown> = {}) => ({ method: 'POST', path: '/iam/v2/service-accounts', headers: { 'content-type': 'application/json' }, query, body });

  it('accepts a conforming body and refuses a bad one with the validator’s own errors, without openapi-backend parsing the request', () => {
    const validator = t.rt.validator as unknown as { validator: { validateRequest: (...a: unknown[]) => unknown } };
    const full = vi.spyOn(validator.validator, 'validateRequest');
    expect(() => t.rt.validator.validateRequest(op(), request({ display_name: 'ok', description: 'fine' }))).not.toThrow();
    expect(() => t.rt.validator.validateRequest(op(), request({ display_name: 42 }))).toThrow(expect.objectContaining({ status: 422 }));
    expect(full).not.toHaveBeenCalled();
    // A doubtful query parameter still goes through the whole validation.
    expect(() => t.rt.validator.validateRequest(op(), request({ display_name: 'ok' }, { unknown: 'x' }))).toThrow(expect.objectContaining({ status: 400 }));
    expect(full).toHaveBeenCalledTimes(1);
    full.mockRestore();
  });

  it('answers over HTTP as before: 201 for a good body, 422 pointing at the bad field', async () => {
    expect((await t.post('/iam/v2/service-accounts', { display_name: 'body-only', description: 'd' })).status).toBe(201);
    const bad = await t.post('/iam/v2/service-accounts', { display_name: 7 });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].source).toEqual({ pointer: '/display_name' });
  });
});
