import Fastify, { LogController, type FastifyBodyParser, type FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { Config } from './config.js';
import { Runtime } from './runtime.js';
import { Engine } from './engine/engine.js';
import { crudHandler } from './engine/crud.js';
import type { Operation } from './openapi/types.js';
import type { Handler } from './contract/handler.js';
import { lazyChildLoggerFactory } from './http/lazy-logger.js';
import { requestIds } from './http/request-id.js';
import { parseJsonSequence } from './http/json-sequence.js';
import { registerOperations } from './http/pipeline.js';
import { registerErrorHandling } from './http/errors.js';
import { CONTROL_PREFIX, guardControlPlane } from './http/control-plane.js';
import { frameworkErrorHandlers } from './http/framework-errors.js';
import { pathDialects } from './http/path-dialects.js';
import { resourceHooks, serviceHandlers } from './services/index.js';
import { controlHandlers } from './control/handlers.js';
import { checkQuotaNames, reconcileBootstrapKey } from './control/startup-checks.js';
import { startKafka, type StartedKafka } from './kafka-protocol/start.js';
import { registerRecording } from './control/recording.js';
import { journalAndFaultHandlers } from './control/journal-fault-handlers.js';
import { lifecycleControlHandlers } from './control/lifecycle-control.js';
import { EventBus, eventHandlers } from './control/events.js';
import { consoleHandlers } from './console/credentials.js';
import { kafkaRecordHandlers } from './control/kafka-records.js';
import { registerConsole } from './console/plugin.js';
import { registerLazyDocs } from './openapi/docs-routes.js';
import { lazySchemaCompilers } from './core/lazy-schema-compilers.js';
import { bootstrapOf, loadFixtures, overrideBootstrapKey, readFixtures, type Bootstrap, type Fixtures } from './control/fixtures.js';

export interface Emulator {
  app: FastifyInstance;
  runtime: Runtime;
  engine: Engine;
  bootstrap?: Bootstrap;
  /** Whether an operation has a handler (the others answer 501). */
  implemented(operationId: string): boolean;
  /**
   * Starts the Kafka protocol listener (config.kafkaPort; undefined when off). It stops when the
   * app closes. Calling it again returns the same listener.
   */
  startKafka(): Promise<StartedKafka | undefined>;
}

const packageRoot = () => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
};

export const VERSION: string = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version;
export const defaultFixturesPath = () => join(packageRoot(), 'fixtures', 'default.json');

/** Longest path parameter the router hands to a route, in URL bytes (Node's headers stop at 16 KiB). */
const MAX_PARAM_LENGTH = 16 * 1024;

const JSON_VENDOR_TYPE = /^application\/vnd\.[a-z0-9.+-]+\+json$/i;

export interface BuildOptions {
  /** Where log lines go (standard output by default); tests read them here. */
  logStream?: NodeJS.WritableStream;
}

/**
 * A hand-written handler of an operation bound to a declared resource must be declared so
 * (`handler: code`), and such a declaration must have its handler: neither may replace or drop
 * the engine's handler silently.
 */
export function checkServiceOverrides(operations: Operation[], services: Record<string, Handler>): void {
  for (const op of operations) {
    if (!op.binding) continue;
    const coded = op.binding.handler === 'code';
    if (!coded && services[op.operationId]) throw new Error(`${op.operationId} is bound to ${op.binding.resource} and also has a service handler: declare \`handler: code\` in its x-emulator`);
    if (coded && !services[op.operationId]) throw new Error(`${op.operationId} declares \`handler: code\` but no service handles it`);
  }
}

