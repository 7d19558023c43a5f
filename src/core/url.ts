/** A string with every lone surrogate replaced by U+FFFD, so that it can be UTF-8 encoded. */
export const wellFormed = (s: string): string => {
  const str = s as string & { isWellFormed?: () => boolean };
  // Node 20's own check first (no expression run on every self URL); the replacement only for the rare rest.
  if (str.isWellFormed ? str.isWellFormed() : !LONE_SURROGATE.test(s)) return s;
  return s.replace(LONE_SURROGATE_ALL, '\ufffd');
};
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, 'g');

/**
 * `encodeURIComponent` that never throws: a name that arrived with a lone surrogate (JSON's
 * `"\ud800"` is valid input) still gets a URL, with the surrogate as U+FFFD.
 */
export const encodeSegment = (s: string): string => encodeURIComponent(wellFormed(s));
