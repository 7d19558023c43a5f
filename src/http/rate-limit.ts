import { ApiError } from '../core/errors.js';
import type { VirtualClock } from '../core/clock.js';

const WINDOW_MS = 60_000;

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets, relative (not epoch), as Confluent sends it. */
  reset: number;
}

/**
 * Fixed one-minute windows per API key, on the virtual clock (so a test can advance the clock
 * past a 429 instead of waiting). A limit of 0 turns limiting off.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(
    private readonly limit: number,
    private readonly clock: VirtualClock,
  ) {}

  get enabled(): boolean {
    return this.limit > 0;
  }

  /** Counts one request; throws 429 when the key is over its limit, with the rate-limit headers and Retry-After when `announce`. */
  take(key: string, announce = true): RateLimitState {
    const now = this.clock.now();
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS || now < w.start) {
      w = { start: now, used: 0 };
      this.windows.set(key, w);
    }
    const reset = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    if (w.used >= this.limit) {
      throw new ApiError({
        status: 429,
        code: 'too_many_requests',
        title: 'Too Many Requests',
        detail: `The rate limit of ${this.limit} requests per minute for this API key was exceeded`,
        headers: announce ? headersFor({ limit: this.limit, remaining: 0, reset }, true) : {},
      });
    }
    w.used++;
    return { limit: this.limit, remaining: this.limit - w.used, reset };
  }

  reset(): void {
    this.windows.clear();
  }
}

export function headersFor(s: RateLimitState, limited = false): Record<string, number> {
  const h: Record<string, number> = { 'x-ratelimit-limit': s.limit, 'x-ratelimit-remaining': s.remaining, 'x-ratelimit-reset': s.reset };
  if (limited) h['retry-after'] = s.reset;
  return h;
}
