import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, notFound } from '../core/errors.js';
import type { Runtime } from '../runtime.js';
import type { Dialect } from '../openapi/types.js';
import { renderError, type ErrorFormat } from './dialects.js';
import { assertConforms, operationOf } from './pipeline.js';

/** Framework errors (body parsing, limits) as ApiErrors, so that they render in the group's dialect. */
export function fromFramework(err: FastifyError): ApiError {
  const status = err.statusCode ?? 500;
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError({ status: 415, code: 'unsupported_media_type', title: 'Unsupported Media Type', detail: 'The request body must be application/json', errorCode: 415 });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError({ status: 413, code: 'payload_too_large', title: 'Payload Too Large', detail: 'The request body is larger than the emulator accepts', errorCode: 413 });
    case 'FST_ERR_BAD_URL':
      return new ApiError({ status: 400, code: 'invalid_url', title: 'Bad Request', detail: 'The URL is not valid: a percent-encoded part of it is not UTF-8', errorCode: 400 });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError({ status: 414, code: 'uri_too_long', title: 'URI Too Long', detail: 'A part of the URL is longer than the emulator accepts', errorCode: 414 });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError({ status: 400, code: 'invalid_json', title: 'Bad Request', detail: 'The request body is empty but its content type is application/json', errorCode: 400 });
  }
  if (status === 400 && (err instanceof SyntaxError || /JSON/i.test(err.message))) {
    return new ApiError({ status: 400, code: 'invalid_json', title: 'Bad Request', detail: `The request body is not valid JSON: ${err.message}`, errorCode: 400 });
  }
  if (status >= 400 && status < 500) {
    return new ApiError({ status, code: 'bad_request', title: 'Bad Request', detail: err.message, errorCode: status });
  }
  return new ApiError({ status: 500, code: 'internal_error', title: 'Internal Server Error', detail: 'Oops, something went wrong', errorCode: 50001 });
}

/** The error format a request asks for (`X-Emulator-Error-Format`), else the configured one. */
export function errorFormatOf(rt: Runtime, headers: Record<string, string | string[] | undefined>): ErrorFormat {
  const h = headers['x-emulator-error-format'];
  return h === 'status' || h === 'errors' ? h : rt.config.errorFormat;
}

/** Error bodies for every route and for unknown paths, each in its API group's dialect. */
export function registerErrorHandling(app: FastifyInstance, rt: Runtime, dialectForPath: (path: string) => Dialect): void {
  const formatOf = (req: FastifyRequest): ErrorFormat => errorFormatOf(rt, req.headers);
  const render = (req: FastifyRequest, err: ApiError, dialect: Dialect) =>
    renderError(err, { dialect, format: formatOf(req), requestId: req.id, path: req.url.split('?')[0], timestamp: rt.clock.iso() });

  app.setErrorHandler((error: FastifyError, req, reply) => {
    let err = error instanceof ApiError ? error : fromFramework(error);
    if (err.status >= 500 && !(error instanceof ApiError)) req.log.error({ err: error }, 'unhandled error');
    const op = operationOf(req);
    const dialect = op?.dialect ?? dialectForPath(req.url);
    const body = render(req, err, dialect);
    if (op && rt.config.selfCheck && err.status !== 501 && err.status !== 500 && formatOf(req) === 'errors' && op.responses[String(err.status)]) {
      try {
        assertConforms(rt, op, err.status, body, { ...reply.getHeaders(), ...err.headers });
      } catch (drift) {
        err = drift as ApiError;
        return reply.code(500).send(render(req, err, dialect));
      }
    }
    reply.code(err.status).headers(err.headers);
    return reply.send(body);
  });

  app.setNotFoundHandler((req, reply) => {
    const err = notFound(`No operation matches ${req.method} ${req.url.split('?')[0]}`);
    reply.code(404).send(render(req, err, dialectForPath(req.url)));
  });
}
