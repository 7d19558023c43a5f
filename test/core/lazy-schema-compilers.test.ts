import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { lazySchemaCompilers } from '../../src/core/lazy-schema-compilers.js';

describe("Fastify's schema compilers loaded on first use", () => {
  it('still validate a route body and serialize a response schema', async () => {
    const app = Fastify({ schemaController: { compilersFactory: lazySchemaCompilers as any } });
    app.post(
      '/echo',
      {
        schema: {
          body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
          response: { 200: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      },
      async (req) => ({ ...(req.body as object), secret: 'dropped by the serializer' }),
    );
    try {
      const bad = await app.inject({ method: 'POST', url: '/echo', payload: { other: 1 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/name/);
      const good = await app.inject({ method: 'POST', url: '/echo', payload: { name: 'x' } });
      expect(good.json()).toEqual({ name: 'x' });
    } finally {
      await app.close();
    }
  });
});
