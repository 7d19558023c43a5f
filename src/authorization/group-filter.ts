/**
 * A group mapping's `filter`: the CEL expression Confluent Cloud evaluates against the SSO groups
 * claim of a user at sign-in (`"engineering" in groups`). The emulator evaluates the part of CEL
 * such filters are written in:
 *
 *   "a" in groups                       membership
 *   groups.exists(g, g.startsWith("a")) any group with a prefix (also endsWith, contains, == "a")
 *   size(groups) > 0                    comparisons of size(groups) with a number
 *   !x, x && y, x || y, (x), true, false
 *
 * Anything else is an error, so that a filter the emulator cannot evaluate never matches silently.
 */
export type GroupFilter = (groups: readonly string[]) => boolean;

export class GroupFilterError extends Error {}

type Token = { kind: 'str'; value: string } | { kind: 'num'; value: number } | { kind: 'id'; value: string } | { kind: 'op'; value: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        value += src[j++];
      }
      if (j >= src.length) throw new GroupFilterError(`unterminated string at ${i}`);
      out.push({ kind: 'str', value });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['&&', '||', '==', '!=', '>=', '<='].includes(two)) {
      out.push({ kind: 'op', value: two });
      i += 2;
      continue;
    }
    if ('!()<>,.'.includes(c)) {
      out.push({ kind: 'op', value: c });
      i++;
      continue;
    }
    const num = /^\d+/.exec(src.slice(i));
    if (num) {
      out.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (!id) throw new GroupFilterError(`unexpected '${c}' at ${i}`);
    out.push({ kind: 'id', value: id[0] });
    i += id[0].length;
  }
  return out;
}

/** Compiles a filter; throws GroupFilterError naming what it cannot read. */
export function compileGroupFilter(source: string): GroupFilter {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.kind === 'op' && peek()!.value === v;
  const isId = (v: string) => peek()?.kind === 'id' && peek()!.value === v;
  const expect = (kind: Token['kind'], value?: string): Token => {
    const t = tokens[pos];
    if (!t || t.kind !== kind || (value !== undefined && t.value !== value)) {
      throw new GroupFilterError(`expected ${value ?? kind} at token ${pos + 1}${t ? ` but found '${t.value}'` : ''}`);
    }
    pos++;
    return t;
  };

  const or = (): GroupFilter => {
    let left = and();
    while (isOp('||')) {
      pos++;
      const l = left;
      const r = and();
      left = (g) => l(g) || r(g);
    }
    return left;
  };
  const and = (): GroupFilter => {
    let left = unary();
    while (isOp('&&')) {
      pos++;
      const l = left;
      const r = unary();
      left = (g) => l(g) && r(g);
    }
    return left;
  };
  const unary = (): GroupFilter => {
    if (isOp('!')) {
      pos++;
      const inner = unary();
      return (g) => !inner(g);
    }
    return primary();
  };
  const primary = (): GroupFilter => {
    if (isOp('(')) {
      pos++;
      const inner = or();
      expect('op', ')');
      return inner;
    }
    if (isId('true') || isId('false')) {
      const value = (tokens[pos++] as { value: string }).value === 'true';
      return () => value;
    }
    if (peek()?.kind === 'str') {
      const name = (tokens[pos++] as { value: string }).value;
      expect('id', 'in');
      expect('id', 'groups');
      return (g) => g.includes(name);
    }
    if (isId('size')) {
      pos++;
      expect('op', '(');
      expect('id', 'groups');
      expect('op', ')');
      const op = expect('op').value as string;
      const n = expect('num').value as number;
      const compare: Record<string, (a: number) => boolean> = { '>': (a) => a > n, '>=': (a) => a >= n, '<': (a) => a < n, '<=': (a) => a <= n, '==': (a) => a === n, '!=': (a) => a !== n };
      if (!compare[op]) throw new GroupFilterError(`unsupported comparison '${op}'`);
      return (g) => compare[op](g.length);
    }
    if (isId('groups')) {
      pos++;
      expect('op', '.');
      expect('id', 'exists');
      expect('op', '(');
      const v = expect('id').value as string;
      expect('op', ',');
      const test = elementPredicate(v);
      expect('op', ')');
      return (g) => g.some(test);
    }
    throw new GroupFilterError(peek() ? `unsupported expression at '${peek()!.value}'` : 'unexpected end of filter');
  };
  /** `g.startsWith("a")`, `g.endsWith("a")`, `g.contains("a")`, `g == "a"`, combined with ! && || (). */
  const elementPredicate = (v: string): ((s: string) => boolean) => {
    const orP = (): ((s: string) => boolean) => {
      let l = andP();
      while (isOp('||')) {
        pos++;
        const a = l;
        const b = andP();
        l = (s) => a(s) || b(s);
      }
      return l;
    };
    const andP = (): ((s: string) => boolean) => {
      let l = atomP();
      while (isOp('&&')) {
        pos++;
        const a = l;
        const b = atomP();
        l = (s) => a(s) && b(s);
      }
      return l;
    };
    const atomP = (): ((s: string) => boolean) => {
      if (isOp('!')) {
        pos++;
        const inner = atomP();
        return (s) => !inner(s);
      }
      if (isOp('(')) {
        pos++;
        const inner = orP();
        expect('op', ')');
        return inner;
      }
      expect('id', v);
      if (isOp('==') || isOp('!=')) {
        const neg = (tokens[pos++] as { value: string }).value === '!=';
        const value = expect('str').value as string;
        return (s) => (s === value) !== neg;
      }
      expect('op', '.');
      const method = expect('id').value as string;
      expect('op', '(');
      const arg = expect('str').value as string;
      expect('op', ')');
      if (method === 'startsWith') return (s) => s.startsWith(arg);
      if (method === 'endsWith') return (s) => s.endsWith(arg);
      if (method === 'contains') return (s) => s.includes(arg);
      throw new GroupFilterError(`unsupported function '${method}'`);
    };
    return orP();
  };

  const filter = or();
  if (pos < tokens.length) throw new GroupFilterError(`unexpected '${tokens[pos].value}' after the expression`);
  return filter;
}
