import {
  currencyDecimals,
  minorToDecimal,
  moneyExample,
  parseMoney,
} from '../public/js/forms/money-input.js';

describe('parseMoney', () => {
  it('reads Italian amounts: decimal comma, point between thousands', () => {
    expect(parseMoney('12,50', 'it')).toEqual({ ok: true, minor: 1250 });
    expect(parseMoney('1.234,56', 'it')).toEqual({ ok: true, minor: 123456 });
    expect(parseMoney('1.234.567', 'it')).toEqual({ ok: true, minor: 123456700 });
    expect(parseMoney(' 7 ', 'it')).toEqual({ ok: true, minor: 700 });
    expect(parseMoney('0,5', 'it')).toEqual({ ok: true, minor: 50 });
    expect(parseMoney('1 234,50', 'it')).toEqual({ ok: true, minor: 123450 });
  });

  it('reads English amounts: decimal point, comma between thousands', () => {
    expect(parseMoney('12.50', 'en')).toEqual({ ok: true, minor: 1250 });
    expect(parseMoney('1,234.56', 'en')).toEqual({ ok: true, minor: 123456 });
    expect(parseMoney('49.9', 'en')).toEqual({ ok: true, minor: 4990 });
    expect(parseMoney('850', 'en')).toEqual({ ok: true, minor: 85000 });
  });

  it('refuses the other language’s notation instead of guessing', () => {
    expect(parseMoney('12.50', 'it')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('12,50', 'en')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('1,234.56', 'it')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('1.23.4', 'en')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('12,5,0', 'it')).toEqual({ ok: false, code: 'moneyFormat' });
  });

  it('refuses text, negatives, too many decimals and unsafe sizes', () => {
    expect(parseMoney('abc', 'en')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('', 'en')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('€12', 'en')).toEqual({ ok: false, code: 'moneyFormat' });
    expect(parseMoney('-5,00', 'it')).toEqual({ ok: false, code: 'moneyNegative' });
    expect(parseMoney('12,505', 'it')).toEqual({ ok: false, code: 'moneyDecimals' });
    expect(parseMoney('12.5', 'en', 0)).toEqual({ ok: false, code: 'moneyDecimals' });
    expect(parseMoney('99999999999999999', 'en')).toEqual({ ok: false, code: 'moneyTooLarge' });
  });

  it('follows the currency’s minor units', () => {
    expect(parseMoney('1.500', 'it', 0)).toEqual({ ok: true, minor: 1500 });
    expect(parseMoney('1,5', 'it', 3)).toEqual({ ok: true, minor: 1500 });
  });
});

describe('minorToDecimal and currencyDecimals', () => {
  it('writes the API’s decimal amount from minor units', () => {
    expect(minorToDecimal(1250, 2)).toBe('12.50');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(0, 2)).toBe('0.00');
    expect(minorToDecimal(1500, 0)).toBe('1500');
    expect(minorToDecimal(1500, 3)).toBe('1.500');
  });

  it('knows the minor units of ISO 4217 currencies', () => {
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
    expect(currencyDecimals('BHD')).toBe(3);
    expect(currencyDecimals('NOPE!')).toBe(2);
  });

  it('gives an example in each language’s notation', () => {
    expect(moneyExample('it')).toBe('1.234,50');
    expect(moneyExample('en')).toBe('1,234.50');
  });
});
