import { localTime } from '../dates/time-zone';
import { CsvLocale } from './csv-locale';

/** A number the application formatted itself (a decimal amount): written as is, never escaped. */
export class CsvNumber {
  private static readonly PATTERN = /^-?\d+(\.\d+)?$/;

  private constructor(readonly text: string) {}

  /** A decimal string such as "-12.50"; anything else becomes ordinary (escaped) text. */
  static of(text: string): CsvNumber | string {
    return CsvNumber.PATTERN.test(text) ? new CsvNumber(text) : text;
  }
}

/** An ISO instant or date the application wrote itself: formatted by the dialect, never escaped. */
export class CsvDate {
  private static readonly PATTERN = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

  private constructor(readonly iso: string) {}

  /** `2026-03-01` or `2026-03-01T10:00:00.000Z`; anything else stays ordinary text. */
  static of(iso: string | null): CsvDate | string | null {
    return iso !== null && CsvDate.PATTERN.test(iso) ? new CsvDate(iso) : iso;
  }
}

export type CsvValue = string | number | boolean | null | undefined | CsvNumber | CsvDate;

/**
 * How a file is written for a locale. `en`: `,` between cells, `.` for decimals, ISO 8601 in
 * UTC. `it`, as Italian Excel opens it: `;` between cells, a decimal comma, instants as
 * `31/12/2025 14:30` in the brand's zone (to the minute) and dates as `31/12/2025`.
 */
export interface CsvDialect {
  delimiter: ',' | ';';
  decimal: (text: string) => string;
  date: (iso: string) => string;
}

export const ENGLISH_CSV: CsvDialect = {
  delimiter: ',',
  decimal: (text) => text,
  date: (iso) => iso,
};

export function csvDialect(locale: CsvLocale = 'en', timeZone = 'UTC'): CsvDialect {
  if (locale === 'en') return ENGLISH_CSV;
  return {
    delimiter: ';',
    decimal: (text) => text.replace('.', ','),
    date: (iso) => italianDate(iso, timeZone),
  };
}

function italianDate(iso: string, timeZone: string): string {
  const two = (value: number) => String(value).padStart(2, '0');
  if (iso.length === 10) return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  const local = localTime(Date.parse(iso), timeZone);
  return `${two(local.day)}/${two(local.month)}/${local.year} ${two(local.hour)}:${two(local.minute)}`;
}

/**
 * Spreadsheets run a cell starting with one of these as a formula (OWASP: CSV injection), also
 * after leading white space (spaces, NBSP, ideographic and zero-width spaces, which they skip)
 * and in their full-width forms (＝ ＋ － ＠, which Excel reads like = + - @ in East Asian
 * locales).
 */
const FORMULA_START = /^[\s\u200b-\u200d\u2060]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/**
 * Text from users gets a leading apostrophe when a spreadsheet would run it as a formula
 * (= + - @ or their full-width forms, possibly after white space; tab, carriage return);
 * numbers the application wrote stay numbers.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell per RFC 4180: quoted when it holds a comma, a quote or a line break, and also a
 * semicolon, so that a file opened where `;` is the list separator (Italian, German Excel) keeps
 * its columns, whichever delimiter the file uses.
 */
export function csvCell(value: CsvValue, dialect: CsvDialect = ENGLISH_CSV): string {
  if (value === null || value === undefined) return '';
  if (value instanceof CsvNumber) return dialect.decimal(value.text);
  if (value instanceof CsvDate) return dialect.date(value.iso);
  if (typeof value === 'number')
    return Number.isFinite(value) ? dialect.decimal(String(value)) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(values: readonly CsvValue[], dialect: CsvDialect = ENGLISH_CSV): string {
  return `${values.map((value) => csvCell(value, dialect)).join(dialect.delimiter)}\r\n`;
}

/** A whole document: the header, then one line per row. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  dialect: CsvDialect = ENGLISH_CSV,
): string {
  return [header, ...rows].map((values) => csvLine(values, dialect)).join('');
}