/** Builds the emulator (store, documents, routes); never listens. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<Emulator> {
  const runtime = new Runtime(config);
  const engine = new Engine(runtime, resourceHooks);
  const dialectForPath = pathDialects(runtime.docs.operations);
  const frameworkErrors = frameworkErrorHandlers(runtime, dialectForPath);
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: config.bodyLimit,
    // Names as long as Confluent allows (a topic's 249 characters, percent-encoded up to three
    // times that) and URLs up to Node's header limit reach their routes; the handlers judge them.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: frameworkErrors.onFrameworkError,
    clientErrorHandler: frameworkErrors.onClientError,
    genReqId: requestIds(),
    // A request's child logger is made only when something is logged through it.
    childLoggerFactory: lazyChildLoggerFactory,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' }),
    schemaController: { compilersFactory: lazySchemaCompilers as any },
  });
  // The Kafka listener (when started) stops before the store closes under it.
  let kafka: Promise<StartedKafka | undefined> | undefined;
  app.addHook('onClose', async () => {
    const started = await kafka?.catch(() => undefined);
    await started?.listener.close();
    runtime.close();
  });
  registerRecording(app, runtime);
  // One callback hook (no promise) for every request: its id header, and the control plane's guard,
  // which refuses cross-site requests, rebound Host names and, with a token, strangers.
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith(CONTROL_PREFIX)) {
      try {
        guardControlPlane(config, { method: req.method, path: req.url.split('?')[0], headers: req.headers, localAddress: req.socket?.localAddress, protocol: req.protocol });
      } catch (err) {
        return done(err as Error);
      }
    }
    done();
  });
  // Many generated clients send `Content-Type: application/json` on every request, DELETE and GET
  // included, with no body; Confluent accepts that, so an empty JSON body is no body. The data
  // planes' vendor media types (`application/vnd.schemaregistry.v1+json`,
  // `application/vnd.kafka.json.v2+json`, ...) are JSON too.
  const parseJson = app.getDefaultJsonParser('error', 'ignore');
  app.removeContentTypeParser('application/json');
  // Several JSON values back to back are a JsonSequence, which only streaming operations accept.
  const parseJsonOrNothing: FastifyBodyParser<string> = (req, body, done) => {
    if (body === '') return done(null, undefined);
    parseJson(req, body, (err, value) => {
      if (!err) req.bodyText = body as string;
      const sequence = err ? parseJsonSequence(body) : undefined;
      return sequence ? done(null, sequence) : done(err, value);
    });
  };
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonOrNothing);
  app.addContentTypeParser(JSON_VENDOR_TYPE, { parseAs: 'string' }, parseJsonOrNothing);
  // The STS token exchange is an OAuth form: its fields become an object of strings.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, body === '' ? undefined : Object.fromEntries(new URLSearchParams(body as string)));
  });
  // Images (the Stream Sharing image upload) are bytes: a Buffer, or no body when empty.
  app.addContentTypeParser(/^image\//i, { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, (body as Buffer).length === 0 ? undefined : body);
  });

  // Fixtures: the bootstrap org, environment, user, service account and Cloud API key.
  const fixtures: Fixtures | undefined = config.fixtures === 'none' ? undefined : overrideBootstrapKey(readFixtures(config.fixtures || defaultFixturesPath()), config.apiKey, config.apiSecret);
  const reloadFixtures = (baseUrl: string) => {
    if (fixtures) loadFixtures(engine, structuredClone(fixtures), baseUrl);
  };
  const empty = runtime.db.prepare("SELECT 1 FROM resources WHERE type = 'Organization' LIMIT 1").get() === undefined;
  const startUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  if (empty) runtime.tx(() => reloadFixtures(startUrl));
  // A store written before a seed was declared gets what its organizations start with.
  else runtime.tx(() => engine.seedExisting(startUrl));
  checkQuotaNames(runtime, config);
  const bootstrap = reconcileBootstrapKey(runtime, config, fixtures && bootstrapOf(fixtures), empty);

  const handlers = new Map<string, Handler>();
  for (const op of runtime.docs.operations) if (op.binding && op.binding.handler !== 'code') handlers.set(op.operationId, crudHandler(engine, op));
  const services = serviceHandlers(engine);
  checkServiceOverrides(runtime.docs.operations, services);
  for (const [id, h] of Object.entries(services)) handlers.set(id, h);
  const implemented = (operationId: string) => handlers.has(operationId);
  const events = new EventBus(runtime);
  // Event streams end before the server waits for its connections to close.
  app.addHook('preClose', async () => events.close());
  const control = controlHandlers(engine, { reloadFixtures, implemented, version: VERSION });
  const consoleCredentials = consoleHandlers(runtime, fixtures && bootstrapOf(fixtures)?.orgId);
  for (const [id, h] of Object.entries({ ...control, ...journalAndFaultHandlers(engine), ...lifecycleControlHandlers(engine), ...eventHandlers(events), ...kafkaRecordHandlers(runtime), ...consoleCredentials })) handlers.set(id, h);

  registerErrorHandling(app, runtime, dialectForPath);
  registerOperations(app, runtime, handlers, MAX_PARAM_LENGTH);

  registerLazyDocs(app, () => runtime.docs.merged);
  app.get('/openapi.json', { schema: { hide: true } }, async () => runtime.docs.merged);
  registerConsole(app, join(packageRoot(), 'console'));

  const log = (level: 'warn' | 'debug', msg: string, err?: unknown) => app.log[level]({ err }, msg);
  const startKafkaOnce = () => (kafka ??= startKafka(runtime, log));

  return { app, runtime, engine, bootstrap, implemented, startKafka: startKafkaOnce };
}
