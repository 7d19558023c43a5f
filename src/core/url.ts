/** A string with every lone surrogate replaced by U+FFFD, so that it can be UTF-8 encoded. */
export const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * `encodeURIComponent` that never throws: a name that arrived with a lone surrogate (JSON's
 * `"\ud800"` is valid input) still gets a URL, with the surrogate as U+FFFD.
 */
export const encodeSegment = (s: string): string => encodeURIComponent(wellFormed(s));
