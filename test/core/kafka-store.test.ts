import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { murmur2, partitionForKey } from '../../src/core/partitioner.js';
import { exportSnapshot, importSnapshot, removeOrg } from '../../src/control/store-admin.js';
import { TestEmulator } from '../helpers.js';

describe("Kafka's default partitioner", () => {
  it('hashes with murmur2 exactly as the Java client does', () => {
    // Vectors from Kafka's own UtilsTest.
    const vectors: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of vectors) expect(murmur2(Buffer.from(key))).toBe(hash);
  });

  it('maps a key to toPositive(murmur2) modulo the partition count', () => {
    expect(partitionForKey(Buffer.from('foobar'), 6)).toBe((-790332482 & 0x7fffffff) % 6);
    expect(partitionForKey(Buffer.from('21'), 1)).toBe(0);
  });
});

describe('the Kafka store', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await TestEmulator.start();
  });
  afterAll(() => t.close());
  const kafka = () => t.rt.kafka;

  it('gives each partition its own offsets and reads from any offset', () => {
    kafka().createTopic('lkc-a', 'orders', 3, 3, { 'cleanup.policy': 'compact' }, 1);
    const first = kafka().append('lkc-a', 'orders', [
      { partition: 0, timestamp: 10, key: Buffer.from('k'), value: Buffer.from('v0') },
      { partition: 1, timestamp: 11, key: null, value: Buffer.from('v1') },
      { partition: 0, timestamp: 12, key: null, value: null, headers: [{ name: 'h', value: 'x' }] },
    ]);
    expect(first.map((r) => [r.partition, r.offset])).toEqual([[0, 0], [1, 0], [0, 1]]);
    kafka().append('lkc-a', 'orders', [{ partition: 0, timestamp: 13, key: null, value: Buffer.from('v3') }]);
    expect(kafka().endOffset('lkc-a', 'orders', 0)).toBe(3);
    expect(kafka().endOffset('lkc-a', 'orders', 2)).toBe(0);
    const read = kafka().read('lkc-a', 'orders', 0, 1, 10);
    expect(read.map((r) => r.offset)).toEqual([1, 2]);
    expect(read[0].headers).toEqual([{ name: 'h', value: 'x' }]);
    expect(read[0].value).toBeNull();
    expect(kafka().topic('lkc-a', 'orders')?.configs).toEqual({ 'cleanup.policy': 'compact' });
  });

  it('keeps committed offsets per group and drops a topic with its records and offsets', () => {
    kafka().createTopic('lkc-b', 'events', 1, 3, {}, 1);
    kafka().append('lkc-b', 'events', [{ partition: 0, timestamp: 1, key: null, value: Buffer.from('x') }]);
    kafka().commit('lkc-b', 'g1', [{ topic: 'events', partition: 0, offset: 1, metadata: '' }], 5);
    kafka().commit('lkc-b', 'g1', [{ topic: 'events', partition: 0, offset: 2, metadata: 'm' }], 6);
    expect(kafka().committed('lkc-b', 'g1')).toEqual([{ topic: 'events', partition: 0, offset: 2, metadata: 'm' }]);
    expect(kafka().groups('lkc-b')).toEqual(['g1']);
    kafka().deleteTopic('lkc-b', 'events');
    expect(kafka().topic('lkc-b', 'events')).toBeUndefined();
    expect(kafka().read('lkc-b', 'events', 0, 0, 10)).toEqual([]);
    expect(kafka().committed('lkc-b', 'g1')).toEqual([]);
  });

  it('travels in snapshots, binary keys and values included', () => {
    kafka().createTopic('lkc-c', 'bin', 1, 3, {}, 1);
    kafka().append('lkc-c', 'bin', [{ partition: 0, timestamp: 1, key: Buffer.from([0, 255, 1]), value: Buffer.from([9, 8]) }]);
    const snap = JSON.parse(JSON.stringify(exportSnapshot(t.rt)));
    kafka().deleteTopic('lkc-c', 'bin');
    importSnapshot(t.rt, snap);
    const [r] = kafka().read('lkc-c', 'bin', 0, 0, 1);
    expect([...r.key!]).toEqual([0, 255, 1]);
    expect([...r.value!]).toEqual([9, 8]);
    expect(() => importSnapshot(t.rt, { ...snap, cluster_data: { kafka_topics: [{ 'name) VALUES (1); --': 1 }] } })).toThrow(/inconsistent/);
    expect(kafka().topic('lkc-c', 'bin')).toBeDefined();
  });

  it("removing an organization removes its clusters' data and nobody else's", async () => {
    const o = await t.newOrg();
    // The org's environment id stands in for a cluster id: removal keys on the org's resource ids.
    kafka().createTopic(o.env, 'mine', 1, 3, {}, 1);
    kafka().createTopic('lkc-other', 'theirs', 1, 3, {}, 1);
    removeOrg(t.rt, o.org);
    expect(kafka().topic(o.env, 'mine')).toBeUndefined();
    expect(kafka().topic('lkc-other', 'theirs')).toBeDefined();
  });
});
