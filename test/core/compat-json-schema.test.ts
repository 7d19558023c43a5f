import { describe, expect, it } from 'vitest';
import { jsonSchemaBackwardProblems, parseJsonSchema } from '../../src/services/schema-registry/compat/json-schema.js';

/** Problems for a consumer of `reader` reading documents written under `writer`. */
const check = (reader: unknown, writer: unknown) => jsonSchemaBackwardProblems(reader, writer);
/** `ERROR_TYPE at '<path>'`, without the description. */
const codes = (reader: unknown, writer: unknown) => check(reader, writer).map((p) => p.slice(0, p.indexOf(':')));

const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });
const closed = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => obj(properties, { additionalProperties: false, ...extra });
const str = { type: 'string' };

describe('JSON Schema compatibility: message format', () => {
  it("renders ERROR_TYPE at '<pointer>': description", () => {
    expect(check(obj({ age: { type: 'integer' } }), obj({ age: { type: 'number' } }))).toEqual([
      "TYPE_NARROWED at '#/properties/age': the type changed from number to integer",
    ]);
  });

  it('identical schemas are compatible', () => {
    const s = closed({ a: str, b: { type: 'array', items: { type: 'integer', minimum: 0 } } }, { required: ['a'] });
    expect(check(s, s)).toEqual([]);
  });
});

describe('JSON Schema compatibility: types', () => {
  it('integer -> number widens; number -> integer narrows', () => {
    expect(check({ type: 'number' }, { type: 'integer' })).toEqual([]);
    expect(codes({ type: 'integer' }, { type: 'number' })).toEqual(["TYPE_NARROWED at '#'"]);
  });

  it('changing to an unrelated type is incompatible', () => {
    expect(check(str, str)).toEqual([]);
    expect(codes(str, { type: 'boolean' })).toEqual(["TYPE_CHANGED at '#'"]);
  });

  it('a type union may gain members but not lose them', () => {
    expect(check({ type: ['string', 'null'] }, str)).toEqual([]);
    expect(check({ type: ['string', 'null', 'integer'] }, { type: ['string', 'null'] })).toEqual([]);
    expect(codes(str, { type: ['string', 'null'] })).toEqual(["TYPE_CHANGED at '#'"]);
    expect(codes({ type: ['string', 'integer'] }, { type: ['string', 'null'] })).toContain("COMBINED_TYPE_SUBSCHEMAS_CHANGED at '#/anyOf'");
  });

  it('a reader that accepts anything is compatible; one that constrains an unconstrained writer is not', () => {
    expect(check(true, str)).toEqual([]);
    expect(check({}, str)).toEqual([]);
    expect(codes(str, {})).toEqual(["TYPE_CHANGED at '#'"]);
    expect(codes(false, str)).toEqual(["TYPE_CHANGED at '#'"]);
    expect(check(false, false)).toEqual([]);
  });
});

describe('JSON Schema compatibility: required', () => {
  it('making an existing property required is incompatible unless it has a default; dropping required is compatible', () => {
    expect(check(obj({ a: str }), obj({ a: str }, { required: ['a'] }))).toEqual([]);
    expect(check(obj({ a: { ...str, default: 'x' } }, { required: ['a'] }), obj({ a: str }))).toEqual([]);
    expect(codes(obj({ a: str }, { required: ['a'] }), obj({ a: str }))).toEqual(["REQUIRED_ATTRIBUTE_ADDED at '#/required/a'"]);
  });

  it('adding a required property to a closed model is incompatible unless it has a default', () => {
    expect(check(closed({ a: str, b: { ...str, default: '' } }, { required: ['b'] }), closed({ a: str }))).toEqual([]);
    expect(codes(closed({ a: str, b: str }, { required: ['b'] }), closed({ a: str }))).toEqual([
      "REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL at '#/properties/b'",
    ]);
  });
});

