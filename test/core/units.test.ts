import { describe, expect, it } from 'vitest';
import { PageTokens } from '../../src/core/pagination.js';
import { observe, parsePolicy, startDeleting, startState, type LifecycleSpec } from '../../src/core/lifecycle.js';
import { loadConfig } from '../../src/config.js';
import { renderCrn } from '../../src/core/crn.js';
import { VirtualClock } from '../../src/core/clock.js';
import { ApiError } from '../../src/core/errors.js';
import { parseJsonSequence } from '../../src/http/json-sequence.js';

describe('page tokens', () => {
  const tokens = new PageTokens('secret-a');
  it('round-trip a cursor for the same list', () => {
    const t = tokens.encode({ list: 'L1', size: 10, after: 42 });
    expect(t.length).toBeLessThanOrEqual(255);
    expect(tokens.decode(t, 'L1')).toMatchObject({ size: 10, after: 42 });
  });
  it('refuse a token of another list, a tampered token and a token signed elsewhere', () => {
    const t = tokens.encode({ list: 'L1', size: 10, after: 42 });
    expect(() => tokens.decode(t, 'L2')).toThrow(ApiError);
    const [payload, sig] = t.split('.');
    const forged = Buffer.from(JSON.stringify(['L1', 10, 1, null, 0])).toString('base64url');
    expect(() => tokens.decode(`${forged}.${sig}`, 'L1')).toThrow(ApiError);
    expect(() => tokens.decode(`${payload}.${sig.slice(0, -1)}x`, 'L1')).toThrow(ApiError);
    expect(() => new PageTokens('secret-b').decode(t, 'L1')).toThrow(ApiError);
    expect(() => tokens.decode('garbage', 'L1')).toThrow(ApiError);
  });
});

describe('lifecycle', () => {
  const spec: LifecycleSpec = { field: '/status/phase', initial: 'PROVISIONING', ready: 'PROVISIONED', failed: 'FAILED', deleting: 'DEPROVISIONING', duration_ms: 1000 };
  it('timed: advances once the duration has passed on the clock', () => {
    const s = startState({ mode: 'timed', reads: 3 }, 0, 'ready');
    expect(observe(s, spec, 999, true).phase).toBe('PROVISIONING');
    expect(observe(s, spec, 1000, true).phase).toBe('PROVISIONED');
  });
  it('reads: advances after N reads', () => {
    let s = startState({ mode: 'reads', reads: 2 }, 0, 'ready');
    const first = observe(s, spec, 0, true);
    expect(first.phase).toBe('PROVISIONING');
    s = first.state;
    expect(observe(s, spec, 0, true).phase).toBe('PROVISIONED');
  });
  it('immediate, failure outcome and deletion', () => {
    const s = observe(startState({ mode: 'immediate', reads: 1 }, 0, 'failed'), spec, 0, false);
    expect(s.phase).toBe('FAILED');
    const d = startDeleting(s.state, { mode: 'timed', reads: 1 }, 10);
    expect(observe(d, spec, 500, true)).toMatchObject({ phase: 'DEPROVISIONING', gone: false });
    expect(observe(d, spec, 1010, true)).toMatchObject({ gone: true });
  });
  it('parses modes', () => {
    const fallback = { mode: 'timed' as const, reads: 3 };
    expect(parsePolicy('reads=5', fallback)).toEqual({ mode: 'reads', reads: 5 });
    expect(parsePolicy('immediate', fallback)).toEqual({ mode: 'immediate', reads: 3 });
    expect(parsePolicy('sometimes', fallback)).toBeUndefined();
  });
});

describe('configuration', () => {
  it('takes flags over environment variables over defaults', () => {
    const c = loadConfig(['--port', '9000', '--lifecycle=reads=4'], { CCLOUD_EMULATOR_PORT: '7000', CCLOUD_EMULATOR_RATE_LIMIT: '5', CCLOUD_EMULATOR_QUOTAS: 'a=1,b=2' });
    expect(c.port).toBe(9000);
    expect(c.rateLimit).toBe(5);
    expect(c.lifecycle).toEqual({ mode: 'reads', reads: 4 });
    expect(c.quotas).toEqual({ a: 1, b: 2 });
    expect(c.host).toBe('127.0.0.1');
  });
  it('refuses bad values and unknown flags; an unknown variable is only a warning', () => {
    expect(() => loadConfig(['--port', 'abc'], {})).toThrow(/PORT/);
    expect(() => loadConfig(['--lifecycle', 'never'], {})).toThrow(/LIFECYCLE/);
    expect(() => loadConfig(['--nope', '1'], {})).toThrow(/unknown flag --nope/);
    const warnings: string[] = [];
    expect(loadConfig([], { CCLOUD_EMULATOR_NOPE: '1' }, (w) => warnings.push(w)).port).toBe(8080);
    expect(warnings).toEqual(['ignoring CCLOUD_EMULATOR_NOPE: not a setting of the emulator']);
  });
});

describe('CRNs and the clock', () => {
  it('render CRN templates', () => {
    expect(renderCrn('organization={org}/environment={env}/widget={id}', { org: 'o1', env: 'env-1', id: 'w-1' })).toBe('crn://confluent.cloud/organization=o1/environment=env-1/widget=w-1');
    expect(renderCrn('{parent_crn}/identity-pool={id}', { org: 'o', id: 'pool-1', parent_crn: 'crn://confluent.cloud/organization=o/identity-provider=op-1' })).toBe(
      'crn://confluent.cloud/organization=o/identity-provider=op-1/identity-pool=pool-1',
    );
  });
  it('the virtual clock can be advanced, set and frozen', () => {
    const c = new VirtualClock();
    const t0 = c.now();
    c.advance(3_600_000);
    expect(c.now() - t0).toBeGreaterThanOrEqual(3_600_000);
    c.freeze(true);
    const frozen = c.now();
    expect(c.now()).toBe(frozen);
    c.set(Date.parse('2030-01-01T00:00:00Z'));
    expect(c.iso()).toBe('2030-01-01T00:00:00Z');
  });
});

describe('JSON sequences (streamed bodies)', () => {
  it('split back-to-back values, strings with braces included', () => {
    expect(parseJsonSequence('{"a":"}{"} [1,2]\n{"b":{"c":[3]}}')?.values).toEqual([{ a: '}{' }, [1, 2], { b: { c: [3] } }]);
  });
  it('are not a single value, nor text with garbage between values', () => {
    expect(parseJsonSequence('{"a":1}')).toBeUndefined();
    expect(parseJsonSequence('{"a":1} x {"b":2}')).toBeUndefined();
    expect(parseJsonSequence('{"a":1}{"b":')).toBeUndefined();
    expect(parseJsonSequence('{"a":1}}{')).toBeUndefined();
  });
});
