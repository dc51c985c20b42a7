// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count } from '../format.js';
import { emptyState, errorState, loading, pageHeader } from '../ui.js';
import { apiQuery, filterForm, hashFor, readFilters } from './audit-filters.js';
import { auditTable } from './audit-table.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    title: 'Audit log',
    subtitle:
      'Who did what, when and from where: every write, export, erasure, key change, merge, approval and sign-in, and every failed authentication. Entries hold ids, never personal data, and are kept for 400 days unless configured otherwise.',
    adminsOnly: 'Only admins can see the audit log.',
    signInAdmin: 'Sign in with an admin key to see it.',
    loading: 'Loading the audit log',
    newer: '← Newer',
    older: 'Older →',
    noEntries: 'No entries match these filters.',
    widen: 'Widen the period or clear a filter.',
    range: '{first}–{last} of {total}',
    none: '0 of {total}',
    theLog: 'the audit log',
  },
  it: {
    title: 'Registro attività',
    subtitle:
      'Chi ha fatto cosa, quando e da dove: ogni scrittura, esportazione, cancellazione, modifica di chiavi, unione, approvazione e accesso, e ogni autenticazione non riuscita. Le voci contengono id, mai dati personali, e sono conservate per 400 giorni salvo diversa configurazione.',
    adminsOnly: 'Solo gli amministratori possono vedere il registro attività.',
    signInAdmin: 'Accedi con una chiave da amministratore per vederlo.',
    loading: 'Caricamento del registro attività',
    newer: '← Più recenti',
    older: 'Meno recenti →',
    noEntries: 'Nessuna voce corrisponde a questi filtri.',
    widen: 'Allarga il periodo o togli un filtro.',
    range: '{first}–{last} di {total}',
    none: '0 di {total}',
    theLog: 'il registro attività',
  },
});

const PAGE_SIZE = 50;

/** @type {import('../app.js').Page['render']} */
export async function render(container, { params, session }) {
  container.append(
    pageHeader(t('title'), {
      subtitle: t('subtitle'),
    }),
  );
  if (session.role !== 'admin') {
    container.append(emptyState(t('adminsOnly'), t('signInAdmin')));
    return;
  }
  const filters = readFilters(params);
  /** @type {import('./audit-filters.js').KeyOption[]} */
  const keys = (await get('/api/v1/api-keys').catch(() => null))?.items ?? [];
  const results = h('div', { class: 'stack', id: 'audit-results', 'aria-live': 'polite' });
  /** @type {(string | undefined)[]} */
  const cursors = [undefined];
  let pageIndex = 0;

  async function load() {
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(loading(t('loading')));
    try {
      const page = await get('/api/v1/audit', {
        ...apiQuery(filters),
        limit: PAGE_SIZE,
        cursor: cursors[pageIndex],
      });
      cursors[pageIndex + 1] = page.nextCursor ?? undefined;
      const offset = pageIndex * PAGE_SIZE;
      const previous = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: pageIndex === 0 },
        t('newer'),
      );
      const next = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: !page.nextCursor },
        t('older'),
      );
      previous.addEventListener('click', () => {
        pageIndex -= 1;
        void load();
      });
      next.addEventListener('click', () => {
        pageIndex += 1;
        void load();
      });
      results.replaceChildren(
        page.items.length
          ? auditTable(page.items, filters)
          : emptyState(t('noEntries'), t('widen')),
        h(
          'div',
          { class: 'pager' },
          h(
            'p',
            { class: 'muted', id: 'audit-count' },
            page.items.length
              ? t('range', {
                  first: count(offset + 1),
                  last: count(offset + page.items.length),
                  total: count(page.total),
                })
              : t('none', { total: count(page.total ?? 0) }),
          ),
          h('div', { class: 'pager-buttons' }, previous, next),
        ),
      );
    } catch (error) {
      results.replaceChildren(errorState(error, t('theLog')));
    }
    results.setAttribute('aria-busy', 'false');
  }

  container.append(
    filterForm(filters, keys, (next) => {
      Object.assign(filters, next);
      window.history.replaceState(null, '', hashFor(filters));
      cursors.length = 1;
      pageIndex = 0;
      void load();
    }),
    results,
  );
  await load();
}
