import { h, s } from './dom.js';

/** Charts drawn as SVG at the width they get, redrawn when that width changes. */
const observers = new Set();

export function disconnectCharts() {
  for (const observer of observers) observer.disconnect();
  observers.clear();
}

function responsive(className, draw) {
  const figure = h('figure', { class: className });
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(figure.clientWidth);
    if (!width || Math.abs(width - lastWidth) < 4) return;
    lastWidth = width;
    figure.replaceChildren(...draw(width).filter(Boolean));
  });
  observer.observe(figure);
  observers.add(observer);
  return figure;
}

function niceStep(range, ticks) {
  const rough = range / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (
    (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10) * power
  );
}

function scaleFor(values, ticks = 4, integer = false) {
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

/** Every `every`-th label and the last one, dropping a label that would touch the last. */
function tickIndexes(count, every, position) {
  const chosen = [];
  for (let index = 0; index < count; index += every) chosen.push(index);
  const last = count - 1;
  if (chosen.at(-1) !== last) {
    if (chosen.length > 1 && position(last) - position(chosen.at(-1)) < 70) chosen.pop();
    chosen.push(last);
  }
  return chosen;
}

/**
 * A line chart over regular periods. series: [{name, color, values:[number|null], dashed}],
 * labels: one per period; format: value → text.
 */
export function lineChart({
  labels,
  series,
  format = String,
  label,
  height = 220,
  integer = false,
}) {
  const all = series.flatMap((line) => line.values).filter((value) => value !== null);
  const latest = series[0]?.values.at(-1);
  const summary = `${label}${latest === undefined || latest === null ? '' : `, latest ${format(latest)}`}`;
  return responsive('chart', (width) => {
    if (!labels.length || !all.length)
      return [h('p', { class: 'empty' }, 'No data in this period.')];
    const pad = { left: 64, right: 16, top: 14, bottom: 30 };
    const plotWidth = width - pad.left - pad.right;
    const plotHeight = height - pad.top - pad.bottom;
    const { low, high, marks } = scaleFor(all, 4, integer);
    const x = (index) =>
      pad.left + (labels.length === 1 ? plotWidth / 2 : (index / (labels.length - 1)) * plotWidth);
    const y = (value) => pad.top + plotHeight - ((value - low) / (high - low)) * plotHeight;
    const grid = marks.map((mark) =>
      s(
        'g',
        { class: 'grid' },
        s('line', { x1: pad.left, x2: width - pad.right, y1: y(mark), y2: y(mark) }),
        s('text', { x: pad.left - 8, y: y(mark) + 4, 'text-anchor': 'end' }, format(mark)),
      ),
    );
    const every = Math.max(1, Math.ceil(labels.length / Math.max(2, Math.floor(plotWidth / 84))));
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
        value === null ? null : [x(index), y(value)],
      );
      const path = points.reduce((d, point, index) => {
        if (!point) return d;
        const previous = points[index - 1];
        return `${d}${previous ? 'L' : 'M'}${point[0].toFixed(1)},${point[1].toFixed(1)}`;
      }, '');
      const defined = points.filter(Boolean);
      const area =
        !line.dashed && defined.length > 1
          ? s('path', {
              class: 'area',
              fill: line.color,
              d: `${path}L${defined.at(-1)[0]},${y(Math.max(low, 0))}L${defined[0][0]},${y(Math.max(low, 0))}Z`,
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
                      fill: line.dashed ? '#fff' : line.color,
                      stroke: line.color,
                      'stroke-width': 1.5,
                    },
                    s('title', {}, `${line.name}, ${labels[index]}: ${format(value)}`),
                  ),
            )
          : [];
      return s(
        'g',
        { class: line.dashed ? 'series dashed' : 'series' },
        area,
        s('path', { class: 'line', d: path, stroke: line.color }),
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

/** A tiny trend line for a KPI card. */
export function sparkline(values, { color = '#4f46e5', label }) {
  return responsive('sparkline', (width) => {
    const height = 40;
    const finite = values.filter((value) => value !== null && Number.isFinite(value));
    if (finite.length < 2) return [];
    const low = Math.min(...finite);
    const high = Math.max(...finite) === low ? low + 1 : Math.max(...finite);
    const x = (index) => 2 + (index / (values.length - 1)) * (width - 4);
    const y = (value) => 4 + (1 - (value - low) / (high - low)) * (height - 8);
    const d = values.reduce(
      (path, value, index) =>
        value === null
          ? path
          : `${path}${path ? 'L' : 'M'}${x(index).toFixed(1)},${y(value).toFixed(1)}`,
      '',
    );
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

/** Horizontal bars in HTML: rows [{label, value, display, color, hint}] scaled to the largest. */
export function barList(rows, { label } = {}) {
  const largest = Math.max(0, ...rows.map((row) => Math.abs(row.value ?? 0)));
  return h(
    'ul',
    { class: 'bar-list', 'aria-label': label },
    rows.map((row) => {
      const share = largest ? (Math.abs(row.value ?? 0) / largest) * 100 : 0;
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
            class: row.value < 0 ? 'bar-fill negative' : 'bar-fill',
            style: { width: `${share.toFixed(2)}%`, background: row.value < 0 ? '' : row.color },
          }),
        ),
        h('span', { class: 'bar-value' }, row.display),
        row.hint ? h('span', { class: 'bar-hint' }, row.hint) : null,
      );
    }),
  );
}

/** One bar split into the positive parts of a whole. */
export function stackedBar(parts, { label }) {
  const positive = parts.filter((part) => part.value > 0);
  const total = positive.reduce((sum, part) => sum + part.value, 0);
  return h(
    'div',
    { class: 'stacked', role: 'img', 'aria-label': label },
    total > 0
      ? positive.map((part) =>
          h('span', {
            class: 'stacked-part',
            title: `${part.label}: ${part.display}`,
            style: { width: `${((part.value / total) * 100).toFixed(3)}%`, background: part.color },
          }),
        )
      : h('span', { class: 'stacked-empty' }),
  );
}

/** The numbers behind a chart, for screen readers and for people who like tables. */
export function dataTable(caption, columns, rows) {
  return h(
    'details',
    { class: 'data-table' },
    h('summary', {}, 'Show the numbers'),
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
