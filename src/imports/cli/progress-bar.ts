import { ProgressSnapshot, progressLine } from './progress-line';

const REDRAW_MS = 100;

/** Redraws one progress line on a terminal in place, at most ten times a second. */
export class ProgressBar {
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private readonly started: number;

  constructor(
    private readonly terminal: NodeJS.WriteStream,
    private readonly totalBytes: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(progress: { bytesRead: number; rows: number }): void {
    const now = this.now();
    if (now - this.lastDrawn < REDRAW_MS) return;
    this.lastDrawn = now;
    const snapshot: ProgressSnapshot = {
      ...progress,
      totalBytes: this.totalBytes,
      elapsedMs: now - this.started,
    };
    this.terminal.write(`\r${progressLine(snapshot, this.terminal.columns ?? 80)}\x1b[K`);
  }

  clear(): void {
    if (this.lastDrawn > Number.NEGATIVE_INFINITY) this.terminal.write('\r\x1b[K');
  }
}
