// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count, date } from '../format.js';
import { badge, card, emptyState, kpi, pageHeader } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';
import {
  byteSize,
  dateTime,
  deliveryOutcome,
  duration,
  runState,
  uptime,
  webhookAnswer,
  webhookReceiver,
} from './system-words.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    tr_api: 'the API or dashboard',
    tr_schedule: 'the schedule',
    tr_cli: 'the command line',
    health: 'Health',
    ok: 'OK',
    degraded: 'Degraded',
    allWell: 'All is well: nothing needs attention.',
    attention: 'Needs attention: 1 problem.',
    attentionMany: 'Needs attention: {count} problems.',
    lastRecompute: 'Last recompute',
    never: 'Never',
    notComputed: 'Values have not been computed yet',
    failedRuns: 'Failed or stopped runs',
    inLastDays: 'in the last {days} days',
    digestFailures: 'Digest failures',
    last24: 'in the last 24 hours',
    dbSize: 'Database size',
    sqliteFile: 'SQLite file and log',
    recomputes: 'Recomputes of values',
    recomputesDescription: 'Every member’s value is recomputed on a schedule and on demand.',
    lastRun: 'Last run',
    started: 'Started',
    took: 'Took',
    stillRunning: 'still running',
    membersValued: 'Members valued',
    valuesAsOf: 'Values as of',
    startedBy: 'Started by',
    lastSuccess: 'Last success',
    neverLower: 'never',
    noRecompute: 'No recompute has run yet.',
    firstRuns: 'The first one runs at the scheduled time, or when a manager asks for it.',
    runningNow: 'A recompute is running now: started {date}.',
    failedAndStopped: 'Failed and stopped runs',
    noFailedRuns: 'No recompute failed or stopped in the last {days} days.',
    failedRecomputes: 'Failed and stopped recomputes',
    state: 'State',
    why: 'Why',
    staleWhy: 'Its instance stopped before it finished; the next recompute marks it failed.',
    noReason: 'no reason recorded',
    latestOf: 'The {shown} latest of {total} failed runs.',
    digests: 'Digest emails',
    digestsDescription: 'Deliveries that failed, and those waiting to retry.',
    failed24: 'Failed in the last 24 hours',
    failedDays: 'Failed in the last {days} days',
    waiting: 'Waiting to retry',
    recentFailures: 'Recent failures',
    noDigestFailures: 'No digest delivery failed in the last {days} days.',
    failedDigests: 'Failed digest deliveries',
    recipient: 'Recipient',
    outcome: 'Outcome',
    lastAttempt: 'Last attempt',
    serverAnswer: 'Server answer',
    webhooks: 'Outbound webhooks',
    webhooksDescription:
      'Deliveries of events to your subscriptions that gave up after every attempt, and those waiting to retry.',
    noWebhookFailures: 'No webhook delivery failed in the last {days} days.',
    failedWebhooks: 'Failed webhook deliveries',
    sentTo: 'Sent to',
    receiverAnswer: 'Receiver answer',
    subscription: 'Subscription {id}',
    storage: 'Database and service',
    storageDescription: 'Where Halo keeps its data, and what is running.',
    database: 'Database',
    size: 'Size',
    wal: 'Write-ahead log',
    migrations: 'Migrations',
    migrationsValue: '{applied} applied, {pending} pending',
    none: 'none',
    digestsThrough: 'Digests sent through',
    smtp: 'the SMTP server',
    outboxFolder: 'the outbox folder',
    outboxFiles: 'Outbox files',
    keptFor: 'Outbox files kept for',
    daysValue: '{count} days',
    importsRunning: 'Imports running',
    ofAtMost: '{running} of at most {max}',
    version: 'Version',
    upFor: 'Up for',
    title: 'System',
    adminsOnly: 'Only admins can see the System page.',
    signInAdmin: 'Sign in with an admin key to see how Halo is running.',
    checkAgain: 'Check again',
    subtitle: 'How Halo is running. Checked {date}.',
  },
  it: {
    tr_api: "l'API o la dashboard",
    tr_schedule: 'la pianificazione',
    tr_cli: 'la riga di comando',
    health: 'Stato',
    ok: 'OK',
    degraded: 'Degradato',
    allWell: 'Tutto bene: niente richiede attenzione.',
    attention: 'Richiede attenzione: 1 problema.',
    attentionMany: 'Richiede attenzione: {count} problemi.',
    lastRecompute: 'Ultimo ricalcolo',
    never: 'Mai',
    notComputed: 'I valori non sono ancora stati calcolati',
    failedRuns: 'Esecuzioni non riuscite o interrotte',
    inLastDays: 'negli ultimi {days} giorni',
    digestFailures: 'Riepiloghi non consegnati',
    last24: 'nelle ultime 24 ore',
    dbSize: 'Dimensione del database',
    sqliteFile: 'file SQLite e log',
    recomputes: 'Ricalcoli dei valori',
    recomputesDescription:
      'Il valore di ogni membro viene ricalcolato secondo la pianificazione e su richiesta.',
    lastRun: 'Ultima esecuzione',
    started: 'Avviato',
    took: 'Durata',
    stillRunning: 'ancora in corso',
    membersValued: 'Membri valutati',
    valuesAsOf: 'Valori al',
    startedBy: 'Avviato da',
    lastSuccess: 'Ultimo riuscito',
    neverLower: 'mai',
    noRecompute: 'Nessun ricalcolo ancora eseguito.',
    firstRuns: "Il primo parte all'orario pianificato, o quando lo chiede un responsabile.",
    runningNow: 'Un ricalcolo è in corso: avviato {date}.',
    failedAndStopped: 'Esecuzioni non riuscite e interrotte',
    noFailedRuns: 'Nessun ricalcolo non riuscito o interrotto negli ultimi {days} giorni.',
    failedRecomputes: 'Ricalcoli non riusciti e interrotti',
    state: 'Stato',
    why: 'Motivo',
    staleWhy:
      'La sua istanza si è fermata prima della fine; il prossimo ricalcolo lo segna come non riuscito.',
    noReason: 'nessun motivo registrato',
    latestOf: 'Le {shown} più recenti di {total} esecuzioni non riuscite.',
    digests: 'Email di riepilogo',
    digestsDescription: 'Consegne non riuscite e quelle in attesa di un nuovo tentativo.',
    failed24: 'Non riuscite nelle ultime 24 ore',
    failedDays: 'Non riuscite negli ultimi {days} giorni',
    waiting: 'In attesa di nuovo tentativo',
    recentFailures: 'Errori recenti',
    noDigestFailures: 'Nessuna consegna di riepiloghi non riuscita negli ultimi {days} giorni.',
    failedDigests: 'Consegne di riepiloghi non riuscite',
    recipient: 'Destinatario',
    outcome: 'Esito',
    lastAttempt: 'Ultimo tentativo',
    serverAnswer: 'Risposta del server',
    webhooks: 'Webhook in uscita',
    webhooksDescription:
      'Consegne di eventi alle tue sottoscrizioni abbandonate dopo ogni tentativo, e quelle in attesa di un nuovo tentativo.',
    noWebhookFailures: 'Nessuna consegna di webhook non riuscita negli ultimi {days} giorni.',
    failedWebhooks: 'Consegne di webhook non riuscite',
    sentTo: 'Inviato a',
    receiverAnswer: 'Risposta del destinatario',
    subscription: 'Sottoscrizione {id}',
    storage: 'Database e servizio',
    storageDescription: 'Dove Halo conserva i dati, e cosa è in esecuzione.',
    database: 'Database',
    size: 'Dimensione',
    wal: 'Write-ahead log',
    migrations: 'Migrazioni',
    migrationsValue: '{applied} applicate, {pending} in attesa',
    none: 'nessuna',
    digestsThrough: 'Riepiloghi inviati tramite',
    smtp: 'il server SMTP',
    outboxFolder: 'la cartella outbox',
    outboxFiles: 'File in outbox',
    keptFor: 'File in outbox conservati per',
    daysValue: '{count} giorni',
    importsRunning: 'Importazioni in corso',
    ofAtMost: '{running} su un massimo di {max}',
    version: 'Versione',
    upFor: 'Attivo da',
    title: 'Sistema',
    adminsOnly: 'Solo gli amministratori possono vedere la pagina Sistema.',
    signInAdmin: 'Accedi con una chiave da amministratore per vedere come sta funzionando Halo.',
    checkAgain: 'Verifica di nuovo',
    subtitle: 'Come sta funzionando Halo. Verificato {date}.',
  },
});

