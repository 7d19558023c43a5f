import { describe, expect, it } from 'vitest';
import { parseProtobuf, protobufBackwardProblems } from '../../src/services/schema-registry/compat/protobuf.js';

/** Problems for a consumer of `reader` parsing messages written with `writer`. */
const check = (reader: string, writer: string) => protobufBackwardProblems(reader, writer);
/** `ERROR_TYPE at '<path>'`, without the description. */
const codes = (reader: string, writer: string) => check(reader, writer).map((p) => p.slice(0, p.indexOf(':')));

const proto3 = (body: string, pkg = 'shop') => `syntax = "proto3";\npackage ${pkg};\n${body}`;
/** A proto3 file with one message `Order` holding `fields`. */
const order = (fields: string, extra = '') => proto3(`message Order {\n${fields}\n}\n${extra}`);

describe('Protobuf compatibility: message format and identity', () => {
  it("renders ERROR_TYPE at '#/<message>/<field number>': description", () => {
    expect(check(order('string amount = 2;'), order('int32 amount = 2;'))).toEqual([
      "FIELD_SCALAR_KIND_CHANGED at '#/Order/2': field amount changed from int32 to string",
    ]);
  });

  it('identical schemas are compatible', () => {
    const s = order('string id = 1; repeated int64 qty = 2; map<string, int32> tags = 3; oneof pay { string card = 4; string iban = 5; }');
    expect(check(s, s)).toEqual([]);
  });

  it('an unparsable schema is a problem', () => {
    expect(codes('message {', order('string id = 1;'))).toEqual(["PROTOBUF_PARSE_ERROR at '#/'"]);
  });
});

