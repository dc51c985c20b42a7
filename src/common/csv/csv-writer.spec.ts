import { CsvNumber, csvCell, csvLine, neutraliseFormula, toCsv } from './csv-writer';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    [' =1+1', "' =1+1"],
    ['   @SUM(A1)', "'   @SUM(A1)"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['\u3000-1', "'\u3000-1"],
    ['\u200b=1', "'\u200b=1"],
    ['\uff1dHYPERLINK("x")', '\'\uff1dHYPERLINK("x")'],
    ['\uff0b1', "'\uff0b1"],
    ['\uff0d1', "'\uff0d1"],
    ['\uff20x', "'\uff20x"],
  ])('prefixes %j with an apostrophe', (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });

  it('leaves other text alone, also formula characters further in', () => {
    expect(neutraliseFormula('Ada Lovelace')).toBe('Ada Lovelace');
    expect(neutraliseFormula('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula('  Ada')).toBe('  Ada');
    expect(neutraliseFormula('Ada \uff1d Grace')).toBe('Ada \uff1d Grace');
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    // The list separator of `;` locales (Italian Excel) is quoted too.
    expect(csvCell('Milano; Roma')).toBe('"Milano; Roma"');
  });

  it('neutralises before quoting', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
  });

  it('writes numbers, booleans and empty values plainly', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes the application’s decimal amounts unescaped, and only decimals', () => {
    expect(csvCell(CsvNumber.of('-12.50'))).toBe('-12.50');
    expect(csvCell(CsvNumber.of('-1+1'))).toBe("'-1+1");
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF-terminated rows', () => {
    expect(csvLine(['a', 1])).toBe('a,1\r\n');
    expect(
      toCsv(
        ['name', 'value'],
        [
          ['@x', CsvNumber.of('1.00')],
          ['+1', null],
        ],
      ),
    ).toBe("name,value\r\n'@x,1.00\r\n'+1,\r\n");
  });
});
