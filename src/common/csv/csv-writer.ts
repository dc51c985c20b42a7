/** A number the application formatted itself (a decimal amount): written as is, never escaped. */
export class CsvNumber {
  private static readonly PATTERN = /^-?\d+(\.\d+)?$/;

  private constructor(readonly text: string) {}

  /** A decimal string such as "-12.50"; anything else becomes ordinary (escaped) text. */
  static of(text: string): CsvNumber | string {
    return CsvNumber.PATTERN.test(text) ? new CsvNumber(text) : text;
  }
}

export type CsvValue = string | number | boolean | null | undefined | CsvNumber;

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
 * its columns.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof CsvNumber) return value.text;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 asks. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole document: the header, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvLine).join('');
}
