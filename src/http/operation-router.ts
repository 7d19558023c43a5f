import type { Operation } from '../openapi/types.js';

/**
 * The documents' own path table as a router: method + URL path -> an operation's target and its
 * path parameters. The emulator registers one catch-all Fastify route that dispatches through it,
 * instead of one Fastify route per operation and alias (some 475, each compiled by Fastify and
 * find-my-way: a quarter of a cold start). It matches as find-my-way did for these paths:
 *
 * - segment by segment, a literal segment before a parameter, with backtracking;
 * - a parameter followed by a literal suffix (`{id}:pause`) takes a value without a colon or a slash, and is
 *   tried before a plain parameter (`{id}`), which takes the whole segment, empty included;
 * - literal segments compare as sent, or with the escapes `decodeURI` resolves (never `%2F`,
 *   `%3A`, ...); parameter values are percent-decoded (`a%2Fb` is `a/b`);
 * - case-sensitive, no trailing-slash or duplicate-slash folding, the query string ignored.
 */
export interface RouteMatch<T> {
  target: T;
  params: Record<string, string>;
}

/** A URL the router cannot read: raised as Fastify's router errors are, so that they render alike. */
export class RouteError extends Error {
  constructor(
    readonly code: 'FST_ERR_BAD_URL' | 'FST_ERR_MAX_PARAM_LENGTH',
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

interface SuffixedParam<T> {
  /** The literal text after the value, `:pause`. */
  suffix: string;
  node: Node<T>;
}

interface Node<T> {
  literals: Map<string, Node<T>>;
  suffixed: SuffixedParam<T>[];
  param?: Node<T>;
  /** Targets of a path ending here, by method, with the names of the path's parameters in order. */
  targets?: Map<string, { target: T; names: string[] }>;
}

const newNode = <T>(): Node<T> => ({ literals: new Map(), suffixed: [] });

/** `{name}:suffix` or `{name}`; undefined for a literal segment. */
function paramOf(segment: string): { name: string; suffix: string } | undefined {
  const m = /^\{([^}]+)\}(:[^{}]*)?$/.exec(segment);
  return m ? { name: m[1], suffix: m[2] ?? '' } : undefined;
}

export class OperationRouter<T> {
  private readonly root = newNode<T>();

  constructor(private readonly maxParamLength: number) {}

  /** Adds a target at a method and an OpenAPI path (`/a/{id}:pause`); a second one for the same pair throws. */
  add(method: string, path: string, target: T): void {
    let node = this.root;
    const names: string[] = [];
    for (const segment of path.split('/').slice(1)) {
      const param = paramOf(segment);
      if (!param) {
        if (segment.includes('{')) throw new Error(`${path}: a parameter must be a whole segment, or one followed by a literal suffix`);
        node = getOrAdd(node.literals, segment);
      } else if (param.suffix) {
        names.push(param.name);
        let child = node.suffixed.find((s) => s.suffix === param.suffix);
        if (!child) node.suffixed.push((child = { suffix: param.suffix, node: newNode() }));
        node = child.node;
      } else {
        names.push(param.name);
        node = node.param ??= newNode();
      }
    }
    node.targets ??= new Map();
    if (node.targets.has(method)) throw new Error(`${method} ${path} is routed twice`);
    node.targets.set(method, { target, names });
  }

  /** The target of a request and its parameters; undefined when no path and method match. Throws a RouteError for an unreadable URL. */
  find(method: string, url: string): RouteMatch<T> | undefined {
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path.charCodeAt(0) !== 47 /* / */) return undefined;
    const segments = path.split('/');
    const values: string[] = [];
    const state = { tooLong: false };
    const found = this.walk(this.root, segments, 1, method, values, state);
    if (found === undefined) {
      if (state.tooLong) throw new RouteError('FST_ERR_MAX_PARAM_LENGTH', 414, `a path parameter of ${path.slice(0, 100)} is longer than ${this.maxParamLength}`);
      return undefined;
    }
    const params: Record<string, string> = {};
    for (let i = 0; i < found.names.length; i++) params[found.names[i]] = values[i];
    return { target: found.target, params };
  }

  private walk(node: Node<T>, segments: string[], i: number, method: string, values: string[], state: { tooLong: boolean }): { target: T; names: string[] } | undefined {
    if (i === segments.length) return node.targets?.get(method);
    const raw = segments[i];
    const literal = node.literals.get(raw) ?? (raw.includes('%') ? node.literals.get(decode(raw, decodeURI)) : undefined);
    if (literal) {
      const found = this.walk(literal, segments, i + 1, method, values, state);
      if (found !== undefined) return found;
    }
    if (!node.suffixed.length && !node.param) return undefined;
    const value = raw.includes('%') ? decode(raw, decodeURIComponent) : raw;
    for (const s of node.suffixed) {
      if (!value.endsWith(s.suffix)) continue;
      const head = value.slice(0, value.length - s.suffix.length);
      if (head === '' || head.includes(':') || head.includes('/')) continue;
      if (head.length > this.maxParamLength) {
        state.tooLong = true;
        continue;
      }
      const found = this.descend(s.node, head, segments, i, method, values, state);
      if (found !== undefined) return found;
    }
    if (node.param) {
      if (value.length > this.maxParamLength) {
        state.tooLong = true;
        return undefined;
      }
      return this.descend(node.param, value, segments, i, method, values, state);
    }
    return undefined;
  }

  private descend(node: Node<T>, value: string, segments: string[], i: number, method: string, values: string[], state: { tooLong: boolean }) {
    values.push(value);
    const found = this.walk(node, segments, i + 1, method, values, state);
    if (found === undefined) values.pop();
    return found;
  }
}

function getOrAdd<T>(map: Map<string, Node<T>>, key: string): Node<T> {
  let node = map.get(key);
  if (!node) map.set(key, (node = newNode()));
  return node;
}

function decode(text: string, fn: (s: string) => string): string {
  try {
    return fn(text);
  } catch {
    throw new RouteError('FST_ERR_BAD_URL', 400, `'${text}' is not a valid url component`);
  }
}

/** The operations and their aliases as a router, each target made by `target`. */
export function routeOperations<T>(operations: Operation[], maxParamLength: number, target: (op: Operation, alias?: Operation['aliases'][number]) => T): OperationRouter<T> {
  const router = new OperationRouter<T>(maxParamLength);
  for (const op of operations) {
    router.add(op.method, op.path, target(op));
    for (const alias of op.aliases) router.add(op.method, alias.to + op.path.slice(alias.from.length), target(op, alias));
  }
  return router;
}
