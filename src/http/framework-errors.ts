import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../core/errors.js';
import type { Dialect } from '../openapi/types.js';
import type { Runtime } from '../runtime.js';
import { renderError } from './dialects.js';
import { errorFormatOf, fromFramework } from './errors.js';

/**
 * Errors Fastify and Node raise before a route runs: a URL whose percent-encoding is not UTF-8, a
 * path parameter past the router's limit, headers past Node's limit, a request Node cannot parse.
 * Each answers in the dialect of the path's group, like every other error.
 */
export function frameworkErrorHandlers(rt: Runtime, dialectForPath: (url: string) => Dialect) {
  /** Fastify's `frameworkErrors` option: the request is known, the route is not. */
  const onFrameworkError = (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const err = fromFramework(error);
    const body = renderError(err, { dialect: dialectForPath(req.url), format: errorFormatOf(rt, req.headers), requestId: req.id, path: req.url.split('?')[0], timestamp: rt.clock.iso() });
    reply.code(err.status).header('x-request-id', req.id).send(body);
  };

  /** Node's `clientError`: only the socket and the bytes read so far are known. */
  const onClientError = (error: Error & { code?: string; rawPacket?: unknown }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const err =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? new ApiError({ status: 431, code: 'request_header_fields_too_large', title: 'Request Header Fields Too Large', detail: 'The request headers are larger than the emulator accepts', errorCode: 431 })
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? new ApiError({ status: 408, code: 'request_timeout', title: 'Request Timeout', detail: 'The request was not received in time', errorCode: 408 })
          : new ApiError({ status: 400, code: 'bad_request', title: 'Bad Request', detail: 'The request is not valid HTTP', errorCode: 400 });
    // The request line, when it was read, names the path and so the dialect.
    const path = /^[A-Z]+ (\S+)/.exec(Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1', 0, 16_384) : '')?.[1] ?? '/';
    const requestId = randomUUID();
    const body = JSON.stringify(renderError(err, { dialect: dialectForPath(path), format: rt.config.errorFormat, requestId, path: path.split('?')[0], timestamp: rt.clock.iso() }));
    if (socket.writable) {
      const reason = err.title;
      socket.write(`HTTP/1.1 ${err.status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy();
  };

  return { onFrameworkError, onClientError };
}
