import {
  convertMinor,
  divideHalfEven,
  formatAmount,
  minorFromAmount,
  parseAmount,
  roundMinor,
} from './money';
import { currencyDecimals, isKnownCurrency } from './currency';

describe('money', () => {
  it.each([
    ['49.90', 'EUR', 4990],
    [49.9, 'EUR', 4990],
    ['0', 'EUR', 0],
    ['1200', 'JPY', 1200],
    ['1.234', 'KWD', 1234],
    ['10.50', 'EUR', 1050],
  ])('parses %p %s as %d minor units', (value, currency, minor) => {
    expect(parseAmount(value, currency)).toEqual({ minor });
  });

  it.each([
    ['-1', 'EUR', 'negative'],
    ['1.001', 'EUR', 'too-many-decimals'],
    ['1.5', 'JPY', 'too-many-decimals'],
    ['1e309', 'EUR', 'not-a-decimal'],
    [1e21, 'EUR', 'not-a-decimal'],
    [Number.NaN, 'EUR', 'not-a-decimal'],
    [Number.POSITIVE_INFINITY, 'EUR', 'not-a-decimal'],
    ['Infinity', 'EUR', 'not-a-decimal'],
    ['NaN', 'EUR', 'not-a-decimal'],
    ['', 'EUR', 'not-a-decimal'],
    [true, 'EUR', 'not-a-decimal'],
    ['99999999999999999', 'EUR', 'too-large'],
  ])('refuses %p %s: %s', (value, currency, problem) => {
    expect(parseAmount(value, currency)).toEqual({ problem });
  });

  it('reads formatted amounts back, negative ones too', () => {
    for (const [minor, currency] of [
      [4990, 'EUR'],
      [-1234, 'EUR'],
      [0, 'EUR'],
      [-5, 'EUR'],
      [1200, 'JPY'],
      [-1234, 'KWD'],
    ] as const)
      expect(minorFromAmount(formatAmount(minor, currency), currency)).toBe(minor);
    expect(() => minorFromAmount('--1', 'EUR')).toThrow('not an amount');
  });

  it('formats minor units with the currency decimals', () => {
    expect(formatAmount(4990, 'EUR')).toBe('49.90');
    expect(formatAmount(5, 'EUR')).toBe('0.05');
    expect(formatAmount(-1234, 'EUR')).toBe('-12.34');
    expect(formatAmount(1200, 'JPY')).toBe('1200');
    expect(formatAmount(1234, 'KWD')).toBe('1.234');
  });

  it('rounds half to even', () => {
    expect(divideHalfEven(5n, 2n)).toBe(2n);
    expect(divideHalfEven(7n, 2n)).toBe(4n);
    expect(divideHalfEven(-5n, 2n)).toBe(-2n);
    expect(divideHalfEven(11n, 4n)).toBe(3n);
    expect(roundMinor(2.5)).toBe(2);
    expect(roundMinor(3.5)).toBe(4);
    expect(roundMinor(3.49)).toBe(3);
  });

  it('converts at a decimal rate with one half-even rounding', () => {
    // 10.00 USD at 0.92 → 9.20 EUR
    expect(convertMinor(1000, 'USD', 'EUR', '0.92')).toBe(920);
    // 0.25 USD at 0.5 → 0.125 EUR → 0.12 (half to even)
    expect(convertMinor(25, 'USD', 'EUR', '0.5')).toBe(12);
    // 0.75 USD at 0.5 → 0.375 → 0.38
    expect(convertMinor(75, 'USD', 'EUR', '0.5')).toBe(38);
    // 1000 JPY at 0.0061 → 6.10 EUR
    expect(convertMinor(1000, 'JPY', 'EUR', '0.0061')).toBe(610);
  });

  it('knows ISO 4217 codes and their decimals', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect(isKnownCurrency('eur')).toBe(false);
    expect(currencyDecimals('JPY')).toBe(0);
  });
});
