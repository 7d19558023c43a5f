/**
 * OpenAPI path -> Fastify route path. `{param}` becomes `:param`; a literal colon (as in
 * `/acls:batch` or `/integrations:test`) is escaped as `::`, which find-my-way reads as a colon.
 */
export function toRoutePath(path: string): string {
  return path
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') && part.endsWith('}') ? `:${part.slice(1, -1)}` : part.replace(/:/g, '::')))
    .join('');
}
