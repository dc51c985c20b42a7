import { firstLineEnd } from './csv-reader';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';
import { DomainError } from '../../common/errors/domain-error';
import { CreateMemberDto } from '../../members/dto/create-member.dto';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { readCsv } from './csv-reader';
import { collect, inChunks } from './reader-test-helpers';

class PlaceDto {
  @IsString() city!: string;
  @IsOptional() @IsNumber() latitude?: number;
}

class SampleDto {
  @IsString() code!: string;
  @IsOptional() @IsInt() reach?: number;
  @IsOptional() @IsBoolean() verified?: boolean;
  @IsOptional() @IsArray() @IsString({ each: true }) tags?: string[];
  @IsOptional() @IsArray() @IsInt({ each: true }) scores?: number[];
  @IsOptional() @ValidateNested() @Type(() => PlaceDto) place?: PlaceDto;
}

const read = (text: string, dto: new () => object = SampleDto, size = text.length || 1) =>
  collect(readCsv(inChunks(text, size), dto));

async function headerError(text: string, dto: new () => object = SampleDto): Promise<DomainError> {
  try {
    await read(text, dto);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the header was accepted');
}

describe('readCsv', () => {
  it('types cells by the DTO: numbers and booleans where it says so, strings elsewhere', async () => {
    const rows = await read(
      'code,reach,verified,tags,scores,place.city,place.latitude\n007,1200,TRUE,vip|berlin,1|2,Rome,41.9\n',
    );
    expect(rows).toEqual([
      {
        line: 2,
        value: {
          code: '007',
          reach: 1200,
          verified: true,
          tags: ['vip', 'berlin'],
          scores: [1, 2],
          place: { city: 'Rome', latitude: 41.9 },
        },
      },
    ]);
  });

  it('leaves empty cells out, and keeps a cell that is not a number as text for validation', async () => {
    const [row] = await read('code,reach,place.city\nA,,\nB,lots,\n');
    expect(row.value).toEqual({ code: 'A' });
    const [, second] = await read('code,reach,place.city\nA,,\nB,lots,\n');
    expect(second.value).toEqual({ code: 'B', reach: 'lots' });
  });

  it('strips a BOM, reads CRLF, quoted newlines, and `;` or tab delimiters alike', async () => {
    const expected = [
      { line: 2, value: { code: 'a;b,c', tags: ['x', 'y'] } },
      { line: 3, value: { code: 'two\r\nlines' } },
    ];
    const semicolon = '\ufeffcode;tags\r\n"a;b,c";x|y\r\n"two\r\nlines";\r\n';
    expect(await read(semicolon)).toEqual(expected);
    expect(await read(semicolon, SampleDto, 3)).toEqual(expected);
    const tab = 'code\ttags\n"a;b,c"\tx|y\n"two\r\nlines"\t\n';
    expect(await read(tab)).toEqual(expected);
  });

  it('skips blank lines and rows of empty cells, counting lines all the same', async () => {
    const rows = await read('\ncode,reach\n\n,\nA,1\n');
    expect(rows).toEqual([{ line: 5, value: { code: 'A', reach: 1 } }]);
  });

  it('refuses a row whose cell count differs from the header, and reads on', async () => {
    const rows = await read('code,reach\nA,1,extra\nB\nC,3\n');
    expect(rows).toEqual([
      { line: 2, problem: expect.objectContaining({ field: '(row)', code: 'columnCount' }) },
      { line: 3, problem: expect.objectContaining({ code: 'columnCount' }) },
      { line: 4, value: { code: 'C', reach: 3 } },
    ]);
  });

  it('refuses an unknown (extra) column, naming it', async () => {
    const error = await headerError('code,colour\nA,red\n');
    expect(error.code).toBe('INVALID_CSV_HEADER');
    expect(error.details).toEqual([
      { field: 'colour', reason: 'is not a known field', code: 'unknownField' },
    ]);
  });

  it('refuses a header missing a required column', async () => {
    const error = await headerError('reach\n1\n');
    expect(error.details).toEqual([
      { field: 'code', reason: 'is a required column', code: 'missingColumn' },
    ]);
    const nested = await headerError('code,place.latitude\nA,1\n');
    expect(nested.details.map((detail) => detail.field)).toEqual(['place.city']);
  });

  it('refuses a wrong delimiter: the header becomes one giant unknown column', async () => {
    const error = await headerError('code|reach\nA|1\n');
    expect(error.details).toEqual([
      expect.objectContaining({ field: 'code|reach', code: 'unknownField' }),
      expect.objectContaining({ field: 'code', code: 'missingColumn' }),
    ]);
    expect(error.message).toContain('single column');
  });

  it('refuses duplicate, unnamed and object columns', async () => {
    const error = await headerError('code,code,,place\nA,A,,x\n');
    expect(error.details.map((detail) => [detail.field, detail.code])).toEqual([
      ['code', 'duplicateColumn'],
      ['(column 3)', 'emptyColumn'],
      ['place', 'objectColumn'],
    ]);
  });

  it('refuses a file with no header and a header with a broken quote', async () => {
    expect((await headerError('')).details[0].code).toBe('missingHeader');
    expect((await headerError('\n\n')).details[0].code).toBe('missingHeader');
    expect((await headerError('"code\n')).details[0].code).toBe('malformedCsv');
  });

  it('knows the real DTOs: purchases with dotted attribution, members with tag lists', async () => {
    const [purchase] = await read(
      'externalId,memberExternalId,amount,currency,occurredAt,attribution.referralCode\no-1,crm-1,49.90,EUR,2026-01-01,ADA-7K3P9Q\n',
      CreatePurchaseDto,
    );
    expect(purchase.value).toEqual({
      externalId: 'o-1',
      memberExternalId: 'crm-1',
      amount: '49.90',
      currency: 'EUR',
      occurredAt: '2026-01-01',
      attribution: { referralCode: 'ADA-7K3P9Q' },
    });
    const missing = await headerError('externalId,currency,occurredAt\n', CreatePurchaseDto);
    expect(missing.details.map((detail) => detail.field)).toEqual(['amount']);
    const [member] = await read(
      'externalId,tags,profilingObjection\n10042,vip|a b,false\n',
      CreateMemberDto,
    );
    expect(member.value).toEqual({
      externalId: '10042',
      tags: ['vip', 'a b'],
      profilingObjection: false,
    });
  });
});

describe('firstLineEnd', () => {
  it('finds the end of the first line that holds anything, or -1 while none has ended', () => {
    expect(firstLineEnd('a,b\nc')).toBe(3);
    expect(firstLineEnd('\n  \r\na,b\r\n')).toBe(9);
    expect(firstLineEnd('\n \n')).toBe(-1);
    expect(firstLineEnd('x'.repeat(200_000))).toBe(-1);
  });
});
