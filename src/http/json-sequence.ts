/**
 * A request body of several JSON values written back to back (`{...}{...}`), as Kafka REST's
 * streamed produce sends them. Only operations that declare `x-emulator-streaming: true` accept
 * one; each value is validated on its own.
 */
export class JsonSequence {
  constructor(readonly values: unknown[]) {}
}

/**
 * Splits text into its top-level JSON values; undefined when it is not a sequence of at least two
 * valid values. Values are delimited by tracking nesting depth outside strings.
 */
export function parseJsonSequence(text: string): JsonSequence | undefined {
  return byLines(text) ?? byScanning(text);
}

/** The common case, one value per line, without scanning every character. */
function byLines(text: string): JsonSequence | undefined {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return undefined;
  try {
    return new JsonSequence(lines.map((l) => JSON.parse(l)));
  } catch {
    return undefined;
  }
}

function byScanning(text: string): JsonSequence | undefined {
  const values: unknown[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) {
        try {
          values.push(JSON.parse(text.slice(start, i + 1)));
        } catch {
          return undefined;
        }
      }
    } else if (depth === 0 && c !== ' ' && c !== '\n' && c !== '\r' && c !== '\t') {
      return undefined;
    }
  }
  return depth === 0 && !inString && values.length >= 2 ? new JsonSequence(values) : undefined;
}
