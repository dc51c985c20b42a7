export interface ProgressSnapshot {
  /** Rows of committed batches (stored or refused). */
  rows: number;
  totalRows: number;
  /** The total is an estimate from bytes (a JSON array), shown with `~`. */
  estimated: boolean;
  elapsedMs: number;
}

/**
 * One line of import progress for a terminal of `width` columns:
 * `[#######.......]  48%  14,400/30,000 rows  8,400 rows/s  ETA 0:07`. Progress counts rows
 * stored in committed batches, not bytes read ahead; the ETA is the rows left at the rate rows
 * have been stored so far.
 */
export function progressLine(snapshot: ProgressSnapshot, width = 80): string {
  const { rows, totalRows, estimated, elapsedMs } = snapshot;
  const total = Math.max(totalRows, rows);
  const fraction = total > 0 ? Math.min(1, rows / total) : 0;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? rows / seconds : 0;
  const eta = rate > 0 ? (total - rows) / rate : 0;
  const text = [
    `${String(Math.floor(fraction * 100)).padStart(3)}%`,
    `${rows.toLocaleString('en-US')}/${estimated ? '~' : ''}${total.toLocaleString('en-US')} rows`,
    `${Math.round(rate).toLocaleString('en-US')} rows/s`,
    `ETA ${rate > 0 ? duration(eta) : '-:--'}`,
  ].join('  ');
  const barWidth = Math.max(0, Math.min(30, width - text.length - 4));
  if (barWidth < 5) return text.slice(0, Math.max(0, width - 1));
  const filled = Math.round(fraction * barWidth);
  return `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${text}`;
}

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function duration(totalSeconds: number): string {
  const whole = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}
