import {
  addDays,
  addMonths,
  count,
  date,
  dateTime,
  decimal,
  humanize,
  isoDay,
  money,
  monthYear,
  percent,
  ratio,
  setTimeZone,
  toNumber,
} from '../public/js/format.js';
import { setLanguage } from '../public/js/i18n.js';

/*
 * format.js formats in the dashboard's language (i18n.js's locale(): en-GB or it-IT), never
 * the machine's; most cases here are English, the last block Italian and the brand's zone.
 */
beforeEach(() => {
  setLanguage('en');
  setTimeZone(null);
});

describe('toNumber', () => {
  it('reads numbers and the decimal strings the API sends', () => {
    expect(toNumber(0)).toBe(0);
    expect(toNumber(-2.5)).toBe(-2.5);
    expect(toNumber('12.50')).toBe(12.5);
    expect(toNumber(' 7 ')).toBe(7);
  });

  it('is null for nothing, empty text, text that is not a number, and infinities', () => {
    expect(toNumber(null)).toBeNull();
    expect(toNumber(undefined)).toBeNull();
    expect(toNumber('')).toBeNull();
    expect(toNumber('abc')).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
    expect(toNumber(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('money', () => {
  it('shows two decimals with grouping, in euros unless told', () => {
    expect(money(1234.5)).toBe('€1,234.50');
    expect(money('1234.5', 'USD')).toBe('US$1,234.50');
    expect(money(0)).toBe('€0.00');
    expect(money(-3.456)).toBe('-€3.46');
  });

  it('shortens large sums to one decimal when compact', () => {
    expect(money(1234567, 'EUR', { compact: true })).toBe('€1.2m');
    expect(money(1500, 'USD', { compact: true })).toBe('US$1.5k');
    // The compact formatter is cached apart from the full one.
    expect(money(1500, 'USD')).toBe('US$1,500.00');
  });

  it('shows a dash for a missing or unreadable amount', () => {
    expect(money(null)).toBe('—');
    expect(money('')).toBe('—');
    expect(money('n/a')).toBe('—');
  });
});

describe('count', () => {
  it('groups thousands and keeps at most two decimals', () => {
    expect(count(1234.567)).toBe('1,234.57');
    expect(count('42')).toBe('42');
    expect(count(0)).toBe('0');
  });

  it('shortens to one decimal when compact', () => {
    expect(count(1500, { compact: true })).toBe('1.5k');
    expect(count(2_340_000, { compact: true })).toBe('2.3m');
    expect(count(999, { compact: true })).toBe('999');
  });

  it('shows a dash for a missing count', () => {
    expect(count(undefined)).toBe('—');
  });
});

describe('percent', () => {
  it('turns a ratio into a percentage with one decimal unless told', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(0.1)).toBe('10%');
    expect(percent(1)).toBe('100%');
    expect(percent('0.5')).toBe('50%');
    expect(percent(-0.025)).toBe('-2.5%');
  });

  it('rounds to the digits asked for', () => {
    expect(percent(0.12346, 2)).toBe('12.35%');
    expect(percent(0.126, 0)).toBe('13%');
  });

  it('shows a dash for a missing ratio', () => {
    expect(percent(null)).toBe('—');
  });
});

describe('ratio', () => {
  it('always shows one decimal and a times sign', () => {
    expect(ratio(2.5)).toBe('2.5×');
    expect(ratio(3)).toBe('3.0×');
    expect(ratio('1.26')).toBe('1.3×');
    expect(ratio(null)).toBe('—');
  });
});

describe('dates', () => {
  it('shows the day in UTC, as the API means it, whatever the time of day', () => {
    expect(date('2024-03-05T23:30:00Z')).toBe('05/03/2024');
    expect(date('2024-03-05T00:00:00Z')).toBe('05/03/2024');
    expect(date('2024-03-05T23:30:00Z', { withYear: false })).toBe('05/03');
  });

  it('shows a dash for a missing or unreadable date', () => {
    expect(date(null)).toBe('—');
    expect(date('')).toBe('—');
    expect(date('not a date')).toBe('—');
  });

  it('shows a month and year in UTC', () => {
    expect(monthYear('2024-03-01')).toBe('Mar 2024');
    expect(monthYear('2023-12-31T23:59:59Z')).toBe('Dec 2023');
    expect(monthYear(undefined)).toBe('—');
  });

  it('gives the UTC day of an instant', () => {
    expect(isoDay(new Date(Date.UTC(2024, 1, 29, 23, 59)))).toBe('2024-02-29');
    expect(isoDay('2024-03-05T23:30:00-02:00')).toBe('2024-03-06');
    expect(isoDay(0)).toBe('1970-01-01');
  });

  it('adds days across month, leap day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -29)).toBe('2023-12-03');
  });

  it('adds months, a day past the end of the month running into the next', () => {
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
    expect(addMonths('2024-03-15', -12)).toBe('2023-03-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-03-02');
    expect(addMonths('2024-11-30', 3)).toBe('2025-03-02');
  });
});

describe('humanize', () => {
  it('turns camelCase, snake_case and kebab-case names into a sentence-cased phrase', () => {
    expect(humanize('repeatPurchase')).toBe('Repeat purchase');
    expect(humanize('TOP_TIER')).toBe('Top tier');
    expect(humanize('first-order__value')).toBe('First order value');
    expect(humanize('  gold ')).toBe('Gold');
  });

  it('is empty for nothing', () => {
    expect(humanize(null)).toBe('');
    expect(humanize(undefined)).toBe('');
  });
});

describe('in Italian', () => {
  beforeEach(() => setLanguage('it'));

  it('writes money with the euro after, a comma for decimals and a dot for thousands', () => {
    expect(money(4273.67)).toBe('4.273,67\u00a0€');
    expect(money('1234567.5')).toBe('1.234.567,50\u00a0€');
    expect(money(-3.456)).toBe('-3,46\u00a0€');
    expect(money(1234567, 'EUR', { compact: true })).toBe('1,2\u00a0Mln\u00a0€');
  });

  it('groups counts from four digits, and writes percentages, ratios and decimals the same way', () => {
    expect(count(4273.5)).toBe('4.273,5');
    expect(count(42)).toBe('42');
    expect(percent(0.1234)).toBe('12,3%');
    expect(ratio(2.5)).toBe('2,5×');
    expect(decimal(2.5, 2)).toBe('2,50');
  });

  it('writes dates day first with slashes and months in Italian', () => {
    expect(date('2025-12-31T12:00:00Z')).toBe('31/12/2025');
    expect(date('2025-12-31T12:00:00Z', { withYear: false })).toBe('31/12');
    expect(monthYear('2024-03-01')).toBe('mar 2024');
    expect(dateTime('2025-12-31T14:05:00Z')).toBe('31/12/2025, 14:05');
  });

  it('never mixes: the same value follows the language switched to', () => {
    expect(money(4273.67)).toBe('4.273,67\u00a0€');
    setLanguage('en');
    expect(money(4273.67)).toBe('€4,273.67');
    expect(date('2025-12-31T12:00:00Z')).toBe('31/12/2025');
    expect(percent(0.1234)).toBe('12.3%');
  });
});

describe("in the brand's time zone", () => {
  it('shows the day and time where the brand is, UTC without one', () => {
    expect(date('2025-12-31T23:30:00Z')).toBe('31/12/2025');
    setTimeZone('Europe/Rome');
    expect(date('2025-12-31T23:30:00Z')).toBe('01/01/2026');
    expect(dateTime('2025-12-31T23:30:00Z')).toBe('01/01/2026, 00:30');
    expect(monthYear('2025-12-31T23:30:00Z')).toBe('Jan 2026');
  });

  it('keeps UTC for a zone Intl does not know', () => {
    setTimeZone('Mars/Olympus_Mons');
    expect(date('2025-12-31T23:30:00Z')).toBe('31/12/2025');
  });

  it('leaves API days (isoDay) in UTC', () => {
    setTimeZone('Europe/Rome');
    expect(isoDay('2025-12-31T23:30:00Z')).toBe('2025-12-31');
  });
});
