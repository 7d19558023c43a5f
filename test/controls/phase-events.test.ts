import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/index.js';
import { basic } from '../helpers.js';

/**
 * The service-kept phased kinds through startEmulator()'s controls (advance, fail) and the event
 * stream: each change is a `phase` event, and a timed phase the clock passes arrives through the
 * stream's ticker without anyone reading the resource.
 */
describe('phase events and startEmulator() controls for mirror topics, broker tasks and exporters', () => {
  let emu: RunningEmulator;
  let org: Awaited<ReturnType<RunningEmulator['newOrganization']>>;
  const call = async (method: string, path: string, body: unknown, authorization: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${emu.url}${path}`, { method, headers: { authorization, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const orgAuth = () => basic(org.api_key, org.api_secret);

  /** A provisioned Kafka cluster of the organization, and an API key of it. */
  async function cluster(name: string) {
    const c = await call('POST', '/cmk/v2/clusters', { spec: { display_name: name, availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: org.environment_id } } }, orgAuth(), { 'x-emulator-lifecycle': 'immediate' });
    expect(c.status).toBe(202);
    const key = await call('POST', '/iam/v2/api-keys', { spec: { owner: { id: org.user_id }, resource: { id: c.body.id } } }, orgAuth());
    return { id: c.body.id as string, key: key.body.id as string, secret: key.body.spec.secret as string, auth: basic(key.body.id, key.body.spec.secret) };
  }

  beforeAll(async () => {
    emu = await startEmulator({ lifecycle: 'timed', kafkaPort: null });
    org = await emu.newOrganization();
  });
  afterAll(() => emu.close());

  it('mirror topics: advance and the clock each send STOPPED; fail sends FAILED', async () => {
    const src = await cluster('src');
    const dst = await cluster('dst');
    for (const name of ['a', 'b', 'c']) expect((await call('POST', `/kafka/v3/clusters/${src.id}/topics`, { topic_name: name, partitions_count: 1 }, src.auth)).status).toBe(201);
    const jaas = `org.apache.kafka.common.security.plain.PlainLoginModule required username="${src.key}" password="${src.secret}";`;
    expect((await call('POST', `/kafka/v3/clusters/${dst.id}/links?link_name=l`, { source_cluster_id: src.id, configs: [{ name: 'sasl.jaas.config', value: jaas }] }, dst.auth)).status).toBe(204);
    for (const name of ['a', 'b', 'c']) expect((await call('POST', `/kafka/v3/clusters/${dst.id}/links/l/mirrors`, { source_topic_name: name }, dst.auth)).status).toBe(204);

    const events = await org.control.events({ kind: 'MirrorTopic' });
    try {
      await call('POST', `/kafka/v3/clusters/${dst.id}/links/l/mirrors:promote`, { mirror_topic_names: ['a', 'b'] }, dst.auth);
      const pending = await events.phase(`${dst.id}:a`, 'PENDING_STOPPED');
      expect(pending.data).toMatchObject({ kind: 'MirrorTopic', api_version: 'kafka/v3', organization_id: org.organization_id });
      expect(await emu.advance(`${dst.id}:a`)).toMatchObject({ previous_phase: 'PENDING_STOPPED', phase: 'STOPPED', settled: true });
      expect((await events.phase(`${dst.id}:a`, 'STOPPED')).event).toBe('phase');
      // b is left to the clock: the stream's ticker stores it STOPPED and says so.
      await emu.clock.advance(6000);
      expect((await events.phase(`${dst.id}:b`, 'STOPPED')).event).toBe('phase');
      expect(await emu.fail(`${dst.id}:c`, 'gone wrong')).toMatchObject({ previous_phase: 'ACTIVE', phase: 'FAILED' });
      await events.phase(`${dst.id}:c`, 'FAILED');
    } finally {
      await events.close();
    }
  });

  it('remove-broker tasks: advance sends the FAILED the plan ends in', async () => {
    const c = await cluster('brokers');
    const events = await org.control.events({ kind: 'KafkaBrokerTask' });
    try {
      expect((await call('DELETE', `/kafka/v3/clusters/${c.id}/brokers/1`, undefined, c.auth)).status).toBe(202);
      await events.phase(`${c.id}:1`, 'IN_PROGRESS');
      expect(await org.control.advance(`${c.id}:1`, 'settled')).toMatchObject({ kind: 'KafkaBrokerTask', phase: 'FAILED' });
      await events.phase(`${c.id}:1`, 'FAILED');
    } finally {
      await events.close();
    }
  });

  it('exporters: advance sends RUNNING, fail sends ERROR', async () => {
    const sr = await call('POST', '/srcm/v2/clusters', { spec: { package: 'ESSENTIALS', environment: { id: org.environment_id }, region: { id: 'sgreg-1' } } }, orgAuth(), { 'x-emulator-lifecycle': 'immediate' });
    const key = (await call('POST', '/iam/v2/api-keys', { spec: { owner: { id: org.user_id }, resource: { id: sr.body.id } } }, orgAuth())).body;
    const events = await org.control.events({ kind: 'Exporter' });
    try {
      const created = await call('POST', '/exporters', { name: 'dr', config: { 'schema.registry.url': 'https://psrc-xxxxx.example.com' } }, basic(key.id, key.spec.secret), { 'content-type': 'application/vnd.schemaregistry.v1+json' });
      expect(created.body).toEqual({ name: 'dr' });
      await events.phase(`${sr.body.id}:dr`, 'STARTING');
      expect(await emu.advance(`${sr.body.id}:dr`)).toMatchObject({ phase: 'RUNNING' });
      await events.phase(`${sr.body.id}:dr`, 'RUNNING');
      expect(await emu.fail(`${sr.body.id}:dr`, 'refused')).toMatchObject({ phase: 'ERROR' });
      await events.phase(`${sr.body.id}:dr`, 'ERROR');
    } finally {
      await events.close();
    }
  });
});
