import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { basic } from '../helpers.js';
import { startCli, stop } from '../support/cli.js';

const KEY = 'PERSISTKEY000001';
const SECRET = 'persist-secret';
const auth = { authorization: basic(KEY, SECRET), 'content-type': 'application/json' };
const cli = (db: string) => startCli(['--port', '0', '--db', db, '--log-level', 'silent', '--api-key', KEY, '--api-secret', SECRET]);

describe('persistence of the file-backed store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccloud-emulator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an acknowledged write survives kill -9, and a key created before the crash still works', async () => {
    const db = join(dir, 'crash.db');
    const first = await cli(db);
    const created = await request(`${first.url}/org/v2/environments`, { method: 'POST', headers: auth, body: JSON.stringify({ display_name: 'survivor' }) });
    expect(created.statusCode).toBe(201);
    const env = (await created.body.json()) as { id: string };
    const key = await request(`${first.url}/iam/v2/api-keys`, { method: 'POST', headers: auth, body: JSON.stringify({ spec: { display_name: 'k', owner: { id: 'u-00000' } } }) });
    expect(key.statusCode).toBe(202);
    const k = (await key.body.json()) as { id: string; spec: { secret: string } };

    await stop(first.child, 'SIGKILL');

    const second = await cli(db);
    try {
      const read = await request(`${second.url}/org/v2/environments/${env.id}`, { headers: auth });
      expect(read.statusCode).toBe(200);
      expect(((await read.body.json()) as { display_name: string }).display_name).toBe('survivor');
      const withNewKey = await request(`${second.url}/org/v2/environments`, { headers: { authorization: basic(k.id, k.spec.secret) } });
      expect(withNewKey.statusCode).toBe(200);
      await withNewKey.body.dump();
    } finally {
      await stop(second.child, 'SIGKILL');
    }
  });

  it('a clean restart keeps everything, deletions included, and does not reload the fixtures over it', async () => {
    const db = join(dir, 'restart.db');
    const first = await cli(db);
    const sa = await request(`${first.url}/iam/v2/service-accounts`, { method: 'POST', headers: auth, body: JSON.stringify({ display_name: 'kept' }) });
    const kept = (await sa.body.json()) as { id: string };
    const del = await request(`${first.url}/iam/v2/service-accounts/sa-00000`, { method: 'DELETE', headers: auth });
    expect(del.statusCode).toBe(204);
    expect(await stop(first.child)).toBe(0);

    const second = await cli(db);
    try {
      const list = await request(`${second.url}/iam/v2/service-accounts`, { headers: auth });
      const ids = ((await list.body.json()) as { data: Array<{ id: string }> }).data.map((s) => s.id);
      expect(ids).toEqual([kept.id]);
    } finally {
      await stop(second.child);
    }
  });
});
