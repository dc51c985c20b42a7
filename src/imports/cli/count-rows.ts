import { createReadStream } from 'node:fs';
import { ImportFormat } from '../import-format';

/**
 * The rows a CSV or NDJSON file holds, counted as its lines before the import starts: one quick
 * pass over the bytes (no parsing), so that the progress bar has a total. A quoted cell with a
 * line break, or a blank line, makes it an upper bound; the bar ends at the real count.
 * A JSON array has no cheap count: undefined, and the bar estimates from bytes instead.
 */
export async function countRows(file: string, format: ImportFormat): Promise<number | undefined> {
  if (format === 'json') return undefined;
  let lines = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
    if (chunk.length) last = chunk[chunk.length - 1];
  }
  if (last !== 0x0a) lines += 1;
  // The CSV header is not a row.
  return format === 'csv' ? Math.max(0, lines - 1) : lines;
}
