import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import { basic } from '../helpers.js';

const collect = () => {
  const lines: Array<Record<string, unknown>> = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, logStream };
};

describe("a request's logger (made on first use)", () => {
  it('binds what it logs to the request id, at info and at warn', async () => {
    for (const logLevel of ['info', 'warn'] as const) {
      const { lines, logStream } = collect();
      const emu = await buildApp({ ...defaultConfig(), db: ':memory:', logLevel }, { logStream });
      const b = emu.bootstrap!;
      const route = '/__test/logs';
      emu.app.get(route, async (req) => {
        expect(req.log.level).toBe(logLevel);
        req.log.warn({ probe: 1 }, 'probe');
        req.log.child({ part: 'inner' }).error('inner probe');
        return { ok: true };
      });
      try {
        const res = await emu.app.inject({ method: 'GET', url: route, headers: { authorization: basic(b.apiKey!, b.apiSecret!) } });
        expect(res.statusCode).toBe(200);
        const probe = lines.find((l) => l.msg === 'probe');
        expect(probe, logLevel).toMatchObject({ level: 40, probe: 1 });
        expect(typeof probe!.reqId).toBe('string');
        expect(lines.find((l) => l.msg === 'inner probe')).toMatchObject({ level: 50, part: 'inner', reqId: probe!.reqId });
      } finally {
        await emu.app.close();
      }
    }
  });
});
