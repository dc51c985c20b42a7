import { ProgressSnapshot, progressLine } from './progress-line';

const REDRAW_MS = 100;

/**
 * What the bar measures against: the rows counted beforehand (CSV, NDJSON: their lines), or,
 * for a JSON array, the file's size, from which the total is estimated at each commit as
 * rows settled × total bytes ÷ bytes read, refined batch by batch.
 */
export type RowsExpected = { rows: number } | { totalBytes: number };

/** Redraws one progress line on a terminal in place, at most ten times a second. */
export class ProgressBar {
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private readonly started: number;

  constructor(
    private readonly terminal: NodeJS.WriteStream,
    private readonly expected: RowsExpected,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** After each committed batch: the rows settled so far and the bytes read by then. */
  update(progress: { rowsSettled: number; bytesRead: number }): void {
    const now = this.now();
    if (now - this.lastDrawn < REDRAW_MS) return;
    this.lastDrawn = now;
    const snapshot: ProgressSnapshot = {
      rows: progress.rowsSettled,
      totalRows: this.totalRows(progress),
      estimated: !('rows' in this.expected),
      elapsedMs: now - this.started,
    };
    this.terminal.write(`\r${progressLine(snapshot, this.terminal.columns ?? 80)}\x1b[K`);
  }

  clear(): void {
    if (this.lastDrawn > Number.NEGATIVE_INFINITY) this.terminal.write('\r\x1b[K');
  }

  private totalRows(progress: { rowsSettled: number; bytesRead: number }): number {
    if ('rows' in this.expected) return this.expected.rows;
    if (progress.bytesRead <= 0) return 0;
    return Math.round((progress.rowsSettled * this.expected.totalBytes) / progress.bytesRead);
  }
}
