/**
 * What the journal must never hold: credentials. One rule covers every field that carries one,
 * whatever the API: a property whose name says secret, password, JAAS configuration, token,
 * private key or credentials (`spec.secret` of a new API key, `api_secret`, a connector's
 * `connection.password` or `kafka.api.secret`, a link's `sasl.jaas.config`, STS's
 * `subject_token` and `access_token`), and the `value` of a `{name, value}` configuration entry
 * whose name says so (Kafka REST's topic and link configs).
 */
const SECRET_NAME = /secret|passw(or)?d|jaas|token|private[._-]?key|credential/i;
/** Names that match the rule but carry nothing secret: keeping them makes the journal useful. */
const NOT_SECRET = new Set(['page_token', 'next_page_token', 'token_type']);

export const REDACTED = '[REDACTED]';

export const isSecretName = (name: string) => SECRET_NAME.test(name) && !NOT_SECRET.has(name);

const WORDS = SECRET_NAME.source;
/** The inside of a JSON string, escapes included. */
const IN_STRING = String.raw`(?:[^"\\]|\\.)*`;
/** A property name that says secret (`"api_secret":`), or a `name`/`key` entry whose value does (`"name": "sasl.jaas.config"`). */
const SECRET_KEY_IN_JSON = new RegExp(String.raw`"${IN_STRING}(?:${WORDS})${IN_STRING}"\s*:|"(?:name|key)"\s*:\s*"${IN_STRING}(?:${WORDS})`, 'i');

/**
 * A quick test that lets most bodies skip the walk: no property name in them, nor the name of a
 * configuration entry, can be a secret. A word in a value (a list's `page_token` links) does not count.
 */
export const mayHoldSecrets = (json: string) => SECRET_KEY_IN_JSON.test(json);

/** A copy of a JSON value with every secret replaced by `[REDACTED]`. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const obj = value as Record<string, unknown>;
  const configName = typeof obj.name === 'string' ? obj.name : typeof obj.key === 'string' ? obj.key : undefined;
  const secretEntry = configName !== undefined && isSecretName(configName);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if ((isSecretName(k) && v !== null && v !== undefined && v !== '') || (secretEntry && k === 'value')) out[k] = REDACTED;
    else out[k] = redact(v);
  }
  return out;
}
