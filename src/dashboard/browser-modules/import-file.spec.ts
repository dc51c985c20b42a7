import {
  checkColumns,
  columnsParam,
  contentType,
  detectDelimiter,
  estimateRows,
  formatOf,
  previewCsv,
  previewJson,
  progressPercent,
} from '../public/js/pages/import-file.js';

/** What the import page reads from a file before it is sent. */
describe('import file', () => {
  it('tells the format from the name and declares CSV charsets', () => {
    expect(formatOf('Members.CSV')).toBe('csv');
    expect(formatOf('orders.jsonl')).toBe('ndjson');
    expect(formatOf('orders.json')).toBe('json');
    expect(formatOf('photo.png')).toBeNull();
    expect(contentType('csv', 'windows-1252')).toBe('text/csv; charset=windows-1252');
    expect(contentType('ndjson', 'utf-8')).toBe('application/x-ndjson');
  });

  it('detects the delimiter outside quotes, as the API does', () => {
    expect(detectDelimiter('externalId;email;name')).toBe(';');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('previews quoted cells, doubled quotes, line breaks in cells, CRLF and a BOM', () => {
    const csv =
      '\ufeffexternalId;name;tags\r\nm-1;"Lovelace; Ada";vip|berlin\r\nm-2;"Say ""hi""\r\nagain";\r\nm-3;C;\r\n';
    expect(previewCsv(csv, 2)).toEqual({
      header: ['externalId', 'name', 'tags'],
      rows: [
        ['m-1', 'Lovelace; Ada', 'vip|berlin'],
        ['m-2', 'Say "hi"\r\nagain', ''],
      ],
      delimiter: ';',
    });
    expect(previewCsv('a,b\n1,2').rows).toEqual([['1', '2']]);
  });

  it('previews NDJSON up to a cut last line, and a JSON array only when whole', () => {
    const ndjson =
      '{"externalId":"a","tags":["x"]}\n{"externalId":"b","email":"b@example.com"}\n{"ext';
    expect(previewJson(ndjson, 'ndjson')).toEqual({
      header: ['externalId', 'tags', 'email'],
      rows: [
        ['a', '["x"]', ''],
        ['b', '', 'b@example.com'],
      ],
      delimiter: ',',
    });
    expect(previewJson('[{"a":1},{"a":2}]', 'json').rows).toEqual([['1'], ['2']]);
    expect(previewJson('[{"a":1},{"a"', 'json').rows).toEqual([]);
  });

  it("checks the renamed header against the type's columns", () => {
    const columns = [
      { name: 'externalId', kind: 'string', required: true },
      { name: 'email', kind: 'string', required: false },
      { name: 'amount', kind: 'string', required: true },
    ];
    expect(
      checkColumns(['externalId', 'E-mail', 'colour'], columns, { 'E-mail': 'email' }),
    ).toEqual({ unknown: ['colour'], missing: ['amount'] });
    expect(checkColumns(['id', 'amount'], columns, { id: 'externalId' })).toEqual({
      unknown: [],
      missing: [],
    });
    expect(columnsParam({ id: 'externalId', amount: 'amount', Nome: '' })).toBe('id:externalId');
    expect(columnsParam({ amount: 'amount' })).toBeUndefined();
  });

  it('estimates rows for progress and never shows 100 % before the end', () => {
    expect(estimateRows('a,b\n1,2\n3,4\n', 'csv')).toBe(2);
    expect(estimateRows('{}\n{}\n\n{}', 'ndjson')).toBe(3);
    expect(progressPercent(50, 200, false)).toBe(25);
    expect(progressPercent(250, 200, false)).toBe(99);
    expect(progressPercent(0, 0, true)).toBe(100);
  });
});
