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

const TRIGGERS = /** @type {Record<string, string>} */ ({
  api: 'the API or dashboard',
  schedule: 'the schedule',
  cli: 'the command line',
});

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
    h('h2', { id: 'system-health-title' }, 'Health'),
    h(
      'p',
      { class: 'health-status' },
      ok ? state('OK', 'good') : state('Degraded', 'warn'),
      ' ',
      ok
        ? 'All is well: nothing needs attention.'
        : `Needs attention: ${count(problems)} ${problems === 1 ? 'problem' : 'problems'}.`,
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
    kpi('Last recompute', lastState ? lastState.text : 'Never', {
      note: last
        ? `${dateTime(last.startedAt)} · ${duration(last.durationMs)}`
        : 'Values have not been computed yet',
    }),
    kpi('Failed or stopped runs', count(recompute.failedCount + recompute.stale.length), {
      note: `in the last ${count(recompute.windowDays)} days`,
    }),
    kpi('Digest failures', count(digests.failedLast24h), { note: 'in the last 24 hours' }),
    kpi('Database size', byteSize(database.sizeBytes), {
      note: database.kind === 'sqlite' ? 'SQLite file and log' : 'PostgreSQL',
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
    'Recomputes of values',
    {
      id: 'system-recomputes',
      description: 'Every member’s value is recomputed on a schedule and on demand.',
    },
    last
      ? facts([
          ['Last run', lastState ? state(lastState.text, lastState.tone) : '—'],
          ['Started', dateTime(last.startedAt)],
          ['Took', last.status === 'running' ? 'still running' : duration(last.durationMs)],
          ['Members valued', count(last.membersValued)],
          ['Values as of', date(last.asOf)],
          ['Started by', TRIGGERS[last.trigger] ?? last.trigger],
          ['Last success', lastSucceeded ? dateTime(lastSucceeded.finishedAt) : 'never'],
        ])
      : emptyState(
          'No recompute has run yet.',
          'The first one runs at the scheduled time, or when a manager asks for it.',
        ),
    running
      ? h(
          'p',
          { class: 'notice', id: 'system-running' },
          `A recompute is running now: started ${dateTime(running.startedAt)}.`,
        )
      : null,
    h('h3', { class: 'subheading' }, 'Failed and stopped runs'),
    problems.length === 0
      ? h(
          'p',
          { class: 'muted', id: 'system-no-failed-runs' },
          `No recompute failed or stopped in the last ${count(recompute.windowDays)} days.`,
        )
      : metricsTable(
          'Failed and stopped recomputes',
          [{ label: 'Started' }, { label: 'State' }, { label: 'Values as of' }, { label: 'Why' }],
          problems.map(({ run, stale }) => {
            const runText = runState(run, stale);
            return [
              dateTime(run.startedAt),
              state(runText.text, runText.tone),
              date(run.asOf),
              stale
                ? 'Its instance stopped before it finished; the next recompute marks it failed.'
                : (run.error ?? 'no reason recorded'),
            ];
          }),
        ),
    recompute.failedCount > recompute.failed.length
      ? h(
          'p',
          { class: 'muted small' },
          `The ${count(recompute.failed.length)} latest of ${count(recompute.failedCount)} failed runs.`,
        )
      : null,
  );
}

/** @param {Digests} digests */
function digestsCard(digests) {
  return card(
    'Digest emails',
    { id: 'system-digests', description: 'Deliveries that failed, and those waiting to retry.' },
    facts([
      ['Failed in the last 24 hours', count(digests.failedLast24h)],
      [`Failed in the last ${count(digests.windowDays)} days`, count(digests.failedInWindow)],
      ['Waiting to retry', count(digests.retrying)],
    ]),
    h('h3', { class: 'subheading' }, 'Recent failures'),
    digests.recentFailures.length === 0
      ? h(
          'p',
          { class: 'muted', id: 'system-no-digest-failures' },
          `No digest delivery failed in the last ${count(digests.windowDays)} days.`,
        )
      : metricsTable(
          'Failed digest deliveries',
          [
            { label: 'Recipient' },
            { label: 'Outcome' },
            { label: 'Last attempt' },
            { label: 'Server answer' },
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
    'Outbound webhooks',
    {
      id: 'system-webhooks',
      description:
        'Deliveries of events to your subscriptions that gave up after every attempt, and those waiting to retry.',
    },
    facts([
      ['Failed in the last 24 hours', count(webhooks.failedLast24h)],
      [`Failed in the last ${count(webhooks.windowDays)} days`, count(webhooks.failedInWindow)],
      ['Waiting to retry', count(webhooks.retrying)],
    ]),
    h('h3', { class: 'subheading' }, 'Recent failures'),
    webhooks.recentFailures.length === 0
      ? h(
          'p',
          { class: 'muted', id: 'system-no-webhook-failures' },
          `No webhook delivery failed in the last ${count(webhooks.windowDays)} days.`,
        )
      : metricsTable(
          'Failed webhook deliveries',
          [
            { label: 'Sent to' },
            { label: 'Outcome' },
            { label: 'Last attempt' },
            { label: 'Receiver answer' },
          ],
          webhooks.recentFailures.map((failure) => [
            h(
              'span',
              { title: `Subscription ${failure.subscriptionId}` },
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
    'Database and service',
    { id: 'system-database', description: 'Where Halo keeps its data, and what is running.' },
    facts(
      [
        ['Database', database.kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'],
        ['Size', byteSize(database.sizeBytes)],
        ...(database.sqlite
          ? /** @type {[string, Child][]} */ ([
              ['Write-ahead log', byteSize(database.sqlite.walBytes)],
            ])
          : []),
        [
          'Migrations',
          `${count(database.migrations.applied)} applied, ${pending === 0 ? 'none' : count(pending)} pending`,
        ],
        [
          'Digests sent through',
          outbox.transport === 'smtp' ? 'the SMTP server' : 'the outbox folder',
        ],
        ['Outbox files', `${count(outbox.files)} (${byteSize(outbox.bytes)})`],
        ['Outbox files kept for', `${count(outbox.retentionDays)} days`],
        ['Imports running', `${count(imports.running)} of at most ${count(imports.maxConcurrent)}`],
        ['Version', summary.version],
        ['Up for', uptime(summary.uptimeSeconds)],
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
      pageHeader('System'),
      h(
        'div',
        { class: 'card', id: 'system-admins-only' },
        emptyState(
          'Only admins can see the System page.',
          'Sign in with an admin key to see how Halo is running.',
        ),
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
    'Check again',
  );
  again.addEventListener('click', () => {
    container.replaceChildren();
    void render(container, context);
  });
  container.append(
    pageHeader('System', {
      subtitle: `How Halo is running. Checked ${dateTime(summary.checkedAt)}.`,
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
