import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countRows } from './count-rows';
import { ProgressBar } from './progress-bar';
import { duration, progressLine } from './progress-line';

describe('progressLine', () => {
  it('shows the share of rows stored, rows per second and the time left at that rate', () => {
    const line = progressLine(
      { rows: 7_500, totalRows: 30_000, estimated: false, elapsedMs: 10_000 },
      100,
    );
    // A quarter in 10 s at 750 rows/s: 22,500 rows left, 30 s.
    expect(line).toBe(
      `[${'#'.repeat(8)}${'.'.repeat(22)}]  25%  7,500/30,000 rows  750 rows/s  ETA 0:30`,
    );
    expect(line.length).toBeLessThanOrEqual(100);
  });

  it('marks an estimated total and has no ETA before the first batch', () => {
    const line = progressLine({ rows: 0, totalRows: 0, estimated: true, elapsedMs: 0 }, 100);
    expect(line).toContain('0/~0 rows');
    expect(line).toContain('ETA -:--');
  });

  it('fits a narrow terminal by dropping the bar', () => {
    const line = progressLine({ rows: 1, totalRows: 2, estimated: false, elapsedMs: 1000 }, 40);
    expect(line.length).toBeLessThan(40);
    expect(line).not.toContain('[');
  });

  it('formats durations', () => {
    expect(duration(7)).toBe('0:07');
    expect(duration(3_725)).toBe('1:02:05');
  });
});

describe('ProgressBar', () => {
  const terminal = () => {
    const screen = { written: '', columns: 120 };
    const stream = { columns: 120, write: (text: string) => (screen.written += text) };
    return { screen, stream: stream as unknown as NodeJS.WriteStream };
  };

  it('redraws at most ten times a second, and clears its line', () => {
    let now = 0;
    const { screen, stream } = terminal();
    const bar = new ProgressBar(stream, { rows: 1000 }, () => now);
    for (now = 0; now < 1000; now += 10) bar.update({ rowsSettled: now, bytesRead: 1e9 });
    expect(screen.written.split('\r').length - 1).toBe(10);
    bar.clear();
    expect(screen.written.endsWith('\r\x1b[K')).toBe(true);
  });

  it('counts rows stored, not bytes read ahead: all bytes read, a tenth stored is 10 %', () => {
    let now = 0;
    const { screen, stream } = terminal();
    const bar = new ProgressBar(stream, { rows: 30_000 }, () => now);
    now = 1_000;
    bar.update({ rowsSettled: 3_000, bytesRead: 30_000_000 });
    expect(screen.written).toContain(' 10%  3,000/30,000 rows  3,000 rows/s  ETA 0:09');
  });

  it('estimates a JSON array’s total from the bytes read when its batches commit', () => {
    let now = 0;
    const { screen, stream } = terminal();
    const bar = new ProgressBar(stream, { totalBytes: 10_000_000 }, () => now);
    now = 2_000;
    bar.update({ rowsSettled: 5_000, bytesRead: 2_500_000 });
    expect(screen.written).toContain(' 25%  5,000/~20,000 rows');
  });
});

describe('countRows', () => {
  const file = (name: string, text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), 'halo-count-')), name);
    writeFileSync(path, text);
    return path;
  };

  it('counts lines: CSV without its header, NDJSON with or without a last line break', async () => {
    expect(await countRows(file('a.csv', 'externalId\na\nb\nc\n'), 'csv')).toBe(3);
    expect(await countRows(file('a.ndjson', '{}\n{}\n{}'), 'ndjson')).toBe(3);
    expect(await countRows(file('a.json', '[{}]'), 'json')).toBeUndefined();
  });
});
