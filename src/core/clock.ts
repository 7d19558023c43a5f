/**
 * The virtual clock. Every timestamp, phase transition and rate-limit window reads it, so a test
 * can move time forward instead of sleeping. It runs at wall-clock speed from an offset that the
 * control plane can set or advance; it can also be frozen.
 */
export class VirtualClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  iso(ms = this.now()): string {
    // Without the milliseconds: `….123Z` -> `…Z` (a slice: this runs for every timestamp rendered).
    return new Date(ms).toISOString().slice(0, -5) + 'Z';
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
