import type protobuf from 'protobufjs';
import { lazyModule } from '../../../core/lazy-module.js';

const protobufjs = lazyModule<typeof protobuf>('protobufjs');
import type { SchemaType } from '../../schema-registry/formats.js';

/**
 * The record name the RECORD_NAME subject strategies use: an Avro record's full name, a JSON
 * Schema's `title`, a Protobuf file's first message with its package; none when the schema names none.
 */
export function recordNameOf(type: SchemaType, schema: string): string | undefined {
  try {
    if (type === 'PROTOBUF') {
      const parsed = protobufjs().parse(schema, { keepCase: true });
      const ns = parsed.package ? parsed.root.lookup(parsed.package) : parsed.root;
      const first = (ns as protobuf.Namespace).nestedArray.find((n) => n instanceof (protobufjs().Type));
      if (first) return parsed.package ? `${parsed.package}.${first.name}` : first.name;
    } else {
      const json = JSON.parse(schema) as { name?: string; namespace?: string; title?: string };
      const name = type === 'AVRO' ? (json.name && json.namespace && !json.name.includes('.') ? `${json.namespace}.${json.name}` : json.name) : json.title;
      if (typeof name === 'string' && name) return name;
    }
  } catch {
    // An unreadable schema has no record name; the registry says why when it is registered.
  }
  return undefined;
}
