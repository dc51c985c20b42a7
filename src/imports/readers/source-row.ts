import { ErrorDetail } from '../../common/errors/domain-error';

/**
 * One row as read from an import file, before validation: its value, or why it could not be
 * read. `line` is the physical line where a CSV or NDJSON row starts, or the 1-based position of
 * an element in a JSON array.
 */
export interface SourceRow {
  line: number;
  value?: unknown;
  problem?: ErrorDetail;
}

/** Longest row kept in memory; a longer one is refused instead of growing memory with the file. */
export const MAX_ROW_CHARS = 1_000_000;

export function rowTooLarge(): ErrorDetail {
  return {
    field: '(row)',
    reason: `is longer than ${MAX_ROW_CHARS} characters`,
    code: 'tooLarge',
  };
}

export function malformedJson(reason = 'is not valid JSON'): ErrorDetail {
  return { field: '(row)', reason, code: 'malformedJson' };
}
