import { describe, expect, it } from 'vitest';
import { FaultRegistry, parseFaultHeader } from '../../src/control/faults.js';
import { kafkaFault } from '../../src/control/kafka-faults.js';

const registry = () => new FaultRegistry(() => '2030-01-01T00:00:00Z');

describe('the transport-independent fault registry', () => {
  it('matches on every filter given, counts matches and removes a rule once times ran out', () => {
    const r = registry();
    const f = r.add({ operation_id: 'Produce', organization_id: 'org-a', api_key: 'K1', status: 503, times: 2 });
    expect(r.take({ operationId: 'Produce', organizationId: 'org-b', apiKey: 'K1' })).toBeUndefined();
    expect(r.take({ operationId: 'Fetch', organizationId: 'org-a', apiKey: 'K1' })).toBeUndefined();
    expect(r.take({ operationId: 'Produce', organizationId: 'org-a', apiKey: 'K2' })).toBeUndefined();
    expect(r.take({ operationId: 'Produce', organizationId: 'org-a', apiKey: 'K1' })?.id).toBe(f.id);
    expect(r.get(f.id)).toMatchObject({ matched: 1, fired: 1 });
    expect(r.take({ operationId: 'Produce', organizationId: 'org-a', apiKey: 'K1' })?.id).toBe(f.id);
    expect(r.get(f.id)).toBeUndefined();
    expect(r.take({ operationId: 'Produce', organizationId: 'org-a', apiKey: 'K1' })).toBeUndefined();
  });

  it('draws a seeded probability the same way every time, and differently with another seed', () => {
    const pattern = (seed: number) => {
      const r = registry();
      r.add({ status: 500, probability: 0.3, seed });
      return Array.from({ length: 50 }, () => (r.take({ operationId: 'x' }) ? 1 : 0)).join('');
    };
    expect(pattern(7)).toBe(pattern(7));
    expect(pattern(7)).not.toBe(pattern(8));
    const fired = [...pattern(7)].filter((c) => c === '1').length;
    expect(fired).toBeGreaterThan(5);
    expect(fired).toBeLessThan(30);
  });

  it('parses the X-Emulator-Fault header and names what is wrong with it', () => {
    expect(parseFaultHeader('status=429; retry_after_seconds=2 ;commit=true;error_code=50003')).toEqual({ status: 429, retry_after_seconds: 2, commit: true, error_code: 50003 });
    expect(parseFaultHeader('transport=reset')).toEqual({ transport: 'reset' });
    expect(() => parseFaultHeader('status=abc')).toThrow(/status must be an integer/);
    expect(() => parseFaultHeader('status=200')).toThrow(/error status/);
    expect(() => parseFaultHeader('nope=1')).toThrow(/unknown key 'nope'/);
    expect(() => parseFaultHeader('times=1')).toThrow(/needs a status/);
  });

  it('gives the Kafka protocol listener Kafka error codes, delays and disconnects', () => {
    const r = registry();
    r.add({ operation_id: 'Produce', status: 429, retry_after_seconds: 3, times: 1 });
    expect(kafkaFault(r, { apiName: 'Produce' })).toMatchObject({ errorCode: 89, throttleTimeMs: 3000, delayMs: 0, disconnect: false });
    r.add({ operation_id: 'Fetch', status: 503, times: 1 });
    expect(kafkaFault(r, { apiName: 'Fetch' })?.errorCode).toBe(6);
    r.add({ operation_id: 'Produce', error_code: 19, status: 500, times: 1 });
    expect(kafkaFault(r, { apiName: 'Produce' })?.errorCode).toBe(19);
    r.add({ method: 'KAFKA', transport: 'reset', delay_ms: 20, times: 1 });
    expect(kafkaFault(r, { apiName: 'Metadata' })).toMatchObject({ errorCode: undefined, disconnect: true, delayMs: 20 });
    expect(kafkaFault(r, { apiName: 'Metadata' })).toBeUndefined();
  });
});
