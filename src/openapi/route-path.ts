/**
 * OpenAPI path -> Fastify route path. `{param}` becomes `:param`; a literal colon (as in
 * `/acls:batch` or `/integrations:test`) is escaped as `::`, which find-my-way reads as a colon.
 * A parameter directly followed by a colon (`/{id}:pause`) gets a pattern that stops at the
 * colon, or find-my-way would read the colon as part of the parameter's name.
 */
export function toRoutePath(path: string): string {
  const parts = path.split(/(\{[^}]+\})/);
  return parts
    .map((part, i) => {
      if (part.startsWith('{') && part.endsWith('}')) {
        const name = part.slice(1, -1);
        return parts[i + 1]?.startsWith(':') ? `:${name}(^[^/:]+)` : `:${name}`;
      }
      return part.replace(/:/g, '::');
    })
    .join('');
}