describe('JSON Schema compatibility: properties and content models', () => {
  it('adding an optional property to a closed writer model is compatible', () => {
    expect(check(closed({ a: str, b: str }), closed({ a: str }))).toEqual([]);
    expect(check(obj({ a: str, b: str }), closed({ a: str }))).toEqual([]);
  });

  it('adding a constrained property to an open writer model is incompatible; an empty-schema one is not', () => {
    expect(check(obj({ a: str, b: {} }), obj({ a: str }))).toEqual([]);
    expect(codes(obj({ a: str, b: str }), obj({ a: str }))).toEqual(["PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL at '#/properties/b'"]);
  });

  it('removing a property is compatible for an open reader, incompatible for a closed one (unless it was false)', () => {
    expect(check(obj({ a: str }), obj({ a: str, b: str }))).toEqual([]);
    expect(check(closed({ a: str }), closed({ a: str, b: false }))).toEqual([]);
    expect(codes(closed({ a: str }), closed({ a: str, b: str }))).toEqual(["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL at '#/properties/b'"]);
  });

  it('a partially open model covers added and removed properties through additionalProperties', () => {
    const partial = (p: Record<string, unknown>) => obj(p, { additionalProperties: str });
    expect(check(partial({ a: str }), partial({ a: str, b: { type: 'string', maxLength: 3 } }))).toEqual([]);
    expect(codes(partial({ a: str }), partial({ a: str, b: { type: 'integer' } }))).toContain(
      "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL at '#/properties/b'",
    );
    expect(check(partial({ a: str, b: str }), partial({ a: str }))).toEqual([]);
    expect(codes(partial({ a: str, b: { type: 'integer' } }), partial({ a: str }))).toContain(
      "PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL at '#/properties/b'",
    );
  });

  it('patternProperties decide the content model for the names they match', () => {
    const byPattern = (p: Record<string, unknown>) => obj(p, { patternProperties: { '^s_': str }, additionalProperties: false });
    expect(check(byPattern({ a: str }), byPattern({ a: str, s_x: str }))).toEqual([]);
    expect(codes(byPattern({ a: str }), byPattern({ a: str, n_x: str }))).toEqual(["PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL at '#/properties/n_x'"]);
  });
});

describe('JSON Schema compatibility: additionalProperties', () => {
  it('closing an open model is incompatible; opening a closed one is compatible', () => {
    expect(check(obj({ a: str }), closed({ a: str }))).toEqual([]);
    expect(codes(closed({ a: str }), obj({ a: str }))).toEqual(["ADDITIONAL_PROPERTIES_REMOVED at '#/additionalProperties'"]);
  });

  it('constraining open additional properties is incompatible; loosening them is compatible', () => {
    expect(check(obj({}), obj({}, { additionalProperties: str }))).toEqual([]);
    expect(codes(obj({}, { additionalProperties: str }), obj({}))).toEqual(["ADDITIONAL_PROPERTIES_NARROWED at '#/additionalProperties'"]);
    expect(codes(obj({}, { additionalProperties: { type: 'integer' } }), obj({}, { additionalProperties: { type: 'number' } }))).toEqual([
      "TYPE_NARROWED at '#/additionalProperties'",
    ]);
  });
});

describe('JSON Schema compatibility: enum and const', () => {
  it('adding enum values is compatible; removing them is not', () => {
    expect(check({ enum: ['a', 'b', 'c'] }, { enum: ['a', 'b'] })).toEqual([]);
    expect(codes({ enum: ['a'] }, { enum: ['a', 'b'] })).toEqual(["ENUM_ARRAY_NARROWED at '#/enum'"]);
    expect(codes({ enum: ['a', 'c'] }, { enum: ['a', 'b'] })).toEqual(["ENUM_ARRAY_CHANGED at '#/enum'"]);
  });

  it('restricting a free string to an enum is incompatible; dropping the enum is compatible', () => {
    expect(check(str, { type: 'string', enum: ['a'] })).toEqual([]);
    expect(codes({ type: 'string', enum: ['a'] }, str)).toEqual(["ENUM_ARRAY_NARROWED at '#/enum'"]);
  });

  it('const is an enum of one value', () => {
    expect(check({ enum: ['a', 'b'] }, { const: 'a' })).toEqual([]);
    expect(codes({ const: 'a' }, { enum: ['a', 'b'] })).toEqual(["ENUM_ARRAY_NARROWED at '#/const'"]);
  });
});

