import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Reader } from '../../src/kafka-protocol/codec/reader.js';
import { RawConnection, rawAuthenticate, requestFrame, startKafkaEnv, type KafkaEnv } from './support.js';

describe('Kafka listener: connection, ApiVersions and SASL', () => {
  let env: KafkaEnv;
  beforeAll(async () => {
    env = await startKafkaEnv();
  });
  afterAll(() => env.close());

  it('answers ApiVersions v0-v3 before authentication, with ranges starting at 0', async () => {
    const raw = await RawConnection.open(env.port);
    for (const v of [0, 1, 2]) {
      raw.send(requestFrame(18, v, 10 + v));
      const r = new Reader((await raw.frame())!);
      expect(r.int32()).toBe(10 + v);
      expect(r.int16()).toBe(0);
      const apis = r.array((r) => ({ key: r.int16(), min: r.int16(), max: r.int16() }));
      expect(apis.find((a) => a.key === 18)).toEqual({ key: 18, min: 0, max: 3 });
      expect(apis.every((a) => a.min === 0)).toBe(true);
      if (v >= 1) expect(r.int32()).toBe(0);
      expect(r.remaining).toBe(0);
    }
    // v3: a flexible request header (tagged fields) and body; the response header stays v0.
    raw.send(
      requestFrame(18, 3, 13, (w) => {
        w.taggedFields();
        w.compactString('test-client').compactString('1.0').taggedFields();
      }),
    );
    const r3 = new Reader((await raw.frame())!);
    expect(r3.int32()).toBe(13);
    expect(r3.int16()).toBe(0);
    const apis = r3.compactArray((r) => {
      const a = { key: r.int16(), min: r.int16(), max: r.int16() };
      r.taggedFields();
      return a;
    });
    expect(apis.map((a) => a.key)).toContain(36);
    raw.close();
  });

  it('answers a too-new ApiVersions in the v0 layout with UNSUPPORTED_VERSION (KIP-511)', async () => {
    const raw = await RawConnection.open(env.port);
    raw.send(requestFrame(18, 9, 5, (w) => w.raw(Buffer.from([0, 0, 0, 1]))));
    const r = new Reader((await raw.frame())!);
    expect(r.int32()).toBe(5);
    expect(r.int16()).toBe(35);
    const apis = r.array((r) => ({ key: r.int16(), min: r.int16(), max: r.int16() }));
    expect(apis.find((a) => a.key === 18)!.max).toBe(3);
    expect(r.remaining).toBe(0);
    raw.close();
  });

  it('closes a connection that asks anything but ApiVersions and SASL before authenticating', async () => {
    const raw = await RawConnection.open(env.port);
    raw.send(requestFrame(3, 1, 1, (w) => w.int32(-1)));
    expect(await raw.frame()).toBeUndefined();
    expect(raw.closed).toBe(true);
  });

  it('authenticates SASL/PLAIN with the cluster Kafka API key', async () => {
    const raw = await RawConnection.open(env.port);
    expect(await rawAuthenticate(raw, env.key, env.secret)).toBe(0);
    raw.close();
  });

  it('refuses a wrong secret with SASL_AUTHENTICATION_FAILED and closes', async () => {
    const raw = await RawConnection.open(env.port);
    expect(await rawAuthenticate(raw, env.key, 'wrong')).toBe(58);
    expect(await raw.waitClosed()).toBe(true);
  });

  it('refuses a Cloud API key', async () => {
    const raw = await RawConnection.open(env.port);
    expect(await rawAuthenticate(raw, env.emu.apiKey, env.emu.apiSecret)).toBe(58);
    expect(await raw.waitClosed()).toBe(true);
  });

  it('takes a bare SASL/PLAIN token after a v0 handshake, and closes on a wrong one', async () => {
    for (const [secret, accepted] of [
      [env.secret, true],
      ['wrong', false],
    ] as const) {
      const raw = await RawConnection.open(env.port);
      raw.send(requestFrame(17, 0, 1, (w) => w.string('PLAIN')));
      const hs = new Reader((await raw.frame())!);
      expect(hs.int32()).toBe(1);
      expect(hs.int16()).toBe(0);
      expect(hs.array((r) => r.string())).toEqual(['PLAIN']);
      const token = Buffer.from(`\0${env.key}\0${secret}`);
      const frame = Buffer.alloc(4 + token.length);
      frame.writeInt32BE(token.length);
      token.copy(frame, 4);
      raw.send(frame);
      if (accepted) {
        expect((await raw.frame())!.length).toBe(0); // an empty frame: authenticated
        raw.send(requestFrame(3, 1, 2, (w) => w.int32(-1)));
        expect(new Reader((await raw.frame())!).int32()).toBe(2);
        raw.close();
      } else {
        expect(await raw.frame()).toBeUndefined();
      }
    }
  });

  it('refuses an unknown SASL mechanism', async () => {
    const raw = await RawConnection.open(env.port);
    raw.send(requestFrame(17, 1, 1, (w) => w.string('SCRAM-SHA-512')));
    const r = new Reader((await raw.frame())!);
    r.int32();
    expect(r.int16()).toBe(33);
    expect(await raw.waitClosed()).toBe(true);
  });

  it('reports the Kafka port in health', async () => {
    const h = await env.http('GET', '/_emulator/health');
    expect(h.body.kafka).toEqual({ port: env.port });
  });
});

