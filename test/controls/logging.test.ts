import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { basic } from '../helpers.js';

describe('request logging', () => {
  it('logs one line per request at info, with method, path, operationId, status, duration, request id and organization, and no secret', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    const emu = await buildApp({ ...defaultConfig(), db: ':memory:', logLevel: 'info' }, { logStream });
    const b = emu.bootstrap!;
    const auth = basic(b.apiKey!, b.apiSecret!);
    try {
      const created = await emu.app.inject({ method: 'POST', url: '/iam/v2/api-keys', headers: { authorization: auth, 'content-type': 'application/json' }, payload: JSON.stringify({ spec: { owner: { id: b.userId } } }) });
      expect(created.statusCode).toBe(202);
      const secret = created.json().spec.secret as string;
      await emu.app.inject({ method: 'GET', url: '/org/v2/nowhere', headers: { authorization: auth } });
      const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
      expect(requests).toHaveLength(2);
      expect(requests[0]).toMatchObject({
        level: 30,
        method: 'POST',
        path: '/iam/v2/api-keys',
        operation_id: 'createIamV2ApiKey',
        status: 202,
        request_id: created.headers['x-request-id'],
        organization_id: b.orgId,
      });
      expect(typeof requests[0].duration_ms).toBe('number');
      expect(requests[1]).toMatchObject({ method: 'GET', path: '/org/v2/nowhere', operation_id: null, status: 404 });
      const all = lines.join('\n');
      for (const s of [secret, b.apiSecret!, auth]) expect(all).not.toContain(s);
    } finally {
      await emu.app.close();
    }
  });

  it('logs nothing per request at warn', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const emu = await buildApp({ ...defaultConfig(), db: ':memory:', logLevel: 'warn' }, { logStream });
    await emu.app.inject({ method: 'GET', url: '/_emulator/health' });
    await emu.app.close();
    expect(lines).toEqual([]);
  });
});
