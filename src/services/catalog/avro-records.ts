/** A record of an Avro schema, as the catalog lists it (sr_record) with its fields (sr_field). */
export interface AvroRecord {
  fullName: string;
  name: string;
  namespace?: string;
  doc?: string;
  fields: Array<{ name: string; type: string; doc?: string }>;
}

type Json = Record<string, unknown>;

/** A field type in words: a primitive or named type's name, a logical type, unions joined with `|`. */
function typeLabel(t: unknown): string {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map(typeLabel).join('|');
  if (t && typeof t === 'object') {
    const o = t as Json;
    if (typeof o.logicalType === 'string') return o.logicalType;
    if (['record', 'error', 'enum', 'fixed'].includes(String(o.type)) && typeof o.name === 'string') return o.name;
    return typeLabel(o.type);
  }
  return 'unknown';
}

/**
 * The records an Avro schema defines, nested ones included, each once, with full names resolved
 * as Avro resolves them (a dotted name is full; otherwise the namespace is the record's own or
 * the enclosing one's). A schema that is not JSON has none.
 */
export function avroRecords(schemaText: string): AvroRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(schemaText);
  } catch {
    return [];
  }
  const out: AvroRecord[] = [];
  const seen = new Set<string>();
  const walk = (t: unknown, ns: string | undefined): void => {
    if (Array.isArray(t)) return t.forEach((x) => walk(x, ns));
    if (!t || typeof t !== 'object') return;
    const o = t as Json;
    if ((o.type === 'record' || o.type === 'error') && typeof o.name === 'string') {
      const dot = o.name.lastIndexOf('.');
      const namespace = dot >= 0 ? o.name.slice(0, dot) : typeof o.namespace === 'string' && o.namespace ? o.namespace : ns;
      const name = dot >= 0 ? o.name.slice(dot + 1) : o.name;
      const fullName = namespace ? `${namespace}.${name}` : name;
      if (seen.has(fullName)) return;
      seen.add(fullName);
      const fields = (Array.isArray(o.fields) ? o.fields : []).filter((f): f is Json => !!f && typeof f === 'object' && typeof (f as Json).name === 'string');
      out.push({
        fullName,
        name,
        ...(namespace ? { namespace } : {}),
        ...(typeof o.doc === 'string' ? { doc: o.doc } : {}),
        fields: fields.map((f) => ({ name: f.name as string, type: typeLabel(f.type), ...(typeof f.doc === 'string' ? { doc: f.doc } : {}) })),
      });
      for (const f of fields) walk(f.type, namespace);
      return;
    }
    if (o.type === 'array') walk(o.items, ns);
    else if (o.type === 'map') walk(o.values, ns);
    else if (o.type && typeof o.type === 'object') walk(o.type, ns);
  };
  walk(parsed, undefined);
  return out;
}
