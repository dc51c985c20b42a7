// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count } from '../format.js';
import { emptyState, errorState, loading, pageHeader } from '../ui.js';
import { apiQuery, filterForm, hashFor, readFilters } from './audit-filters.js';
import { auditTable } from './audit-table.js';

const PAGE_SIZE = 50;

/** @type {import('../app.js').Page['render']} */
export async function render(container, { params, session }) {
  container.append(
    pageHeader('Audit log', {
      subtitle:
        'Who did what, when and from where: every write, export, erasure, key change, merge, approval and sign-in, and every failed authentication. Entries hold ids, never personal data, and are kept for 400 days unless configured otherwise.',
    }),
  );
  if (session.role !== 'admin') {
    container.append(
      emptyState('Only admins can see the audit log.', 'Sign in with an admin key to see it.'),
    );
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
    results.replaceChildren(loading('Loading the audit log'));
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
        '← Newer',
      );
      const next = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: !page.nextCursor },
        'Older →',
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
          : emptyState('No entries match these filters.', 'Widen the period or clear a filter.'),
        h(
          'div',
          { class: 'pager' },
          h(
            'p',
            { class: 'muted', id: 'audit-count' },
            page.items.length
              ? `${count(offset + 1)}–${count(offset + page.items.length)} of ${count(page.total)}`
              : `0 of ${count(page.total ?? 0)}`,
          ),
          h('div', { class: 'pager-buttons' }, previous, next),
        ),
      );
    } catch (error) {
      results.replaceChildren(errorState(error, 'the audit log'));
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