/**
 * GET /api/v1/system (admin).
 * @typedef {{
 *   id: string, asOf: string, status: string, trigger: string, startedAt: string,
 *   finishedAt: string | null, durationMs: number | null, membersValued: number,
 *   error: string | null,
 * }} Run
 * @typedef {{
 *   last: Run | null, lastSucceeded: Run | null, running: Run | null, stale: Run[],
 *   failed: Run[], failedCount: number, windowDays: number,
 * }} Recomputes
 * @typedef {{
 *   id: string, subscriptionId: string, recipient: string, status: string, attempts: number,
 *   lastAttemptAt: string | null, lastResponse: string | null,
 * }} DeliveryFailure
 * @typedef {{
 *   failedLast24h: number, failedInWindow: number, retrying: number,
 *   recentFailures: DeliveryFailure[], windowDays: number,
 * }} Digests
 * @typedef {{
 *   id: string, subscriptionId: string, host: string | null, eventCount: number,
 *   attempts: number, lastAttemptAt: string | null, lastStatusCode: number | null,
 *   lastError: string | null,
 * }} WebhookFailure
 * @typedef {{
 *   failedLast24h: number, failedInWindow: number, retrying: number,
 *   recentFailures: WebhookFailure[], windowDays: number,
 * }} Webhooks
 * @typedef {{
 *   kind: string, sizeBytes: number,
 *   sqlite: { file: string, fileBytes: number, walBytes: number } | null,
 *   migrations: { applied: number, pending: number, last: string | null },
 * }} Database
 * @typedef {{
 *   transport: string, folder: string, retentionDays: number, files: number, bytes: number,
 *   oldestAt: string | null, overdue: number,
 * }} Outbox
 * @typedef {{
 *   status: 'ok' | 'degraded',
 *   reasons: { code: string, check: string, text: string }[],
 *   checkedAt: string, version: string, startedAt: string, uptimeSeconds: number,
 *   sections: {
 *     database: Database, recompute: Recomputes, digests: Digests, outbox: Outbox,
 *     imports: { running: number, maxConcurrent: number }, webhooks?: Webhooks,
 *   },
 * }} Summary
 * @typedef {import('../dom.js').Child} Child
 */

