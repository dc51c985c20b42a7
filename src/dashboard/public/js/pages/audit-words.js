// @ts-check
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

/** @type {Record<string, string>} */
const RECORDS = {
  apiKey: 'API key',
  mergeSuggestion: 'merge suggestion',
  digestSubscription: 'digest subscription',
  digest: 'digest',
  feedback: 'feedback item',
  attendance: 'attendance record',
};

/** @type {Record<string, string>} */
const VERBS = {
  create: 'Created',
  update: 'Updated',
  delete: 'Deleted',
  erase: 'Erased',
  export: 'Exported',
  merge: 'Merged',
  approve: 'Approved',
  reject: 'Rejected',
  revoke: 'Revoked',
  dismiss: 'Dismissed',
  send: 'Sent',
};

/** Verbs that read better said whole. @type {Record<string, string>} */
const WHOLE = {
  'auth.failed': 'Failed authentication',
  'session.signIn': 'Signed in to the dashboard',
  'session.signOut': 'Signed out of the dashboard',
  'member.export': 'Exported a member’s data',
  'member.erase': 'Erased a member',
  'member.merge': 'Merged two members',
  'value.recompute': 'Recomputed values',
  'audit.purge': 'Deleted entries past retention',
};

/**
 * "member.erase" → "Erased a member"; a route without a verb ("POST /api/v1/things") as it is.
 * @param {string} action
 * @returns {string}
 */
export function actionText(action) {
  if (WHOLE[action]) return WHOLE[action];
  const match = /^([a-zA-Z]+)\.([a-zA-Z]+)$/.exec(action);
  if (!match) return action;
  const [, record, verb] = match;
  const noun =
    RECORDS[record] ??
    record
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .trim();
  if (record === 'import' && verb === 'create') return 'Imported a file';
  const done = VERBS[verb] ?? `${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
  return `${done} ${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Who acted, for the table: the key's name (as it was), or who nobody knows.
 * @param {AuditActor} actor
 * @returns {{ name: string, how: string }}
 */
export function actorText(actor) {
  /** @type {Record<string, string>} */
  const how = {
    key: 'API key',
    session: 'Dashboard',
    webhookSource: 'Webhook source',
    system: 'Halo itself',
    anonymous: 'Unknown',
  };
  if (actor.kind === 'system') return { name: 'Halo', how: how.system };
  if (actor.kind === 'anonymous')
    return {
      name: actor.keyPrefix ? `Key ${actor.keyPrefix}…` : 'Nobody known',
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
  if (details.via === 'cli') return 'from the command line';
  if (typeof details.deleted === 'number')
    return `${details.deleted} entries older than ${details.retentionDays} days`;
  if (typeof details.rows !== 'number') return null;
  const parts = ['created', 'updated', 'unchanged', 'refused']
    .filter((name) => Number(details[name]) > 0)
    .map((name) => `${details[name]} ${name}`);
  const rows = `${details.rows} ${details.rows === 1 ? 'row' : 'rows'}`;
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
  return `${new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(value)}, ${value.toISOString().slice(11, 19)} UTC`;
}
