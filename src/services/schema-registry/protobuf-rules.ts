import protobuf from 'protobufjs';

/**
 * Protobuf compatibility, after Confluent's rules for Protobuf: can a reader using the `reader`
 * schema parse every message written with the `writer` schema? Checked, per message type (by full
 * name): a message type removed; a field number reused with a wire-incompatible type (the
 * compatible groups are int32/uint32/int64/uint64/bool, sint32/sint64, fixed32/sfixed32,
 * fixed64/sfixed64, string/bytes, and enums with the integer group); a field turned from singular
 * to repeated or back (other than packable scalars); a field moved into or out of a oneof.
 * Removed and added fields are compatible: unknown fields are skipped and missing ones defaulted.
 */
const GROUPS = [['int32', 'uint32', 'int64', 'uint64', 'bool'], ['sint32', 'sint64'], ['fixed32', 'sfixed32'], ['fixed64', 'sfixed64'], ['string', 'bytes']];
const PACKABLE = new Set(['int32', 'uint32', 'int64', 'uint64', 'bool', 'sint32', 'sint64', 'fixed32', 'sfixed32', 'fixed64', 'sfixed64', 'float', 'double']);

function messages(text: string): Map<string, protobuf.Type> {
  const root = protobuf.parse(text, { keepCase: true }).root;
  root.resolveAll();
  const out = new Map<string, protobuf.Type>();
  const walk = (ns: protobuf.NamespaceBase) => {
    for (const nested of ns.nestedArray) {
      if (nested instanceof protobuf.Type) out.set(nested.fullName, nested);
      if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) walk(nested);
    }
  };
  walk(root);
  return out;
}

/** The wire-level kind of a field's type: enums travel as varints, messages by their full name. */
function kindOf(f: protobuf.Field): string {
  if (f.resolvedType instanceof protobuf.Enum) return 'int32';
  if (f.resolvedType instanceof protobuf.Type) return f.resolvedType.fullName;
  return f.type;
}

const compatibleTypes = (a: string, b: string) => a === b || GROUPS.some((g) => g.includes(a) && g.includes(b));

export function protobufBackwardProblems(reader: string, writer: string): string[] {
  const r = messages(reader);
  const w = messages(writer);
  const out: string[] = [];
  for (const [name, wType] of w) {
    const rType = r.get(name);
    if (!rType) {
      out.push(`MESSAGE_REMOVED at '${name}'`);
      continue;
    }
    for (const wf of wType.fieldsArray) {
      const rf = rType.fieldsById[wf.id];
      if (!rf) continue;
      const at = `${name}.${rf.name} (${wf.id})`;
      if (!compatibleTypes(kindOf(rf), kindOf(wf))) out.push(`FIELD_KIND_CHANGED at '${at}': ${kindOf(wf)} -> ${kindOf(rf)}`);
      else if (rf.repeated !== wf.repeated && !(PACKABLE.has(rf.type) && PACKABLE.has(wf.type))) out.push(`FIELD_LABEL_CHANGED at '${at}'`);
      if (!!rf.partOf !== !!wf.partOf) out.push(`${rf.partOf ? 'FIELD_MOVED_TO_ONEOF' : 'FIELD_MOVED_OUT_OF_ONEOF'} at '${at}'`);
    }
  }
  return out;
}
