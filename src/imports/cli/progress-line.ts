export interface ProgressSnapshot {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
}

/**
 * One line of import progress for a terminal of `width` columns:
 * `[#######.......]  48%  12.0/25.0 MB  8,400 rows/s  ETA 0:07`. Progress and ETA follow the
 * bytes read, the only measure known before the end of the file.
 */
export function progressLine(snapshot: ProgressSnapshot, width = 80): string {
  const { bytesRead, totalBytes, rows, elapsedMs } = snapshot;
  const fraction = totalBytes > 0 ? Math.min(1, bytesRead / totalBytes) : 0;
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
  const eta = bytesRead > 0 && fraction < 1 ? (seconds * (totalBytes - bytesRead)) / bytesRead : 0;
  const text = [
    `${String(Math.floor(fraction * 100)).padStart(3)}%`,
    `${megabytes(bytesRead)}/${megabytes(totalBytes)} MB`,
    `${rows.toLocaleString('en-US')} rows`,
    `${rate.toLocaleString('en-US')} rows/s`,
    `ETA ${duration(eta)}`,
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

function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}
