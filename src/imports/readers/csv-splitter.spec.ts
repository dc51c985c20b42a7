import { CsvRecord, CsvSplitter, detectDelimiter } from './csv-splitter';

function split(text: string, delimiter = ',', chunkSize = text.length || 1): CsvRecord[] {
  const splitter = new CsvSplitter(delimiter);
  const records: CsvRecord[] = [];
  for (let start = 0; start < text.length; start += chunkSize)
    records.push(...splitter.push(text.slice(start, start + chunkSize)));
  records.push(...splitter.end());
  return records;
}

describe('CsvSplitter', () => {
  it('splits LF and CRLF records the same way, with physical line numbers', () => {
    const lf = split('a,b\n1,2\n3,4\n');
    const crlf = split('a,b\r\n1,2\r\n3,4\r\n');
    expect(lf).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
    expect(crlf).toEqual(lf);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields, counting lines', () => {
    const records = split('name,note\r\n"Lovelace, Ada","said ""hi""\r\nand left"\r\nBob,x\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Lovelace, Ada', 'said "hi"\r\nand left'] },
      { line: 4, fields: ['Bob', 'x'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'a;b;c\r\n"x;\r\n""y""";;z\r\n\r\n1;"2";3\n"open\nquote"';
    const whole = split(text, ';');
    for (let size = 1; size <= 8; size += 1) expect(split(text, ';', size)).toEqual(whole);
    expect(whole.map((record) => record.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('yields blank lines as one empty cell, for the reader to skip', () => {
    expect(split('a\n\nb\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: [''] },
      { line: 3, fields: ['b'] },
    ]);
  });

  it('reads a last record without a line break, and trailing empty cells', () => {
    expect(split('a,b,\n1,,')).toEqual([
      { line: 1, fields: ['a', 'b', ''] },
      { line: 2, fields: ['1', '', ''] },
    ]);
  });

  it('takes a lone CR as a line break', () => {
    expect(split('a\r1\r2').map((record) => [record.line, record.fields[0]])).toEqual([
      [1, 'a'],
      [2, '1'],
      [3, '2'],
    ]);
  });

  it('reads tab-separated records', () => {
    expect(split('a\tb\n"x\ty"\t2\n', '\t')[1].fields).toEqual(['x\ty', '2']);
  });

  it('flags text after a closing quote, and reads on', () => {
    const [, broken, next] = split('a,b\n"x"y,2\n3,4\n');
    expect(broken.problem).toMatchObject({ field: '(column 1)', code: 'malformedCsv' });
    expect(next).toEqual({ line: 3, fields: ['3', '4'] });
  });

  it('flags a quote that is never closed at the end of the file', () => {
    const [, broken] = split('a,b\n1,"never closed\n2,3\n');
    expect(broken.line).toBe(2);
    expect(broken.problem).toMatchObject({ field: '(column 2)', code: 'malformedCsv' });
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(split('a\n5" screen\n')[1].fields).toEqual(['5" screen']);
  });

  it('refuses a record longer than the limit without keeping it in memory', () => {
    const [, huge, next] = split(`a\n"${'x'.repeat(1_100_000)}"\nb\n`, ',', 65536);
    expect(huge.problem?.code).toBe('tooLarge');
    expect(huge.fields).toEqual([]);
    expect(next).toEqual({ line: 3, fields: ['b'] });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['externalId,email,name', ','],
    ['externalId;email;name', ';'],
    ['externalId\temail\tname', '\t'],
    ['"a,b";c;d', ';'],
    ['externalId', ','],
    ['externalId|email|name', ','],
  ])('%j → %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter);
  });
});
