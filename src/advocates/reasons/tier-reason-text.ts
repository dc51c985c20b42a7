import { formatAmount } from '../../common/money/money';
import { Threshold, ThresholdCheck, TierReason } from '../tiers/tier-rules';
import { ReasonFormat } from '../../common/language/reason-language';

/** A threshold as the API shows it: money as a decimal string in major units. */
export interface ThresholdView {
  threshold: Threshold;
  required: string | number;
  actual: string | number | null;
}

export interface TierReasonView {
  met: ThresholdView[];
  next: { tier: string; missing: ThresholdView[] } | null;
  text: string;
}

const MONEY: ReadonlySet<Threshold> = new Set([
  'minAdvocacyValue',
  'minExtendedValue',
  'minInfluence',
]);

const LABELS: Record<Threshold, { en: string; it: string }> = {
  minAdvocacyValue: { en: 'advocacy value', it: 'valore di advocacy' },
  minExtendedValue: { en: 'extended value', it: 'valore esteso' },
  minInfluence: { en: 'influence', it: 'influenza' },
  minEngagement: { en: 'engagement', it: 'coinvolgimento' },
  maxRecencyDays: { en: 'last activity', it: 'ultima attività' },
};

/** The stored reason (codes and minor units) with its figures in major units and in words. */
export function tierReasonView(
  tier: string | null,
  stored: string | null,
  currency: string,
  format: ReasonFormat,
): TierReasonView | null {
  if (stored === null) return null;
  const reason = JSON.parse(stored) as TierReason;
  const view = (check: ThresholdCheck): ThresholdView => ({
    threshold: check.threshold,
    required: MONEY.has(check.threshold) ? formatAmount(check.required, currency) : check.required,
    actual:
      check.actual === null
        ? null
        : MONEY.has(check.threshold)
          ? formatAmount(check.actual, currency)
          : Number(check.actual.toFixed(2)),
  });
  return {
    met: reason.met.map(view),
    next: reason.next && {
      tier: reason.next.tier,
      missing: reason.next.missing.map(view),
    },
    text: tierReasonText(tier, reason, format),
  };
}

function tierReasonText(tier: string | null, reason: TierReason, format: ReasonFormat): string {
  const it = format.language === 'it';
  const value = (check: ThresholdCheck, amount: number | null) =>
    amount === null
      ? it
        ? 'nessuna attività'
        : 'no activity'
      : MONEY.has(check.threshold)
        ? format.money(amount)
        : check.threshold === 'maxRecencyDays'
          ? it
            ? `${format.number(amount)} giorni fa`
            : `${format.number(amount)} days ago`
          : format.number(amount);
  const bound = (check: ThresholdCheck) =>
    check.threshold === 'maxRecencyDays'
      ? it
        ? `al massimo ${format.number(check.required)} giorni`
        : `at most ${format.number(check.required)} days`
      : it
        ? `almeno ${value(check, check.required)}`
        : `at least ${value(check, check.required)}`;
  const label = (check: ThresholdCheck) => LABELS[check.threshold][format.language];
  const sentences: string[] = [];
  if (tier === null) sentences.push(it ? 'Nessun livello ancora.' : 'No tier yet.');
  else if (!reason.met.length) sentences.push(`${tier}.`);
  else
    sentences.push(
      `${tier}: ${reason.met
        .map((check) => `${label(check)} ${value(check, check.actual)} (${bound(check)})`)
        .join(', ')}.`,
    );
  if (reason.next === null) sentences.push(it ? 'È il livello più alto.' : 'This is the top tier.');
  else if (reason.next.missing.length)
    sentences.push(
      `${it ? `Per ${reason.next.tier} servono:` : `${reason.next.tier} needs`} ${format.list(
        reason.next.missing.map((check) => {
          const now =
            check.threshold === 'maxRecencyDays'
              ? it
                ? check.actual === null
                  ? 'nessuna attività'
                  : `l'ultima ${value(check, check.actual)}`
                : check.actual === null
                  ? 'no activity'
                  : `last ${value(check, check.actual)}`
              : `${it ? 'ora' : 'has'} ${value(check, check.actual)}`;
          return `${label(check)} ${bound(check)} (${now})`;
        }),
      )}.`,
    );
  return sentences.join(' ');
}
