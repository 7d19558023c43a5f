// Types for the pure-JS codecs that ship none.
declare module 'snappyjs' {
  export function uncompress(input: Uint8Array | Buffer, maxLength?: number): Uint8Array;
  export function compress(input: Uint8Array | Buffer): Uint8Array;
}

declare module 'lz4js' {
  export function decompress(src: Uint8Array, maxSize?: number): Uint8Array;
  export function compress(src: Uint8Array, maxSize?: number): Uint8Array;
}
