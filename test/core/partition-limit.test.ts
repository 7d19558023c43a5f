import { describe, expect, it } from 'vitest';
import { partitionLimit } from '../../src/services/kafka/partition-limit.js';
import type { Runtime } from '../../src/runtime.js';

/** A runtime holding one cluster of the given config, for the limit alone (read through its repository). */
const runtimeWith = (config: Record<string, unknown>, quotas: Record<string, number> = {}) =>
  ({ config: { quotas }, docs: { resources: new Map() }, resources: { getInAnyOrg: () => ({ body: { spec: { config } } }) } }) as unknown as Runtime;

describe('partition limits by cluster type (Confluent Cloud cluster limit comparison)', () => {
  it('Basic and Standard 4,096, Enterprise 30,000', () => {
    expect(partitionLimit(runtimeWith({ kind: 'Basic' }), 'lkc-1')).toBe(4096);
    expect(partitionLimit(runtimeWith({ kind: 'Standard' }), 'lkc-1')).toBe(4096);
    expect(partitionLimit(runtimeWith({ kind: 'Enterprise' }), 'lkc-1')).toBe(30000);
  });

  it('Dedicated 4,500 a CKU, never past 100,000', () => {
    expect(partitionLimit(runtimeWith({ kind: 'Dedicated', cku: 2 }), 'lkc-1')).toBe(9000);
    expect(partitionLimit(runtimeWith({ kind: 'Dedicated', cku: 24 }), 'lkc-1')).toBe(100000);
  });

  it('an override in the quotas wins', () => {
    expect(partitionLimit(runtimeWith({ kind: 'Dedicated', cku: 24 }, { partitions_per_kafka_cluster: 10 }), 'lkc-1')).toBe(10);
  });
});
