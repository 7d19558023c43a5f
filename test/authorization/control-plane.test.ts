import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator } from '../helpers.js';

/** A request over a real socket, with whatever Host header the test names. */
function call(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let data = '';
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode!, body: data ? JSON.parse(data) : undefined }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('control plane protection', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('refuses a request from another origin (403) and takes one from its own', async () => {
    const foreign = await t.post('/_emulator/reset', {}, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors[0].detail).toContain('https://evil.example');
    expect((await t.get('/_emulator/clock', { origin: 'null' })).status).toBe(403);
    expect((await t.get('/_emulator/clock', { origin: 'http://emulator.test' })).status).toBe(200);
  });

  it('refuses a state change whose body is not JSON (415), as a cross-site form would send', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const r = await t.request('POST', '/_emulator/reset', 'org=x', { 'content-type': type });
      expect(r.status, type).toBe(415);
    }
    expect((await t.post('/_emulator/clock/advance', { seconds: 1 })).status).toBe(200);
    expect((await t.request('POST', '/_emulator/orgs')).status).toBe(201);
  });

  it('leaves the other APIs to their own credentials: the Origin check is the control plane’s', async () => {
    expect((await t.get('/org/v2/environments', { origin: 'https://evil.example' })).status).toBe(200);
  });
});

describe('--admin-token', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start({ adminToken: 's3cret-token' });
  });
  afterAll(() => t.close());

  it('needs Authorization: Bearer <token> on the control plane, except health', async () => {
    const none = await t.post('/_emulator/orgs', {});
    expect(none.status).toBe(401);
    expect(none.body.errors[0].detail).toMatch(/admin token/);
    expect((await t.post('/_emulator/orgs', {}, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await t.post('/_emulator/orgs', {}, { authorization: 'Bearer s3cret-token' })).status).toBe(201);
    expect((await t.get('/_emulator/health', { authorization: '' })).status).toBe(200);
    // The Cloud APIs keep their own credentials.
    expect((await t.get('/org/v2/environments')).status).toBe(200);
  });
});

describe('DNS rebinding, when bound to a loopback address', () => {
  let t: TestEmulator;
  let port: number;
  beforeAll(async () => {
    t = await TestEmulator.start({ publicUrl: 'http://emulator.internal:9999' });
    await t.emu.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.emu.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers loopback names and the public URL’s host, and refuses any other Host with 403', async () => {
    expect((await call(port, 'GET', '/_emulator/clock', { host: `localhost:${port}` })).status).toBe(200);
    expect((await call(port, 'GET', '/_emulator/clock', { host: `127.0.0.1:${port}` })).status).toBe(200);
    expect((await call(port, 'GET', '/_emulator/clock', { host: `[::1]:${port}` })).status).toBe(200);
    expect((await call(port, 'GET', '/_emulator/clock', { host: 'emulator.internal:9999' })).status).toBe(200);
    const rebound = await call(port, 'POST', '/_emulator/reset', { host: 'evil.example', 'content-type': 'application/json' }, '{}');
    expect(rebound.status).toBe(403);
    expect(rebound.body.errors[0].detail).toContain('evil.example');
  });
});

describe('snapshots', () => {
  it('mask connector and cluster-link secrets unless include_secrets=true', async () => {
    const t = await TestEmulator.start({ lifecycle: { mode: 'immediate', reads: 1 } });
    try {
      const { kafkaCluster } = await import('../support/clusters.js');
      const c = await kafkaCluster(t);
      const d = await kafkaCluster(t);
      const key = await t.post('/iam/v2/api-keys', { spec: { owner: { id: c.org.user }, resource: { id: c.id } } }, { authorization: c.orgAuth });
      const secret = key.body.spec.secret as string;
      const config = { 'connector.class': 'DatagenSource', 'kafka.api.key': key.body.id, 'kafka.api.secret': secret, 'kafka.topic': 'orders', quickstart: 'ORDERS', 'tasks.max': '1' };
      const conn = await t.post(`/connect/v1/environments/${c.org.env}/clusters/${c.id}/connectors`, { name: 'gen', config }, { authorization: c.orgAuth });
      expect(conn.status, conn.raw).toBe(201);
      // A link of d to c, across organizations, authenticated with c's key.
      const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="${key.body.id}" password="${secret}";`;
      const link = await t.post(`/kafka/v3/clusters/${d.id}/links?link_name=l1`, { source_cluster_id: c.id, configs: [{ name: 'sasl.jaas.config', value: jaas }] }, d.auth);
      expect(link.status, link.raw).toBe(204);

      const masked = JSON.stringify((await t.get('/_emulator/snapshot')).body);
      expect(masked).not.toContain(secret);
      expect(masked).toContain('****************');
      const full = JSON.stringify((await t.get('/_emulator/snapshot?include_secrets=true')).body);
      expect(full).toContain(secret);
      expect(full).toContain('sasl.jaas.config');
    } finally {
      await t.close();
    }
  });
});
