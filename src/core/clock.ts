/**
 * The virtual clock. Every timestamp, phase transition and rate-limit window reads it, so a test
 * can move time forward instead of sleeping. It runs at wall-clock speed from an offset that the
 * control plane can set or advance; it can also be frozen.
 */
const rendered = new Map<number, string>();
const RENDERED_LIMIT = 4096;

export class VirtualClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  iso(ms = this.now()): string {
    // Rendered timestamps repeat (a resource's created_at on every read): a small cache of them.
    let text = rendered.get(ms);
    if (text === undefined) {
      // Without the milliseconds: `….123Z` -> `…Z`.
      text = new Date(ms).toISOString().slice(0, -5) + 'Z';
      if (rendered.size >= RENDERED_LIMIT) rendered.clear();
      rendered.set(ms, text);
    }
    return text;
  }

  set(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt = ms;
    else this.offsetMs = ms - Date.now();
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  freeze(frozen: boolean): void {
    if (frozen && this.frozenAt === undefined) this.frozenAt = this.now();
    if (!frozen && this.frozenAt !== undefined) {
      this.offsetMs = this.frozenAt - Date.now();
      this.frozenAt = undefined;
    }
  }

  /** Back to wall-clock time, running. */
  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
