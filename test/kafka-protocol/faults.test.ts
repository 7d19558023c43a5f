import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTopics, startKafkaEnv, type KafkaEnv } from './support.js';

/** Fault rules with `method: KAFKA` reach the Kafka protocol listener, by API name and organization. */
describe('Kafka protocol faults', () => {
  let env: KafkaEnv;
  const fault = (rule: Record<string, unknown>) => env.http('POST', '/_emulator/faults', { method: 'KAFKA', ...rule });

  beforeAll(async () => {
    env = await startKafkaEnv();
    await createTopics(env, 'orders');
  });
  afterAll(() => env.close());
  const logEnd = async () => {
    const admin = env.kafka().admin();
    await admin.connect();
    const [p] = await admin.fetchTopicOffsets('orders');
    await admin.disconnect();
    return Number(p.high);
  };

  it('answers a Produce with the rule’s Kafka error code, stores nothing, and lets the next one through', async () => {
    expect((await fault({ operation_id: 'Produce', error_code: 87, times: 1, organization_id: env.orgId })).status).toBe(201);
    const producer = env.kafka().producer();
    await producer.connect();
    const refused = await producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'a' }] }).catch((e: { type?: string }) => e.type);
    expect(refused).toBe('INVALID_RECORD');
    expect(await logEnd()).toBe(0);
    await producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'b' }] });
    expect(await logEnd()).toBe(1);
    await producer.disconnect();
  });

  it('with commit, stores the records and still answers the error', async () => {
    // A non-retriable code: kafkajs would retry a retriable one and store the record twice.
    await fault({ operation_id: 'Produce', error_code: 87, commit: true, times: 1 });
    const producer = env.kafka().producer();
    await producer.connect();
    const refused = await producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'c' }] }).catch((e: { type?: string }) => e.type);
    expect(refused).toBe('INVALID_RECORD');
    expect(await logEnd()).toBe(2);
    await producer.disconnect();
  });

  it('leaves another organization’s connections alone', async () => {
    await fault({ operation_id: 'Produce', error_code: 87, organization_id: 'another-organization' });
    const producer = env.kafka().producer();
    await producer.connect();
    const [report] = await producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'd' }] });
    expect(report.errorCode).toBe(0);
    await producer.disconnect();
    await env.http('DELETE', '/_emulator/faults');
  });

  it('drops the connection for transport reset, and kafkajs reconnects', async () => {
    await fault({ operation_id: 'Produce', transport: 'reset', times: 1 });
    const producer = env.kafka({ extra: { retry: { retries: 2, initialRetryTime: 50 } } }).producer();
    await producer.connect();
    const [report] = await producer.send({ topic: 'orders', acks: -1, messages: [{ value: 'e' }] });
    expect(report.errorCode).toBe(0);
    await producer.disconnect();
    const faults = await env.http('GET', '/_emulator/faults');
    expect(faults.body.data).toEqual([]);
  });
});
