import { mayHoldSecrets, redact } from './redact.js';
import { TextRing } from './text-ring.js';

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

/** Bytes a text may take in UTF-8: at most three per UTF-16 unit; measured when that bound is large. */
const maxBytes = (text: string) => (text.length <= 16 * 1024 ? text.length * 3 : Buffer.byteLength(text));

const charCount = (text: string) => text.length;
const utf8Bytes = (text: string) => Buffer.byteLength(text);

/** A body's length in the ring when it is not there (no body, or kept as a value). */
const NOT_IN_RING = -1;

/**
 * The request journal: a bounded ring of the last `size` requests (0 turns it off), oldest
 * first, with waiters that a new entry wakes.
 *
 * Entries are kept compact, because a full ring lives through every garbage collection: one slot
 * per entry in columns (numbers unboxed, shared strings such as the method, operation and key by
 * reference), and the texts of each request (its id, path and bodies, exactly as received and
 * sent) as bytes in a `TextRing`. Recording copies those texts and allocates nothing that
 * survives the request; an entry is formatted, parsed and redacted only when the journal is read.
 */
export class Journal {
  /** Slot of the next entry, and how many slots are live. */
  private next = 0;
  private length = 0;
  // The columns, one element per slot (plain arrays: they grow to `size` as the ring fills; numbers
  // stay unboxed in arrays that only ever hold numbers).
  private timeMs: number[] = [];
  private durationMs: number[] = [];
  private status: number[] = [];
  private method: string[] = [];
  private operationId: Array<string | null> = [];
  private organizationId: Array<string | null> = [];
  private apiKey: Array<string | null> = [];
  private query: Array<Record<string, unknown>> = [];
  /** What is not kept in the ring: hint, fault id, and bodies kept as values (rare). */
  private extra: Array<Extra | undefined> = [];
  // Where each slot's texts are in the ring: its start, then the lengths in bytes of the id, the
  // path, the request and the response body (`NOT_IN_RING` for a body not there), and its end.
  private start: number[] = [];
  private idBytes: number[] = [];
  private pathBytes: number[] = [];
  private requestBytes: number[] = [];
  private responseBytes: number[] = [];
  private end: number[] = [];
  private texts = new TextRing();
  private waiters = new Set<Waiter>();

  constructor(readonly size: number) {}

  get enabled(): boolean {
    return this.size > 0;
  }

  /** Bytes of the buffer holding the entries' texts (outside the heap). */
  get textBufferBytes(): number {
    return this.texts.capacity;
  }

  /**
   * Records one request (nothing of `entry` is kept but its values). `responseText` is the response
   * body as sent; `requestText`, when given, is the JSON text `requestBody` was parsed from, kept
   * instead of the parsed value.
   */
  record(entry: Recorded, requestBody: unknown, responseText: string | undefined, requestText?: string): void {
    if (!this.enabled) return;
    let requestValue: unknown = null;
    let requestKept: string | undefined;
    if (requestText !== undefined && requestBody !== undefined) {
      if (requestText.length > MAX_BODY_CHARS) requestValue = { truncated: true, length: requestText.length };
      else requestKept = requestText;
    } else {
      requestValue = boundedBody(requestBody);
    }
    let responseValue: unknown = null;
    let responseKept: string | undefined;
    if (responseText !== undefined) {
      if (responseText.length > MAX_BODY_CHARS) responseValue = { truncated: true, length: responseText.length };
      else responseKept = responseText;
    }
    const extra = entry.hint === undefined && entry.fault_id === undefined && requestValue === null && responseValue === null ? undefined : { hint: entry.hint, fault_id: entry.fault_id, requestValue, responseValue };
    this.store(entry, requestKept, responseKept, extra);
    if (this.waiters.size) this.wake((this.next - 1 + this.size) % this.size);
  }

  /** Writes one entry in the next slot, over the oldest when the ring is full. */
  private store(entry: Recorded, requestText: string | undefined, responseText: string | undefined, extra: Extra | undefined): void {
    const slot = this.next;
    const texts = this.texts;
    if (this.length === this.size) texts.release(this.end[slot]);
    const id = entry.request_id;
    const path = entry.path;
    // One write of the texts end to end (a native call per text costs more than joining them).
    let joined = id + path;
    if (requestText !== undefined) joined += requestText;
    if (responseText !== undefined) joined += responseText;
    const start = texts.begin(maxBytes(joined));
    const written = texts.write(joined, start);
    // All ASCII (the usual case): as many bytes as characters; else each text is measured.
    const bytes = written === joined.length ? charCount : utf8Bytes;
    this.start[slot] = start;
    this.idBytes[slot] = bytes(id);
    this.pathBytes[slot] = bytes(path);
    this.requestBytes[slot] = requestText === undefined ? NOT_IN_RING : bytes(requestText);
    this.responseBytes[slot] = responseText === undefined ? NOT_IN_RING : bytes(responseText);
    const at = start + written;
    texts.commit(at);
    this.end[slot] = at;

    this.timeMs[slot] = entry.timeMs;
    this.durationMs[slot] = entry.duration_ms;
    this.status[slot] = entry.status;
    this.method[slot] = entry.method;
    this.operationId[slot] = entry.operation_id;
    this.organizationId[slot] = entry.organization_id;
    this.apiKey[slot] = entry.api_key;
    this.query[slot] = entry.query;
    this.extra[slot] = extra;
    this.next = (slot + 1) % this.size;
    if (this.length < this.size) this.length++;
  }

