import { mayHoldSecrets, redact } from './redact.js';

/** One request as the journal keeps it (served by GET /_emulator/requests). */
export interface JournalEntry {
  request_id: string;
  time: string;
  method: string;
  path: string;
  /** Null when no operation matched the path (the request answered 404). */
  operation_id: string | null;
  status: number;
  organization_id: string | null;
  api_key: string | null;
  duration_ms: number;
  query: Record<string, unknown>;
  request_body: unknown;
  response_body: unknown;
  /** For a request no operation matched: the nearest documented path. */
  hint?: string;
  /** The fault that answered this request, when one did. */
  fault_id?: string;
}

/**
 * An entry as recorded: bodies may still be their JSON text, parsed and redacted only when someone
 * reads the journal, so that recording costs the request next to nothing. Every read goes through
 * `materialize`, which redacts, so no answer of the journal ever holds a secret.
 */
type Stored = Omit<JournalEntry, 'time' | 'response_body' | 'request_body'> & { timeMs: number; request_body: unknown; response_body: unknown; responseText?: string; requestText?: string };

/** What the recorder hands over: the entry but its time (epoch ms, formatted when read) and bodies. */
export type Recorded = Omit<JournalEntry, 'time' | 'response_body' | 'request_body'> & { timeMs: number };

export interface JournalFilter {
  operation_id?: string;
  method?: string;
  status?: number;
  organization_id?: string;
  path_prefix?: string;
}

interface Waiter {
  filter: JournalFilter;
  count: number;
  resolve: (entries: JournalEntry[] | undefined) => void;
  timer: NodeJS.Timeout;
}

const matches = (e: Stored, f: JournalFilter) =>
  (f.operation_id === undefined || e.operation_id === f.operation_id) &&
  (f.method === undefined || e.method === f.method.toUpperCase()) &&
  (f.status === undefined || e.status === f.status) &&
  (f.organization_id === undefined || e.organization_id === f.organization_id) &&
  (f.path_prefix === undefined || e.path.startsWith(f.path_prefix));

/** The text of a JSON response body, parsed; bodies that are not JSON are kept as text. */
function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Bodies larger than this are journaled as a note of their size, so memory stays bounded. */
const MAX_BODY_CHARS = 64 * 1024;

/**
 * The request journal: a bounded ring of the last `size` requests (0 turns it off), oldest
 * first, with waiters that a new entry wakes.
 */
export class Journal {
  private ring: Array<Stored | undefined>;
  private next = 0;
  private length = 0;
  private waiters = new Set<Waiter>();

  constructor(readonly size: number) {
    this.ring = new Array(size);
  }

  get enabled(): boolean {
    return this.size > 0;
  }

  /**
   * Records one request (the object is kept as it is). `responseText` is the response body as
   * sent; `requestText`, when given, is the JSON text `requestBody` was parsed from, kept instead
   * of the parsed value.
   */
  record(entry: Recorded, requestBody: unknown, responseText: string | undefined, requestText?: string): void {
    if (!this.enabled) return;
    const stored = entry as Stored;
    stored.response_body = null;
    if (requestText !== undefined && requestBody !== undefined) {
      stored.request_body = null;
      if (requestText.length > MAX_BODY_CHARS) stored.request_body = { truncated: true, length: requestText.length };
      else stored.requestText = requestText;
    } else {
      stored.request_body = boundedBody(requestBody);
    }
    if (responseText !== undefined) {
      if (responseText.length > MAX_BODY_CHARS) stored.response_body = { truncated: true, length: responseText.length };
      else stored.responseText = responseText;
    }
    this.ring[this.next] = stored;
    this.next = (this.next + 1) % this.size;
    if (this.length < this.size) this.length++;
    if (this.waiters.size) this.wake();
  }

  /** Matching entries, oldest first; with `limit`, the newest `limit` of them. */
  list(filter: JournalFilter = {}, limit = Infinity): JournalEntry[] {
    const out = this.matching(filter);
    return out.slice(Math.max(0, out.length - limit)).map(materialize);
  }

  private matching(filter: JournalFilter): Stored[] {
    const out: Stored[] = [];
    for (const e of this.entries()) if (matches(e, filter)) out.push(e);
    return out;
  }

  /** Removes the matching entries (all of them without a filter); answers how many. */
  clear(filter: JournalFilter = {}): number {
    const keep: Stored[] = [];
    let removed = 0;
    for (const e of this.entries()) {
      if (matches(e, filter)) removed++;
      else keep.push(e);
    }
    this.ring = new Array(this.size);
    keep.forEach((e, i) => (this.ring[i] = e));
    this.length = keep.length;
    this.next = keep.length % Math.max(1, this.size);
    return removed;
  }

  /** Resolves with the first `count` matching entries once they exist, or undefined after `timeoutMs`. */
  wait(filter: JournalFilter, count: number, timeoutMs: number): Promise<JournalEntry[] | undefined> {
    const now = this.matching(filter);
    if (now.length >= count) return Promise.resolve(now.slice(0, count).map(materialize));
    return new Promise((resolve) => {
      const waiter: Waiter = {
        filter,
        count,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(undefined);
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Ends every pending wait (the app is closing). */
  close(): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.resolve(undefined);
    }
    this.waiters.clear();
  }

  private wake(): void {
    for (const w of this.waiters) {
      // Only the entry just recorded can complete a wait: most records cost a filter check.
      const last = this.ring[(this.next - 1 + this.size) % this.size]!;
      if (!matches(last, w.filter)) continue;
      const found = this.matching(w.filter);
      if (found.length < w.count) continue;
      clearTimeout(w.timer);
      this.waiters.delete(w);
      w.resolve(found.slice(0, w.count).map(materialize));
    }
  }

  private *entries(): Generator<Stored> {
    const start = (this.next - this.length + this.size) % Math.max(1, this.size);
    for (let i = 0; i < this.length; i++) yield this.ring[(start + i) % this.size]!;
  }
}

function materialize(e: Stored): JournalEntry {
  const { responseText, requestText, timeMs, ...rest } = e;
  return {
    ...rest,
    // The query as the request sent it; redacted here, when read, like the bodies.
    query: rest.query && Object.keys(rest.query).length ? (redact(rest.query) as Record<string, unknown>) : rest.query,
    time: new Date(timeMs).toISOString(),
    request_body: requestText !== undefined ? redactedBody(requestText) : e.request_body,
    response_body: responseText !== undefined ? redactedBody(responseText) : e.response_body,
  } as JournalEntry;
}

/** A body's text as the journal answers it: parsed, secrets redacted (only a text that may hold one is walked). */
const redactedBody = (text: string) => (mayHoldSecrets(text) ? redact(parseBody(text)) : parseBody(text));

function boundedBody(body: unknown): unknown {
  if (body === undefined) return null;
  if (Buffer.isBuffer(body)) return { bytes: body.length };
  const clean = redact(body);
  const text = JSON.stringify(clean) ?? '';
  return text.length > MAX_BODY_CHARS ? { truncated: true, length: text.length } : clean;
}