/** @param {string} trigger */
const triggerName = (trigger) =>
  trigger === 'api' || trigger === 'schedule' || trigger === 'cli' ? t(`tr_${trigger}`) : trigger;

/**
 * A definition list of facts, each a label and its value.
 * @param {[string, Child][]} facts
 * @param {string} [id]
 */
function facts(facts, id) {
  return h(
    'dl',
    { class: 'facts', id },
    facts.map(([label, value]) => h('div', {}, h('dt', {}, label), h('dd', {}, value))),
  );
}

/** @param {string} text @param {string} tone */
const state = (text, tone) => badge(text, tone);

/** @param {Summary} summary */
function healthCard(summary) {
  const ok = summary.status === 'ok';
  const problems = summary.reasons.length;
  return h(
    'section',
    {
      class: `card health-card ${ok ? 'health-ok' : 'health-degraded'}`,
      id: 'system-health',
      'aria-labelledby': 'system-health-title',
    },
    h('h2', { id: 'system-health-title' }, t('health')),
    h(
      'p',
      { class: 'health-status' },
      ok ? state(t('ok'), 'good') : state(t('degraded'), 'warn'),
      ' ',
      ok
        ? t('allWell')
        : problems === 1
          ? t('attention')
          : t('attentionMany', { count: count(problems) }),
    ),
    ok
      ? null
      : h(
          'ul',
          { class: 'health-reasons' },
          summary.reasons.map((reason) => h('li', { dataset: { code: reason.code } }, reason.text)),
        ),
  );
}

