export { Reader, type TaggedField } from './reader.js';
export { Writer } from './writer.js';
export { TruncatedInputError, MalformedInputError } from './errors.js';
