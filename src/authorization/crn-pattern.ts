/**
 * CRN patterns as Confluent Cloud matches a role binding's `crn_pattern`: segment by segment, each
 * `kind=value` equal, except that the last segment of the pattern may end in `*` and then matches
 * every value that starts with what precedes the `*` (`topic=orders-*`, `topic=*`). A pattern
 * covers everything below it: a binding on an environment covers its clusters and their topics.
 */
export const CRN_PREFIX = 'crn://confluent.cloud/';

export interface CrnSegment {
  kind: string;
  value: string;
}

/** The segments of a CRN (with or without the `crn://confluent.cloud/` prefix); empty when malformed. */
export function crnSegments(crn: string): CrnSegment[] {
  const body = crn.startsWith(CRN_PREFIX) ? crn.slice(CRN_PREFIX.length) : crn.replace(/^crn:\/\/[^/]*\//, '');
  const out: CrnSegment[] = [];
  for (const part of body.split('/')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) return [];
    out.push({ kind: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return out;
}

export const crnOf = (segments: CrnSegment[]): string => CRN_PREFIX + segments.map((s) => `${s.kind}=${s.value}`).join('/');

/** The kind of the resource a CRN names: its last segment's kind (`topic`, `environment`, ...). */
export const resourceKindOf = (crn: string): string => crnSegments(crn).at(-1)?.kind ?? '';

/** Whether one segment of a pattern matches one of a CRN; a trailing `*` only on the pattern's last segment. */
function segmentMatches(p: CrnSegment, c: CrnSegment, last: boolean): boolean {
  if (p.kind !== c.kind) return false;
  if (last && p.value.endsWith('*')) return c.value.startsWith(p.value.slice(0, -1));
  return p.value === c.value;
}

/** Whether a binding's pattern covers a CRN: the CRN is the pattern's resource, or one below it. */
export function patternCovers(pattern: string, crn: string): boolean {
  return segmentsCover(crnSegments(pattern), crnSegments(crn));
}

export function segmentsCover(ps: CrnSegment[], cs: CrnSegment[]): boolean {
  if (ps.length === 0 || ps.length > cs.length) return false;
  for (let i = 0; i < ps.length; i++) if (!segmentMatches(ps[i], cs[i], i === ps.length - 1)) return false;
  return true;
}

/** Whether a pattern lies strictly below a CRN (a binding on a topic lies below its cluster). */
export function patternBelow(pattern: CrnSegment[], cs: CrnSegment[]): boolean {
  if (pattern.length <= cs.length) return false;
  for (let i = 0; i < cs.length; i++) if (pattern[i].kind !== cs[i].kind || pattern[i].value !== cs[i].value) return false;
  return true;
}

/** The organization a CRN belongs to, or undefined (without parsing the whole CRN: it runs per decision). */
export function orgOfCrn(crn: string): string | undefined {
  const at = crn.indexOf('organization=');
  if (at < 0 || (at > 0 && crn[at - 1] !== '/')) return crnSegments(crn).find((s) => s.kind === 'organization')?.value;
  const end = crn.indexOf('/', at);
  return crn.slice(at + 'organization='.length, end < 0 ? undefined : end);
}
