import autocannon from 'autocannon';

/** One HTTP request shape to put under load. */
export interface LoadSpec {
  method: 'GET' | 'POST';
  path: string;
  auth: string;
  /**
   * JSON body: fixed, or made afresh for every request. (autocannon's own `idReplacement` is not
   * used: it sets Content-Length as if every id were 27 bytes long, which hyperid's ids are not,
   * and the server then waits for bytes that never come.)
   */
  body?: string | (() => string);
}

export interface LoadResult {
  /** Successful (2xx) responses per second. */
  rps: number;
  /** Latency percentiles in ms (autocannon records whole milliseconds). */
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Status code -> count, when anything but 2xx came back. */
  statuses: Record<string, number>;
  seconds: number;
}

/** Runs autocannon against baseUrl for `seconds` with `connections` keep-alive connections. */
export async function runLoad(baseUrl: string, spec: LoadSpec, seconds: number, connections: number): Promise<LoadResult> {
  const headers: Record<string, string> = { authorization: spec.auth, accept: 'application/json' };
  if (spec.body !== undefined) headers['content-type'] = 'application/json';
  const makeBody = spec.body;
  const perRequest =
    typeof makeBody === 'function'
      ? {
          requests: [
            {
              method: spec.method,
              path: spec.path,
              headers,
              setupRequest: (req: autocannon.Request) => {
                req.body = makeBody();
                return req;
              },
            },
          ],
        }
      : { body: makeBody };
  const r = await autocannon({
    url: baseUrl + spec.path,
    method: spec.method,
    headers,
    ...perRequest,
    connections,
    duration: seconds,
    timeout: 10,
  });
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = s.count;
  return {
    rps: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statuses,
    seconds: r.duration,
  };
}
