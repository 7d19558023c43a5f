/**
 * Answers of reads of the resource table, kept while the table is not written: the store has one
 * connection, every write to the table moves its write count (temporary triggers), and any move
 * empties the cache, so an answer taken from it is the one SQLite would give. Only answers read
 * outside a transaction are kept (a transaction may still roll back what it read). Values are
 * the raw rows as SQLite returned them; callers decode a fresh copy for every request, so no
 * request ever holds an object another request holds.
 */
export class ReadCache<V> {
  private readonly entries = new Map<string, V>();
  private writes = -1;

  constructor(private readonly limit: number) {}

  /** The answer kept for `key`, if the table's write count is still `writes`. */
  get(key: string, writes: number): V | undefined {
    if (writes !== this.writes) {
      this.entries.clear();
      this.writes = writes;
      return undefined;
    }
    return this.entries.get(key);
  }

  /** Keeps an answer read at write count `writes`; the cache is emptied when it reaches its limit. */
  set(key: string, value: V, writes: number): void {
    if (writes !== this.writes) {
      this.entries.clear();
      this.writes = writes;
    }
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
