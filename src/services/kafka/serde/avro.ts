import type avro from 'avsc';
import { lazyModule } from '../../../core/lazy-module.js';

const avsc = lazyModule<typeof avro>('avsc');
import type { Codec, SchemaSource } from './codec.js';

/**
 * Avro's binary encoding by avsc, from and to Avro's JSON encoding (unions wrapped, as REST Proxy
 * takes them). Named types of referenced schemas are registered first so the schema may use them.
 */
export function avroCodec(source: SchemaSource): Codec {
  const registry: Record<string, avro.Type> = {};
  for (const ref of source.references) avsc().Type.forSchema(JSON.parse(ref.schema), { registry });
  const type = avsc().Type.forSchema(JSON.parse(source.schema), { registry });
  return {
    encode: (value) => type.toBuffer(type.fromString(JSON.stringify(value))),
    decode: (body) => JSON.parse(type.toString(type.fromBuffer(body))),
  };
}
