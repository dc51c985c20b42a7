// @ts-check
import { h, s } from './dom.js';
import { messages } from './i18n.js';

export const t = messages({
  en: {
    latest: '{label}, latest {value}',
    noData: 'No data in this period.',
    showNumbers: 'Show the numbers',
  },
  it: {
    latest: '{label}, ultimo valore {value}',
    noData: 'Nessun dato in questo periodo.',
    showNumbers: 'Mostra i numeri',
  },
});

/**
 * @typedef {import('./dom.js').Child} Child
 * @typedef {{ name: string, color: string, values: (number | null)[], dashed?: boolean }} Series
 * @typedef {{ low: number, high: number, marks: number[] }} Scale
 * @typedef {[x: number, y: number]} Point
 */

/** Charts drawn as SVG at the width they get, redrawn when that width changes. */
/** @type {Set<ResizeObserver>} */
const observers = new Set();

export function disconnectCharts() {
  for (const observer of observers) observer.disconnect();
  observers.clear();
}

/**
 * @param {string} className
 * @param {(width: number) => Child[]} draw
 * @returns {HTMLElement}
 */
function responsive(className, draw) {
  const figure = h('figure', { class: className });
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(figure.clientWidth);
    if (!width || Math.abs(width - lastWidth) < 4) return;
    lastWidth = width;
    figure.replaceChildren(.../** @type {(Node | string)[]} */ (draw(width).filter(Boolean)));
  });
  observer.observe(figure);
  observers.add(observer);
  return figure;
}

/**
 * A round step (1, 2, 2.5 or 5 times a power of ten) that cuts `range` into about `ticks` parts.
 * @param {number} range
 * @param {number} ticks
 * @returns {number}
 */
