import { avroBackwardProblems, type BackwardCheck, type SchemaType } from './formats.js';
import { jsonSchemaBackwardProblems } from './compat/json-schema.js';
import { protobufBackwardProblems } from './compat/protobuf.js';

/** Each format's compatibility rule; what JSON Schema and Protobuf check is listed in compat/README.md. */
const CHECKS: Record<SchemaType, BackwardCheck> = {
  AVRO: avroBackwardProblems,
  JSON: (reader, writer) => jsonSchemaBackwardProblems(reader.json, writer.json),
  PROTOBUF: (reader, writer) => protobufBackwardProblems(reader.canonical, writer.canonical),
};

export const backwardCheckOf = (type: SchemaType): BackwardCheck => CHECKS[type];
