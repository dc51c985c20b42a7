import { ProgressBar } from './progress-bar';
import { duration, progressLine } from './progress-line';

describe('progressLine', () => {
  it('shows the share of bytes read, rows per second and the time left', () => {
    const line = progressLine(
      { bytesRead: 25_000_000, totalBytes: 100_000_000, rows: 50_000, elapsedMs: 10_000 },
      100,
    );
    // A quarter in 10 s: 30 s to go; 50,000 rows in 10 s.
    expect(line).toBe(
      `[${'#'.repeat(8)}${'.'.repeat(22)}]  25%  25.0/100.0 MB  50,000 rows  5,000 rows/s  ETA 0:30`,
    );
    expect(line.length).toBeLessThanOrEqual(100);
  });

  it('fits a narrow terminal by dropping the bar', () => {
    const line = progressLine({ bytesRead: 1, totalBytes: 2, rows: 1, elapsedMs: 1000 }, 40);
    expect(line.length).toBeLessThan(40);
    expect(line).not.toContain('[');
  });

  it('formats durations', () => {
    expect(duration(7)).toBe('0:07');
    expect(duration(3_725)).toBe('1:02:05');
  });
});

describe('ProgressBar', () => {
  it('redraws at most ten times a second, and clears its line', () => {
    let now = 0;
    let written = '';
    const terminal = { columns: 100, write: (text: string) => (written += text) };
    const bar = new ProgressBar(terminal as unknown as NodeJS.WriteStream, 1000, () => now);
    for (now = 0; now < 1000; now += 10) bar.update({ bytesRead: now, rows: now });
    expect(written.split('\r').length - 1).toBe(10);
    bar.clear();
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });
});
