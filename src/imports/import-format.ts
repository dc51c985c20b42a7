import { extname } from 'node:path';
import { DomainError } from '../common/errors/domain-error';
import { CsvReadOptions } from './readers/csv-read-options';
import { readCsv } from './readers/csv-reader';
import { readJsonArray } from './readers/json-array-reader';
import { readNdjson } from './readers/ndjson-reader';
import { SourceRow } from './readers/source-row';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { ImportCharset, charsetFromLabel, unsupportedCharset } from './charset/import-charset';

export const IMPORT_FORMATS = ['json', 'ndjson', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const MEDIA_TYPES: Record<string, ImportFormat> = {
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  'text/csv': 'csv',
  'application/csv': 'csv',
};

export const IMPORT_MEDIA_TYPES = Object.keys(MEDIA_TYPES);

const EXTENSIONS: Record<string, ImportFormat> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.tsv': 'csv',
};

/**
 * The format named by a Content-Type header; anything else is a 415, and so is a charset Halo
 * does not read (see importCharset).
 */
export function formatFromContentType(contentType: string | undefined): ImportFormat {
  const [mediaType] = (contentType ?? '').split(';').map((part) => part.trim());
  const format = MEDIA_TYPES[mediaType.toLowerCase()];
  if (format) {
    importCharset(contentType);
    return format;
  }
  throw new DomainError(
    'unsupported_media_type',
    CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `send the import as ${IMPORT_MEDIA_TYPES.join(', ')} in UTF-8`,
    [
      {
        field: 'Content-Type',
        reason: `${mediaType || '(none)'} is not an import format`,
        code: 'unsupportedMediaType',
      },
    ],
  );
}

/** The charset a Content-Type declares: UTF-8 when none; a 415 when Halo does not read it. */
export function importCharset(contentType: string | undefined): ImportCharset {
  const label = (contentType ?? '')
    .split(';')
    .slice(1)
    .map((parameter) => /^\s*charset\s*=\s*"?([^"]*)"?\s*$/i.exec(parameter)?.[1])
    .find((value) => value !== undefined);
  if (label === undefined) return 'utf-8';
  const charset = charsetFromLabel(label);
  if (!charset) throw unsupportedCharset(label);
  return charset;
}

/** The format a file name suggests (`.csv`, `.tsv`, `.json`, `.ndjson`, `.jsonl`). */
export function formatFromFileName(file: string): ImportFormat | undefined {
  return EXTENSIONS[extname(file).toLowerCase()];
}

export function isImportFormat(value: string): value is ImportFormat {
  return (IMPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * The rows of a text stream in one format; CSV needs the DTO to check its header, and reads
 * its cells in the declared locale (JSON carries typed values: the options do not apply).
 */
export function readRows(
  format: ImportFormat,
  text: AsyncIterable<string>,
  dto: new () => object,
  csv: CsvReadOptions = {},
): AsyncGenerator<SourceRow> {
  if (format === 'csv') return readCsv(text, dto, csv);
  if (format === 'ndjson') return readNdjson(text);
  return readJsonArray(text);
}