describe('JSON Schema compatibility: string constraints', () => {
  it('maxLength: raising or removing is compatible; adding or lowering is not', () => {
    expect(check({ ...str, maxLength: 10 }, { ...str, maxLength: 5 })).toEqual([]);
    expect(check(str, { ...str, maxLength: 5 })).toEqual([]);
    expect(codes({ ...str, maxLength: 4 }, { ...str, maxLength: 5 })).toEqual(["MAX_LENGTH_DECREASED at '#/maxLength'"]);
    expect(codes({ ...str, maxLength: 4 }, str)).toEqual(["MAX_LENGTH_ADDED at '#/maxLength'"]);
  });

  it('minLength: lowering is compatible; raising is not', () => {
    expect(check({ ...str, minLength: 1 }, { ...str, minLength: 2 })).toEqual([]);
    expect(codes({ ...str, minLength: 3 }, { ...str, minLength: 2 })).toEqual(["MIN_LENGTH_INCREASED at '#/minLength'"]);
  });

  it('pattern: removing is compatible; adding or changing is not', () => {
    expect(check(str, { ...str, pattern: '^a' })).toEqual([]);
    expect(codes({ ...str, pattern: '^a' }, str)).toEqual(["PATTERN_ADDED at '#/pattern'"]);
    expect(codes({ ...str, pattern: '^b' }, { ...str, pattern: '^a' })).toEqual(["PATTERN_CHANGED at '#/pattern'"]);
  });
});

describe('JSON Schema compatibility: numeric constraints', () => {
  const num = { type: 'number' };
  it('maximum and minimum: widening is compatible; narrowing is not', () => {
    expect(check({ ...num, maximum: 10, minimum: 0 }, { ...num, maximum: 5, minimum: 1 })).toEqual([]);
    expect(codes({ ...num, maximum: 4, minimum: 2 }, { ...num, maximum: 5, minimum: 1 })).toEqual([
      "MAXIMUM_DECREASED at '#/maximum'",
      "MINIMUM_INCREASED at '#/minimum'",
    ]);
  });

  it('exclusiveMaximum and exclusiveMinimum: widening is compatible; narrowing or adding is not', () => {
    expect(check({ ...num, exclusiveMaximum: 10 }, { ...num, exclusiveMaximum: 5, exclusiveMinimum: 0 })).toEqual([]);
    expect(codes({ ...num, exclusiveMaximum: 4, exclusiveMinimum: 1 }, { ...num, exclusiveMaximum: 5, exclusiveMinimum: 0 })).toEqual([
      "EXCLUSIVE_MAXIMUM_DECREASED at '#/exclusiveMaximum'",
      "EXCLUSIVE_MINIMUM_INCREASED at '#/exclusiveMinimum'",
    ]);
    expect(codes({ ...num, exclusiveMinimum: 0 }, num)).toEqual(["EXCLUSIVE_MINIMUM_ADDED at '#/exclusiveMinimum'"]);
  });

  it('multipleOf: a divisor of the old value is compatible; a multiple of it, or a new one, is not', () => {
    expect(check({ ...num, multipleOf: 3 }, { ...num, multipleOf: 6 })).toEqual([]);
    expect(check({ ...num, multipleOf: 0.5 }, { ...num, multipleOf: 1.5 })).toEqual([]);
    expect(check(num, { ...num, multipleOf: 6 })).toEqual([]);
    expect(codes({ ...num, multipleOf: 6 }, { ...num, multipleOf: 3 })).toEqual(["MULTIPLE_OF_EXPANDED at '#/multipleOf'"]);
    expect(codes({ ...num, multipleOf: 4 }, { ...num, multipleOf: 6 })).toEqual(["MULTIPLE_OF_CHANGED at '#/multipleOf'"]);
    expect(codes({ ...num, multipleOf: 2 }, num)).toEqual(["MULTIPLE_OF_ADDED at '#/multipleOf'"]);
  });
});

