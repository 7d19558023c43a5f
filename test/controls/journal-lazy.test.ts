import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/control/journal.js';

const entry = (i: number) => ({ request_id: `r${i}`, timeMs: 0, method: 'POST', path: '/x', operation_id: 'op', status: 200, organization_id: 'o1', api_key: 'k', duration_ms: 1, query: {} });

describe('the journal keeps bodies as their text and parses them when read', () => {
  it('answers the parsed bodies with every secret redacted, and oversized texts as a note of their size', () => {
    const j = new Journal(10);
    const request = { spec: { display_name: 'k', secret: 'hunter2-request' }, configs: [{ name: 'sasl.jaas.config', value: 'jaas-secret' }] };
    const response = { id: 'k1', spec: { secret: 'hunter2-response' } };
    j.record(entry(1), request, JSON.stringify(response), JSON.stringify(request));
    j.record(entry(2), { big: true }, 'x'.repeat(70_000), JSON.stringify({ big: 'y'.repeat(70_000) }));
    const [small, big] = j.list();
    expect(small.request_body).toEqual({ spec: { display_name: 'k', secret: '[REDACTED]' }, configs: [{ name: 'sasl.jaas.config', value: '[REDACTED]' }] });
    expect(small.response_body).toEqual({ id: 'k1', spec: { secret: '[REDACTED]' } });
    expect(JSON.stringify(j.list())).not.toMatch(/hunter2|jaas-secret/);
    expect(big.request_body).toMatchObject({ truncated: true });
    expect(big.response_body).toEqual({ truncated: true, length: 70_000 });
  });

  it('keeps the query as sent and redacts its secrets when read', () => {
    const j = new Journal(10);
    const query = { page_size: '10', api_secret: 'hunter2-query' };
    j.record({ ...entry(1), method: 'GET', query }, undefined, '{}', undefined);
    const [read] = j.list();
    expect(read.query).toEqual({ page_size: '10', api_secret: '[REDACTED]' });
    expect(query.api_secret).toBe('hunter2-query');
    expect(JSON.stringify(j.list())).not.toMatch(/hunter2/);
  });
});
