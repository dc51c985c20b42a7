import { DomainError } from '../../common/errors/domain-error';
import { CsvColumns, isBlank } from './csv-columns';
import { CsvReadOptions } from './csv-read-options';
import { CsvRecord, CsvSplitter, detectDelimiter } from './csv-splitter';
import { MAX_ROW_CHARS, SourceRow } from './source-row';
import { ImportsErrorCode } from '../imports-error-code';

/**
 * Rows of a CSV file for one DTO. The delimiter is detected from the header line; the header is
 * checked (CsvColumns) before the first row is yielded, so a bad header refuses the whole file
 * before anything is stored.
 */
export async function* readCsv(
  text: AsyncIterable<string>,
  dto: new () => object,
  options: CsvReadOptions = {},
): AsyncGenerator<SourceRow> {
  let head = '';
  let splitter: CsvSplitter | undefined;
  let columns: CsvColumns | undefined;
  let delimiter = ',';
  const rows = function* (records: Iterable<CsvRecord>): Generator<SourceRow> {
    for (const record of records) {
      if (isBlank(record)) continue;
      if (columns) yield columns.toRow(record);
      else if (record.problem)
        throw headerError(`the header row ${record.problem.reason}`, record.problem.code);
      else columns = CsvColumns.fromHeader(record, dto, delimiter, options);
    }
  };
  for await (const chunk of text) {
    if (splitter) {
      yield* rows(splitter.push(chunk));
      continue;
    }
    head += chunk;
    const end = firstLineEnd(head);
    if (end === -1 && head.length <= MAX_ROW_CHARS) continue;
    delimiter = detectDelimiter(end === -1 ? head : head.slice(0, end));
    splitter = new CsvSplitter(delimiter);
    yield* rows(splitter.push(head));
    head = '';
  }
  if (!splitter) {
    delimiter = detectDelimiter(head);
    splitter = new CsvSplitter(delimiter);
    yield* rows(splitter.push(head));
  }
  yield* rows(splitter.end());
  if (!columns) throw headerError('the file has no header row', 'missingHeader');
}

/**
 * The end of the first non-blank line. Linear: a regular expression that tries every start
 * position took 16 s on an 80 KB header still waiting for its line break.
 */
export function firstLineEnd(text: string): number {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end === -1) return -1;
    if (text.slice(start, end).trim() !== '') return end;
    start = end + 1;
  }
}

function headerError(message: string, code: string): DomainError {
  return new DomainError('invalid', ImportsErrorCode.INVALID_CSV_HEADER, message, [
    { field: '(header)', reason: message, code },
  ]);
}
