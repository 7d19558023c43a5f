import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { CLI, startCli, stop } from '../support/cli.js';
import { basic } from '../helpers.js';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to its exit (with a deadline), with only the variables given. */
function runCli(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CCLOUD_EMULATOR_')));
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running: ${stdout}${stderr}`));
    }, 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('first start: configuration the emulator cannot start with', () => {
  let dir: string;
  let busy: Server;
  let busyPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ccloud-emulator-first-start-'));
    busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    busyPort = (busy.address() as { port: number }).port;
  });
  afterAll(() => {
    busy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers each bad setting with one clear line and exit code 2, never a stack trace', async () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    const notADatabase = join(dir, 'garbage.db');
    writeFileSync(notADatabase, 'this is not an SQLite database, not at all'.repeat(100));
    const cases: Array<[string[], RegExp]> = [
      [['--port', '70000'], /PORT must be between 0 and 65535/],
      [['--port', '-1'], /PORT must be a non-negative integer/],
      [['--port', String(busyPort), '--db', ':memory:'], new RegExp(`port ${busyPort} on 127.0.0.1 is in use`)],
      [['--db', join(notADirectory, 'store.db')], new RegExp(`cannot open the store at ${notADirectory.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/store.db`)],
      [['--db', notADatabase], /cannot open the store at .*garbage\.db: file is not a database/],
      [['--log-level', 'loud'], /LOG_LEVEL must be one of/],
      [['--fixtures', join(dir, 'missing.json')], /FIXTURES: no file at .*missing\.json/],
      [['--host', 'not a host!', '--db', ':memory:'], /HOST must be a host name or an IP address/],
      [['--host', '203.0.113.7', '--port', '0', '--db', ':memory:'], /cannot listen on host 203\.0\.113\.7/],
      [['--body-limit', '0'], /BODY_LIMIT must be at least 1 byte/],
      [['--public-url', 'localhost:8080'], /PUBLIC_URL must be an/],
      [['--public-url', 'ftp://example.com'], /PUBLIC_URL must be an http/],
      [['--quotas', 'no_such_quota=3', '--db', ':memory:'], /QUOTAS: unknown quota no_such_quota/],
      [['--quotas', 'environments_per_org'], /QUOTAS must look like/],
      [['--self-check', 'yes'], /SELF_CHECK must be true or false/],
      [['--no-such-flag', '1'], /unknown flag --no-such-flag/],
    ];
    // A few at a time: the machine running the suite is busy with other test files.
    const exits: Exit[] = [];
    for (let i = 0; i < cases.length; i += 4) exits.push(...(await Promise.all(cases.slice(i, i + 4).map(([args]) => runCli(args)))));
    for (const [i, [args, expected]] of cases.entries()) {
      const r = exits[i];
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(expected);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  }, 240_000);

  it('prints its version', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it('warns about an unknown CCLOUD_EMULATOR_* variable and starts; prints the store path; stops on SIGTERM and SIGINT', async () => {
    const db = join(dir, 'warned.db');
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      let stderr = '';
      const started = await startCli(['--port', '0', '--db', db, '--log-level', 'silent'], { CCLOUD_EMULATOR_URL: 'http://elsewhere:1' });
      started.child.stderr!.on('data', (d) => (stderr += d));
      expect(started.output).toContain(`store:         ${db}`);
      const health = await request(`${started.url}/_emulator/health`);
      expect(health.statusCode).toBe(200);
      await health.body.dump();
      expect(await stop(started.child, signal)).toBe(0);
      expect(stderr).toBe('');
    }
    const warned = await runCli(['--port', String(busyPort)], { CCLOUD_EMULATOR_URL: 'http://elsewhere:1' });
    expect(warned.stderr).toMatch(/warning: ignoring CCLOUD_EMULATOR_URL/);
  });

  it('on an existing store, applies a new --api-secret, refuses an --api-key it does not have, and never prints credentials that do not work', async () => {
    const db = join(dir, 'keys.db');
    const first = await startCli(['--port', '0', '--db', db, '--log-level', 'silent', '--api-key', 'FIRSTKEY00000001', '--api-secret', 'first-secret']);
    await stop(first.child);

    // A new secret for the same key is applied: the banner's credentials work, the old ones do not.
    const second = await startCli(['--port', '0', '--db', db, '--log-level', 'silent', '--api-key', 'FIRSTKEY00000001', '--api-secret', 'second-secret']);
    try {
      expect(second.output).toContain('second-secret');
      const ok = await request(`${second.url}/org/v2/environments`, { headers: { authorization: basic('FIRSTKEY00000001', 'second-secret') } });
      expect(ok.statusCode).toBe(200);
      await ok.body.dump();
      const old = await request(`${second.url}/org/v2/environments`, { headers: { authorization: basic('FIRSTKEY00000001', 'first-secret') } });
      expect(old.statusCode).toBe(401);
      await old.body.dump();
    } finally {
      await stop(second.child);
    }

    // A key the store never had is refused in one line.
    const refused = await runCli(['--port', '0', '--db', db, '--api-key', 'OTHERKEY00000001', '--api-secret', 's']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--api-key OTHERKEY00000001: the store at .*keys\.db has no such live Cloud API key/);

    // Without flags, the fixtures' key is not in this store: it is not printed.
    const plain = await startCli(['--port', '0', '--db', db, '--log-level', 'silent']);
    try {
      expect(plain.output).not.toContain('EMULATORCLOUDKEY');
      expect(plain.output).toMatch(/api key:\s+\(not printed/);
    } finally {
      await stop(plain.child);
    }
  }, 60_000);

  it('refuses a store it cannot write', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere
    const locked = join(dir, 'locked');
    rmSync(locked, { recursive: true, force: true });
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const r = await runCli(['--db', join(locked, 'sub', 'store.db')]);
    chmodSync(locked, 0o700);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot open the store at .*locked\/sub\/store\.db/);
  });
});

describe('npm start builds only when a source changed', () => {
  const script = join(process.cwd(), 'scripts', 'build-if-stale.mjs');
  const check = (root: string) => spawnSync(process.execPath, [script, '--check', '--root', root], { encoding: 'utf8' });

  it('reports stale with no build, up to date after one, stale again once a source is newer', () => {
    const root = mkdtempSync(join(tmpdir(), 'ccloud-emulator-stale-'));
    try {
      mkdirSync(join(root, 'src'), { recursive: true });
      writeFileSync(join(root, 'src', 'a.ts'), 'export {};');
      utimesSync(join(root, 'src', 'a.ts'), 1000, 1000);
      expect(check(root)).toMatchObject({ status: 1, stdout: 'stale\n' });
      // The build's last output: the documents compiled from openapi/.
      mkdirSync(join(root, 'dist'), { recursive: true });
      writeFileSync(join(root, 'dist', 'openapi-documents.json'), '');
      utimesSync(join(root, 'dist', 'openapi-documents.json'), 2000, 2000);
      expect(check(root)).toMatchObject({ status: 0, stdout: 'up to date\n' });
      utimesSync(join(root, 'src', 'a.ts'), 3000, 3000);
      expect(check(root)).toMatchObject({ status: 1, stdout: 'stale\n' });
      // A changed document is a change too: the compiled documents would be stale.
      utimesSync(join(root, 'src', 'a.ts'), 1000, 1000);
      mkdirSync(join(root, 'openapi'));
      writeFileSync(join(root, 'openapi', 'a.yaml'), '');
      utimesSync(join(root, 'openapi', 'a.yaml'), 3000, 3000);
      expect(check(root)).toMatchObject({ status: 1, stdout: 'stale\n' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is what npm start runs first', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).scripts.prestart).toBe('node scripts/build-if-stale.mjs');
  });
});
