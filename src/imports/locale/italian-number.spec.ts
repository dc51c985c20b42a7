import { readItalianNumber } from './italian-number';

const value = (cell: string) => {
  const reading = readItalianNumber(cell);
  if (!('value' in reading)) throw new Error(`refused ${cell}: ${reading.problem.reason}`);
  return reading.value;
};
const refusal = (cell: string) => {
  const reading = readItalianNumber(cell);
  if ('value' in reading) throw new Error(`accepted ${cell} as ${String(reading.value)}`);
  return reading.problem;
};

describe('readItalianNumber', () => {
  it.each([
    ['12,50', '12.50'],
    ['1234,56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['1.234.567,8', '1234567.8'],
    ['1.234.567', '1234567'],
    ['12', '12'],
    ['0', '0'],
    ['0,6', '0.6'],
    ['-0,25', '-0.25'],
    ['+3,5', '3.5'],
    ['007,5', '7.5'],
    ['1,234', '1.234'],
    ['  49,90 ', '49.90'],
  ])('reads %p as %p', (cell, expected) => expect(value(cell)).toBe(expected));

  it.each(['1.234', '-1.234', '12.345'])(
    'refuses %p as ambiguous (thousands or decimal?)',
    (cell) => {
      const problem = refusal(cell);
      expect(problem.code).toBe('ambiguousNumber');
      expect(problem.reason).toContain('ambiguous');
    },
  );

  it.each([
    ['1,234.5', '1.234,5'],
    ['12.5', '12,5'],
    ['1,234,567.89', '1.234.567,89'],
    ['0.25', '0,25'],
  ])('refuses the English %p, suggesting %p', (cell, italian) => {
    const problem = refusal(cell);
    expect(problem.code).toBe('ambiguousNumber');
    expect(problem.reason).toContain(italian);
  });

  it.each([
    'abc',
    '',
    '12,5,0',
    '1.23,4',
    '12.34.5',
    '1 234,56',
    '1e3',
    ',5',
    '12,',
    '€12,50',
    '--1',
  ])('refuses %p as not a number', (cell) => expect(refusal(cell).code).toBe('invalidNumber'));
});
