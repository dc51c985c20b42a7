import { Request } from 'express';
import { invalidField } from '../common/errors/domain-error';
import { ImportFormat } from './import-format';
import { CSV_LOCALES, isCsvLocale } from '../common/csv/csv-locale';
import { CsvReadOptions } from './readers/csv-read-options';

/**
 * `?locale=en|it` and `?columns=Email:email,Nome:name` of an import request, checked before a
 * byte of the body is read (400 naming the parameter). The locale only changes how CSV cells
 * are read (JSON carries typed values); a mapping only makes sense for a CSV header.
 */
export function csvReadOptions(
  query: Request['query'],
  format: ImportFormat,
): Pick<CsvReadOptions, 'locale' | 'columns'> {
  const options: Pick<CsvReadOptions, 'locale' | 'columns'> = {};
  const locale = single(query, 'locale');
  if (locale !== undefined) {
    const code = locale.trim().toLowerCase();
    if (!isCsvLocale(code))
      throw invalidField('locale', `must be one of ${CSV_LOCALES.join(', ')}`, 'isIn');
    options.locale = code;
  }
  const columns = single(query, 'columns');
  if (columns !== undefined) {
    if (format !== 'csv')
      throw invalidField('columns', 'renames CSV columns: send the import as text/csv', 'csvOnly');
    options.columns = parseColumnMapping(columns);
  }
  return options;
}

/** `Email:email,Nome:name` → [['Email', 'email'], ['Nome', 'name']]; the last `:` splits. */
export function parseColumnMapping(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const entry of text.split(',')) {
    if (entry.trim() === '') continue;
    const colon = entry.lastIndexOf(':');
    const column = entry.slice(0, Math.max(colon, 0)).trim();
    const field = entry.slice(colon + 1).trim();
    if (colon < 0 || !column || !field)
      throw invalidField(
        'columns',
        `has "${entry.trim()}" where column:field is expected`,
        'columnMapping',
      );
    if (pairs.some(([known]) => known === column))
      throw invalidField('columns', `maps the column ${column} twice`, 'columnMapping');
    if (pairs.some(([, known]) => known === field))
      throw invalidField('columns', `maps two columns to ${field}`, 'columnMapping');
    pairs.push([column, field]);
  }
  if (pairs.length === 0)
    throw invalidField(
      'columns',
      'is empty: give column:field pairs separated by ,',
      'columnMapping',
    );
  return pairs;
}

function single(query: Request['query'], name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw invalidField(name, 'must be given once, as text', 'isString');
  return value;
}
