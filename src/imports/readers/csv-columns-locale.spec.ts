import { IsArray, IsNumber, IsOptional, IsString } from 'class-validator';
import { DomainError } from '../../common/errors/domain-error';
import { IsDecimalAmount, IsIsoInstant } from '../../common/validation/decorators';
import { CsvReadOptions } from './csv-read-options';
import { readCsv } from './csv-reader';
import { collect, inChunks } from './reader-test-helpers';

class OrderDto {
  @IsString() code!: string;
  @IsOptional() @IsDecimalAmount() amount?: string | number;
  @IsOptional() @IsIsoInstant() at?: string;
  @IsOptional() @IsNumber() sentiment?: number;
  @IsOptional() @IsArray() @IsNumber({}, { each: true }) scores?: number[];
  @IsOptional() @IsString() note?: string;
}

const read = (text: string, options: CsvReadOptions) =>
  collect(readCsv(inChunks(text, 7), OrderDto, options));

async function headerError(text: string, options: CsvReadOptions): Promise<DomainError> {
  try {
    await read(text, options);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('no header error');
}

describe('CSV cells in a locale', () => {
  const italian: CsvReadOptions = { locale: 'it', timeZone: 'Europe/Rome' };

  it('reads Italian amounts, decimals, lists and dates by the field type', async () => {
    const rows = await read(
      'code;amount;at;sentiment;scores;note\n' +
        'a;1.234,56;31/12/2025;0,6;1,5|2;1.234\n' +
        'b;12,50;31/12/2025 14:30;-0,25;3;12,50\n' +
        'c;1234,56;2025-12-31T10:00:00Z;1;;\n',
      italian,
    );
    expect(rows).toEqual([
      {
        line: 2,
        value: {
          code: 'a',
          amount: '1234.56',
          at: '2025-12-30T23:00:00.000Z',
          sentiment: 0.6,
          scores: [1.5, 2],
          // A text field is never read as a number, whatever it looks like.
          note: '1.234',
        },
      },
      {
        line: 3,
        value: {
          code: 'b',
          amount: '12.50',
          at: '2025-12-31T13:30:00.000Z',
          sentiment: -0.25,
          scores: [3],
          note: '12,50',
        },
      },
      {
        line: 4,
        value: { code: 'c', amount: '1234.56', at: '2025-12-31T10:00:00Z', sentiment: 1 },
      },
    ]);
  });

  it('refuses an ambiguous cell with its line, field and reason, and reads the next row', async () => {
    const rows = await read(
      'code;amount;at;scores\nx;1.234;;\ny;1,234.5;;\nz;1;31/12/25;\nw;;;1|2.5\nok;1;;\n',
      italian,
    );
    expect(rows.map((row) => [row.line, row.problem?.field, row.problem?.code])).toEqual([
      [2, 'amount', 'ambiguousNumber'],
      [3, 'amount', 'ambiguousNumber'],
      [4, 'at', 'ambiguousDate'],
      [5, 'scores', 'ambiguousNumber'],
      [6, undefined, undefined],
    ]);
    expect(rows[0].problem?.reason).toContain('"1.234" is ambiguous');
    expect(rows[4].value).toEqual({ code: 'ok', amount: '1' });
  });

  it('leaves en as it always was: a `;` file alone switches nothing', async () => {
    const rows = await read(
      'code;amount;at;sentiment\na;12,50;31/12/2025;0,6\nb;1234.5;2025-12-31;0.6\n',
      {
        timeZone: 'Europe/Rome',
      },
    );
    // Left as strings: validation refuses them with the field's own message.
    expect(rows[0].value).toEqual({
      code: 'a',
      amount: '12,50',
      at: '31/12/2025',
      sentiment: '0,6',
    });
    expect(rows[1].value).toEqual({
      code: 'b',
      amount: '1234.5',
      at: '2025-12-31',
      sentiment: 0.6,
    });
  });
});

describe('CSV column mapping', () => {
  it('renames file columns to fields before the header is checked', async () => {
    const rows = await read('Codice,Importo,note\nA1,10,hi\n', {
      columns: [
        ['Codice', 'code'],
        ['Importo', 'amount'],
      ],
    });
    expect(rows).toEqual([{ line: 2, value: { code: 'A1', amount: '10', note: 'hi' } }]);
  });

  it('refuses a mapping from a missing column or to an unknown field, naming the column', async () => {
    const error = await headerError('Codice,Importo\nA1,10\n', {
      columns: [
        ['Codice', 'code'],
        ['Prezzo', 'amount'],
        ['Importo', 'price'],
      ],
    });
    expect(error.code).toBe('INVALID_CSV_HEADER');
    expect(error.details).toEqual([
      {
        field: 'Prezzo',
        reason: 'is mapped to amount by columns=, but the file has no such column',
        code: 'mappedColumnMissing',
      },
      {
        field: 'Importo',
        reason: 'is mapped to price by columns=, which is not a known field',
        code: 'unknownField',
      },
    ]);
  });

  it('still refuses an unmapped unknown column and a required field left out', async () => {
    const error = await headerError('Codice,Importo\nA1,10\n', {
      columns: [['Importo', 'amount']],
    });
    expect(error.details.map((detail) => [detail.field, detail.code])).toEqual([
      ['Codice', 'unknownField'],
      ['code', 'missingColumn'],
    ]);
  });
});
