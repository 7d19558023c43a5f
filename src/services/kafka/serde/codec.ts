/** What a schema-based record codec needs: the schema's text and the texts of the schemas it references. */
export interface SchemaSource {
  schema: string;
  references: Array<{ name: string; schema: string }>;
}

/**
 * Turns a key or value between the JSON form the REST APIs carry and the bytes after the wire
 * format's five-byte header. `encode` throws an Error whose message says what does not match.
 */
export interface Codec {
  encode(value: unknown): Buffer;
  decode(body: Buffer): unknown;
}
