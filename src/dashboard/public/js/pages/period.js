// @ts-check
import { h } from '../dom.js';
import { addDays, addMonths, isoDay } from '../format.js';

/**
 * Presets and a custom from/to (to exclusive in the API, shown inclusive to people).
 * @typedef {{ from: string, to: string }} Period days, YYYY-MM-DD, `to` exclusive
 */
/** @type {{ id: string, label: string, from: (today: string) => string }[]} */
const PRESETS = [
  { id: '30d', label: 'Last 30 days', from: (today) => addDays(today, -29) },
  { id: '90d', label: 'Last 90 days', from: (today) => addDays(today, -89) },
  { id: '12m', label: 'Last 12 months', from: (today) => addMonths(today, -12) },
  { id: 'ytd', label: 'Year to date', from: (today) => `${today.slice(0, 4)}-01-01` },
];

/**
 * @param {Period} period
 * @param {(period: Period) => void} onChange
 * @param {{
 *   field: typeof import('../ui.js').field,
 *   extra?: import('../dom.js').Child,
 *   label?: string,
 * }} options
 * @returns {HTMLFormElement}
 */
export function periodForm(period, onChange, { field, extra, label }) {
  const today = isoDay(Date.now());
  const from = h('input', {
    type: 'date',
    id: 'period-from',
    value: period.from,
    max: today,
    required: true,
  });
  const to = h('input', {
    type: 'date',
    id: 'period-to',
    value: addDays(period.to, -1),
    max: today,
    required: true,
  });
  const presets = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Period presets' },
    PRESETS.map((preset) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'segment',
          'aria-pressed': String(
            preset.from(today) === period.from && period.to === addDays(today, 1),
          ),
        },
        preset.label,
      );
      button.addEventListener('click', () => {
        from.value = preset.from(today);
        to.value = today;
        for (const other of presets.querySelectorAll('button'))
          other.setAttribute('aria-pressed', String(other === button));
        submit();
      });
      return button;
    }),
  );
  const form = h(
    'form',
    { class: 'toolbar period', 'aria-label': label },
    presets,
    h(
      'div',
      { class: 'toolbar-fields' },
      field('From', from, { id: 'period-from' }),
      field('To', to, { id: 'period-to' }),
      extra ?? null,
      h('button', { type: 'submit', class: 'button button-secondary' }, 'Apply'),
    ),
  );
  function submit() {
    if (!from.value || !to.value || from.value > to.value) {
      to.setCustomValidity('The end must not be before the start.');
      to.reportValidity();
      return;
    }
    to.setCustomValidity('');
    onChange({ from: from.value, to: addDays(to.value, 1) });
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const other of presets.querySelectorAll('button'))
      other.setAttribute('aria-pressed', 'false');
    submit();
  });
  return form;
}
