import { quoteLargeIntegers } from './large-integers';

describe('quoteLargeIntegers', () => {
  it('keeps ids beyond 2^53 exact by making them strings', () => {
    const parsed = JSON.parse(
      quoteLargeIntegers('{"id":820982911946154508,"order_id": -820982911946154509}'),
    ) as { id: unknown; order_id: unknown };
    expect(parsed).toEqual({ id: '820982911946154508', order_id: '-820982911946154509' });
  });

  it('leaves small integers, decimals, exponents and strings alone', () => {
    const text =
      '{"a":450789469,"b":199.0,"c":1e21,"d":"1234567890123456789","e":"x\\"1234567890123456789","f":[1,2]}';
    expect(quoteLargeIntegers(text)).toBe(text);
    expect(JSON.parse(quoteLargeIntegers(text))).toEqual(JSON.parse(text));
  });

  it('quotes inside arrays and nested objects', () => {
    expect(quoteLargeIntegers('[{"x":[1234567890123456]}]')).toBe('[{"x":["1234567890123456"]}]');
  });
});
