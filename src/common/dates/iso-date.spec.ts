import { parseIsoInstant, toIso } from './iso-date';

describe('parseIsoInstant', () => {
  it.each([
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T10:20:30Z', '2025-03-01T10:20:30.000Z'],
    ['2025-03-01T10:20:30.5Z', '2025-03-01T10:20:30.500Z'],
    ['2025-03-01T10:20+02:00', '2025-03-01T08:20:00.000Z'],
    ['2025-03-01T01:00:00-0530', '2025-03-01T06:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
  ])('reads %s', (input, expected) => {
    expect(toIso(parseIsoInstant(input))).toBe(expected);
  });

  it.each([
    '2025-02-30',
    '2025-13-01',
    '2025-03-01T10:20:30',
    '2025-03-01 10:20:30Z',
    '01/03/2025',
    'yesterday',
    '2025-03-01T25:00:00Z',
    '',
    '1740787200000',
  ])('refuses %p', (input) => {
    expect(parseIsoInstant(input)).toBeUndefined();
  });

  it('refuses non-strings', () => {
    expect(parseIsoInstant(1740787200000)).toBeUndefined();
    expect(parseIsoInstant(null)).toBeUndefined();
  });
});
