import type { BackwardCheck, ParsedSchema } from './formats.js';

export const COMPATIBILITY_LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'] as const;
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];
export const DEFAULT_COMPATIBILITY: CompatibilityLevel = 'BACKWARD';

/**
 * Checks a candidate against the live versions of a subject (oldest first) under a level:
 * BACKWARD means the candidate reads what earlier schemas wrote, FORWARD that earlier schemas read
 * what the candidate writes, FULL both; the plain levels compare with the latest version only,
 * the TRANSITIVE ones with every version. Answers the problems, empty when compatible.
 */
export function compatibilityProblems(level: CompatibilityLevel, candidate: ParsedSchema, existing: ParsedSchema[], backward: BackwardCheck): string[] {
  if (level === 'NONE' || existing.length === 0) return [];
  const targets = level.endsWith('_TRANSITIVE') ? existing : existing.slice(-1);
  const readsOld = level.startsWith('BACKWARD') || level.startsWith('FULL');
  const oldReads = level.startsWith('FORWARD') || level.startsWith('FULL');
  const problems: string[] = [];
  for (const old of [...targets].reverse()) {
    if (readsOld) problems.push(...backward(candidate, old));
    if (oldReads) problems.push(...backward(old, candidate));
  }
  return problems;
}
