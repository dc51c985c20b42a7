// @ts-check
import { h } from '../dom.js';
import { count, date, monthYear, percent } from '../format.js';
import { emptyState } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    noCustomers: 'No new customers in these months yet.',
    cohortIs: 'A cohort is the customers whose first order fell in the same month.',
    region: 'Retention of monthly cohorts',
    caption: 'Share of each monthly cohort who ordered again, by months since their first order',
    firstOrder: 'First order',
    customers: 'Customers',
    monthsAfter: '{offset} months after the first order',
    monthAfter: '1 month after the first order',
    mo: '+{offset} mo',
    notYet: 'not yet',
    ofTotal: '{retained} of {total}',
    latest: 'The latest month counts orders up to {date}.',
  },
  it: {
    noCustomers: 'Ancora nessun nuovo cliente in questi mesi.',
    cohortIs: 'Una coorte è formata dai clienti con il primo ordine nello stesso mese.',
    region: 'Fidelizzazione per coorti mensili',
    caption:
      'Quota di ogni coorte mensile che ha ordinato di nuovo, per mesi trascorsi dal primo ordine',
    firstOrder: 'Primo ordine',
    customers: 'Clienti',
    monthsAfter: '{offset} mesi dopo il primo ordine',
    monthAfter: '1 mese dopo il primo ordine',
    mo: '+{offset} m',
    notYet: 'non ancora',
    ofTotal: '{retained} su {total}',
    latest: "L'ultimo mese conta gli ordini fino al {date}.",
  },
});

/**
 * Monthly cohorts as a heat table: the share who ordered again, month by month.
 * @param {import('./overview-trend.js').Cohort[]} cohorts
 * @param {string} to the period's end, exclusive
 * @returns {import('../dom.js').Child}
 */
export function retentionTable(cohorts, to) {
  const rows = cohorts.filter((cohort) => cohort.newCustomers > 0);
  if (!rows.length) return emptyState(t('noCustomers'), t('cohortIs'));
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
        'aria-label': t('region'),
      },
      h(
        'table',
        { class: 'data cohorts' },
        h('caption', { class: 'visually-hidden' }, t('caption')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('firstOrder')),
            h('th', { scope: 'col', class: 'num' }, t('customers')),
            offsets.map((offset) =>
              h(
                'th',
                { scope: 'col', class: 'num' },
                h(
                  'abbr',
                  { title: offset === 1 ? t('monthAfter') : t('monthsAfter', { offset }) },
                  t('mo', { offset }),
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
                    h('span', { class: 'visually-hidden' }, t('notYet')),
                  );
                const cell = h(
                  'td',
                  {
                    class: 'num heat',
                    title: t('ofTotal', {
                      retained: count(month.retained),
                      total: count(cohort.newCustomers),
                    }),
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
          t('latest', { date: date(new Date(new Date(to).getTime() - 1).toISOString()) }),
        )
      : null,
  ];
}
