// @ts-check
import { h } from '../dom.js';
import { addDays, addMonths, isoDay } from '../format.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    last30: 'Last 30 days',
    last90: 'Last 90 days',
    last12m: 'Last 12 months',
    ytd: 'Year to date',
    presets: 'Period presets',
    from: 'From',
    to: 'To',
    apply: 'Apply',
    endBeforeStart: 'The end must not be before the start.',
  },
  it: {
    last30: 'Ultimi 30 giorni',
    last90: 'Ultimi 90 giorni',
    last12m: 'Ultimi 12 mesi',
    ytd: 'Da inizio anno',
    presets: 'Periodi predefiniti',
    from: 'Dal',
    to: 'Al',
    apply: 'Applica',
    endBeforeStart: "La fine non può precedere l'inizio.",
  },
});

/**
 * Presets and a custom from/to (to exclusive in the API, shown inclusive to people).
 * @typedef {{ from: string, to: string }} Period days, YYYY-MM-DD, `to` exclusive
 */
/** @type {{ id: string, label: 'last30' | 'last90' | 'last12m' | 'ytd', from: (today: string) => string }[]} */
const PRESETS = [
  { id: '30d', label: 'last30', from: (today) => addDays(today, -29) },
  { id: '90d', label: 'last90', from: (today) => addDays(today, -89) },
  { id: '12m', label: 'last12m', from: (today) => addMonths(today, -12) },
  { id: 'ytd', label: 'ytd', from: (today) => `${today.slice(0, 4)}-01-01` },
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
    { class: 'segmented', role: 'group', 'aria-label': t('presets') },
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
        t(preset.label),
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
      field(t('from'), from, { id: 'period-from' }),
      field(t('to'), to, { id: 'period-to' }),
      extra ?? null,
      h('button', { type: 'submit', class: 'button button-secondary' }, t('apply')),
    ),
  );
  function submit() {
    if (!from.value || !to.value || from.value > to.value) {
      to.setCustomValidity(t('endBeforeStart'));
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