/** @param {Summary} summary */
function keyFigures(summary) {
  const { recompute, digests, database } = summary.sections;
  const last = recompute.last;
  const lastState = last ? runState(last) : null;
  return h(
    'div',
    { class: 'kpi-row', id: 'system-kpis' },
    kpi(t('lastRecompute'), lastState ? lastState.text : t('never'), {
      note: last ? `${dateTime(last.startedAt)} · ${duration(last.durationMs)}` : t('notComputed'),
    }),
    kpi(t('failedRuns'), count(recompute.failedCount + recompute.stale.length), {
      note: t('inLastDays', { days: count(recompute.windowDays) }),
    }),
    kpi(t('digestFailures'), count(digests.failedLast24h), { note: t('last24') }),
    kpi(t('dbSize'), byteSize(database.sizeBytes), {
      note: database.kind === 'sqlite' ? t('sqliteFile') : 'PostgreSQL',
    }),
  );
}

/** @param {Recomputes} recompute */
function recomputesCard(recompute) {
  const { last, lastSucceeded, running } = recompute;
  const lastState = last ? runState(last) : null;
  const problems = [
    ...recompute.stale.map((run) => ({ run, stale: true })),
    ...recompute.failed.map((run) => ({ run, stale: false })),
  ];
  return card(
    t('recomputes'),
    {
      id: 'system-recomputes',
      description: t('recomputesDescription'),
    },
    last
      ? facts([
          [t('lastRun'), lastState ? state(lastState.text, lastState.tone) : '—'],
          [t('started'), dateTime(last.startedAt)],
          [t('took'), last.status === 'running' ? t('stillRunning') : duration(last.durationMs)],
          [t('membersValued'), count(last.membersValued)],
          [t('valuesAsOf'), date(last.asOf)],
          [t('startedBy'), triggerName(last.trigger)],
          [t('lastSuccess'), lastSucceeded ? dateTime(lastSucceeded.finishedAt) : t('neverLower')],
        ])
      : emptyState(t('noRecompute'), t('firstRuns')),
    running
      ? h(
          'p',
          { class: 'notice', id: 'system-running' },
          t('runningNow', { date: dateTime(running.startedAt) }),
        )
      : null,
    h('h3', { class: 'subheading' }, t('failedAndStopped')),
    problems.length === 0
      ? h(
          'p',
          { class: 'muted', id: 'system-no-failed-runs' },
          t('noFailedRuns', { days: count(recompute.windowDays) }),
        )
      : metricsTable(
          t('failedRecomputes'),
          [
            { label: t('started') },
            { label: t('state') },
            { label: t('valuesAsOf') },
            { label: t('why') },
          ],
          problems.map(({ run, stale }) => {
            const runText = runState(run, stale);
            return [
              dateTime(run.startedAt),
              state(runText.text, runText.tone),
              date(run.asOf),
              stale ? t('staleWhy') : (run.error ?? t('noReason')),
            ];
          }),
        ),
    recompute.failedCount > recompute.failed.length
      ? h(
          'p',
          { class: 'muted small' },
          t('latestOf', {
            shown: count(recompute.failed.length),
            total: count(recompute.failedCount),
          }),
        )
      : null,
  );
}

/** @param {Digests} digests */
function digestsCard(digests) {
  return card(
    t('digests'),
    { id: 'system-digests', description: t('digestsDescription') },
    facts([
      [t('failed24'), count(digests.failedLast24h)],
      [t('failedDays', { days: count(digests.windowDays) }), count(digests.failedInWindow)],
      [t('waiting'), count(digests.retrying)],
    ]),
    h('h3', { class: 'subheading' }, t('recentFailures')),
    digests.recentFailures.length === 0
      ? h(
          'p',
          { class: 'muted', id: 'system-no-digest-failures' },
          t('noDigestFailures', { days: count(digests.windowDays) }),
        )
      : metricsTable(
          t('failedDigests'),
          [
            { label: t('recipient') },
            { label: t('outcome') },
            { label: t('lastAttempt') },
            { label: t('serverAnswer') },
          ],
          digests.recentFailures.map((failure) => [
            failure.recipient,
            deliveryOutcome(failure),
            dateTime(failure.lastAttemptAt),
            failure.lastResponse ?? '—',
          ]),
        ),
  );
}

