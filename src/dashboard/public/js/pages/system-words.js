// @ts-check
import { decimal } from '../format.js';
import { locale, messages } from '../i18n.js';

export const t = messages({
  en: {
    byte: 'byte',
    bytes: 'bytes',
    underSecond: 'under a second',
    lessThanMinute: 'less than a minute',
    day: '1 day',
    days: '{count} days',
    hour: '1 hour',
    hours: '{count} hours',
    minute: '1 minute',
    minutes: '{count} minutes',
    stopped: 'Stopped unfinished',
    succeeded: 'Succeeded',
    failed: 'Failed',
    running: 'Running',
    refused: 'Refused by the mail server',
    gaveUp: 'Gave up after 1 attempt',
    gaveUpMany: 'Gave up after {count} attempts',
    noAnswer: 'no answer recorded',
    deletedSubscription: 'a deleted subscription',
  },
  it: {
    byte: 'byte',
    bytes: 'byte',
    underSecond: 'meno di un secondo',
    lessThanMinute: 'meno di un minuto',
    day: '1 giorno',
    days: '{count} giorni',
    hour: '1 ora',
    hours: '{count} ore',
    minute: '1 minuto',
    minutes: '{count} minuti',
    stopped: 'Interrotto',
    succeeded: 'Riuscito',
    failed: 'Non riuscito',
    running: 'In corso',
    refused: 'Rifiutato dal server di posta',
    gaveUp: 'Abbandonato dopo 1 tentativo',
    gaveUpMany: 'Abbandonato dopo {count} tentativi',
    noAnswer: 'nessuna risposta registrata',
    deletedSubscription: 'una sottoscrizione eliminata',
  },
});

/**
 * The System page's figures in words (GET /api/v1/system): sizes, durations and run states,
 * pure so that the page and its tests agree on every word.
 */

/**
 * 1536 → "1.5 KB"; bytes in powers of 1024, one decimal from KB up.
 * @param {number} bytes
 * @returns {string}
 */
export function byteSize(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? t('byte') : t('bytes')}`;
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : decimal(rounded, 1)} ${units[unit]}`;
}

/**
 * 41_200 → "41 s", 125_000 → "2 min 5 s", 3_900_000 → "1 h 5 min".
 * @param {number | null | undefined} ms
 * @returns {string}
 */
export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return t('underSecond');
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/**
 * 90_061 → "1 day 1 hour": the two largest units of an uptime.
 * @param {number} seconds
 * @returns {string}
 */
export function uptime(seconds) {
  const parts = /** @type {['day' | 'hour' | 'minute', number][]} */ ([
    ['day', Math.floor(seconds / 86_400)],
    ['hour', Math.floor((seconds % 86_400) / 3600)],
    ['minute', Math.floor((seconds % 3600) / 60)],
  ]).filter(([, amount]) => amount > 0);
  if (parts.length === 0) return t('lessThanMinute');
  return parts
    .slice(0, 2)
    .map(([unit, amount]) => (amount === 1 ? t(unit) : t(`${unit}s`, { count: amount })))
    .join(' ');
}

/**
 * A run's state for people: stale runs are still "running" in the database, but nobody is.
 * @param {{ status: string }} run
 * @param {boolean} [stale]
 * @returns {{ text: string, tone: string }}
 */
export function runState(run, stale = false) {
  if (stale) return { text: t('stopped'), tone: 'bad' };
  if (run.status === 'succeeded') return { text: t('succeeded'), tone: 'good' };
  if (run.status === 'failed') return { text: t('failed'), tone: 'bad' };
  return { text: t('running'), tone: 'info' };
}

/**
 * A failed delivery in words: refused outright, or given up after its attempts.
 * @param {{ status: string, attempts: number }} failure
 * @returns {string}
 */
export function deliveryOutcome(failure) {
  if (failure.status === 'failed-permanent') return t('refused');
  return failure.attempts === 1 ? t('gaveUp') : t('gaveUpMany', { count: failure.attempts });
}

/**
 * What the receiver of a failed webhook answered: its status line, or why there was none.
 * @param {{ lastStatusCode: number | null, lastError: string | null }} failure
 * @returns {string}
 */
export function webhookAnswer(failure) {
  if (failure.lastError) return failure.lastError;
  if (failure.lastStatusCode !== null) return `HTTP ${failure.lastStatusCode}`;
  return t('noAnswer');
}

/**
 * Where a failed webhook was going: the url's host, or a subscription since deleted.
 * @param {{ host: string | null }} failure
 * @returns {string}
 */
export function webhookReceiver(failure) {
  return failure.host ?? t('deletedSubscription');
}

/**
 * "3 Dec 2026, 09:12 UTC".
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function dateTime(iso) {
  if (!iso) return '—';
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return '—';
  const day = new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(value);
  return `${day}, ${value.toISOString().slice(11, 16)} UTC`;
}