describe('JSON Schema compatibility: arrays', () => {
  const arr = (extra: Record<string, unknown> = {}) => ({ type: 'array', items: str, ...extra });
  it('maxItems, minItems: loosening is compatible; tightening is not', () => {
    expect(check(arr({ maxItems: 5, minItems: 0 }), arr({ maxItems: 3, minItems: 1 }))).toEqual([]);
    expect(codes(arr({ maxItems: 2, minItems: 2 }), arr({ maxItems: 3, minItems: 1 }))).toEqual([
      "MAX_ITEMS_DECREASED at '#/maxItems'",
      "MIN_ITEMS_INCREASED at '#/minItems'",
    ]);
  });

  it('uniqueItems: dropping is compatible; adding is not', () => {
    expect(check(arr(), arr({ uniqueItems: true }))).toEqual([]);
    expect(codes(arr({ uniqueItems: true }), arr())).toEqual(["UNIQUE_ITEMS_ADDED at '#/uniqueItems'"]);
  });

  it('items are compared recursively; constraining unconstrained items is incompatible', () => {
    expect(check({ type: 'array', items: { type: 'number' } }, { type: 'array', items: { type: 'integer' } })).toEqual([]);
    expect(codes({ type: 'array', items: { type: 'integer' } }, { type: 'array', items: { type: 'number' } })).toEqual(["TYPE_NARROWED at '#/items'"]);
    expect(check({ type: 'array' }, arr())).toEqual([]);
    expect(codes(arr(), { type: 'array' })).toEqual(["SCHEMA_ADDED at '#/items'"]);
  });

  it('tuples: a closed reader may not drop positions; an open writer may not gain constrained ones', () => {
    const tuple = (items: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'array', items, ...extra });
    expect(check(tuple([str]), tuple([str, str]))).toEqual([]);
    expect(codes(tuple([str], { additionalItems: false }), tuple([str, str], { additionalItems: false }))).toEqual([
      "ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL at '#/items/1'",
    ]);
    expect(check(tuple([str, str], { additionalItems: false }), tuple([str], { additionalItems: false }))).toEqual([]);
    expect(codes(tuple([str, str]), tuple([str]))).toEqual(["ITEM_ADDED_TO_OPEN_CONTENT_MODEL at '#/items/1'"]);
    expect(codes({ type: 'array', prefixItems: [{ type: 'integer' }] }, { type: 'array', prefixItems: [{ type: 'number' }] })).toEqual([
      "TYPE_NARROWED at '#/prefixItems/0'",
    ]);
  });
});

describe('JSON Schema compatibility: nested objects', () => {
  it('recurses into properties and reports JSON pointers', () => {
    const nested = (inner: unknown) => obj({ address: obj({ street: inner }) });
    expect(check(nested({ type: 'string', maxLength: 100 }), nested({ type: 'string', maxLength: 50 }))).toEqual([]);
    expect(codes(nested({ type: 'string', maxLength: 10 }), nested({ type: 'string', maxLength: 50 }))).toEqual([
      "MAX_LENGTH_DECREASED at '#/properties/address/properties/street/maxLength'",
    ]);
  });

  it('escapes / and ~ in property names', () => {
    expect(codes(obj({ 'a/b~c': { type: 'integer' } }), obj({ 'a/b~c': { type: 'number' } }))).toEqual(["TYPE_NARROWED at '#/properties/a~1b~0c'"]);
  });
});

