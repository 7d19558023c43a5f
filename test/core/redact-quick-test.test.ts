import { describe, expect, it } from 'vitest';
import { mayHoldSecrets, redact, REDACTED } from '../../src/control/redact.js';

describe('the journal quick secret test (mayHoldSecrets)', () => {
  it('lets a list page whose links carry page_token skip the walk: a word in a value is no secret', () => {
    const page = JSON.stringify({ metadata: { next: 'http://h/iam/v2/service-accounts?page_token=abc', total_size: 3 }, data: [{ display_name: 'token-holder' }] });
    expect(mayHoldSecrets(page)).toBe(false);
  });

  it('catches every body that redact would change', () => {
    const bodies = [
      { spec: { secret: 's3cr3t' } },
      { api_secret: 'x' },
      { configs: [{ name: 'sasl.jaas.config', value: 'x' }] },
      { data: [{ key: 'ssl.key.password', value: 'x' }] },
      { 'we"ird_token': 'x' },
      { configs: [{ name: 'a"b.password', value: 'x' }] },
    ];
    for (const body of bodies) {
      const text = JSON.stringify(body);
      expect(JSON.stringify(redact(body)), text).toContain(REDACTED);
      expect(mayHoldSecrets(text), text).toBe(true);
    }
  });
});
