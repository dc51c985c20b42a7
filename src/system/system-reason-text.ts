import { ReasonLanguage } from '../common/language/reason-language';
import { SystemReason } from './system-check';
import { SystemReasonCode } from './system-reason-code';

type Params = SystemReason['params'];
type Sentence = (params: Params) => string;

const plural = (count: unknown, one: string, many: string) => (Number(count) === 1 ? one : many);
const day = (instant: unknown) =>
  typeof instant === 'number' ? new Date(instant).toISOString().slice(0, 10) : null;

/** The built-in reasons in words (DESIGN.md, Strings in catalogues): rendered at read time. */
const SENTENCES: Record<ReasonLanguage, Record<SystemReasonCode, Sentence>> = {
  en: {
    RECOMPUTE_FAILED: (p) =>
      `The last recompute of values failed${day(p.at) ? ` (${day(p.at)})` : ''}.`,
    RECOMPUTE_OVERDUE: (p) =>
      p.lastSucceededAt === null
        ? `Values have never been computed successfully, and members have been waiting more than ${p.hours} hours.`
        : `No successful recompute in more than ${p.hours} hours (last on ${day(p.lastSucceededAt)}).`,
    RECOMPUTE_STALE: (p) =>
      `${p.count} ${plural(p.count, 'recompute is', 'recomputes are')} still marked running, but the instance running ${plural(p.count, 'it', 'them')} stopped.`,
    DIGEST_FAILURES: (p) =>
      `${p.count} digest ${plural(p.count, 'delivery', 'deliveries')} failed in the last ${p.hours} hours.`,
    OUTBOX_RETENTION_OVERDUE: (p) =>
      `${p.count} outbox ${plural(p.count, 'file is', 'files are')} older than the ${p.days}-day retention: the daily clean-up has not run.`,
    MIGRATIONS_PENDING: (p) =>
      `${p.count} database ${plural(p.count, 'migration has', 'migrations have')} not been applied.`,
    CHECK_FAILED: (p) => `The ${p.check} check could not run.`,
    WEBHOOK_FAILURES: (p) =>
      `${p.count} outbound webhook ${plural(p.count, 'delivery', 'deliveries')} failed in the last ${p.hours} hours, retries exhausted.`,
  },
  it: {
    RECOMPUTE_FAILED: (p) =>
      `L'ultimo ricalcolo dei valori non è riuscito${day(p.at) ? ` (${day(p.at)})` : ''}.`,
    RECOMPUTE_OVERDUE: (p) =>
      p.lastSucceededAt === null
        ? `I valori non sono mai stati calcolati e ci sono membri in attesa da più di ${p.hours} ore.`
        : `Nessun ricalcolo riuscito da più di ${p.hours} ore (l'ultimo il ${day(p.lastSucceededAt)}).`,
    RECOMPUTE_STALE: (p) =>
      `${p.count} ${plural(p.count, 'ricalcolo risulta', 'ricalcoli risultano')} ancora in corso, ma l'istanza che ${plural(p.count, 'lo eseguiva', 'li eseguiva')} si è fermata.`,
    DIGEST_FAILURES: (p) =>
      `${p.count} ${plural(p.count, 'invio', 'invii')} di digest non ${plural(p.count, 'è riuscito', 'sono riusciti')} nelle ultime ${p.hours} ore.`,
    OUTBOX_RETENTION_OVERDUE: (p) =>
      `${p.count} ${plural(p.count, 'file', 'file')} della outbox ${plural(p.count, 'supera', 'superano')} la conservazione di ${p.days} giorni: la pulizia giornaliera non è stata eseguita.`,
    MIGRATIONS_PENDING: (p) =>
      `${p.count} ${plural(p.count, 'migrazione', 'migrazioni')} del database non ${plural(p.count, 'è stata applicata', 'sono state applicate')}.`,
    CHECK_FAILED: (p) => `Il controllo ${p.check} non è stato eseguito.`,
    WEBHOOK_FAILURES: (p) =>
      `${p.count} ${plural(p.count, 'invio', 'invii')} di webhook in uscita non ${plural(p.count, 'è riuscito', 'sono riusciti')} nelle ultime ${p.hours} ore, tentativi esauriti.`,
  },
};

/** A built-in reason in words; an unknown code reads as itself. */
export function systemReasonText(reason: SystemReason, language: ReasonLanguage): string {
  const sentence = SENTENCES[language][reason.code as SystemReasonCode];
  return sentence ? sentence(reason.params) : reason.code;
}
