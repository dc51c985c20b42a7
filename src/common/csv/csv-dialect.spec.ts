import { CsvDate, CsvNumber, csvDialect, csvLine, toCsv } from './csv-writer';

describe('CSV dialects', () => {
  const italian = csvDialect('it', 'Europe/Rome');

  it('writes en as always: `,`, `.` decimals, ISO 8601', () => {
    expect(
      csvLine([
        'a;b',
        CsvNumber.of('1234.56'),
        0.25,
        CsvDate.of('2025-12-31T23:30:00.000Z'),
        CsvDate.of('2026-06-01'),
      ]),
    ).toBe('"a;b",1234.56,0.25,2025-12-31T23:30:00.000Z,2026-06-01\r\n');
    expect(csvDialect('en', 'Europe/Rome')).toBe(csvDialect());
  });

  it('writes it with `;`, decimal commas and day-first dates in the zone', () => {
    expect(
      csvLine(
        [
          'Rossi',
          CsvNumber.of('1234.56'),
          CsvNumber.of('-12.50'),
          0.25,
          42,
          CsvDate.of('2025-12-31T23:30:00.000Z'),
          CsvDate.of('2026-07-01T02:00:00.000Z'),
          CsvDate.of('2026-06-01'),
          null,
          true,
        ],
        italian,
      ),
    ).toBe('Rossi;1234,56;-12,50;0,25;42;01/01/2026 00:30;01/07/2026 04:00;01/06/2026;;true\r\n');
  });

  it('quotes text holding `;` or `,` and still neutralises formulas', () => {
    expect(
      toCsv(
        ['name', 'note'],
        [
          ['Bianchi; Verdi', '=1+2'],
          ['a,b', '@SUM(A1)'],
        ],
        italian,
      ),
    ).toBe('name;note\r\n"Bianchi; Verdi";\'=1+2\r\n"a,b";\'@SUM(A1)\r\n');
  });

  it('leaves text that only looks like a date as text', () => {
    expect(csvLine([CsvDate.of('31/12/2025'), CsvDate.of(null)], italian)).toBe('31/12/2025;\r\n');
  });
});
