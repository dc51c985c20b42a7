import { currencyDecimals } from '../common/money/currency';
import { ReasonFormat, ReasonLanguage } from '../common/language/reason-language';

type AttendanceStatus = 'registered' | 'attended' | 'no-show';

const WORDS = {
  en: {
    order: 'Order',
    refund: 'Refund',
    mention: (platform: string, handle: string, reach: string) =>
      `Mentioned on ${platform} by ${handle} (reach ${reach})`,
    review: (product: string, platform: string, rating: number) =>
      `Reviewed ${product} on ${platform}: ${rating}/5`,
    attendance: { registered: 'Registered for', attended: 'Attended', 'no-show': 'No-show at' },
    as: 'as',
    role: {
      attendee: 'attendee',
      speaker: 'speaker',
      host: 'host',
      volunteer: 'volunteer',
    } as Record<string, string>,
    kind: { idea: 'idea', bug: 'bug', praise: 'praise' } as Record<string, string>,
    feedback: 'Feedback',
    referred: 'Referred',
    referredBy: 'Referred by',
  },
  it: {
    order: 'Ordine',
    refund: 'Rimborso',
    mention: (platform: string, handle: string, reach: string) =>
      `Menzione su ${platform} di ${handle} (portata ${reach})`,
    review: (product: string, platform: string, rating: number) =>
      `Recensione di ${product} su ${platform}: ${rating}/5`,
    attendance: { registered: 'Iscrizione a', attended: 'Presenza a', 'no-show': 'Assenza a' },
    as: 'come',
    role: {
      attendee: 'partecipante',
      speaker: 'relatore',
      host: 'organizzatore',
      volunteer: 'volontario',
    } as Record<string, string>,
    kind: { idea: 'idea', bug: 'problema', praise: 'elogio' } as Record<string, string>,
    feedback: 'Feedback',
    referred: 'Ha invitato',
    referredBy: 'Invitato da',
  },
};

const STATUS: Record<ReasonLanguage, Record<string, string>> = {
  en: {
    invited: 'invited',
    signed_up: 'signed up',
    converted: 'converted',
    rejected: 'rejected',
    voided: 'voided',
    submitted: 'submitted',
    accepted: 'accepted',
    shipped: 'shipped',
    declined: 'declined',
  },
  it: {
    invited: 'invitato',
    signed_up: 'iscritto',
    converted: 'convertito',
    rejected: 'rifiutato',
    voided: 'annullato',
    submitted: 'inviato',
    accepted: 'accettato',
    shipped: 'realizzato',
    declined: 'respinto',
  },
};

/**
 * The one-line summaries of a member's timeline in the request's language, with money and
 * counts formatted for people ("€173.16", "reach 318,408"), never raw minor units or codes.
 */
export class TimelineWords {
  private readonly words: (typeof WORDS)['en'];
  private readonly format: ReasonFormat;
  private readonly moneyFormats = new Map<string, Intl.NumberFormat>();

  constructor(readonly language: ReasonLanguage = 'en') {
    this.words = WORDS[language];
    this.format = new ReasonFormat(language, 'EUR');
  }

  purchase(
    kind: string,
    externalId: string,
    minor: number,
    currency: string,
    product: string | null,
  ): string {
    const what = kind === 'refund' ? this.words.refund : this.words.order;
    return `${what} ${externalId}: ${this.money(minor, currency)}${product ? ` (${product})` : ''}`;
  }

  mention(platform: string, handle: string, reach: number): string {
    return this.words.mention(this.format.platform(platform), handle, this.format.number(reach));
  }

  review(product: string, platform: string, rating: number): string {
    return this.words.review(product, this.format.platform(platform), rating);
  }

  attendance(status: AttendanceStatus, event: string, role: string): string {
    return `${this.words.attendance[status]} ${event} ${this.words.as} ${this.words.role[role] ?? role}`;
  }

  feedback(kind: string, status: string, text: string): string {
    return `${this.words.feedback} (${this.words.kind[kind] ?? kind}, ${this.status(status)}): ${text}`;
  }

  referred(who: string, status: string): string {
    return `${this.words.referred} ${who} (${this.status(status)})`;
  }

  referredBy(who: string, status: string): string {
    return `${this.words.referredBy} ${who} (${this.status(status)})`;
  }

  private status(status: string): string {
    return STATUS[this.language][status] ?? status.replace(/_/g, ' ');
  }

  private money(minor: number, currency: string): string {
    let format = this.moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(this.language === 'it' ? 'it-IT' : 'en-GB', {
        style: 'currency',
        currency,
      });
      this.moneyFormats.set(currency, format);
    }
    return format.format(minor / 10 ** currencyDecimals(currency));
  }
}
