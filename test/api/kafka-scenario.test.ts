import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, basic } from '../helpers.js';

/**
 * The whole path a client takes: an environment and a cluster, PROVISIONED on the virtual clock,
 * a Kafka API key, a topic, 1,000 keyed records produced over Kafka REST v3, consumed over REST
 * Proxy v2, committed, and the consumer group's lag read back over v3.
 */
describe('Kafka end to end: provision, produce over v3, consume over v2, lag over v3', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());

  it('runs the whole scenario', async () => {
    const o = await t.newOrg();
    const cloud = { authorization: o.auth };
    const env = (await t.post('/org/v2/environments', { display_name: 'scenario' }, cloud)).body;
    const created = await t.post('/cmk/v2/clusters', { spec: { display_name: 'orders', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env.id } } }, cloud);
    expect(created.status).toBe(202);
    const clusterId = created.body.id;
    const read = () => t.get(`/cmk/v2/clusters/${clusterId}?environment=${env.id}`, cloud);
    expect((await read()).body.status.phase).toBe('PROVISIONING');
    await t.post('/_emulator/clock/advance', { seconds: 600 });
    const ready = (await read()).body;
    expect(ready.status.phase).toBe('PROVISIONED');
    expect(ready.spec.http_endpoint).toBe('http://emulator.test');

    const key = (await t.post('/iam/v2/api-keys', { spec: { owner: { id: o.user }, resource: { id: clusterId, environment: env.id } } }, cloud)).body;
    const kafka = { authorization: basic(key.id, key.spec.secret) };
    const v3 = `${ready.spec.http_endpoint.replace('http://emulator.test', '')}/kafka/v3/clusters/${clusterId}`;
    expect((await t.post(`${v3}/topics`, { topic_name: 'orders', partitions_count: 6 }, kafka)).status).toBe(201);

    const records = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ key: { type: 'STRING', data: `customer-${i % 37}` }, value: { type: 'JSON', data: { order: i } } })).join('\n');
    const produced = await t.request('POST', `${v3}/topics/orders/records`, records, { ...kafka, 'content-type': 'application/json' });
    expect(produced.status).toBe(200);
    const reports = produced.raw.split('\n').map((l) => JSON.parse(l));
    expect(reports).toHaveLength(1000);
    expect(reports.every((r) => r.error_code === 200)).toBe(true);

    const v2 = { ...kafka, 'content-type': 'application/vnd.kafka.v2+json' };
    const consumer = (await t.post('/consumers/billing', { name: 'billing-1', format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' }, v2)).body;
    const base = new URL(consumer.base_uri).pathname;
    expect((await t.post(`${base}/subscription`, { topics: ['orders'] }, v2)).status).toBe(204);
    const consumed: Array<{ partition: number; offset: number; key: string; value: string }> = [];
    for (let i = 0; i < 10 && consumed.length < 1000; i++) {
      consumed.push(...(await t.get(`${base}/records?timeout=0`, { ...kafka, accept: 'application/vnd.kafka.binary.v2+json' })).body);
    }
    expect(consumed).toHaveLength(1000);

    const partitionOfKey = new Map<string, number>();
    const lastOffset = new Map<number, number>();
    for (const r of consumed) {
      const k = Buffer.from(r.key, 'base64').toString();
      expect(partitionOfKey.get(k) ?? r.partition).toBe(r.partition);
      partitionOfKey.set(k, r.partition);
      expect(r.offset).toBe((lastOffset.get(r.partition) ?? -1) + 1);
      lastOffset.set(r.partition, r.offset);
    }
    const orders = consumed.map((r) => JSON.parse(Buffer.from(r.value, 'base64').toString()).order).sort((a, b) => a - b);
    expect(orders).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    // The producer's reports agree with what the consumer read.
    for (const rep of reports) expect(lastOffset.get(rep.partition_id)).toBeGreaterThanOrEqual(rep.offset);

    expect((await t.post(`${base}/offsets`, {}, v2)).status).toBe(200);
    const lags = (await t.get(`${v3}/consumer-groups/billing/lags`, kafka)).body.data;
    expect(lags.length).toBe(lastOffset.size);
    expect(lags.every((l: any) => l.lag === 0 && l.current_offset === l.log_end_offset && l.consumer_id === 'billing-1')).toBe(true);
    const summary = (await t.get(`${v3}/consumer-groups/billing/lag-summary`, kafka)).body;
    expect(summary).toMatchObject({ kind: 'KafkaConsumerGroupLagSummary', total_lag: 0, max_lag: 0 });

    // More records raise the lag, which the v3 view sees at once.
    await t.post(`${v3}/topics/orders/records`, { key: { type: 'STRING', data: 'customer-1' }, value: { type: 'JSON', data: {} } }, kafka);
    const after = (await t.get(`${v3}/consumer-groups/billing/lag-summary`, kafka)).body;
    expect(after).toMatchObject({ total_lag: 1, max_lag: 1, max_lag_topic_name: 'orders', max_lag_partition_id: partitionOfKey.get('customer-1') });
    const group = (await t.get(`${v3}/consumer-groups/billing`, kafka)).body;
    expect(group).toMatchObject({ kind: 'KafkaConsumerGroup', state: 'STABLE', consumer_group_id: 'billing' });
    expect((await t.get(`${v3}/consumer-groups/billing/consumers`, kafka)).body.data.map((c: any) => c.consumer_id)).toEqual(['billing-1']);
  });
});
