// @ts-check
import { h } from '../dom.js';
import { count, date, monthYear, percent } from '../format.js';
import { emptyState } from '../ui.js';

/**
 * Monthly cohorts as a heat table: the share who ordered again, month by month.
 * @param {import('./overview-trend.js').Cohort[]} cohorts
 * @param {string} to the period's end, exclusive
 * @returns {import('../dom.js').Child}
 */
export function retentionTable(cohorts, to) {
  const rows = cohorts.filter((cohort) => cohort.newCustomers > 0);
  if (!rows.length)
    return emptyState(
      'No new customers in these months yet.',
      'A cohort is the customers whose first order fell in the same month.',
    );
  const width = Math.max(0, ...rows.map((cohort) => cohort.months.length));
  const offsets = Array.from({ length: width }, (_, index) => index + 1);
  // A period that ends inside a month measures that month only up to its end.
  const partial = to && to.slice(8, 10) !== '01';
  return [
    h(
      'div',
      {
        class: 'table-scroll',
        tabindex: '0',
        role: 'region',
        'aria-label': 'Retention of monthly cohorts',
      },
      h(
        'table',
        { class: 'data cohorts' },
        h(
          'caption',
          { class: 'visually-hidden' },
          'Share of each monthly cohort who ordered again, by months since their first order',
        ),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'First order'),
            h('th', { scope: 'col', class: 'num' }, 'Customers'),
            offsets.map((offset) =>
              h(
                'th',
                { scope: 'col', class: 'num' },
                h(
                  'abbr',
                  { title: `${offset} month${offset === 1 ? '' : 's'} after the first order` },
                  `+${offset} mo`,
                ),
              ),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((cohort) =>
            h(
              'tr',
              { dataset: { cohort: cohort.cohort } },
              h('th', { scope: 'row' }, monthYear(`${cohort.cohort}-01T00:00:00Z`)),
              h('td', { class: 'num' }, count(cohort.newCustomers)),
              offsets.map((offset) => {
                const month = cohort.months.find((item) => item.offset === offset);
                if (!month || month.share === null)
                  return h(
                    'td',
                    { class: 'num muted' },
                    h('span', { class: 'visually-hidden' }, 'not yet'),
                  );
                const cell = h(
                  'td',
                  {
                    class: 'num heat',
                    title: `${count(month.retained)} of ${count(cohort.newCustomers)}`,
                  },
                  percent(month.share, 0),
                );
                cell.style.setProperty('--heat', String(Math.min(1, month.share * 2)));
                return cell;
              }),
            ),
          ),
        ),
      ),
    ),
    partial
      ? h(
          'p',
          { class: 'muted small' },
          `The latest month counts orders up to ${date(new Date(new Date(to).getTime() - 1).toISOString())}.`,
        )
      : null,
  ];
}
