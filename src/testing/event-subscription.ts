import type { EventType, ResourceEvent } from '../control/events.js';

export interface ReceivedEvent {
  event: EventType;
  data: ResourceEvent;
}

/**
 * A subscription to `GET /_emulator/events`: `next()` resolves with the next event that matches,
 * so a test can await a phase instead of polling. Subscribe before acting, then await.
 */
export class EventSubscription {
  private buffer = '';
  private readonly queue: ReceivedEvent[] = [];
  private ended = false;
  private readonly decoder = new TextDecoder();
  /** A read still under way after a timeout; the next call awaits it rather than losing its chunk. */
  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;

  private constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<EventSubscription> {
    const res = await fetch(url, { headers: { ...headers, accept: 'text/event-stream' } });
    if (!res.ok || !res.body) throw new Error(`GET /_emulator/events answered ${res.status}`);
    return new EventSubscription(res.body.getReader());
  }

  /** The next event that `match` accepts (any, without it); throws after `timeoutMs` or when the stream ends. */
  async next(match: (e: ReceivedEvent) => boolean = () => true, timeoutMs = 5000): Promise<ReceivedEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.queue.findIndex(match);
      if (i >= 0) return this.queue.splice(0, i + 1)[i];
      this.queue.length = 0;
      if (this.ended) throw new Error('the event stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), left)));
      this.pending ??= this.reader.read();
      const read = await Promise.race([this.pending, timeout]);
      clearTimeout(timer);
      if (read === 'timeout') throw new Error(`no matching event within ${timeoutMs} ms`);
      this.pending = undefined;
      if (read.done) this.ended = true;
      else this.parse(this.decoder.decode(read.value, { stream: true }));
    }
  }

  /** Resolves once the resource reaches `phase`. */
  phase(id: string, phase: string, timeoutMs = 5000): Promise<ReceivedEvent> {
    return this.next((e) => e.data.id === id && e.data.phase === phase && e.event !== 'deleted', timeoutMs);
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  private parse(text: string): void {
    this.buffer += text;
    let end;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event && data) this.queue.push({ event: event as EventType, data: JSON.parse(data) });
    }
  }
}
