import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

/** The size of Confluent's checklist of operations, every one of which has a route. */
const CHECKLIST_OPERATIONS = 360;

/**
 * The documented operations the emulator does not implement: none. An operation without a handler
 * answers 501 visibly (never 404 "No operation matches", never a pretended success); the last ones,
 * the Stream Sharing images, are implemented now that the pipeline carries binary bodies.
 */
const NOT_IMPLEMENTED: Record<string, { method: string; url: string }> = {};

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

  it('leaves no operation unimplemented: none answers 501', () => {
    expect(Object.keys(NOT_IMPLEMENTED)).toEqual([]);
    expect(listed.length).toBeGreaterThan(0);
    for (const op of listed) {
      expect(op.implemented, op.operation_id).toBe(true);
      expect(t.emu.implemented(op.operation_id), op.operation_id).toBe(true);
    }
  });
});
