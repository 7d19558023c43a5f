import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestEmulator, errorsOf } from '../helpers.js';
import { kafkaCluster } from '../support/clusters.js';
import { TOPICS_PER_CONFIG_PAGE } from '../../src/services/kafka/topic-configs.js';
import { MAX_FIELD_CHARS } from '../../src/http/field-sizes.js';

/** Answers stay bounded whatever the store holds, and huge fields are refused before any work. */
describe('robustness: bounded answers and field sizes', () => {
  let t: TestEmulator;
  let k: Awaited<ReturnType<typeof kafkaCluster>>;

  beforeAll(async () => {
    t = await TestEmulator.start({ bodyLimit: 2 * MAX_FIELD_CHARS, lifecycle: { mode: 'immediate', reads: 3 } });
    k = await kafkaCluster(t);
  });
  afterAll(() => t.close());

  it('pages the configs of every topic, each topic once, following metadata.next', async () => {
    const topics = 2 * TOPICS_PER_CONFIG_PAGE + 7;
    t.rt.tx(() => {
      for (let i = 0; i < topics; i++) t.rt.kafka.createTopic(k.id, `t-${String(i).padStart(4, '0')}`, 1, 3, i === 5 ? { 'cleanup.policy': 'compact' } : {}, 0);
    });
    const seen = new Map<string, number>();
    let url: string | null = `/kafka/v3/clusters/${k.id}/topics/-/configs`;
    let pages = 0;
    while (url) {
      const r = await t.get(url.replace('http://emulator.test', ''), k.auth);
      expect(r.status, r.raw.slice(0, 200)).toBe(200);
      pages++;
      const names = new Set<string>(r.body.data.map((c: { topic_name: string }) => c.topic_name));
      expect(names.size).toBeLessThanOrEqual(TOPICS_PER_CONFIG_PAGE);
      for (const c of r.body.data) seen.set(c.topic_name, (seen.get(c.topic_name) ?? 0) + 1);
      url = r.body.metadata.next;
    }
    expect(pages).toBe(3);
    expect(seen.size).toBe(topics);
    expect(new Set(seen.values()).size).toBe(1); // every topic has all its configs, on one page
    const compact = await t.get(`/kafka/v3/clusters/${k.id}/topics/-/configs`, k.auth);
    expect(compact.body.data.find((c: any) => c.topic_name === 't-0005' && c.name === 'cleanup.policy').value).toBe('compact');
  });

  it('refuses a page token it did not hand out', async () => {
    for (const token of ['garbage', Buffer.from(JSON.stringify(['lkc-other', 't'])).toString('base64url')]) {
      const r = await t.get(`/kafka/v3/clusters/${k.id}/topics/-/configs?page_token=${token}`, k.auth);
      expect(r.status).toBe(400);
      expect(r.body.error_code).toBe(40002);
    }
  });

  it('refuses a field longer than the largest Confluent accepts, in each dialect, even with a raised body limit', async () => {
    const huge = 'x'.repeat(MAX_FIELD_CHARS + 1);
    const env = await t.post('/org/v2/environments', { display_name: huge });
    expect(env.status).toBe(422);
    expect(errorsOf(env)[0]).toMatchObject({ code: 'invalid_input', source: { pointer: '/display_name' } });
    const produce = await t.post(`/kafka/v3/clusters/${k.id}/topics/t-0001/records`, { value: { type: 'STRING', data: huge } }, k.auth);
    expect(produce.status).toBe(400);
    expect(produce.body).toEqual({ error_code: 400, message: expect.stringContaining('/value/data') });
    expect((await t.get('/org/v2/environments')).body.data.some((e: any) => e.display_name.length > 100)).toBe(false);
  });
});
