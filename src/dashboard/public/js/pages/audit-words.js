// @ts-check
import { locale, messages } from '../i18n.js';

/**
 * The audit log's entries in words: what was done (from the stable verb), who did it and what
 * an import counted. Pure functions, so their wording is unit-tested.
 * @typedef {{ kind: string, keyId: string | null, keyName: string | null, keyPrefix: string | null }} AuditActor
 * @typedef {{
 *   id: string,
 *   at: string,
 *   actor: AuditActor,
 *   action: string,
 *   method: string | null,
 *   route: string | null,
 *   statusCode: number | null,
 *   outcome: 'success' | 'refused',
 *   recordIds: string[],
 *   requestId: string | null,
 *   remoteAddress: string | null,
 *   details: Record<string, string | number> | null,
 * }} AuditEntry
 */

/**
 * Records, verbs and whole actions in both languages. English says "Created a purchase";
 * Italian names the act and the record ("Creazione: acquisto"), which needs no article or
 * agreement and reads naturally in a log.
 */
export const t = messages({
  en: {
    r_apiKey: 'API key',
    r_mergeSuggestion: 'merge suggestion',
    r_digestSubscription: 'digest subscription',
    r_digest: 'digest',
    r_feedback: 'feedback item',
    r_attendance: 'attendance record',
    r_member: 'member',
    r_purchase: 'purchase',
    r_referral: 'referral',
    r_review: 'review',
    r_mention: 'mention',
    r_identity: 'identity',
    r_campaign: 'campaign',
    r_event: 'event',
    r_tombstone: 'tombstone',
    r_webhook: 'webhook',
    r_webhookDelivery: 'webhook delivery',
    r_webhookSource: 'webhook source',
    r_webhookSubscription: 'webhook subscription',
    v_create: 'Created',
    v_update: 'Updated',
    v_delete: 'Deleted',
    v_erase: 'Erased',
    v_export: 'Exported',
    v_merge: 'Merged',
    v_approve: 'Approved',
    v_reject: 'Rejected',
    v_revoke: 'Revoked',
    v_dismiss: 'Dismissed',
    v_send: 'Sent',
    v_lift: 'Lift',
    v_receive: 'Receive',
    v_retry: 'Retry',
    v_rotateSecret: 'RotateSecret',
    'w_auth.failed': 'Failed authentication',
    'w_session.signIn': 'Signed in to the dashboard',
    'w_session.signOut': 'Signed out of the dashboard',
    'w_member.export': 'Exported a member’s data',
    'w_member.erase': 'Erased a member',
    'w_member.merge': 'Merged two members',
    'w_value.recompute': 'Recomputed values',
    'w_audit.purge': 'Deleted entries past retention',
    'w_import.create': 'Imported a file',
    action: ({ done, noun }) => `${done} ${/^[aeiou]/i.test(String(noun)) ? 'an' : 'a'} ${noun}`,
    howKey: 'API key',
    howSession: 'Dashboard',
    howWebhookSource: 'Webhook source',
    howSystem: 'Halo itself',
    howAnonymous: 'Unknown',
    keyPrefix: 'Key {prefix}…',
    nobodyKnown: 'Nobody known',
    fromCli: 'from the command line',
    purged: '{deleted} entries older than {days} days',
    created: '{count} created',
    updated: '{count} updated',
    unchanged: '{count} unchanged',
    refused: '{count} refused',
    row: '1 row',
    rows: '{count} rows',
  },
  it: {
    r_apiKey: 'chiave API',
    r_mergeSuggestion: 'suggerimento di unione',
    r_digestSubscription: 'iscrizione al riepilogo',
    r_digest: 'riepilogo',
    r_feedback: 'suggerimento',
    r_attendance: 'partecipazione',
    r_member: 'membro',
    r_purchase: 'acquisto',
    r_referral: 'segnalazione',
    r_review: 'recensione',
    r_mention: 'menzione',
    r_identity: 'identità',
    r_campaign: 'campagna',
    r_event: 'evento',
    r_tombstone: 'cancellazione registrata',
    r_webhook: 'webhook',
    r_webhookDelivery: 'consegna di webhook',
    r_webhookSource: 'sorgente webhook',
    r_webhookSubscription: 'sottoscrizione webhook',
    v_create: 'Creazione',
    v_update: 'Modifica',
    v_delete: 'Eliminazione',
    v_erase: 'Cancellazione',
    v_export: 'Esportazione',
    v_merge: 'Unione',
    v_approve: 'Approvazione',
    v_reject: 'Rifiuto',
    v_revoke: 'Revoca',
    v_dismiss: 'Archiviazione',
    v_send: 'Invio',
    v_lift: 'Revoca',
    v_receive: 'Ricezione',
    v_retry: 'Nuovo tentativo',
    v_rotateSecret: 'Rotazione del segreto',
    'w_auth.failed': 'Autenticazione non riuscita',
    'w_session.signIn': 'Accesso alla dashboard',
    'w_session.signOut': 'Uscita dalla dashboard',
    'w_member.export': 'Esportazione dei dati di un membro',
    'w_member.erase': 'Cancellazione di un membro',
    'w_member.merge': 'Unione di due membri',
    'w_value.recompute': 'Ricalcolo dei valori',
    'w_audit.purge': 'Eliminazione delle voci oltre il periodo di conservazione',
    'w_import.create': 'Importazione di un file',
    action: ({ done, noun }) => `${done}: ${noun}`,
    howKey: 'Chiave API',
    howSession: 'Dashboard',
    howWebhookSource: 'Sorgente webhook',
    howSystem: 'Halo stesso',
    howAnonymous: 'Sconosciuto',
    keyPrefix: 'Chiave {prefix}…',
    nobodyKnown: 'Nessuno di noto',
    fromCli: 'dalla riga di comando',
    purged: '{deleted} voci più vecchie di {days} giorni',
    created: '{count} create',
    updated: '{count} aggiornate',
    unchanged: '{count} invariate',
    refused: '{count} rifiutate',
    row: '1 riga',
    rows: '{count} righe',
  },
});

