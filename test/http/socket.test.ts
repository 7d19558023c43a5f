import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { startEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';
import { startCli, stop } from '../support/cli.js';

describe('over a real socket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccloud-emulator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('startEmulator() listens on a free port and hands out working credentials', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await request(`${emu.url}/org/v2/environments`, { headers: { authorization: basic(emu.apiKey, emu.apiSecret) } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).toBeTruthy();
      expect(res.headers['x-ratelimit-limit']).toBeTruthy();
      const body = (await res.body.json()) as { data: Array<{ id: string; metadata: { self: string } }> };
      expect(body.data[0].id).toBe(emu.environmentId);
      expect(body.data[0].metadata.self).toBe(`${emu.url}/org/v2/environments/${emu.environmentId}`);
    } finally {
      await emu.close();
    }
  });

  it('startEmulator() honours a public URL for every link it hands out', async () => {
    const emu = await startEmulator({ publicUrl: 'https://emulator.example.com:9443' });
    try {
      expect(emu.url).toBe('https://emulator.example.com:9443');
      const port = emu.emulator.app.server.address() as { port: number };
      const res = await request(`http://127.0.0.1:${port.port}/org/v2/environments`, { headers: { authorization: basic(emu.apiKey, emu.apiSecret) } });
      const body = (await res.body.json()) as { metadata: { first: string } };
      expect(body.metadata.first).toMatch(/^https:\/\/emulator\.example\.com:9443\/org\/v2\/environments/);
    } finally {
      await emu.close();
    }
  });

  it('the CLI takes CCLOUD_EMULATOR_* variables, prints its URL and bootstrap credentials, and answers on them', async () => {
    const { child, url, output } = await startCli([], {
      CCLOUD_EMULATOR_PORT: '0',
      CCLOUD_EMULATOR_DB: join(dir, 'env.db'),
      CCLOUD_EMULATOR_API_KEY: 'ENVVARKEY0000001',
      CCLOUD_EMULATOR_API_SECRET: 'from-the-environment',
      CCLOUD_EMULATOR_RATE_LIMIT: '3',
      CCLOUD_EMULATOR_LOG_LEVEL: 'silent',
    });
    try {
      expect(output).toContain('ENVVARKEY0000001');
      expect(output).toContain('from-the-environment');
      expect(output).toContain(`console:       ${url}/ui/`);
      const auth = { authorization: basic('ENVVARKEY0000001', 'from-the-environment') };
      const first = await request(`${url}/iam/v2/users`, { headers: auth });
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-ratelimit-limit']).toBe('3');
      await first.body.dump();
      const wrong = await request(`${url}/iam/v2/users`, { headers: { authorization: basic('ENVVARKEY0000001', 'nope') } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Basic/);
      await wrong.body.dump();
    } finally {
      await stop(child);
    }
  });
});
