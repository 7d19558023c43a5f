import type { FastifyBaseLogger } from 'fastify';

type Bindings = Record<string, unknown>;
type Methods = Record<'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent', (...args: unknown[]) => void>;

/**
 * A request's logger, made only when something is logged through it. Fastify gives every request
 * a child of the server's logger bound to its id, and pino spends on each child (its bindings
 * serialised, its formatters built) more than a read by id costs; above `info` most requests log
 * nothing at all. The first call makes the real child, with the same bindings and options.
 */
export class LazyChildLogger {
  private made?: FastifyBaseLogger;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly childBindings: Bindings,
    private readonly options: Record<string, unknown>,
  ) {}

  private get real(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.childBindings, hasKeys(this.options) ? this.options : undefined));
  }

  /** The level in force: the child's once made, else the one it would be made with. */
  get level(): string {
    return this.made?.level ?? (this.options.level as string | undefined) ?? this.parent.level;
  }
  set level(level: string) {
    this.real.level = level;
  }

  fatal(...args: unknown[]): void {
    (this.real as unknown as Methods).fatal(...args);
  }
  error(...args: unknown[]): void {
    (this.real as unknown as Methods).error(...args);
  }
  warn(...args: unknown[]): void {
    (this.real as unknown as Methods).warn(...args);
  }
  info(...args: unknown[]): void {
    (this.real as unknown as Methods).info(...args);
  }
  debug(...args: unknown[]): void {
    (this.real as unknown as Methods).debug(...args);
  }
  trace(...args: unknown[]): void {
    (this.real as unknown as Methods).trace(...args);
  }
  silent(...args: unknown[]): void {
    (this.real as unknown as Methods).silent(...args);
  }

  child(bindings: Bindings, options?: Record<string, unknown>): FastifyBaseLogger {
    return this.real.child(bindings, options);
  }

  isLevelEnabled(level: string): boolean {
    return (this.real as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled(level);
  }

  bindings(): Bindings {
    return (this.real as unknown as { bindings(): Bindings }).bindings();
  }
}

const hasKeys = (o: object) => {
  for (const _ in o) return true;
  return false;
};

/** Fastify's `childLoggerFactory`: a lazy child per request. */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: object): FastifyBaseLogger {
  return new LazyChildLogger(logger, bindings, options as Record<string, unknown>) as unknown as FastifyBaseLogger;
}
