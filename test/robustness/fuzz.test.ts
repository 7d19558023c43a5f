import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation } from '../../src/openapi/types.js';
import { TestEmulator, basic } from '../helpers.js';
import { kafkaCluster, schemaRegistry } from '../support/clusters.js';
import { BAD_AUTHORIZATIONS, HOSTILE_PATH_VALUES, MALFORMED_BODIES, hostileQueryValue, inDialect, pick, sample, seeded, type Rng } from '../support/fuzz.js';

/**
 * Seeded, bounded fuzzing of every operation of the documents: malformed bodies, wrong types,
 * hostile strings, long and unicode path parameters, broken percent-encodings, huge list filters,
 * other content types and bad credentials. The emulator must never answer 5xx, and every error
 * body must be in the dialect of the operation's group. A failure prints its seed and request.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const VARIANTS_PER_OPERATION = 6;

interface Finding {
  request: string;
  status: number;
  body: string;
}

describe('fuzz: no input gets a 5xx or an error outside its dialect', () => {
  let t: TestEmulator;
  /** Real values for path parameters, so that requests reach the handlers and not only the 404s. */
  const known: Record<string, string> = {};
  const auths: Record<string, string> = {};
  const findings: Finding[] = [];

  beforeAll(async () => {
    t = await TestEmulator.start({ selfCheck: false, lifecycle: { mode: 'immediate', reads: 3 } });
    const k = await kafkaCluster(t);
    const sr = await schemaRegistry(t);
    // Both clusters live in orgs of their own; the management calls use the Kafka cluster's org.
    auths.management = k.org.auth;
    auths.kafka = k.auth.authorization;
    auths.sr = sr.auth.authorization;
    const flinkKey = await t.post('/iam/v2/api-keys', { spec: { owner: { id: k.org.user }, resource: { id: k.org.env } } }, { authorization: k.org.auth });
    auths.flink = basic(flinkKey.body.id, flinkKey.body.spec.secret);
    const v3 = `/kafka/v3/clusters/${k.id}`;
    expect((await t.post(`${v3}/topics`, { topic_name: 'orders', partitions_count: 2 }, k.auth)).status).toBe(201);
    expect((await t.post(`${v3}/topics/orders/records`, { key: { type: 'JSON', data: 1 }, value: { type: 'JSON', data: { n: 1 } } }, k.auth)).status).toBe(200);
    expect((await t.post('/subjects/orders-value/versions', { schema: '"string"' }, sr.auth)).status).toBe(200);
    Object.assign(known, {
      cluster_id: k.id,
      topic_name: 'orders',
      partition_id: '0',
      subject: 'orders-value',
      version: 'latest',
      id: '1',
      environment_id: k.org.env,
      organization_id: k.org.org,
      org_id: k.org.org,
      environment: k.org.env,
      link_name: 'fuzz-link',
      consumer_group_id: 'fuzz-group',
      group_name: 'fuzz-group',
    });
  });
  afterAll(() => t?.close());

  const authFor = (op: Operation) => {
    if (op.group === 'kafka/v3' || op.group === 'rest-proxy/v2') return auths.kafka;
    if (op.group === 'schema-registry/v1' || op.group === 'catalog/v1') return auths.sr;
    if (op.group === 'sql/v1') return auths.flink;
    return auths.management;
  };

  /** One request for an operation, built from the generator's choices. */
  function variant(op: Operation, rng: Rng, n: number) {
    const hostilePath = n % 3 === 1;
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (!hostilePath && known[name] !== undefined) return known[name];
      return pick(rng, HOSTILE_PATH_VALUES);
    });
    const query: string[] = [];
    for (const p of op.parameters.filter((p) => p.in === 'query')) {
      if (p.name === 'environment' && rng() < 0.7) query.push(`environment=${known.environment}`);
      else if (rng() < 0.5) query.push(`${encodeURIComponent(p.name)}=${hostileQueryValue(rng)}`);
    }
    const headers: Record<string, string> = {};
    const authorization = n % 5 === 4 ? pick(rng, BAD_AUTHORIZATIONS) : authFor(op);
    if (authorization !== undefined) headers.authorization = authorization;
    let payload: string | undefined;
    if (op.requestSchema || op.method !== 'GET') {
      if (n % 4 === 2) payload = pick(rng, MALFORMED_BODIES);
      else {
        const body = sample(op.requestSchema, rng);
        payload = JSON.stringify(body);
      }
      headers['content-type'] = rng() < 0.9 ? 'application/json' : pick(rng, ['text/plain', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data; boundary=x']);
    }
    return { method: op.method, url: path + (query.length ? `?${query.join('&')}` : ''), headers, payload };
  }

  it('answers every operation of every document without a 5xx, in its dialect', async () => {
    const rng = seeded(SEED);
    const operations = t.rt.docs.operations.filter((op) => !op.path.startsWith('/_emulator'));
    expect(operations.length).toBeGreaterThan(350);
    let sent = 0;
    const slowest = { ms: 0, request: '' };
    for (const op of operations) {
      for (let n = 0; n < VARIANTS_PER_OPERATION; n++) {
        const req = variant(op, rng, n);
        const started = performance.now();
        if (process.env.FUZZ_TRACE) process.stderr.write(`${op.operationId} ${req.method} ${req.url.slice(0, 120)}\n`);
        const res = await t.emu.app.inject({ method: req.method as any, url: req.url, headers: { host: 'emulator.test', ...req.headers }, payload: req.payload });
        sent++;
        const took = performance.now() - started;
        if (took > slowest.ms) Object.assign(slowest, { ms: took, request: `${op.operationId} ${req.method} ${req.url.slice(0, 120)}` });
        let body: unknown;
        try {
          body = JSON.parse(res.body);
        } catch {
          body = undefined;
        }
        // An error outside the dialect passes only where the operation's document declares that body
        // for that status (a batch's 404 with per-item results).
        const declared = () => op.responses[String(res.statusCode)] !== undefined && t.rt.validator.checkResponse(op, res.statusCode, body).length === 0;
        const bad = res.statusCode >= 500 || (res.statusCode >= 400 && !inDialect(op.dialect, body) && !declared());
        if (bad) findings.push({ request: `${op.operationId}: ${req.method} ${req.url.slice(0, 200)} ${req.payload?.slice(0, 200) ?? ''}`, status: res.statusCode, body: res.body.slice(0, 300) });
      }
    }
    console.log(`${sent} requests; slowest ${slowest.ms.toFixed(0)} ms: ${slowest.request}`);
    expect(sent).toBe(operations.length * VARIANTS_PER_OPERATION);
    // One example per operation and status, so that a report stays readable.
    const examples = new Map<string, Finding>();
    for (const f of findings) examples.set(`${f.request.split(':')[0]} ${f.status}`, f);
    const report = [...examples.values()].slice(0, 40).map((f) => `${f.status} ${f.request}\n   -> ${f.body}`).join('\n');
    expect(findings.length, `seed ${SEED}: ${findings.length} findings\n${report}`).toBe(0);
  }, 120_000);
});
