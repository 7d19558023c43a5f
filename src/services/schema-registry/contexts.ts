/**
 * Schema Registry contexts. A subject written `:.name:subject` lives in context `.name`; any
 * other subject (and `:.:subject`) lives in the default context `.`. Subjects are stored under
 * their canonical name: unqualified in the default context, qualified in any other, so that a
 * default-context subject has one spelling only.
 */
export const DEFAULT_CONTEXT = '.';

/** The prefix of `GET /subjects` (its default) that matches the subjects of every context. */
export const ALL_CONTEXTS = ':*:';

export interface QualifiedSubject {
  /** `.` or `.name`. */
  context: string;
  /** The subject's name within its context (empty for a context itself, `:.name:`). */
  name: string;
}

const QUALIFIED = /^:(\.[^:]*):(.*)$/s;

export function qualifiedSubject(subject: string): QualifiedSubject {
  const m = QUALIFIED.exec(subject);
  return m ? { context: m[1], name: m[2] } : { context: DEFAULT_CONTEXT, name: subject };
}

/** The name a subject is stored under: `:.:orders` is `orders`, `:.eu:orders` stays as it is. */
export function canonicalSubject(subject: string): string {
  const q = qualifiedSubject(subject);
  return q.context === DEFAULT_CONTEXT ? q.name : `:${q.context}:${q.name}`;
}

export const contextOf = (subject: string): string => qualifiedSubject(subject).context;

/** The key a context's own config and mode are kept under (`:.eu:`); none for the default context, whose config is the global one. */
export function contextKey(context: string): string | undefined {
  return context === DEFAULT_CONTEXT ? undefined : `:${context}:`;
}

/** A subject named by a reference, taken in the referring schema's context when it is not qualified. */
export function subjectInContext(subject: string, context: string): string {
  return subject.startsWith(':') ? canonicalSubject(subject) : canonicalSubject(`:${context}:${subject}`);
}

/**
 * Whether a stored subject matches a `subjectPrefix`: `:*:` (or nothing) matches every context,
 * `:*:ord` the subjects of any context whose name starts with `ord`, `:.eu:ord` those of `.eu`,
 * and a plain prefix (or `:.:ord`) those of the default context.
 */
export function matchesPrefix(subject: string, prefix: string): boolean {
  if (prefix === '' || prefix === ALL_CONTEXTS) return true;
  if (prefix.startsWith(ALL_CONTEXTS)) return qualifiedSubject(subject).name.startsWith(prefix.slice(ALL_CONTEXTS.length));
  // A context name not yet closed by its colon (`:.e`) matches as plain text.
  if (prefix.startsWith(':') && !QUALIFIED.test(prefix)) return subject.startsWith(prefix);
  const wanted = qualifiedSubject(prefix);
  const q = qualifiedSubject(subject);
  return q.context === wanted.context && q.name.startsWith(wanted.name);
}
