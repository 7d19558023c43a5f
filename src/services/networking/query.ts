/** A query parameter's values (Confluent's MultipleSearchFilter): repeated and comma-joined values both count. */
export function values(raw: unknown): string[] {
  if (raw === undefined || raw === '') return [];
  return (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(',')).filter((v) => v !== '');
}
