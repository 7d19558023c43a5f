/** The input ended before a field it declares (a truncated frame or a lying length prefix). */
export class TruncatedInputError extends Error {
  constructor(what: string, needed: number, left: number) {
    super(`Truncated input: ${what} needs ${needed} byte(s), ${left} left`);
    this.name = 'TruncatedInputError';
  }
}

/** The input is well-sized but not valid (a negative length other than -1, an overlong varint, ...). */
export class MalformedInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedInputError';
  }
}
