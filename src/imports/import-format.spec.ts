import { DomainError } from '../common/errors/domain-error';
import { formatFromContentType, formatFromFileName } from './import-format';

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

  it.each([undefined, '', 'application/xml', 'text/plain', 'text/csv; charset=latin1'])(
    'refuses %j with a 415 naming Content-Type',
    (contentType) => {
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
    },
  );
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
