import { get } from '../api.js';
import { h } from '../dom.js';
import { addDays, isoDay } from '../format.js';
import { errorState, field, loading, pageHeader } from '../ui.js';
import { measureCards } from './overview-measures.js';
import { periodForm } from './period.js';

const INTERVALS = ['auto', 'day', 'week', 'month'];

function autoInterval(from, to) {
  const days = (new Date(to) - new Date(from)) / 86_400_000;
  return days <= 31 ? 'day' : days <= 200 ? 'week' : 'month';
}

export async function render(container, { params, session }) {
  const today = isoDay(Date.now());
  const period = {
    from: params.get('from') ?? addDays(today, -89),
    to: params.get('to') ?? addDays(today, 1),
  };
  let interval = INTERVALS.includes(params.get('interval')) ? params.get('interval') : 'auto';
  const results = h('div', { class: 'stack', id: 'measures' });
  const intervalSelect = h(
    'select',
    { id: 'period-interval' },
    INTERVALS.map((value) =>
      h(
        'option',
        { value, selected: value === interval },
        value === 'auto' ? 'Automatic' : `By ${value}`,
      ),
    ),
  );
  const load = async (next) => {
    Object.assign(period, next);
    interval = intervalSelect.value;
    const chosen = interval === 'auto' ? autoInterval(period.from, period.to) : interval;
    window.history.replaceState(
      null,
      '',
      `#/overview?from=${period.from}&to=${period.to}${interval === 'auto' ? '' : `&interval=${interval}`}`,
    );
    results.replaceChildren(loading('Loading the community measures'));
    try {
      const metrics = await get('/api/v1/metrics/community', {
        from: period.from,
        to: period.to,
        interval: chosen,
      });
      results.replaceChildren(
        ...measureCards(metrics, { currency: session.baseCurrency ?? 'EUR', interval: chosen }),
      );
    } catch (error) {
      results.replaceChildren(errorState(error, 'the community measures'));
    }
  };
  container.append(
    pageHeader('Community overview', {
      subtitle:
        'Reach, new customers the community brought, activity and purchase behaviour, each against the period before.',
    }),
    periodForm(period, (next) => void load(next), {
      field,
      extra: field('Trend by', intervalSelect, { id: 'period-interval' }),
    }),
    results,
  );
  await load(period);
}
