import { avroBackwardProblems, type BackwardCheck, type SchemaType } from './formats.js';
import { jsonSchemaBackwardProblems } from './json-schema-rules.js';
import { protobufBackwardProblems } from './protobuf-rules.js';

/** Each format's compatibility rule; what JSON Schema and Protobuf check is listed in their modules. */
const CHECKS: Record<SchemaType, BackwardCheck> = {
  AVRO: avroBackwardProblems,
  JSON: (reader, writer) => jsonSchemaBackwardProblems(reader.json, writer.json),
  PROTOBUF: (reader, writer) => protobufBackwardProblems(reader.canonical, writer.canonical),
};

export const backwardCheckOf = (type: SchemaType): BackwardCheck => CHECKS[type];