describe('Protobuf compatibility: messages', () => {
  it('adding a message is compatible; removing one is not', () => {
    expect(check(order('string id = 1;', 'message Refund { string id = 1; }'), order('string id = 1;'))).toEqual([]);
    expect(codes(order('string id = 1;'), order('string id = 1;', 'message Refund { string id = 1; }'))).toEqual(["MESSAGE_REMOVED at '#/Refund'"]);
  });

  it('nested messages are matched by their full name within the package', () => {
    const nested = (t: string) => order(`message Line { ${t} qty = 1; }\nrepeated Line lines = 1;`);
    expect(check(nested('int64'), nested('int32'))).toEqual([]);
    expect(codes(nested('string'), nested('int32'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order.Line/1'"]);
    expect(codes(order('string id = 1;'), nested('int32'))).toContain("MESSAGE_REMOVED at '#/Order.Line'");
  });

  it('reordering messages is compatible', () => {
    const a = 'message A { string x = 1; }';
    const b = 'message B { int32 y = 1; }';
    expect(check(proto3(`${b}\n${a}`), proto3(`${a}\n${b}`))).toEqual([]);
  });
});

describe('Protobuf compatibility: package and syntax', () => {
  it('changing the package is incompatible', () => {
    expect(check(order('string id = 1;'), order('string id = 1;'))).toEqual([]);
    expect(codes(proto3('message Order { string id = 1; }', 'shop.v2'), order('string id = 1;'))).toEqual(["PACKAGE_CHANGED at '#/'"]);
  });

  it('changing the syntax is not checked (Confluent does not), only what it changes in the fields', () => {
    const proto2 = 'syntax = "proto2";\npackage shop;\nmessage Order { optional string id = 1; }';
    expect(check(order('string id = 1;'), proto2)).toEqual([]);
  });
});

describe('Protobuf compatibility: fields added, removed and renamed', () => {
  it('adding or removing an optional field is compatible (unknown fields are skipped)', () => {
    expect(check(order('string id = 1; int32 qty = 2;'), order('string id = 1;'))).toEqual([]);
    expect(check(order('string id = 1;'), order('string id = 1; int32 qty = 2;'))).toEqual([]);
  });

  it('renaming a field is compatible; reusing its number with another type is not', () => {
    expect(check(order('string ident = 1;'), order('string id = 1;'))).toEqual([]);
    expect(codes(order('double id = 1;'), order('string id = 1;'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/1'"]);
  });

  it('proto2 required fields: adding or removing one is incompatible', () => {
    const p2 = (fields: string) => `syntax = "proto2";\npackage shop;\nmessage Order { ${fields} }`;
    expect(check(p2('required string id = 1; optional int32 qty = 2;'), p2('required string id = 1;'))).toEqual([]);
    expect(codes(p2('required string id = 1; required int32 qty = 2;'), p2('required string id = 1;'))).toEqual(["REQUIRED_FIELD_ADDED at '#/Order/2'"]);
    expect(codes(p2('optional string note = 3;'), p2('required string id = 1; optional string note = 3;'))).toEqual(["REQUIRED_FIELD_REMOVED at '#/Order/1'"]);
  });
});

describe('Protobuf compatibility: field types', () => {
  it.each([
    ['int32', 'uint32'], ['int32', 'int64'], ['uint64', 'bool'], ['sint32', 'sint64'],
    ['fixed32', 'sfixed32'], ['fixed64', 'sfixed64'], ['string', 'bytes'],
  ])('%s <-> %s share a wire encoding: compatible', (a, b) => {
    expect(check(order(`${a} v = 1;`), order(`${b} v = 1;`))).toEqual([]);
    expect(check(order(`${b} v = 1;`), order(`${a} v = 1;`))).toEqual([]);
  });

  it.each([
    ['int32', 'sint32'], ['int64', 'fixed64'], ['fixed32', 'fixed64'], ['float', 'double'], ['int32', 'float'], ['string', 'int32'],
  ])('%s <-> %s differ on the wire: incompatible', (a, b) => {
    expect(codes(order(`${a} v = 1;`), order(`${b} v = 1;`))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/1'"]);
  });

  it('an enum reads like int32; not like a string', () => {
    const withEnum = (t: string) => order(`${t} status = 1;`, 'enum Status { NEW = 0; PAID = 1; }');
    expect(check(withEnum('Status'), withEnum('int32'))).toEqual([]);
    expect(check(withEnum('uint64'), withEnum('Status'))).toEqual([]);
    expect(codes(withEnum('Status'), withEnum('string'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/1'"]);
  });

  it('scalar <-> message is incompatible', () => {
    const withMoney = (t: string) => order(`${t} amount = 1;`, 'message Money { int64 cents = 1; }');
    expect(check(withMoney('Money'), withMoney('Money'))).toEqual([]);
    expect(codes(withMoney('Money'), withMoney('int64'))).toEqual(["FIELD_KIND_CHANGED at '#/Order/1'"]);
  });

  it('a message field must keep its message type, resolved by full name', () => {
    const two = 'message Money { int64 cents = 1; } message Price { int64 cents = 1; }';
    expect(check(order('.shop.Money amount = 1;', two), order('Money amount = 1;', two))).toEqual([]);
    expect(codes(order('Price amount = 1;', two), order('Money amount = 1;', two))).toEqual(["FIELD_NAMED_TYPE_CHANGED at '#/Order/1'"]);
  });

  it('imported types, which cannot be resolved here, are compared by name', () => {
    const imported = (t: string) => `syntax = "proto3";\npackage shop;\nimport "google/protobuf/timestamp.proto";\nmessage Order { ${t} at = 1; }`;
    expect(check(imported('google.protobuf.Timestamp'), imported('.google.protobuf.Timestamp'))).toEqual([]);
    expect(codes(imported('google.protobuf.Duration'), imported('google.protobuf.Timestamp'))).toEqual(["FIELD_NAMED_TYPE_CHANGED at '#/Order/1'"]);
  });

  it('maps: key and value types are compared; a map <-> non-map change is incompatible', () => {
    expect(check(order('map<string, int64> tags = 1;'), order('map<string, int32> tags = 1;'))).toEqual([]);
    expect(codes(order('map<string, string> tags = 1;'), order('map<string, int32> tags = 1;'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/1'"]);
    expect(codes(order('map<int32, int32> tags = 1;'), order('map<string, int32> tags = 1;'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/1'"]);
    expect(codes(order('string tags = 1;'), order('map<string, int32> tags = 1;'))).toEqual(["FIELD_KIND_CHANGED at '#/Order/1'"]);
  });
});

describe('Protobuf compatibility: labels', () => {
  it('singular <-> repeated is incompatible for numeric scalars (packed), compatible for strings, bytes and messages', () => {
    expect(check(order('repeated string v = 1;'), order('string v = 1;'))).toEqual([]);
    expect(check(order('bytes v = 1;'), order('repeated bytes v = 1;'))).toEqual([]);
    expect(check(order('repeated Line v = 1;', 'message Line {}'), order('Line v = 1;', 'message Line {}'))).toEqual([]);
    expect(codes(order('repeated int32 v = 1;'), order('int32 v = 1;'))).toEqual(["FIELD_NUMERIC_LABEL_CHANGED at '#/Order/1'"]);
    expect(codes(order('double v = 1;'), order('repeated double v = 1;'))).toEqual(["FIELD_NUMERIC_LABEL_CHANGED at '#/Order/1'"]);
  });

  it('proto3 optional is a plain field, not a oneof', () => {
    expect(check(order('optional int32 v = 1;'), order('int32 v = 1;'))).toEqual([]);
    expect(check(order('int32 v = 1;'), order('optional int32 v = 1;'))).toEqual([]);
    // Its synthetic oneof `_v` is not a oneof the field could be removed from.
    expect(check(order('optional int32 v = 2;'), order('optional int32 v = 1;'))).toEqual([]);
    // Two optional fields moved into one oneof are two plain fields moved, not fields of another oneof.
    expect(codes(order('oneof o { string a = 1; string b = 2; }'), order('optional string a = 1; string b = 2;'))).toEqual([
      "MULTIPLE_FIELDS_MOVED_TO_ONEOF at '#/Order/o'",
    ]);
  });
});

describe('Protobuf compatibility: oneofs', () => {
  it('a new oneof of new fields, or of one existing field, is compatible', () => {
    expect(check(order('string id = 1; oneof pay { string card = 2; string iban = 3; }'), order('string id = 1;'))).toEqual([]);
    expect(check(order('oneof key { string id = 1; int64 number = 2; }'), order('string id = 1;'))).toEqual([]);
  });

  it('moving several existing fields into one oneof is incompatible', () => {
    expect(codes(order('oneof pay { string card = 1; string iban = 2; }'), order('string card = 1; string iban = 2;'))).toEqual([
      "MULTIPLE_FIELDS_MOVED_TO_ONEOF at '#/Order/pay'",
    ]);
  });

  it('moving an existing field into an existing oneof is incompatible', () => {
    expect(codes(order('oneof pay { string card = 1; string iban = 2; }'), order('oneof pay { string card = 1; } string iban = 2;'))).toEqual([
      "FIELD_MOVED_TO_EXISTING_ONEOF at '#/Order/pay'",
    ]);
  });

  it('removing a field from a oneof is incompatible; removing the whole oneof, or moving a field out, is not', () => {
    const both = order('string id = 1; oneof pay { string card = 2; string iban = 3; }');
    expect(check(order('string id = 1;'), both)).toEqual([]);
    expect(check(order('string id = 1; string card = 2; string iban = 3;'), both)).toEqual([]);
    expect(codes(order('string id = 1; oneof pay { string card = 2; }'), both)).toEqual(["ONEOF_FIELD_REMOVED at '#/Order/3'"]);
  });

  it('fields whose oneof membership changed still have their types compared', () => {
    expect(codes(order('oneof pay { int32 card = 2; }'), order('string card = 2;'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/2'"]);
  });
});

describe('Protobuf compatibility: enums', () => {
  it('adding, removing or renaming enum constants is compatible, as Confluent has it', () => {
    const status = (values: string) => order('Status s = 1;', `enum Status { ${values} }`);
    expect(check(status('NEW = 0; PAID = 1; SHIPPED = 2;'), status('NEW = 0; PAID = 1;'))).toEqual([]);
    expect(check(status('NEW = 0;'), status('NEW = 0; PAID = 1;'))).toEqual([]);
    expect(check(status('CREATED = 0; PAID = 1;'), status('NEW = 0; PAID = 1;'))).toEqual([]);
    // The enum's field still follows the field rules.
    expect(codes(order('string s = 1;'), status('NEW = 0;'))).toEqual(["FIELD_SCALAR_KIND_CHANGED at '#/Order/1'"]);
  });
});

describe('parseProtobuf', () => {
  it('accepts valid schemas, including ones that import types registered as references', () => {
    expect(parseProtobuf(order('string id = 1; Line line = 2;', 'message Line {}'))).toEqual({ ok: true });
    expect(parseProtobuf('syntax = "proto3";\nimport "other.proto";\nmessage A { other.B b = 1; }')).toEqual({ ok: true });
  });

  it('rejects syntax errors and, without imports, unknown types', () => {
    expect(parseProtobuf('message A { string = 1; }')).toMatchObject({ ok: false });
    expect(parseProtobuf('syntax = "proto3";\nmessage A { Missing m = 1; }')).toMatchObject({ ok: false });
  });
});