describe('Kafka listener surfaces', () => {
  it('serves the CA without credentials, and health says null when the listener is off', async () => {
    const env = await startKafkaEnv();
    try {
      const { request } = await import('undici');
      const ca = await request(`${env.emu.url}/_emulator/kafka/ca.pem`);
      expect(ca.statusCode).toBe(200);
      expect(ca.headers['content-type']).toBe('application/x-pem-file');
      expect(await ca.body.text()).toBe(env.caPem);
      expect(env.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    } finally {
      await env.close();
    }
    const { TestEmulator } = await import('../helpers.js');
    const t = await TestEmulator.start();
    expect((await t.get('/_emulator/health')).body.kafka).toBeNull();
    expect((await t.get('/_emulator/kafka/ca.pem')).status).toBe(404);
    await t.emu.app.close();
  });
});

describe('cmk/v2 bootstrap endpoints', () => {
  it('name the Kafka listener on the host the request reached', async () => {
    const env = await startKafkaEnv();
    try {
      const c = await env.http('GET', `/cmk/v2/clusters/${env.clusterId}?environment=${env.envId}`);
      const host = new URL(env.emu.url).hostname;
      expect(c.body.spec.kafka_bootstrap_endpoint).toBe(`SASL_SSL://${host}:${env.port}`);
      expect(c.body.spec.endpoints.PUBLIC.kafka_bootstrap_endpoint).toBe(`${host}:${env.port}`);
    } finally {
      await env.close();
    }
  });

  it('follow the listener to another port after a restart on the same file store', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startEmulator } = await import('../../src/index.js');
    const { basic } = await import('../helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'kafka-restart-'));
    const db = join(dir, 'store.db');
    try {
      const first = await startKafkaEnv({ db });
      const { clusterId, envId, port: firstPort } = first;
      await first.close();
      // The first run's port stays taken, so the second run's listener is elsewhere.
      const { createServer } = await import('node:net');
      const holder = createServer();
      await new Promise<void>((resolve) => holder.listen(firstPort, '127.0.0.1', resolve));
      const second = await startEmulator({ db, kafkaPort: 0 });
      try {
        const port = Number(second.kafkaBootstrap!.split(':').pop());
        expect(port).not.toBe(firstPort);
        const res = await fetch(`${second.url}/cmk/v2/clusters/${clusterId}?environment=${envId}`, { headers: { authorization: basic(second.apiKey, second.apiSecret) } });
        const c = await res.json();
        const host = new URL(second.url).hostname;
        expect(c.spec.kafka_bootstrap_endpoint).toBe(`SASL_SSL://${host}:${port}`);
        expect(c.spec.endpoints.PUBLIC.kafka_bootstrap_endpoint).toBe(`${host}:${port}`);
        // The list renders them too.
        const list = await fetch(`${second.url}/cmk/v2/clusters?environment=${envId}`, { headers: { authorization: basic(second.apiKey, second.apiSecret) } });
        expect((await list.json()).data.find((x: any) => x.id === clusterId).spec.kafka_bootstrap_endpoint).toBe(`SASL_SSL://${host}:${port}`);
      } finally {
        await second.close();
        holder.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a connector's filled-in kafka.endpoint follows the listener to another port and host, as the cluster does; a given one stays", async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { request } = await import('undici');
    const dir = mkdtempSync(join(tmpdir(), 'kafka-connect-restart-'));
    const db = join(dir, 'store.db');
    const connectors = (envId: string, clusterId: string) => `/connect/v1/environments/${envId}/clusters/${clusterId}/connectors`;
    try {
      const first = await startKafkaEnv({ db });
      const { clusterId, envId, key, secret, port: firstPort } = first;
      const config = { 'connector.class': 'DatagenSource', 'kafka.api.key': key, 'kafka.api.secret': secret, 'kafka.topic': 'orders', quickstart: 'ORDERS', 'tasks.max': '1' };
      const filled = await first.http('POST', connectors(envId, clusterId), { name: 'gen', config });
      expect(filled.status).toBe(201);
      expect(filled.body.config['kafka.endpoint']).toBe(`SASL_SSL://${first.host}:${firstPort}`);
      const given = await first.http('POST', connectors(envId, clusterId), { name: 'own', config: { ...config, 'kafka.endpoint': 'SASL_SSL://mine.example:9092' } });
      expect(given.status).toBe(201);
      await first.close();
      // The first run's port stays taken, so the second run's listener is elsewhere.
      const { createServer } = await import('node:net');
      const holder = createServer();
      await new Promise<void>((resolve) => holder.listen(firstPort, '127.0.0.1', resolve));
      const second = await startKafkaEnv({ db, kafkaPort: 0 });
      try {
        expect(second.port).not.toBe(firstPort);
        const read = async (path: string, host?: string) => {
          const res = await request(`${second.emu.url}${path}`, { headers: { authorization: second.cloudAuth, ...(host ? { host } : {}) } });
          expect(res.statusCode).toBe(200);
          return (await res.body.json()) as any;
        };
        const live = `SASL_SSL://${second.host}:${second.port}`;
        const base = connectors(envId, clusterId);
        expect((await read(`/cmk/v2/clusters/${clusterId}?environment=${envId}`)).spec.kafka_bootstrap_endpoint).toBe(live);
        expect((await read(`${base}/gen`)).config['kafka.endpoint']).toBe(live);
        expect((await read(`${base}/gen/config`))['kafka.endpoint']).toBe(live);
        expect((await read(`${base}/gen/tasks`))[0].config['kafka.endpoint']).toBe(live);
        expect((await read(`${base}?expand=info`)).gen.info.config['kafka.endpoint']).toBe(live);
        // Another host the request came by: the cluster and the connector both name it.
        const other = `SASL_SSL://kafka.example:${second.port}`;
        expect((await read(`/cmk/v2/clusters/${clusterId}?environment=${envId}`, 'kafka.example:8080')).spec.kafka_bootstrap_endpoint).toBe(other);
        expect((await read(`${base}/gen/config`, 'kafka.example:8080'))['kafka.endpoint']).toBe(other);
        // An endpoint the user set is theirs.
        expect((await read(`${base}/own/config`))['kafka.endpoint']).toBe('SASL_SSL://mine.example:9092');
      } finally {
        await second.close();
        holder.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
