#!/usr/bin/env node
import { HELP, loadConfig } from './config.js';
import { buildApp } from './app.js';

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(HELP);
    return;
  }
  let config;
  try {
    config = loadConfig(process.argv.slice(2), process.env);
  } catch (err) {
    process.stderr.write(`ccloud-emulator: ${(err as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  const { app, bootstrap, startKafka } = await buildApp(config);
  const address = await app.listen({ port: config.port, host: config.host });
  const kafka = await startKafka();
  const url = config.publicUrl ?? address;
  const lines = [`ccloud-emulator listening on ${url}`, `  console:       ${url}/ui/`, `  docs:          ${url}/docs`];
  if (kafka) lines.push(`  kafka:         ${kafka.bootstrap} (SASL_SSL or SASL_PLAINTEXT, PLAIN with a Kafka API key)`, `  kafka CA:      ${kafka.caFile}`);
  else lines.push('  kafka:         off');
  if (bootstrap) {
    lines.push(
      `  organization:  ${bootstrap.orgId}`,
      `  environment:   ${bootstrap.environmentId ?? '-'}`,
      `  user:          ${bootstrap.userId ?? '-'}`,
      `  service acct:  ${bootstrap.serviceAccountId ?? '-'}`,
      `  api key:       ${bootstrap.apiKey ?? '-'}`,
      `  api secret:    ${bootstrap.apiSecret ?? '-'}`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');

  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`ccloud-emulator failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
