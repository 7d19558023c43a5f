import { Agent, request } from 'undici';
import { performance } from 'node:perf_hooks';

/** One keep-alive agent for every sequential request of the suite. */
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 4 });

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  /** Milliseconds from sending the request to having read the whole body. */
  ms: number;
}

export async function http<T = any>(method: string, url: string, o: { auth?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...(o.headers ?? {}) };
  if (o.auth) headers.authorization = o.auth;
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
    headers['content-type'] = 'application/json';
  }
  const t0 = performance.now();
  const res = await request(url, { method: method as 'GET', headers, body, dispatcher: agent });
  const text = await res.body.text();
  const ms = performance.now() - t0;
  let parsed: unknown = text;
  // A streamed answer (one JSON value per line) stays text.
  if (text && String(res.headers['content-type'] ?? '').includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.statusCode, body: parsed as T, headers: res.headers, ms };
}

/** Like http(), but throws unless the status is the expected one. */
export async function expectStatus<T = any>(status: number, method: string, url: string, o: Parameters<typeof http>[2] = {}): Promise<HttpResult<T>> {
  const r = await http<T>(method, url, o);
  if (r.status !== status) {
    const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    throw new Error(`${method} ${url}: expected ${status}, got ${r.status}: ${text.slice(0, 500)}`);
  }
  return r;
}

export const basicAuth = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

export async function closeHttp(): Promise<void> {
  await agent.close();
}
