import { MAX_ROW_CHARS, SourceRow, malformedJson, rowTooLarge } from './source-row';

/**
 * Rows of NDJSON (JSON Lines): one JSON value a line, CRLF or LF, blank lines skipped. A line
 * that is not JSON is a refused row, not a failed import.
 */
export async function* readNdjson(text: AsyncIterable<string>): AsyncGenerator<SourceRow> {
  let pending = '';
  let tooLong = false;
  let line = 1;
  for await (const chunk of text) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      const row = toRow(line, tooLong ? undefined : pending + chunk.slice(start, end));
      if (row) yield row;
      pending = '';
      tooLong = false;
      line += 1;
      start = end + 1;
    }
    if (!tooLong) {
      pending += chunk.slice(start);
      if (pending.length > MAX_ROW_CHARS) [pending, tooLong] = ['', true];
    }
  }
  const last = toRow(line, tooLong ? undefined : pending);
  if (last) yield last;
}

/** undefined text means the line was too long to keep. */
function toRow(line: number, text: string | undefined): SourceRow | undefined {
  if (text === undefined || text.length > MAX_ROW_CHARS) return { line, problem: rowTooLarge() };
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    return { line, value: JSON.parse(trimmed) };
  } catch {
    return { line, problem: malformedJson() };
  }
}
