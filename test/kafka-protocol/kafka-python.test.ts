/**
 * kafka-python (Debian's python3-kafka, a pure-Python client with its own protocol code) against a
 * listening emulator, run with the system's /usr/bin/python3. Skips, saying why, when it is not
 * installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { partitionForKey } from '../../src/core/partitioner.js';
import { startKafkaEnv, type KafkaEnv } from './support.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./kafka_python_client.py', import.meta.url));

const hasKafkaPython = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import kafka'], { stdio: 'ignore', timeout: 10_000 });
    return existsSync(PYTHON);
  } catch {
    return false;
  }
})();
if (!hasKafkaPython) console.warn('kafka-python tests: python3-kafka is not installed (apt-get install python3-kafka): they are skipped');

function python(args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    execFile(PYTHON, [SCRIPT, ...args], { timeout: 90_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`kafka-python ${args[0]}: ${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

describe.runIf(hasKafkaPython)('Kafka protocol with kafka-python', () => {
  let env: KafkaEnv;
  let dir: string;
  let caFile: string;
  beforeAll(async () => {
    env = await startKafkaEnv();
    dir = mkdtempSync(join(tmpdir(), 'kafka-python-'));
    caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, env.caPem);
  });
  afterAll(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (scenario: string, topic: string) => python([scenario, env.bootstrap, env.key, env.secret, caFile, topic]);

  it('creates a topic, produces keyed gzip records over SASL_SSL and consumes them in a group that commits, as REST sees them', async () => {
    const found = await run('data', 'kp-data');
    expect(found.create).toBe('ok');
    expect(found.create_again).toBe('TopicAlreadyExistsError');
    // kafka-python partitions keys with murmur2, as the Java client, kafkajs and Kafka REST do.
    expect(found.sent).toHaveLength(30);
    for (const s of found.sent) expect(s.partition).toBe(partitionForKey(Buffer.from(s.key), 3));
    const received = [...found.received].sort((a: any, b: any) => Number(a.key.slice(4)) - Number(b.key.slice(4)));
    expect(received).toEqual(
      found.sent.map((s: any, i: number) => ({ key: s.key, value: `value-${i}`, partition: s.partition, offset: s.offset, headers: [['n', String(i)]] })),
    );
    const perPartition = [0, 1, 2].map((p) => found.sent.filter((s: any) => s.partition === p).length);
    expect(found.committed).toEqual({ 0: perPartition[0], 1: perPartition[1], 2: perPartition[2] });
    // The same records over Kafka REST v3: end offsets, and the group's committed offsets with no lag.
    const partitions = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/topics/kp-data/partitions`, undefined, env.restAuth);
    expect(partitions.status).toBe(200);
    const lags = await env.http('GET', `/kafka/v3/clusters/${env.clusterId}/consumer-groups/kafka-python-group/lags`, undefined, env.restAuth);
    expect(lags.status).toBe(200);
    const byPartition = Object.fromEntries(lags.body.data.map((l: any) => [l.partition_id, l]));
    for (const p of [0, 1, 2]) {
      expect(byPartition[p]).toMatchObject({ current_offset: perPartition[p], log_end_offset: perPartition[p], lag: 0 });
    }
  });

  it('is refused with a wrong secret: the connection closes while authenticating', async () => {
    // kafka-python 2.0 sends PLAIN as a raw token after SaslHandshake v0, which has no error
    // response: a broker refuses it by closing the connection, and so does the emulator.
    const found = await run('wrong-secret', 'kp-none');
    expect(found.connected).toBe(false);
    expect(found.errors[0]).toMatch(/KafkaConnectionError: .*<authenticating>/);
  });
});

if (!hasKafkaPython) {
  describe('Kafka protocol with kafka-python', () => {
    it.skip('skipped: python3-kafka is not installed', () => {});
  });
}
