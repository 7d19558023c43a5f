/** `crn://confluent.cloud/a=1/b=2` -> {a: '1', b: '2'}; undefined when it is not a CRN. */
export function parseCrn(crn: string): Map<string, string> | undefined {
  const m = /^crn:\/\/[^/]*\/(.+)$/.exec(crn);
  if (!m) return undefined;
  const out = new Map<string, string>();
  for (const seg of m[1].split('/')) {
    const eq = seg.indexOf('=');
    if (eq <= 0) return undefined;
    try {
      out.set(seg.slice(0, eq), decodeURIComponent(seg.slice(eq + 1)));
    } catch {
      return undefined;
    }
  }
  return out;
}
