import { ApiError } from '../core/errors.js';

/**
 * The longest string any field of a request body may hold: Confluent Cloud's largest record
 * (`max.message.bytes` tops out at 8 MiB). Fields whose documents declare a `maxLength` are held
 * to it by validation; this bound is for the rest, so that a huge field raised past the body limit
 * is refused before any work (validation, parsing a schema, storing, answering) starts.
 */
export const MAX_FIELD_CHARS = 8 * 1024 * 1024;

/**
 * Throws `status` (the operation's declared status for a bad body: 422, else 400) naming the first
 * string field (or property name) longer than `max`; walks without recursion.
 */
export function checkFieldSizes(body: unknown, status: 400 | 422, max = MAX_FIELD_CHARS): void {
  const tooLarge = (pointer: string) =>
    new ApiError({
      status,
      code: 'invalid_input',
      title: status === 422 ? 'Unprocessable Entity' : 'Bad Request',
      detail: `${pointer || 'The body'} is longer than ${max} characters`,
      source: { pointer: pointer || '/' },
      errorCode: status === 422 ? 42200 : 40002,
    });
  if (body === null || typeof body !== 'object') {
    if (typeof body === 'string' && body.length > max) throw tooLarge('');
    return;
  }
  // Each value with its parent's entry and its key: a pointer is spelled only for a field refused.
  type Entry = { value: unknown; parent?: Entry; key?: string };
  const pointerOf = (entry: Entry): string => {
    const keys: string[] = [];
    for (let e: Entry | undefined = entry; e?.parent; e = e.parent) keys.push(e.key!.replace(/~/g, '~0').replace(/\//g, '~1'));
    return keys.reverse().map((k) => `/${k}`).join('');
  };
  const pending: Entry[] = [{ value: body }];
  while (pending.length) {
    const entry = pending.pop()!;
    const value = entry.value;
    if (typeof value === 'string') {
      if (value.length > max) throw tooLarge(pointerOf(entry));
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const key of Object.keys(value)) {
        if (key.length > max) throw tooLarge(pointerOf(entry));
        pending.push({ value: (value as Record<string, unknown>)[key], parent: entry, key });
      }
    }
  }
}
