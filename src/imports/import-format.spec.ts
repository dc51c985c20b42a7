import { DomainError } from '../common/errors/domain-error';
import { formatFromContentType, formatFromFileName, importCharset } from './import-format';

describe('formatFromContentType', () => {
  it.each([
    ['application/json', 'json'],
    ['application/json; charset=utf-8', 'json'],
    ['application/x-ndjson', 'ndjson'],
    ['application/jsonl', 'ndjson'],
    ['Text/CSV; charset="UTF-8"', 'csv'],
  ])('%s → %s', (contentType, format) => {
    expect(formatFromContentType(contentType)).toBe(format);
  });

  it.each([
    undefined,
    '',
    'application/xml',
    'text/plain',
    'text/csv; charset=klingon',
    'text/csv; charset=utf-16le',
  ])('refuses %j with a 415 naming Content-Type', (contentType) => {
    let error: unknown;
    try {
      formatFromContentType(contentType);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'unsupported_media_type',
      details: [{ field: 'Content-Type', code: 'unsupportedMediaType' }],
    });
  });
});

describe('importCharset', () => {
  it.each([
    [undefined, 'utf-8'],
    ['text/csv', 'utf-8'],
    ['text/csv; charset=utf-8', 'utf-8'],
    ['text/csv; charset=us-ascii', 'utf-8'],
    ['text/csv; charset=windows-1252', 'windows-1252'],
    ['text/csv; charset="ISO-8859-1"', 'windows-1252'],
    ['text/csv;charset=latin1', 'windows-1252'],
    ['text/csv; charset=cp1252', 'windows-1252'],
  ])('%s → %s', (contentType, charset) => {
    expect(importCharset(contentType)).toBe(charset);
  });

  it('refuses an unknown charset with a 415 naming Content-Type', () => {
    expect(() => importCharset('text/csv; charset=ebcdic-xx')).toThrow(
      expect.objectContaining({
        kind: 'unsupported_media_type',
        details: [expect.objectContaining({ field: 'Content-Type' })],
      }) as Error,
    );
  });
});

describe('formatFromFileName', () => {
  it('reads the extension', () => {
    expect(formatFromFileName('/tmp/Members.CSV')).toBe('csv');
    expect(formatFromFileName('a.tsv')).toBe('csv');
    expect(formatFromFileName('a.jsonl')).toBe('ndjson');
    expect(formatFromFileName('a.json')).toBe('json');
    expect(formatFromFileName('a.xlsx')).toBeUndefined();
  });
});
