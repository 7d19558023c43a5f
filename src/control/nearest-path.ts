/**
 * The documented path nearest to one no operation matched, as a hint in the journal. Segments
 * are compared position by position: an equal literal scores most, a near-miss literal (a typo,
 * a missing plural) scores by its similarity, a parameter scores a little; a difference in the
 * number of segments costs.
 */
export function nearestPath(paths: string[], requested: string): string | undefined {
  const sent = requested.split('?')[0].split('/').filter(Boolean);
  let best: string | undefined;
  let bestScore = 0;
  for (const path of paths) {
    const template = path.split('/').filter(Boolean);
    let score = -Math.abs(template.length - sent.length);
    for (let i = 0; i < Math.min(sent.length, template.length); i++) {
      if (template[i] === sent[i]) score += 3;
      else if (template[i].startsWith('{')) score += 1;
      else {
        const similarity = 1 - editDistance(template[i].toLowerCase(), sent[i].toLowerCase()) / Math.max(template[i].length, sent[i].length);
        if (similarity >= 0.6) score += 2 * similarity;
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = path;
    }
  }
  return best;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
