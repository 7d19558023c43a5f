import { describe, expect, it } from 'vitest';
import { jsonSchemaBackwardProblems as json } from '../../src/services/schema-registry/json-schema-rules.js';
import { protobufBackwardProblems as proto } from '../../src/services/schema-registry/protobuf-rules.js';

const obj = (properties: object, extra: object = {}) => ({ type: 'object', properties, ...extra });
const codes = (problems: string[]) => problems.map((p) => p.split(' ')[0]);

describe('JSON Schema compatibility (reader, writer)', () => {
  it('types: integer widens to number; a lost type narrows', () => {
    expect(json({ type: 'number' }, { type: 'integer' })).toEqual([]);
    expect(codes(json({ type: 'integer' }, { type: 'number' }))).toEqual(['TYPE_NARROWED']);
    expect(json({ type: ['string', 'null'] }, { type: 'string' })).toEqual([]);
    expect(codes(json({ type: 'string' }, { type: ['string', 'null'] }))).toEqual(['TYPE_NARROWED']);
  });

  it('required: adding one is incompatible, removing one is not', () => {
    expect(codes(json(obj({ a: { type: 'string' } }, { required: ['a'] }), obj({ a: { type: 'string' } })))).toEqual(['REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL']);
    expect(json(obj({ a: { type: 'string' } }), obj({ a: { type: 'string' } }, { required: ['a'] }))).toEqual([]);
  });

  it('content model: closing it, or dropping a property from a closed one, is incompatible', () => {
    expect(codes(json(obj({ a: {} }, { additionalProperties: false }), obj({ a: {} })))).toEqual(['ADDITIONAL_PROPERTIES_REMOVED']);
    expect(json(obj({ a: {} }), obj({ a: {} }, { additionalProperties: false }))).toEqual([]);
    const closedAB = obj({ a: {}, b: {} }, { additionalProperties: false });
    expect(codes(json(obj({ a: {} }, { additionalProperties: false }), closedAB))).toEqual(['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL']);
    expect(json(closedAB, obj({ a: {} }, { additionalProperties: false }))).toEqual([]);
  });

  it('an open writer may have written anything under a name the reader now constrains', () => {
    expect(codes(json(obj({ a: {}, b: { type: 'string' } }), obj({ a: {} })))).toEqual(['PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL']);
    expect(json(obj({ a: {}, b: { type: 'string' } }), obj({ a: {} }, { additionalProperties: false }))).toEqual([]);
  });

  it('enum: removing a value is incompatible, adding one is not', () => {
    expect(json({ enum: ['a', 'b', 'c'] }, { enum: ['a', 'b'] })).toEqual([]);
    expect(codes(json({ enum: ['a'] }, { enum: ['a', 'b'] }))).toEqual(['ENUM_ARRAY_NARROWED']);
  });

  it('bounds: tightening is incompatible, loosening is not', () => {
    expect(json({ type: 'string', maxLength: 10 }, { type: 'string', maxLength: 5 })).toEqual([]);
    expect(codes(json({ type: 'string', maxLength: 5 }, { type: 'string', maxLength: 10 }))).toEqual(['MAX_TIGHTENED']);
    expect(codes(json({ type: 'number', minimum: 1 }, { type: 'number' }))).toEqual(['MIN_TIGHTENED']);
    expect(codes(json({ type: 'array', uniqueItems: true }, { type: 'array' }))).toEqual(['UNIQUE_ITEMS_ADDED']);
    expect(codes(json({ type: 'string', pattern: '^a' }, { type: 'string' }))).toEqual(['PATTERN_CHANGED']);
  });

  it('recurses into nested objects and array items, and follows local $refs', () => {
    const reader = { type: 'object', properties: { tags: { type: 'array', items: { $ref: '#/definitions/tag' } } }, definitions: { tag: { type: 'integer' } } };
    const writer = { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } };
    const problems = json(reader, writer);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("'#/properties/tags/items'");
  });
});

describe('Protobuf compatibility (reader, writer)', () => {
  const p = (body: string) => `syntax = "proto3"; package demo; ${body}`;

  it('adding and removing fields is compatible', () => {
    expect(proto(p('message M { string a = 1; int32 b = 2; }'), p('message M { string a = 1; }'))).toEqual([]);
    expect(proto(p('message M { string a = 1; }'), p('message M { string a = 1; int32 b = 2; }'))).toEqual([]);
  });

  it('a field number reused with another wire type is incompatible; compatible groups are not', () => {
    expect(codes(proto(p('message M { string a = 1; }'), p('message M { int32 a = 1; }')))).toEqual(['FIELD_KIND_CHANGED']);
    expect(proto(p('message M { int64 a = 1; }'), p('message M { int32 a = 1; }'))).toEqual([]);
    expect(proto(p('message M { bytes a = 1; }'), p('message M { string a = 1; }'))).toEqual([]);
    expect(proto(p('enum E { X = 0; } message M { E a = 1; }'), p('message M { int32 a = 1; }'))).toEqual([]);
  });

  it('singular to repeated is incompatible except for packable scalars', () => {
    expect(codes(proto(p('message M { repeated string a = 1; }'), p('message M { string a = 1; }')))).toEqual(['FIELD_LABEL_CHANGED']);
    expect(proto(p('message M { repeated int32 a = 1; }'), p('message M { int32 a = 1; }'))).toEqual([]);
  });

  it('moving a field into a oneof is incompatible', () => {
    expect(codes(proto(p('message M { oneof o { string a = 1; int32 b = 2; } }'), p('message M { string a = 1; }')))).toEqual(['FIELD_MOVED_TO_ONEOF']);
    expect(proto(p('message M { string a = 1; oneof o { int32 b = 2; } }'), p('message M { string a = 1; }'))).toEqual([]);
  });

  it('removing a message type is incompatible', () => {
    expect(codes(proto(p('message A { string a = 1; }'), p('message A { string a = 1; } message B { int32 b = 1; }')))).toEqual(['MESSAGE_REMOVED']);
  });
});