describe('JSON Schema compatibility: $ref', () => {
  it('resolves local definitions and $defs within each document', () => {
    const viaDefinitions = (t: string) => ({ definitions: { Age: { type: t } }, ...obj({ age: { $ref: '#/definitions/Age' } }) });
    const viaDefs = (t: string) => ({ $defs: { Age: { type: t } }, ...obj({ age: { $ref: '#/$defs/Age' } }) });
    expect(check(viaDefinitions('number'), viaDefinitions('integer'))).toEqual([]);
    expect(codes(viaDefinitions('integer'), viaDefinitions('number'))).toEqual(["TYPE_NARROWED at '#/properties/age'"]);
    expect(check(viaDefs('number'), obj({ age: { type: 'integer' } }))).toEqual([]);
    expect(codes(viaDefs('integer'), obj({ age: { type: 'number' } }))).toEqual(["TYPE_NARROWED at '#/properties/age'"]);
  });

  it('terminates on recursive schemas', () => {
    const tree = (t: string) => ({ definitions: { Node: obj({ value: { type: t }, children: { type: 'array', items: { $ref: '#/definitions/Node' } } }) }, $ref: '#/definitions/Node' });
    expect(check(tree('number'), tree('integer'))).toEqual([]);
    expect(codes(tree('integer'), tree('number'))).toEqual(["TYPE_NARROWED at '#/properties/value'"]);
  });

  it('an unresolvable $ref is only compatible with the same $ref', () => {
    expect(check({ $ref: 'other.json' }, { $ref: 'other.json' })).toEqual([]);
    expect(codes({ $ref: 'other.json' }, { $ref: 'another.json' })).toEqual(["TYPE_CHANGED at '#'"]);
  });
});

describe('JSON Schema compatibility: oneOf / anyOf / allOf', () => {
  const int = { type: 'integer' };
  it('a reader union must hold a compatible member for each writer member', () => {
    expect(check({ oneOf: [str, int, { type: 'null' }] }, { oneOf: [str, int] })).toEqual([]);
    expect(check({ anyOf: [str, { type: 'number' }] }, { anyOf: [int, str] })).toEqual([]);
    expect(codes({ oneOf: [str] }, { oneOf: [str, int] })).toContain("SUM_TYPE_NARROWED at '#/oneOf'");
    expect(codes({ oneOf: [str, { type: 'boolean' }] }, { oneOf: [str, int] })).toEqual(["COMBINED_TYPE_SUBSCHEMAS_CHANGED at '#/oneOf'"]);
  });

  it('a plain writer schema fits a reader union that has a compatible member', () => {
    expect(check({ oneOf: [str, int] }, int)).toEqual([]);
    expect(codes({ oneOf: [str, { type: 'boolean' }] }, int)).toEqual(["TYPE_CHANGED at '#'"]);
  });

  it('changing the combination criterion: to anyOf is compatible, from anyOf to oneOf is not', () => {
    expect(check({ anyOf: [str, int] }, { oneOf: [str, int] })).toEqual([]);
    expect(codes({ oneOf: [str, int] }, { anyOf: [str, int] })).toEqual(["COMBINED_TYPE_CHANGED at '#'"]);
  });

  it('allOf: dropping a member is compatible; adding one is not', () => {
    const min = { minLength: 1 };
    expect(check({ allOf: [str] }, { allOf: [str, min] })).toEqual([]);
    expect(codes({ allOf: [str, min] }, { allOf: [str] })).toContain("PRODUCT_TYPE_EXTENDED at '#/allOf'");
  });
});

describe('parseJsonSchema', () => {
  it('accepts objects and booleans, across drafts', () => {
    expect(parseJsonSchema('{"type":"object","properties":{"a":{"type":"string"}}}')).toEqual({ ok: true, schema: { type: 'object', properties: { a: { type: 'string' } } } });
    expect(parseJsonSchema('true')).toMatchObject({ ok: true, schema: true });
    expect(parseJsonSchema('{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"string","x-custom":1}').ok).toBe(true);
    expect(parseJsonSchema('{"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":3,"exclusiveMaximum":true}').ok).toBe(true);
  });

  it('rejects invalid JSON, non-schemas, and schemas Ajv cannot compile', () => {
    expect(parseJsonSchema('{"type":')).toMatchObject({ ok: false });
    expect(parseJsonSchema('42')).toEqual({ ok: false, error: 'a JSON Schema is an object or a boolean' });
    expect(parseJsonSchema('[]')).toMatchObject({ ok: false });
    expect(parseJsonSchema('{"type":"no-such-type"}')).toMatchObject({ ok: false });
    expect(parseJsonSchema('{"type":"string","minLength":"long"}')).toMatchObject({ ok: false });
  });
});
