import type { RequestContext } from '../contract/handler.js';

/**
 * A list query parameter's values (Confluent's MultipleSearchFilter): repeated and comma-joined
 * values both count; empty ones are dropped.
 */
export function queryValues(raw: unknown): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');
}

/** A boolean query parameter, whether the validator left it as a boolean or as its text. */
export const queryFlag = (v: unknown): boolean => v === true || v === 'true';

/** A boolean query parameter the request may leave out (then `undefined`). */
export const optionalQueryFlag = (v: unknown): boolean | undefined => (v === undefined ? undefined : queryFlag(v));

/** The named boolean query parameter of a request, or `undefined` when it is absent. */
export const queryFlagOf = (ctx: RequestContext, name: string): boolean | undefined => optionalQueryFlag(ctx.query[name]);
