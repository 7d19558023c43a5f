import { customAlphabet } from 'nanoid';
import { randomUUID } from 'node:crypto';

/** How a resource's ids look, as declared in its document (`x-emulator.resources.*.id`). */
export interface IdStyle {
  prefix?: string;
  length?: number;
  style?: 'short' | 'uuid' | 'key';
}

const lowerAlnum = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 32);
const upperAlnum = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', 16);
const secretAlphabet = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+/', 64);

export function newId(style: IdStyle): string {
  if (style.style === 'uuid') return randomUUID();
  if (style.style === 'key') return upperAlnum();
  return (style.prefix ?? '') + lowerAlnum().slice(0, style.length ?? 6);
}

/** A 64-character API key secret, shaped like Confluent's. */
export const newSecret = () => secretAlphabet();
