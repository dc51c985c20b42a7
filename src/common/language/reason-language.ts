import { currencyDecimals } from '../money/currency';

/** The languages reasons are written in. */
export const REASON_LANGUAGES = ['en', 'it'] as const;
export type ReasonLanguage = (typeof REASON_LANGUAGES)[number];

/**
 * The request's language: `lang` when given, else the first supported language of
 * Accept-Language, else English (DESIGN.md, "Settled for the second round", Reasons).
 */
export function reasonLanguage(lang?: string, acceptLanguage?: string): ReasonLanguage {
  if (lang && (REASON_LANGUAGES as readonly string[]).includes(lang)) return lang as ReasonLanguage;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...options] = part.trim().toLowerCase().split(';');
      const quality = options.find((option) => option.trim().startsWith('q='));
      return { language: tag.split('-')[0], quality: quality ? Number(quality.split('=')[1]) : 1 };
    })
    .filter((entry) => entry.language && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  const match = ranked.find((entry) =>
    (REASON_LANGUAGES as readonly string[]).includes(entry.language),
  );
  return (match?.language as ReasonLanguage | undefined) ?? 'en';
}

/** Money, counts and platform names in the reasons' language. */
export class ReasonFormat {
  private readonly whole: Intl.NumberFormat;
  private readonly cents: Intl.NumberFormat;
  private readonly count: Intl.NumberFormat;
  private readonly decimals: number;

  constructor(
    readonly language: ReasonLanguage,
    currency: string,
  ) {
    const locale = language === 'it' ? 'it-IT' : 'en-GB';
    this.whole = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    });
    this.cents = new Intl.NumberFormat(locale, { style: 'currency', currency });
    this.count = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    this.decimals = currencyDecimals(currency);
  }

  /** Whole units from 100 up (a sentence reads "€2,400"), cents below. */
  money(minor: number): string {
    const major = minor / 10 ** this.decimals;
    return Math.abs(major) >= 100 ? this.whole.format(major) : this.cents.format(major);
  }

  number(value: number): string {
    return this.count.format(value);
  }

  platform(platform: string): string {
    const known: Record<string, string> = {
      instagram: 'Instagram',
      tiktok: 'TikTok',
      youtube: 'YouTube',
      trustpilot: 'Trustpilot',
      google: 'Google',
      facebook: 'Facebook',
      linkedin: 'LinkedIn',
      x: 'X',
      twitter: 'X',
    };
    return known[platform] ?? platform.charAt(0).toUpperCase() + platform.slice(1);
  }

  /** "Ada", "Ada and Bob", "Ada, Bob and Cy" (e / and). */
  list(names: string[]): string {
    const and = this.language === 'it' ? ' e ' : ' and ';
    return names.length <= 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
  }
}