  /** Matching entries, oldest first; with `limit`, the newest `limit` of them. */
  list(filter: JournalFilter = {}, limit = Infinity): JournalEntry[] {
    const out = this.matching(filter);
    return out.slice(Math.max(0, out.length - limit)).map((slot) => this.materialize(slot));
  }

  /** Slots of the matching entries, oldest first. */
  private matching(filter: JournalFilter, matched = true): number[] {
    const out: number[] = [];
    const first = this.first();
    for (let i = 0; i < this.length; i++) {
      const slot = (first + i) % this.size;
      if (this.matches(slot, filter) === matched) out.push(slot);
    }
    return out;
  }

  /** Slot of the oldest entry. */
  private first(): number {
    return this.length < this.size ? 0 : this.next;
  }

  private matches(slot: number, f: JournalFilter): boolean {
    return (
      (f.operation_id === undefined || this.operationId[slot] === f.operation_id) &&
      (f.method === undefined || this.method[slot] === f.method.toUpperCase()) &&
      (f.status === undefined || this.status[slot] === f.status) &&
      (f.organization_id === undefined || this.organizationId[slot] === f.organization_id) &&
      (f.path_prefix === undefined || this.path(slot).startsWith(f.path_prefix))
    );
  }

  private path(slot: number): string {
    return this.texts.read(this.start[slot] + this.idBytes[slot], this.pathBytes[slot]);
  }

  /** Removes the matching entries (all of them without a filter); answers how many. */
  clear(filter: JournalFilter = {}): number {
    const all = this.length;
    // The entries kept are stored again, oldest first, as they were recorded (rare: a filtered clear).
    const kept = this.matching(filter, false).map((slot) => this.raw(slot));
    this.reset();
    for (const r of kept) this.store(r.entry, r.requestText, r.responseText, r.extra);
    return all - kept.length;
  }

  private reset(): void {
    this.next = 0;
    this.length = 0;
    this.timeMs = [];
    this.durationMs = [];
    this.status = [];
    this.method = [];
    this.operationId = [];
    this.organizationId = [];
    this.apiKey = [];
    this.query = [];
    this.extra = [];
    this.start = [];
    this.idBytes = [];
    this.pathBytes = [];
    this.requestBytes = [];
    this.responseBytes = [];
    this.end = [];
    this.texts.reset();
  }

  /** A slot's entry as it was recorded. */
  private raw(slot: number): { entry: Recorded; requestText?: string; responseText?: string; extra?: Extra } {
    const t = this.texts;
    let at = this.start[slot];
    const read = (bytes: number) => {
      if (bytes === NOT_IN_RING) return undefined;
      const text = t.read(at, bytes);
      at += bytes;
      return text;
    };
    const request_id = read(this.idBytes[slot])!;
    const path = read(this.pathBytes[slot])!;
    const requestText = read(this.requestBytes[slot]);
    const responseText = read(this.responseBytes[slot]);
    const extra = this.extra[slot];
    const entry: Recorded = {
      request_id,
      timeMs: this.timeMs[slot],
      method: this.method[slot],
      path,
      operation_id: this.operationId[slot],
      status: this.status[slot],
      organization_id: this.organizationId[slot],
      api_key: this.apiKey[slot],
      duration_ms: this.durationMs[slot],
      query: this.query[slot],
      hint: extra?.hint,
      fault_id: extra?.fault_id,
    };
    return { entry, requestText, responseText, extra };
  }

  /** Resolves with the first `count` matching entries once they exist, or undefined after `timeoutMs`. */
  wait(filter: JournalFilter, count: number, timeoutMs: number): Promise<JournalEntry[] | undefined> {
    const now = this.matching(filter);
    if (now.length >= count) return Promise.resolve(now.slice(0, count).map((slot) => this.materialize(slot)));
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

  /** Only the entry just recorded (in `slot`) can complete a wait: most records cost a filter check. */
  private wake(slot: number): void {
    for (const w of this.waiters) {
      if (!this.matches(slot, w.filter)) continue;
      const found = this.matching(w.filter);
      if (found.length < w.count) continue;
      clearTimeout(w.timer);
      this.waiters.delete(w);
      w.resolve(found.slice(0, w.count).map((s) => this.materialize(s)));
    }
  }

  /** An entry as the journal answers it: time formatted, bodies parsed, secrets redacted. */
  private materialize(slot: number): JournalEntry {
    const { entry, requestText, responseText, extra } = this.raw(slot);
    const query = entry.query;
    // The fields in the order the journal always answered them.
    return {
      request_id: entry.request_id,
      method: entry.method,
      path: entry.path,
      operation_id: entry.operation_id,
      status: entry.status,
      organization_id: entry.organization_id,
      api_key: entry.api_key,
      duration_ms: entry.duration_ms,
      // The query as the request sent it; redacted here, when read, like the bodies.
      query: query && Object.keys(query).length ? (redact(query) as Record<string, unknown>) : query,
      hint: entry.hint,
      fault_id: entry.fault_id,
      response_body: responseText !== undefined ? redactedBody(responseText) : (extra?.responseValue ?? null),
      request_body: requestText !== undefined ? redactedBody(requestText) : (extra?.requestValue ?? null),
      time: new Date(entry.timeMs).toISOString(),
    };
  }
}

/** The rarely present parts of an entry. */
interface Extra {
  hint: string | undefined;
  fault_id: string | undefined;
  /** A request body kept as a value (not JSON text, or too large: a note of its size), else null. */
  requestValue: unknown;
  /** A response body too large to keep (a note of its size), else null. */
  responseValue: unknown;
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
