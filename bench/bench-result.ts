/**
 * How a bench hands its figures to the harness (bench/run.ts): each figure with the baseline
 * measured in the same process, written as JSON to the file BENCH_RESULT_FILE names. Run alone,
 * a bench only prints.
 */
import { writeFileSync } from 'node:fs';

export interface BenchFigure {
  figure: string;
  value: number;
  unit: string;
  /** The same-process baseline, in the same unit; the ratio is value / baseline. */
  baseline?: number;
  baselineLabel?: string;
  /** Whether a smaller value is better (times, latencies) or a larger one (rates). */
  better: 'lower' | 'higher';
  /** The target, as text, when it has one. */
  target?: string;
  note?: string;
}

export function writeBenchFigures(bench: string, figures: BenchFigure[]): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (file) writeFileSync(file, JSON.stringify({ bench, figures }, null, 2));
}
