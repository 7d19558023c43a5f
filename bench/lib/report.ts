import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatNumber, formatTable } from './table.js';

/** One figure of the summary, with its target when the issue sets one. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: { op: '>=' | '<=' | '<'; value: number };
  detail?: string;
}

export type Status = 'PASS' | 'MISS' | 'info';

export function statusOf(f: Figure): Status {
  if (!f.target) return 'info';
  const { op, value } = f.target;
  const ok = op === '>=' ? f.value >= value : op === '<=' ? f.value <= value : f.value < value;
  return ok ? 'PASS' : 'MISS';
}

export function summaryTable(figures: Figure[]): string {
  return formatTable(
    ['figure', 'value', 'target', 'status', 'detail'],
    figures.map((f) => [
      f.name,
      `${formatNumber(f.value)}${f.unit ? ' ' + f.unit : ''}`,
      f.target ? `${f.target.op} ${formatNumber(f.target.value)}${f.unit ? ' ' + f.unit : ''}` : '-',
      statusOf(f),
      f.detail ?? '',
    ]),
  );
}

/** Writes the run as JSON (bench/results/latest.json); returns the path. */
export function writeResults(dir: string, figures: Figure[], details: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'latest.json');
  const doc = {
    generated_at: new Date().toISOString(),
    figures: figures.map((f) => ({ ...f, status: statusOf(f) })),
    ...details,
  };
  writeFileSync(path, JSON.stringify(doc, null, 2) + '\n');
  return path;
}
