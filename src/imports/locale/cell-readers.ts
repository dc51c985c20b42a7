import { ScalarKind, TextFormat } from '../dto-schema';
import { CellReading, CsvLocale } from '../../common/csv/csv-locale';
import { readItalianInstant } from './italian-date';
import { readItalianNumber } from './italian-number';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface CellConventions {
  locale: CsvLocale;
  /** The brand's zone, for dates written without one (`31/12/2025` in `it`). */
  timeZone: string;
}

/**
 * How a cell becomes a value, chosen by the DTO field's type (never by the cell's look): in
 * `en` as always (numbers with a `.`, ISO dates, left to validation); in `it` numbers and decimal
 * amounts with a decimal comma and dates day first, a cell that cannot be read refused here
 * with its reason. A cell that does not read as the field's type otherwise stays a string, so
 * that validation names the field.
 */
export function cellReader(
  kind: ScalarKind,
  format: TextFormat | undefined,
  conventions: CellConventions,
): (cell: string) => CellReading {
  const italian = conventions.locale === 'it';
  if (kind === 'number')
    return italian
      ? (cell) => {
          const reading = readItalianNumber(cell);
          return 'value' in reading ? { value: Number(reading.value) } : reading;
        }
      : (cell) => ({ value: NUMBER.test(cell.trim()) ? Number(cell.trim()) : cell });
  if (kind === 'boolean')
    return (cell) => {
      const word = cell.trim().toLowerCase();
      if (word === 'true' || word === '1') return { value: true };
      if (word === 'false' || word === '0') return { value: false };
      return { value: cell };
    };
  if (italian && format === 'decimal') return readItalianNumber;
  if (italian && format === 'instant')
    return (cell) => readItalianInstant(cell, conventions.timeZone);
  return (cell) => ({ value: cell });
}
