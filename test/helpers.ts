import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildApp, type Emulator } from '../src/app.js';
import { defaultConfig, type Config } from '../src/config.js';

export const TEST_DOCS = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'openapi');

export interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  raw: string;
}

export const basic = (key: string, secret: string) => 'Basic ' + Buffer.from(`${key}:${secret}`).toString('base64');

/**
 * An emulator in memory, driven through app.inject, with self-check on: every response is
 * validated against its operation, and a mismatch turns into a 500 that fails the test.
 */
export class TestEmulator {
  auth: string;

  private constructor(readonly emu: Emulator) {
    this.auth = basic(emu.bootstrap!.apiKey!, emu.bootstrap!.apiSecret!);
  }

  static async start(overrides: Partial<Config> = {}): Promise<TestEmulator> {
    const emu = await buildApp({ ...defaultConfig(), db: ':memory:', logLevel: 'silent', selfCheck: true, ...overrides });
    return new TestEmulator(emu);
  }

  get rt() {
    return this.emu.runtime;
  }

  get env() {
    return this.emu.bootstrap!.environmentId!;
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.emu.app.inject({
      method: method as any,
      url,
      headers: { authorization: this.auth, host: 'emulator.test', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    let parsed: unknown;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, headers: res.headers as Response['headers'], body: parsed, raw: res.body };
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PATCH', url, body, headers);
  put = (url: string, body: unknown, headers?: Record<string, string>) => this.request('PUT', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);

  /** A fresh isolated organization; returns an Authorization header for its key. */
  async newOrg(): Promise<{ auth: string; org: string; env: string; user: string; key: string; secret: string }> {
    const r = await this.post('/_emulator/orgs', {});
    if (r.status !== 201) throw new Error(`createEmulatorOrg: ${r.status} ${r.raw}`);
    const b = r.body;
    return { auth: basic(b.api_key, b.api_secret), org: b.organization_id, env: b.environment_id, user: b.user_id, key: b.api_key, secret: b.api_secret };
  }

  close = () => this.emu.app.close();
}

/** The error entries of a management error body. */
export const errorsOf = (r: Response) => r.body?.errors as Array<Record<string, any>>;
