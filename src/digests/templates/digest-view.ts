import { DigestContent } from '../content/digest-content';
import { DigestLanguage } from '../digest-subscription.entity';
import { Cadence } from '../schedule/digest-schedule';
import { DigestFormat } from './digest-format';
import { DigestStrings, digestStrings } from './digest-strings';

/** Everything a template needs besides the content. */
export interface RenderOptions {
  language: DigestLanguage;
  cadence: Cadence;
  timezone: string;
  /** server.publicBaseUrl: dashboard links start here. */
  baseUrl: string;
  /** The subscription's name, user-written. */
  name: string | null;
}

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** Shared by the HTML and the text template. */
export class DigestView {
  readonly strings: DigestStrings;
  readonly format: DigestFormat;
  private readonly base: string;

  constructor(
    readonly content: DigestContent,
    readonly options: RenderOptions,
  ) {
    this.strings = digestStrings(options.language);
    this.format = new DigestFormat(this.strings.locale, content.currency, options.timezone);
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  subject(): string {
    const title = `Halo · ${this.strings.digest[this.options.cadence]}`;
    const named = this.options.name ? `${title} (${this.options.name})` : title;
    return `${named}: ${this.format.periodDays(this.content.period)}`.slice(0, 300);
  }

  periodLine(): string {
    return `${this.strings.period}: ${this.format.period(this.content.period)} (${this.options.timezone})`;
  }

  valuesLine(): string {
    return `${this.strings.valuesAsOf}: ${this.content.valuesAsOf ?? this.strings.noValues}`;
  }

  filtersLine(): string | null {
    const { tag, platform } = this.content.filters;
    const parts = [tag ? `#${tag}` : null, platform].filter(Boolean);
    return parts.length ? `${this.strings.filteredBy}: ${parts.join(', ')}` : null;
  }

  /** The dashboard's overview of the digest's days (UTC dates; `to` is the day after the end) and filters. */
  dashboardUrl(): string {
    const { period, filters } = this.content;
    const day = (instant: number) => new Date(instant).toISOString().slice(0, 10);
    const last = day(period.end - 1);
    const query = new URLSearchParams({
      from: day(period.start),
      to: day(Date.parse(`${last}T00:00:00Z`) + 86_400_000),
    });
    if (filters.tag) query.set('tag', filters.tag);
    if (filters.platform) query.set('platform', filters.platform);
    return `${this.base}/#/overview?${query}`;
  }

  memberUrl(memberId: string): string {
    return `${this.base}/#/members/${encodeURIComponent(memberId)}`;
  }

  /** The dashboard's ranking of the same segment, period and filters as the digest's list. */
  segmentUrl(segment: string): string {
    const { period, filters } = this.content;
    const query = new URLSearchParams({
      segment,
      from: new Date(period.start).toISOString(),
      to: new Date(period.end).toISOString(),
    });
    if (filters.tag) query.set('tag', filters.tag);
    if (filters.platform) query.set('platform', filters.platform);
    return `${this.base}/#/ambassadors?${query}`;
  }
}
