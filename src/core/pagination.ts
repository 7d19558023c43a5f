import { createHmac, timingSafeEqual } from 'node:crypto';
import { badRequest } from './errors.js';

/**
 * Opaque, signed page tokens for keyset pagination. A token names the list it belongs to (a hash
 * of the organization, resource and filters), the page size chosen on the first request, and a
 * position in `seq` order. A token that was tampered with, or that belongs to another list or
 * another organization, is refused with 400.
 */
export interface Cursor {
  /** Hash of what the list is: org, resource, scope and filters. */
  list: string;
  size: number;
  /** Items strictly after this seq (forward page). */
  after?: number;
  /** Items strictly before this seq (previous page). */
  before?: number;
  /** The final page. */
  last?: boolean;
}

const SIG_LENGTH = 22;

export class PageTokens {
  constructor(private readonly secret: string) {}

  encode(c: Cursor): string {
    const payload = Buffer.from(JSON.stringify([c.list, c.size, c.after ?? null, c.before ?? null, c.last ? 1 : 0])).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  decode(token: string, list: string): Cursor {
    const invalid = () => badRequest('The page token is invalid or does not belong to this list', { parameter: 'page_token' }, 'invalid_page_token');
    const dot = token.lastIndexOf('.');
    if (dot <= 0) throw invalid();
    const payload = token.slice(0, dot);
    const sig = Buffer.from(token.slice(dot + 1));
    const expected = Buffer.from(this.sign(payload));
    if (sig.length !== expected.length || !timingSafeEqual(sig, expected)) throw invalid();
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (!Array.isArray(parsed) || parsed[0] !== list) throw invalid();
    const [, size, after, before, last] = parsed as [string, number, number | null, number | null, number];
    return { list, size, after: after ?? undefined, before: before ?? undefined, last: last === 1 };
  }

  /** Signatures already computed: a list's `last` and `next` links repeat from request to request. */
  private readonly signed = new BoundedMemo<string>();

  private sign(payload: string): string {
    return this.signed.get(payload, () => createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, SIG_LENGTH));
  }
}

/** A memo of a pure function of a string, emptied when it reaches its bound. */
class BoundedMemo<T> {
  private readonly values = new Map<string, T>();
  constructor(private readonly limit = 4096) {}

  get(key: string, compute: () => T): T {
    let v = this.values.get(key);
    if (v === undefined) {
      v = compute();
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(key, v);
    }
    return v;
  }
}

const identities = new BoundedMemo<string>();

/** Hash of a list's identity, embedded in its tokens. */
export function listIdentity(parts: unknown[]): string {
  const text = JSON.stringify(parts);
  return identities.get(text, () => createHmac('sha256', 'list').update(text).digest('base64url').slice(0, 12));
}