/** @typedef {Parameters<typeof t>[0]} Key */

/**
 * The word of `prefix + name` when the catalog has one.
 * @param {string} prefix
 * @param {string} name
 * @returns {string | null}
 */
function known(prefix, name) {
  const key = /** @type {Key} */ (`${prefix}${name}`);
  return key in t.catalog.en ? t(key) : null;
}

/**
 * "apiKey.revoke" → "Revoked an API key" / "Revoca: chiave API".
 * @param {string} action
 * @returns {string}
 */
export function actionText(action) {
  const whole = known('w_', action);
  if (whole) return whole;
  const match = /^([a-zA-Z]+)\.([a-zA-Z]+)$/.exec(action);
  if (!match) return action;
  const [, record, verb] = match;
  const noun =
    known('r_', record) ??
    record
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .trim();
  const done = known('v_', verb) ?? `${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
  return t('action', { done, noun });
}

/**
 * Who did it, and how they were signed in.
 * @param {AuditActor} actor
 * @returns {{ name: string, how: string }}
 */
export function actorText(actor) {
  /** @type {Record<string, string>} */
  const how = {
    key: t('howKey'),
    session: t('howSession'),
    webhookSource: t('howWebhookSource'),
    system: t('howSystem'),
    anonymous: t('howAnonymous'),
  };
  if (actor.kind === 'system') return { name: 'Halo', how: how.system };
  if (actor.kind === 'anonymous')
    return {
      name: actor.keyPrefix ? t('keyPrefix', { prefix: actor.keyPrefix }) : t('nobodyKnown'),
      how: how.anonymous,
    };
  return { name: actor.keyName ?? actor.keyId ?? '—', how: how[actor.kind] ?? actor.kind };
}

/**
 * An import's or a retention run's counts in words; null for other entries.
 * @param {Record<string, string | number> | null} details
 * @returns {string | null}
 */
export function detailsText(details) {
  if (!details) return null;
  if (details.via === 'cli') return t('fromCli');
  if (typeof details.deleted === 'number')
    return t('purged', { deleted: details.deleted, days: details.retentionDays });
  if (typeof details.rows !== 'number') return null;
  const parts = /** @type {const} */ (['created', 'updated', 'unchanged', 'refused'])
    .filter((name) => Number(details[name]) > 0)
    .map((name) => t(name, { count: details[name] }));
  const rows = details.rows === 1 ? t('row') : t('rows', { count: details.rows });
  const type = typeof details.type === 'string' ? `${details.type}: ` : '';
  return `${type}${rows}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * The first block of a UUID, enough to tell records apart on screen; the whole id is a link.
 * @param {string} id
 * @returns {string}
 */
export function shortId(id) {
  return `${id.slice(0, 8)}…`;
}

/**
 * "2026-12-03T09:14:05.120Z" → "3 Dec 2026, 09:14:05 UTC" (the API's instants are UTC).
 * @param {string} iso
 * @returns {string}
 */
export function when(iso) {
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return '—';
  return `${new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(value)}, ${value.toISOString().slice(11, 19)} UTC`;
}
