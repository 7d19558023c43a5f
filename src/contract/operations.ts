/**
 * Types of the operations the documents declare, from src/generated/operations.ts: the
 * `OperationId` union and each operation's request body, so that a handler keyed by a stale
 * operationId, or reading a body field its operation does not declare, fails to compile.
 */
import type { AuthenticatedOperationId, operations } from '../generated/operations.js';

export type { AuthenticatedOperationId };

/** Every operationId of openapi/*.yaml. */
export type OperationId = keyof operations;

type JsonBody<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** An operation's JSON request body: undefined when it takes none, `| undefined` when optional. */
export type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody: infer R }
  ? JsonBody<R>
  : operations[Op] extends { requestBody?: infer R }
    ? JsonBody<NonNullable<R>> | undefined
    : undefined;

/** An operation's path parameters, by name. */
export type PathOf<Op extends OperationId> = operations[Op]['parameters'] extends { path: infer P } ? P : Record<string, never>;
