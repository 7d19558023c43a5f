import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCli, stop } from '../support/cli.js';

const bannerLine = (out: string, label: string) => new RegExp(`^\\s*${label}:\\s+(\\S+)`, 'm').exec(out)?.[1];

describe('the CLI and the Kafka listener', () => {
  it('prints the bootstrap address and the CA file, keeps the CA across restarts, and --kafka-port off turns it off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kafka-cli-'));
    const db = join(dir, 'store.db');
    const first = await startCli(['--port', '0', '--db', db, '--kafka-port', '0']);
    const bootstrap = bannerLine(first.output, 'kafka');
    const caFile = bannerLine(first.output, 'kafka CA');
    expect(bootstrap).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(caFile).toBe(join(dir, 'kafka-ca.pem'));
    const ca = readFileSync(caFile!, 'utf8');
    expect(await (await fetch(`${first.url}/_emulator/kafka/ca.pem`)).text()).toBe(ca);
    const health = (await (await fetch(`${first.url}/_emulator/health`)).json()) as { kafka: { port: number } };
    expect(health.kafka.port).toBe(Number(bootstrap!.split(':')[1]));
    await stop(first.child);

    const second = await startCli(['--port', '0', '--db', db], { CCLOUD_EMULATOR_KAFKA_PORT: '0' });
    expect(readFileSync(bannerLine(second.output, 'kafka CA')!, 'utf8')).toBe(ca);
    await stop(second.child);

    const off = await startCli(['--port', '0', '--db', db, '--kafka-port', 'off']);
    expect(bannerLine(off.output, 'kafka')).toBe('off');
    expect(((await (await fetch(`${off.url}/_emulator/health`)).json()) as { kafka: unknown }).kafka).toBeNull();
    await stop(off.child);
  }, 60_000);
});
