import type { Runtime } from '../../runtime.js';
import { getAt } from '../../core/pointer.js';

/**
 * A Kafka cluster's bootstrap address (`host:port`) as of one request: the Kafka listener's port on
 * the host the request reached the emulator by (the public URL's host when set). The port can
 * change between runs (a restart on another port, `--kafka-port 0`), so every reader asks here
 * rather than trusting what creation stored. With the listener off: undefined (nothing to render
 * live; the stored placeholder stands).
 */
export function liveBootstrapHost(rt: Runtime, baseUrl: string): string | undefined {
  const kafka = rt.kafkaEndpoint;
  return kafka ? `${new URL(baseUrl).hostname}:${kafka.port}` : undefined;
}

/** A cluster's `spec.kafka_bootstrap_endpoint` as shown to this request: `SASL_SSL://host:port`. */
export function liveBootstrapEndpoint(rt: Runtime, baseUrl: string, cluster: { body: unknown }): string {
  const host = liveBootstrapHost(rt, baseUrl);
  return host ? `SASL_SSL://${host}` : String(getAt(cluster.body as Record<string, unknown>, '/spec/kafka_bootstrap_endpoint') ?? '');
}
