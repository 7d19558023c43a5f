import type { FastifyInstance, FastifyReply, FastifyRequest, InjectOptions } from 'fastify';
import type { JsonSchema } from './types.js';

/**
 * The browsable documentation under `prefix` (`/docs`: Swagger UI, `/docs/json`, `/docs/yaml`, its
 * static files), served by @fastify/swagger and @fastify/swagger-ui. Those plugins (with
 * @fastify/static and a YAML library) take a tenth of a start to load and register, and most runs
 * never open the docs, so they live in a second Fastify instance built on the first docs request;
 * the emulator's routes forward to it. The requests still pass the emulator's own hooks (request
 * id, control-plane guard, journal), and a path the UI does not serve gets the emulator's 404.
 */
export function registerLazyDocs(app: FastifyInstance, document: () => JsonSchema, prefix = '/docs'): void {
  let docsApp: Promise<FastifyInstance> | undefined;
  const build = async () => {
    const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([import('fastify'), import('@fastify/swagger'), import('@fastify/swagger-ui')]);
    const inner = Fastify({ logger: false });
    await inner.register(swagger, { mode: 'static', specification: { document: document() as any } });
    await inner.register(swaggerUi, { routePrefix: prefix });
    await inner.ready();
    return inner;
  };
  app.addHook('onClose', async () => {
    const inner = await docsApp?.catch(() => undefined);
    await inner?.close();
  });
  const forward = async (req: FastifyRequest, reply: FastifyReply) => {
    const inner = await (docsApp ??= build().catch((err) => {
      docsApp = undefined;
      throw err;
    }));
    const res = await inner.inject({ method: req.method as InjectOptions['method'], url: req.url, headers: req.headers });
    if (res.statusCode === 404) return reply.callNotFound();
    const { 'content-length': _length, connection: _connection, 'transfer-encoding': _encoding, date: _date, ...headers } = res.headers;
    reply.code(res.statusCode).headers(headers);
    return res.rawPayload.length ? reply.send(res.rawPayload) : reply.send();
  };
  for (const url of [prefix, `${prefix}/*`]) app.route({ method: 'GET', url, schema: { hide: true } as object, handler: forward });
}
