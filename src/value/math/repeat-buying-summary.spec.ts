import { summarizeRepeatBuying, toEpochMs } from './repeat-buying-summary';

describe('summarizeRepeatBuying', () => {
  it('merges orders of one UTC day, starts at the first day and counts days to asOf', () => {
    const summary = summarizeRepeatBuying(
      [
        { occurredAt: '2024-01-01', amountMinor: 1000 },
        { occurredAt: '2024-01-11T09:00:00Z', amountMinor: 2000 },
        { occurredAt: '2024-01-11T22:30:00Z', amountMinor: 500 },
        { occurredAt: '2024-01-21T12:00:00Z', amountMinor: 4500 },
      ],
      '2024-01-31',
    );
    expect(summary).toEqual({
      x: 2,
      tx: 20,
      T: 30,
      zbar: (2500 + 4500) / 2,
      purchaseDays: 3,
      totalAmountMinor: 8000,
      firstPurchaseDay: '2024-01-01',
    });
  });

  it('places an order on its UTC day, whatever offset it was written with', () => {
    // 23:30 at -02:00 is 01:30 UTC the next day: a second purchase day, not the first one.
    const summary = summarizeRepeatBuying(
      [
        { occurredAt: '2024-03-01T10:00:00Z', amountMinor: 100 },
        { occurredAt: '2024-03-01T23:30:00-02:00', amountMinor: 100 },
      ],
      '2024-03-10T00:00:00Z',
    );
    expect(summary).toMatchObject({ x: 1, tx: 1, T: 9 });
  });

  it('drops fully refunded days and days of refunds only, the first day included', () => {
    const summary = summarizeRepeatBuying(
      [
        { occurredAt: '2024-01-01', amountMinor: 3000 },
        { occurredAt: '2024-01-01', amountMinor: -3000 },
        { occurredAt: '2024-01-05', amountMinor: 1200 },
        { occurredAt: '2024-01-09', amountMinor: 500 },
        { occurredAt: '2024-01-09', amountMinor: -600 },
        { occurredAt: '2024-01-20', amountMinor: 800 },
      ],
      '2024-02-04',
    );
    expect(summary).toMatchObject({
      x: 1,
      tx: 15,
      T: 30,
      zbar: 800,
      firstPurchaseDay: '2024-01-05',
    });
  });

  it('keeps a day of orders of no value that nothing refunded: a free item is a purchase', () => {
    const summary = summarizeRepeatBuying(
      [
        { occurredAt: '2024-01-01', amountMinor: 0 },
        { occurredAt: '2024-01-09', amountMinor: 0 },
        { occurredAt: '2024-01-20', amountMinor: 800 },
      ],
      '2024-02-04',
    );
    expect(summary).toMatchObject({ x: 2, tx: 19, T: 34, zbar: 400, totalAmountMinor: 800 });
    expect(
      summarizeRepeatBuying([{ occurredAt: '2024-01-01', amountMinor: 0 }], '2024-01-31'),
    ).toMatchObject({ x: 0, T: 30, purchaseDays: 1 });
  });

  it('ignores purchases after asOf and keeps those exactly at it', () => {
    const purchases = [
      { occurredAt: Date.UTC(2024, 0, 1), amountMinor: 100 },
      { occurredAt: new Date(Date.UTC(2024, 0, 15)), amountMinor: 300 },
      { occurredAt: '2024-01-15T00:00:01Z', amountMinor: 900 },
    ];
    expect(summarizeRepeatBuying(purchases, '2024-01-15')).toMatchObject({
      x: 1,
      T: 14,
      zbar: 300,
    });
  });

  it('gives x = 0, t_x = 0 and zbar = 0 for a single purchase day', () => {
    expect(
      summarizeRepeatBuying([{ occurredAt: '2024-05-05', amountMinor: 4990 }], '2024-05-06'),
    ).toMatchObject({
      x: 0,
      tx: 0,
      T: 1,
      zbar: 0,
      purchaseDays: 1,
      totalAmountMinor: 4990,
    });
  });

  it('is null without a purchase day up to asOf', () => {
    expect(summarizeRepeatBuying([], '2024-01-01')).toBeNull();
    expect(
      summarizeRepeatBuying([{ occurredAt: '2024-02-01', amountMinor: 100 }], '2024-01-01'),
    ).toBeNull();
  });
});

describe('toEpochMs', () => {
  it('reads a date alone as 00:00 UTC and a date-time with its zone', () => {
    expect(toEpochMs('1997-09-30')).toBe(Date.UTC(1997, 8, 30));
    expect(toEpochMs('1997-09-30T02:00:00+02:00')).toBe(Date.UTC(1997, 8, 30));
  });

  it('refuses a date-time without a zone, an impossible date and plain text', () => {
    expect(() => toEpochMs('2024-01-01T10:00:00', 'occurredAt')).toThrow('occurredAt');
    expect(() => toEpochMs('2023-02-29')).toThrow(RangeError);
    expect(() => toEpochMs('yesterday')).toThrow(RangeError);
    expect(() => toEpochMs(NaN)).toThrow(RangeError);
  });
});
