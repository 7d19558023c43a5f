/** JSON Pointer (RFC 6901) reads and writes on plain JSON objects. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(obj: unknown, pointer: string): unknown {
  let cur: unknown = obj;
  for (const key of parsePointer(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export function hasAt(obj: unknown, pointer: string): boolean {
  const keys = parsePointer(pointer);
  let cur: unknown = obj;
  for (const key of keys) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[key];
  }
  return true;
}

export function setAt(obj: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = parsePointer(pointer);
  let cur: Record<string, unknown> = obj;
  for (const key of keys.slice(0, -1)) {
    if (cur[key] === null || typeof cur[key] !== 'object') cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

export function deleteAt(obj: unknown, pointer: string): void {
  const keys = parsePointer(pointer);
  let cur: unknown = obj;
  for (const key of keys.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Record<string, unknown>)[key];
  }
  if (cur !== null && typeof cur === 'object') delete (cur as Record<string, unknown>)[keys[keys.length - 1]];
}

/** `/spec/display_name` -> `spec.display_name`, for messages and filter names. */
export const pointerToPath = (pointer: string) => parsePointer(pointer).join('.');