/** @param {Webhooks} webhooks */
function webhooksCard(webhooks) {
  return card(
    t('webhooks'),
    {
      id: 'system-webhooks',
      description: t('webhooksDescription'),
    },
    facts([
      [t('failed24'), count(webhooks.failedLast24h)],
      [t('failedDays', { days: count(webhooks.windowDays) }), count(webhooks.failedInWindow)],
      [t('waiting'), count(webhooks.retrying)],
    ]),
    h('h3', { class: 'subheading' }, t('recentFailures')),
    webhooks.recentFailures.length === 0
      ? h(
          'p',
          { class: 'muted', id: 'system-no-webhook-failures' },
          t('noWebhookFailures', { days: count(webhooks.windowDays) }),
        )
      : metricsTable(
          t('failedWebhooks'),
          [
            { label: t('sentTo') },
            { label: t('outcome') },
            { label: t('lastAttempt') },
            { label: t('receiverAnswer') },
          ],
          webhooks.recentFailures.map((failure) => [
            h(
              'span',
              { title: t('subscription', { id: failure.subscriptionId }) },
              webhookReceiver(failure),
            ),
            deliveryOutcome({ status: 'failed', attempts: failure.attempts }),
            dateTime(failure.lastAttemptAt),
            webhookAnswer(failure),
          ]),
        ),
  );
}

/** @param {Summary} summary */
function storageCard(summary) {
  const { database, outbox, imports } = summary.sections;
  const pending = database.migrations.pending;
  return card(
    t('storage'),
    { id: 'system-database', description: t('storageDescription') },
    facts(
      [
        [t('database'), database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'],
        [t('size'), byteSize(database.sizeBytes)],
        ...(database.sqlite
          ? /** @type {[string, Child][]} */ ([[t('wal'), byteSize(database.sqlite.walBytes)]])
          : []),
        [
          t('migrations'),
          t('migrationsValue', {
            applied: count(database.migrations.applied),
            pending: pending === 0 ? t('none') : count(pending),
          }),
        ],
        [t('digestsThrough'), outbox.transport === 'smtp' ? t('smtp') : t('outboxFolder')],
        [t('outboxFiles'), `${count(outbox.files)} (${byteSize(outbox.bytes)})`],
        [t('keptFor'), t('daysValue', { count: count(outbox.retentionDays) })],
        [
          t('importsRunning'),
          t('ofAtMost', { running: count(imports.running), max: count(imports.maxConcurrent) }),
        ],
        [t('version'), summary.version],
        [t('upFor'), uptime(summary.uptimeSeconds)],
      ],
      'system-facts',
    ),
  );
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, context) {
  const { session, isCurrent } = context;
  if (session.role !== 'admin') {
    container.append(
      pageHeader(t('title')),
      h(
        'div',
        { class: 'card', id: 'system-admins-only' },
        emptyState(t('adminsOnly'), t('signInAdmin')),
      ),
    );
    return;
  }
  /** @type {Summary} */
  const summary = await get('/api/v1/system');
  if (!isCurrent()) return;
  const again = h(
    'button',
    { type: 'button', class: 'button button-secondary', id: 'system-refresh' },
    t('checkAgain'),
  );
  again.addEventListener('click', () => {
    container.replaceChildren();
    void render(container, context);
  });
  container.append(
    pageHeader(t('title'), {
      subtitle: t('subtitle', { date: dateTime(summary.checkedAt) }),
      actions: again,
    }),
    h(
      'div',
      { class: 'stack' },
      healthCard(summary),
      keyFigures(summary),
      recomputesCard(summary.sections.recompute),
      digestsCard(summary.sections.digests),
      summary.sections.webhooks ? webhooksCard(summary.sections.webhooks) : null,
      storageCard(summary),
    ),
  );
}
