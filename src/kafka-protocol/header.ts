import { Reader } from './codec/reader.js';
import { Writer } from './codec/writer.js';

/** A request header (v1, or v2 for flexible versions: v1 plus tagged fields). */
export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/** Reads the part of the header common to every version: key, version, correlation id, client id. */
export function readRequestHeader(r: Reader): RequestHeader {
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  return { apiKey, apiVersion, correlationId, clientId };
}

/** Starts a response: the correlation id, and for flexible response headers (v1) the tagged fields. */
export function writeResponseHeader(w: Writer, correlationId: number, flexible: boolean): void {
  w.int32(correlationId);
  if (flexible) w.taggedFields();
}
