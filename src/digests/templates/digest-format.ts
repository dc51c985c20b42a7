import { currencyDecimals } from '../../common/money/currency';
import { Measure } from '../content/digest-content';
import { DigestPeriod } from '../schedule/digest-schedule';

/** Numbers, money, changes and dates in the digest's language and time zone. */
export class DigestFormat {
  private readonly integer: Intl.NumberFormat;
  private readonly decimal: Intl.NumberFormat;
  private readonly percent: Intl.NumberFormat;
  private readonly money: Intl.NumberFormat;
  private readonly date: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly decimals: number;

  constructor(
    readonly locale: string,
    readonly currency: string,
    readonly timezone: string,
  ) {
    this.integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    this.decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    this.money = new Intl.NumberFormat(locale, { style: 'currency', currency });
    this.date = new Intl.DateTimeFormat(locale, {
      timeZone: timezone,
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    this.day = new Intl.DateTimeFormat(locale, { timeZone: timezone, dateStyle: 'medium' });
    this.decimals = currencyDecimals(currency);
  }

  amount(minor: number): string {
    return this.money.format(minor / 10 ** this.decimals);
  }

  value(measure: Pick<Measure, 'kind'>, value: number | null): string {
    if (value === null) return '–';
    if (measure.kind === 'percent') return this.percent.format(value);
    if (measure.kind === 'ratio') return this.decimal.format(value);
    return this.integer.format(value);
  }

  /** +12 (+20 %), −3 (−50 %), +5 pp for shares; ± 0 when equal; – when either is unknown. */
  change(measure: Measure, newLabel: string): string {
    if (measure.current === null || measure.previous === null) return '–';
    const difference = measure.current - measure.previous;
    if (difference === 0) return '± 0';
    const sign = difference > 0 ? '+' : '−';
    if (measure.kind === 'percent')
      return `${sign}${this.decimal.format(Math.abs(difference) * 100)} pp`;
    const magnitude = this.value(measure, Math.abs(difference));
    if (measure.previous === 0) return `${sign}${magnitude} (${newLabel})`;
    const relative = this.percent.format(Math.abs(difference / measure.previous));
    return `${sign}${magnitude} (${sign}${relative})`;
  }

  /** An amount change such as +€12.00, or an empty string when unknown. */
  amountChange(minor: number | null): string {
    if (minor === null) return '';
    if (minor === 0) return '± 0';
    return `${minor > 0 ? '+' : '−'}${this.amount(Math.abs(minor))}`;
  }

  period(period: DigestPeriod): string {
    return `${this.date.format(period.start)} – ${this.date.format(period.end)}`;
  }

  /** The days only, for subjects. */
  periodDays(period: DigestPeriod): string {
    return `${this.day.format(period.start)} – ${this.day.format(period.end)}`;
  }

  instant(epochMs: number): string {
    return this.day.format(epochMs);
  }

  probability(value: number | null): string {
    return value === null ? '–' : this.percent.format(value);
  }

  count(value: number): string {
    return this.integer.format(value);
  }
}
