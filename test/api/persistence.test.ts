import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { basic } from '../helpers.js';

const CLI = join(process.cwd(), 'dist', 'src', 'cli.js');
const KEY = 'PERSISTKEY000001';
const SECRET = 'persist-secret';

/** Starts the built CLI on a free port and resolves with its URL once it prints it. */
function startCli(db: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--db', db, '--log-level', 'silent', '--api-key', KEY, '--api-secret', SECRET], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start-up line: ${out}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
}

const auth = { authorization: basic(KEY, SECRET), 'content-type': 'application/json' };

describe('persistence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccloud-emulator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an acknowledged write survives kill -9, and ids are not reissued after restart', async () => {
    const db = join(dir, 'store.db');
    const first = await startCli(db);
    const created = await request(`${first.url}/org/v2/environments`, { method: 'POST', headers: auth, body: JSON.stringify({ display_name: 'survivor' }) });
    expect(created.statusCode).toBe(201);
    const env = (await created.body.json()) as { id: string };
    const key = await request(`${first.url}/iam/v2/api-keys`, { method: 'POST', headers: auth, body: JSON.stringify({ spec: { display_name: 'k', owner: { id: 'u-00000' } } }) });
    expect(key.statusCode).toBe(202);
    const k = (await key.body.json()) as { id: string; spec: { secret: string } };

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await startCli(db);
    try {
      const read = await request(`${second.url}/org/v2/environments/${env.id}`, { headers: auth });
      expect(read.statusCode).toBe(200);
      expect(((await read.body.json()) as { display_name: string }).display_name).toBe('survivor');
      // The key created before the crash still authenticates.
      const withNewKey = await request(`${second.url}/org/v2/environments`, { headers: { authorization: basic(k.id, k.spec.secret) } });
      expect(withNewKey.statusCode).toBe(200);
      await withNewKey.body.dump();
    } finally {
      second.child.kill('SIGKILL');
    }
  });
});