export function niceStep(range, ticks) {
  const rough = range / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (
    (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power
  );
}

/**
 * A value axis from zero (or below, for negative values) to a round step past the largest value;
 * marks are the grid lines, rounded so that 0.1 + 0.2 shows as 0.3.
 * @param {number[]} values non-finite values are ignored
 * @param {number} [ticks]
 * @param {boolean} [integer] whole steps only, for counts
 * @returns {Scale}
 */
export function scaleFor(values, ticks = 4, integer = false) {
  const finite = values.filter((value) => Number.isFinite(value));
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (high === low) high = low + 1;
  const step = integer
    ? Math.max(1, Math.ceil(niceStep(high - low, ticks)))
    : niceStep(high - low, ticks);
  low = Math.floor(low / step) * step;
  high = Math.ceil(high / step) * step;
  const marks = [];
  for (let mark = low; mark <= high + step / 2; mark += step)
    marks.push(Number(mark.toPrecision(12)));
  return { low, high, marks };
}

/**
 * Every `every`-th label and the last one, dropping a label that would touch the last.
 * @param {number} count
 * @param {number} every
 * @param {(index: number) => number} position
 * @returns {number[]}
 */
export function tickIndexes(count, every, position) {
  /** @type {number[]} */
  const chosen = [];
  for (let index = 0; index < count; index += every) chosen.push(index);
  const last = count - 1;
  const previous = chosen.at(-1);
  if (previous !== last) {
    if (chosen.length > 1 && position(last) - position(/** @type {number} */ (previous)) < 70)
      chosen.pop();
    chosen.push(last);
  }
  return chosen;
}

/**
 * How many periods a label stands for, so that labels are at least 84 pixels apart.
 * @param {number} count
 * @param {number} plotWidth
 * @returns {number}
 */
export function labelEvery(count, plotWidth) {
  return Math.max(1, Math.ceil(count / Math.max(2, Math.floor(plotWidth / 84))));
}

/**
 * The x of each period: spread from `left` across `plotWidth`, a single period in the middle.
 * @param {number} count
 * @param {number} left
 * @param {number} plotWidth
 * @returns {(index: number) => number}
 */
export function periodScale(count, left, plotWidth) {
  return (index) => left + (count === 1 ? plotWidth / 2 : (index / (count - 1)) * plotWidth);
}

/**
 * The y of a value: `low` at the bottom of the plot, `high` at its top (SVG y grows downwards).
 * @param {number} low
 * @param {number} high
 * @param {number} top
 * @param {number} plotHeight
 * @returns {(value: number) => number}
 */
export function valueScale(low, high, top, plotHeight) {
  return (value) => top + plotHeight - ((value - low) / (high - low)) * plotHeight;
}

/**
 * An SVG path through the points, to one decimal; a missing point breaks the line.
 * @param {(Point | null)[]} points
 * @returns {string}
 */
export function linePath(points) {
  return points.reduce((d, point, index) => {
    if (!point) return d;
    const previous = points[index - 1];
    return `${d}${previous ? 'L' : 'M'}${point[0].toFixed(1)},${point[1].toFixed(1)}`;
  }, '');
}

/**
 * The line's path closed down to `baseline` under its last and first points, to be filled.
 * @param {string} path
 * @param {Point[]} defined the points that are there, at least one
 * @param {number} baseline
 * @returns {string}
 */
export function areaPath(path, defined, baseline) {
  const first = defined[0];
  const last = defined[defined.length - 1];
  return `${path}L${last[0]},${baseline}L${first[0]},${baseline}Z`;
}

/**
 * A sparkline's path: its own range top to bottom, 2 pixels in at the sides and 4 at top and
 * bottom; a missing value is skipped (the line joins its neighbours). Empty under two values.
 * @param {(number | null)[]} values
 * @param {number} width
 * @param {number} height
 * @returns {string}
 */
export function sparklinePath(values, width, height) {
  const finite = /** @type {number[]} */ (
    values.filter((value) => value !== null && Number.isFinite(value))
  );
  if (finite.length < 2) return '';
  const low = Math.min(...finite);
  const high = Math.max(...finite) === low ? low + 1 : Math.max(...finite);
  /** @param {number} index */
  const x = (index) => 2 + (index / (values.length - 1)) * (width - 4);
  /** @param {number} value */
  const y = (value) => 4 + (1 - (value - low) / (high - low)) * (height - 8);
  return values.reduce(
    (path, value, index) =>
      value === null
        ? path
        : `${path}${path ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`,
    '',
  );
}

/**
 * Each value's bar length in percent of the largest magnitude (negative bars by their size).
 * @param {(number | null | undefined)[]} values
 * @returns {number[]}
 */
export function barShares(values) {
  const largest = Math.max(0, ...values.map((value) => Math.abs(value ?? 0)));
  return values.map((value) => (largest ? (Math.abs(value ?? 0) / largest) * 100 : 0));
}

/**
 * The positive parts and their share of their sum in percent; zero and negative parts are left out.
 * @template {{ value: number }} Part
 * @param {Part[]} parts
 * @returns {{ part: Part, share: number }[]}
 */
export function stackedShares(parts) {
  const positive = parts.filter((part) => part.value > 0);
  const total = positive.reduce((sum, part) => sum + part.value, 0);
  return total > 0 ? positive.map((part) => ({ part, share: (part.value / total) * 100 })) : [];
}

/**
 * A line chart over regular periods. series: [{name, color, values:[number|null], dashed}],
 * labels: one per period; format: value → text.
 * @param {{
 *   labels: string[],
 *   series: Series[],
 *   format?: (value: number) => string,
 *   label: string,
 *   height?: number,
 *   integer?: boolean,
 *   partialLast?: string,
 * }} options partialLast: the last period is not over yet (today, this month); its segment is
 *   drawn dashed with a hollow point and this note says so, so a partial bucket never reads
 *   as a dive
 * @returns {HTMLElement}
 */
export function lineChart({
  labels,
  series,
  format = String,
  label,
  height = 220,
  integer = false,
  partialLast,
}) {
  const all = /** @type {number[]} */ (
    series.flatMap((line) => line.values).filter((value) => value !== null)
  );
  const latest = series[0]?.values.at(-1);
  const summary =
    latest === undefined || latest === null ? label : t('latest', { label, value: format(latest) });
  return responsive('chart', (width) => {
    if (!labels.length || !all.length) return [h('p', { class: 'empty' }, t('noData'))];
    const pad = { left: 64, right: 16, top: 14, bottom: 30 };
    const plotWidth = width - pad.left - pad.right;
    const plotHeight = height - pad.top - pad.bottom;
    const { low, high, marks } = scaleFor(all, 4, integer);
    const x = periodScale(labels.length, pad.left, plotWidth);
    const y = valueScale(low, high, pad.top, plotHeight);
    const grid = marks.map((mark) =>
      s(
        'g',
        { class: 'grid' },
        s('line', { x1: pad.left, x2: width - pad.right, y1: y(mark), y2: y(mark) }),
        s('text', { x: pad.left - 8, y: y(mark) + 4, 'text-anchor': 'end' }, format(mark)),
      ),
    );
    const every = labelEvery(labels.length, plotWidth);
    const ticks = tickIndexes(labels.length, every, (index) => x(index)).map((index) =>
      s(
        'text',
        {
          class: 'tick',
          x: x(index),
          y: height - 8,
          'text-anchor': index === 0 ? 'start' : index === labels.length - 1 ? 'end' : 'middle',
        },
        labels[index],
      ),
    );
    const lines = series.map((line) => {
      const points = line.values.map((value, index) =>
        value === null ? null : /** @type {Point} */ ([x(index), y(value)]),
      );
      const partial = Boolean(partialLast) && points.length > 1;
      const path = linePath(partial ? points.slice(0, -1) : points);
      const tail = partial ? linePath(points.slice(-2)) : '';
      const defined = /** @type {Point[]} */ (
        (partial ? points.slice(0, -1) : points).filter(Boolean)
      );
      const area =
        !line.dashed && defined.length > 1
          ? s('path', {
              class: 'area',
              fill: line.color,
              d: areaPath(path, defined, y(Math.max(low, 0))),
            })
          : null;
      const dots =
        defined.length <= 60
          ? line.values.map((value, index) =>
              value === null
                ? null
                : s(
                    'circle',
                    {
                      cx: x(index),
                      cy: y(value),
                      r: line.dashed ? 2 : 3.5,
                      fill:
                        line.dashed || (partial && index === line.values.length - 1)
                          ? '#fff'
                          : line.color,
                      stroke: line.color,
                      'stroke-width': 1.5,
                    },
                    s(
                      'title',
                      {},
                      `${line.name}, ${labels[index]}: ${format(value)}${
                        partial && index === line.values.length - 1 ? ` (${partialLast})` : ''
                      }`,
                    ),
                  ),
            )
          : [];
      return s(
        'g',
        { class: line.dashed ? 'series dashed' : 'series' },
        area,
        s('path', { class: 'line', d: path, stroke: line.color }),
        tail ? s('path', { class: 'line partial', d: tail, stroke: line.color }) : null,
        dots,
      );
    });
    return [
      s(
        'svg',
        { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': summary },
        grid,
        ticks,
        lines,
      ),
      partialLast ? h('p', { class: 'chart-note' }, partialLast) : null,
      series.length > 1
        ? h(
            'figcaption',
            { class: 'legend' },
            series.map((line) =>
              h(
                'span',
                { class: line.dashed ? 'key dashed' : 'key' },
                h('i', { style: { background: line.color, borderColor: line.color } }),
                line.name,
              ),
            ),
          )
        : null,
    ];
  });
}

/**
 * A tiny trend line for a KPI card.
 * @param {(number | null)[]} values
 * @param {{ color?: string, label: string }} options
 * @returns {HTMLElement}
 */
export function sparkline(values, { color = '#4f46e5', label }) {
  return responsive('sparkline', (width) => {
    const height = 40;
    const d = sparklinePath(values, width, height);
    if (!d) return [];
    return [
      s(
        'svg',
        { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label },
        s('path', {
          d,
          fill: 'none',
          stroke: color,
          'stroke-width': 2,
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
        }),
      ),
    ];
  });
}

/**
 * @typedef {{
 *   label: Child,
 *   value: number | null,
 *   display: Child,
 *   color?: string,
 *   hint?: Child,
 *   swatch?: boolean,
 *   dataset?: Record<string, unknown>,
 * }} BarRow
 */

/**
 * Horizontal bars in HTML: rows [{label, value, display, color, hint}] scaled to the largest.
 * @param {BarRow[]} rows
 * @param {{ label?: string }} [options]
 * @returns {HTMLUListElement}
 */
export function barList(rows, { label } = {}) {
  const shares = barShares(rows.map((row) => row.value));
  return h(
    'ul',
    { class: 'bar-list', 'aria-label': label },
    rows.map((row, index) => {
      const share = shares[index];
      const negative = row.value !== null && row.value < 0;
      return h(
        'li',
        { class: 'bar-row', dataset: row.dataset },
        h(
          'span',
          { class: 'bar-label' },
          row.swatch ? h('i', { class: 'swatch', style: { background: row.color } }) : null,
          row.label,
        ),
        h(
          'span',
          { class: 'bar-track', 'aria-hidden': 'true' },
          h('span', {
            class: negative ? 'bar-fill negative' : 'bar-fill',
            style: { width: `${share.toFixed(2)}%`, background: negative ? '' : row.color },
          }),
        ),
        h('span', { class: 'bar-value' }, row.display),
        row.hint ? h('span', { class: 'bar-hint' }, row.hint) : null,
      );
    }),
  );
}

/**
 * One bar split into the positive parts of a whole.
 * @param {{ label: string, value: number, display: string, color: string }[]} parts
 * @param {{ label: string }} options
 * @returns {HTMLDivElement}
 */
export function stackedBar(parts, { label }) {
  const shares = stackedShares(parts);
  return h(
    'div',
    { class: 'stacked', role: 'img', 'aria-label': label },
    shares.length
      ? shares.map(({ part, share }) =>
          h('span', {
            class: 'stacked-part',
            title: `${part.label}: ${part.display}`,
            style: { width: `${share.toFixed(3)}%`, background: part.color },
          }),
        )
      : h('span', { class: 'stacked-empty' }),
  );
}

/**
 * The numbers behind a chart, for screen readers and for people who like tables.
 * @param {string} caption
 * @param {Child[]} columns
 * @param {Child[][]} rows the first cell of a row heads it
 * @returns {HTMLDetailsElement}
 */
export function dataTable(caption, columns, rows) {
  return h(
    'details',
    { class: 'data-table' },
    h('summary', {}, t('showNumbers')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
      h(
        'table',
        {},
        h('caption', { class: 'visually-hidden' }, caption),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            columns.map((column) => h('th', { scope: 'col' }, column)),
          ),
        ),
        h(
          'tbody',
          {},
          rows.map((row) =>
            h(
              'tr',
              {},
              row.map((cell, index) =>
                index === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: 'num' }, cell),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
