import { ResultRow, readRows } from './result-row';

/** Rows as the two drivers return them: SQLite numbers, PostgreSQL bigint/COUNT/SUM as strings. */
const sqliteRow = new ResultRow({
  id: 'm1',
  total: 42,
  at: 1_764_000_000_000,
  flag: 1,
  tier: null,
});
const postgresRow = new ResultRow({
  id: 'm1',
  total: '42',
  at: '1764000000000',
  flag: '1',
  tier: null,
});

describe('ResultRow', () => {
  it.each([
    ['SQLite', sqliteRow],
    ['PostgreSQL', postgresRow],
  ])('reads %s values as the same types', (_database, row) => {
    expect(row.string('id')).toBe('m1');
    expect(row.number('total')).toBe(42);
    expect(row.instant('at')).toBe(1_764_000_000_000);
    expect(row.boolean('flag')).toBe(true);
    expect(row.stringOrNull('tier')).toBeNull();
    expect(row.numberOrNull('tier')).toBeNull();
    expect(row.instantOrNull('tier')).toBeNull();
  });

  it('reads a fraction, a negative and a numeric string exactly', () => {
    const row = new ResultRow({ share: 0.25, loss: '-1250', average: '12.5' });
    expect(row.number('share')).toBe(0.25);
    expect(row.number('loss')).toBe(-1250);
    expect(row.number('average')).toBe(12.5);
  });

  it('reads a flag from 1/0 of either database and from a boolean column', () => {
    const row = new ResultRow({ one: 1, zero: 0, text: '0', yes: true, no: false });
    expect([row.boolean('one'), row.boolean('zero'), row.boolean('text')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([row.boolean('yes'), row.boolean('no')]).toEqual([true, false]);
  });

  it('reads a number as its text where text is asked for (a count in a signature)', () => {
    expect(new ResultRow({ count: 3 }).string('count')).toBe('3');
  });

  it('refuses NULL where a value is required, naming the column', () => {
    const row = new ResultRow({ total: null, name: null, flag: null });
    expect(() => row.number('total')).toThrow('column total: expected a number, got null');
    expect(() => row.string('name')).toThrow('column name: expected text, got null');
    expect(() => row.boolean('flag')).toThrow('column flag');
  });

  it('refuses values of the wrong kind instead of reading NaN', () => {
    const row = new ResultRow({ total: 'many', empty: '', at: '1.5', flag: 2, when: new Date(0) });
    expect(() => row.number('total')).toThrow('column total: expected a number, got "many"');
    expect(() => row.number('empty')).toThrow('column empty');
    expect(() => row.instant('at')).toThrow('column at: expected epoch milliseconds');
    expect(() => row.boolean('flag')).toThrow('column flag');
    expect(() => row.string('when')).toThrow('column when: expected text, got object');
  });

  it('refuses a column the query did not select', () => {
    expect(() => sqliteRow.number('totl')).toThrow('the query selected no column totl');
    expect(() => sqliteRow.raw('totl')).toThrow('the query selected no column totl');
  });

  it('hands a value on untouched with raw', () => {
    expect(new ResultRow({ category: 'shoes' }).raw('category')).toBe('shoes');
  });

  it('wraps records from getRawMany and query alike', () => {
    const rows = readRows([{ n: '1' }, { n: 2 }]);
    expect(rows.map((row) => row.number('n'))).toEqual([1, 2]);
  });
});
