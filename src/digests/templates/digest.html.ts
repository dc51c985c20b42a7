import { AdvocateRow, ContentRow, Measure, MeasureGroup } from '../content/digest-content';
import { ADVOCATE_SEGMENTS, DigestSection, isAdvocateSection } from '../content/digest-sections';
import { DigestView } from './digest-view';
import { escapeHtml as e, safeHref } from './escape-html';

const ACCENT = '#4338ca';
const MUTED = '#6b7280';
const FONT = 'font-family:Helvetica,Arial,sans-serif;color:#111827';
const CELL =
  'padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px;vertical-align:top;overflow-wrap:break-word';
/** Narrow screens (most phone mail apps honour it): less padding around the card. */
const NARROW = `@media (max-width:480px){.outer{padding:4px!important}.card{padding:10px!important}.card td,.card th{padding-left:4px!important;padding-right:4px!important}}`;

/**
 * The HTML version: tables and inline styles only (what mail clients render), no scripts and
 * no remote images; bars are table cells. Every user-written string is escaped.
 */
export function renderDigestHtml(view: DigestView): string {
  const { content, strings } = view;
  const sections = content.sections.map((section) => renderSection(view, section)).join('');
  return page(
    view,
    `${header(view)}
    ${sections}
    <p style="margin:24px 0 0"><a href="${e(view.dashboardUrl())}" style="color:${ACCENT}">${e(strings.openDashboard)}</a></p>`,
  );
}

/** The one-line note for a period with nothing to report. */
export function renderEmptyNoteHtml(view: DigestView): string {
  return page(
    view,
    `${header(view)}<p style="margin:16px 0;font-size:15px">${e(view.strings.nothingToReport)}</p>`,
  );
}

function page(view: DigestView, body: string): string {
  return `<!DOCTYPE html>
<html lang="${e(view.options.language)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(view.subject())}</title><style>${NARROW}</style></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6"><tr><td class="outer" align="center" style="padding:16px">
<table role="presentation" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px"><tr><td class="card" style="padding:24px;${FONT}">
${body}
<p style="margin:24px 0 0;font-size:12px;color:${MUTED}">${e(view.strings.footer)}</p>
</td></tr></table>
</td></tr></table>
</body></html>
`;
}

function header(view: DigestView): string {
  const filters = view.filtersLine();
  return `<h1 style="margin:0 0 4px;font-size:22px;color:${ACCENT}">${e(view.strings.digest[view.options.cadence])}${view.options.name ? ` · ${e(view.options.name)}` : ''}</h1>
<p style="margin:0;font-size:13px;color:${MUTED}">${e(view.periodLine())}<br>${e(view.valuesLine())}${filters ? `<br>${e(filters)}` : ''}</p>`;
}

function renderSection(view: DigestView, section: DigestSection): string {
  const text = view.strings.sections[section];
  const segment = isAdvocateSection(section) ? ADVOCATE_SEGMENTS[section] : undefined;
  const link = segment
    ? ` <a href="${e(view.segmentUrl(segment))}" style="font-size:13px;color:${ACCENT}">→</a>`
    : '';
  const title = `<h2 style="margin:28px 0 2px;font-size:18px">${e(text.title)}${link}</h2>
<p style="margin:0 0 8px;font-size:13px;color:${MUTED}">${e(text.lead)}</p>`;
  const content = view.content;
  let body: string;
  if (section === 'community') body = community(view, content.community ?? []);
  else if (section === 'notableContent') body = notable(view, content.notableContent ?? []);
  else body = advocates(view, section, content[section] ?? []);
  return title + (body || `<p style="margin:0;font-size:14px">${e(text.none)}</p>`);
}

function community(view: DigestView, groups: MeasureGroup[]): string {
  const { strings, format } = view;
  const rows = groups
    .map(
      (group) =>
        `<tr><td colspan="4" style="padding:12px 8px 4px;font-size:13px;font-weight:bold;color:${MUTED}">${e(strings.groups[group.key])}</td></tr>` +
        group.measures
          .map(
            (measure) => `<tr>
<td style="${CELL}">${e(strings.measures[measure.key])}${trend(measure)}</td>
<td style="${CELL};text-align:right;font-weight:bold;white-space:nowrap" data-measure="${e(measure.key)}">${e(format.value(measure, measure.current))}</td>
<td style="${CELL};text-align:right;color:${MUTED};white-space:nowrap">${e(format.value(measure, measure.previous))}</td>
<td style="${CELL};text-align:right;color:${changeColor((measure.current ?? 0) - (measure.previous ?? 0))}">${e(format.change(measure, strings.newValue))}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
<tr>${[
    strings.columns.measure,
    strings.columns.thisPeriod,
    strings.columns.previousPeriod,
    strings.columns.change,
  ]
    .map(
      (label, index) =>
        `<th style="${CELL};font-size:12px;color:${MUTED};text-align:${index ? 'right' : 'left'}">${e(label)}</th>`,
    )
    .join('')}</tr>${rows}</table>`;
}

/** Two thin bars, this period over the previous one, scaled to the larger. */
function trend(measure: Measure): string {
  if (measure.kind !== 'count') return '';
  const [current, previous] = [Math.abs(measure.current ?? 0), Math.abs(measure.previous ?? 0)];
  const largest = Math.max(current, previous);
  if (largest === 0) return '';
  return `${bar(current / largest, ACCENT)}${bar(previous / largest, '#c7d2fe')}`;
}

/**
 * A bar as a block-level table under its figure: no `align` (which floats a table beside the
 * text around it), as wide as its cell up to 120 px, so that it never widens a narrow column;
 * a right-aligned one keeps to the right with an auto left margin.
 */
function bar(fraction: number, color: string, align: 'left' | 'right' = 'left'): string {
  const percent = Math.max(1, Math.round(fraction * 100));
  const rest =
    percent < 100
      ? `<td width="${100 - percent}%" style="font-size:0;line-height:0">&nbsp;</td>`
      : '';
  const side = align === 'right' ? 'margin-left:auto;' : '';
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="${side}margin-top:2px;max-width:120px"><tr><td width="${percent}%" style="background:${color};height:4px;font-size:0;line-height:0">&nbsp;</td>${rest}</tr></table>`;
}

function advocates(view: DigestView, section: DigestSection, rows: AdvocateRow[]): string {
  if (rows.length === 0) return '';
  const { strings, format } = view;
  const atRisk = section === 'atRisk';
  // At risk shows the extended value a member may take away; the other sections, advocacy.
  const figure = (row: AdvocateRow) => (atRisk ? row.extendedMinor : row.advocacyMinor);
  const growth = (row: AdvocateRow) => (atRisk ? row.changeMinor : row.advocacyChangeMinor);
  const largest = Math.max(...rows.map((row) => Math.abs(figure(row))), 1);
  const head = [
    strings.columns.member,
    atRisk ? strings.columns.extended : strings.columns.advocacy,
    strings.columns.why,
  ];
  const body = rows
    .map((row) => {
      const change = format.amountChange(growth(row));
      const third = atRisk
        ? `${e(strings.reasons[row.reason ?? 'pAlive'])} (${e(strings.columns.pAlive)} ${e(format.probability(row.pAlive))})`
        : `${row.reasons.map((reason) => e(reason)).join('<br>') || e(strings.columns.spend)}<br><span style="color:${MUTED};font-size:12px">${e(strings.columns.spend)} ${e(format.amount(row.spendMinor))}</span>`;
      return `<tr>
<td style="${CELL}"><a href="${e(view.memberUrl(row.memberId))}" style="color:${ACCENT}">${e(row.name ?? strings.unnamed)}</a></td>
<td style="${CELL};text-align:right"><strong style="white-space:nowrap">${e(format.amount(figure(row)))}</strong>${change ? `<br><span style="font-size:12px;color:${changeColor(growth(row) ?? 0)}">${e(change)}</span>` : ''}${bar(Math.abs(figure(row)) / largest, ACCENT, 'right')}</td>
<td style="${CELL};text-align:right">${third}</td></tr>`;
    })
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>${head
    .map(
      (label, index) =>
        `<th style="${CELL};font-size:12px;color:${MUTED};text-align:${index ? 'right' : 'left'}">${e(label)}</th>`,
    )
    .join('')}</tr>${body}</table>`;
}

function notable(view: DigestView, rows: ContentRow[]): string {
  if (rows.length === 0) return '';
  const { strings, format } = view;
  return rows
    .map((row) => {
      const href = safeHref(row.url);
      const author = row.memberId
        ? `<a href="${e(view.memberUrl(row.memberId))}" style="color:${ACCENT}">${e(row.author ?? strings.unnamed)}</a>`
        : e(row.author ?? strings.unnamed);
      const kind = row.kind === 'review' ? strings.review : strings.mention;
      const stars = row.rating ? ` · ${'★'.repeat(row.rating)}${'☆'.repeat(5 - row.rating)}` : '';
      const reach = `${format.count(row.reach)} ${row.kind === 'review' ? strings.views : strings.reach}`;
      const title = row.title ? `<strong>${e(row.title)}</strong><br>` : '';
      const excerpt = row.excerpt ? `<span>${e(row.excerpt)}</span><br>` : '';
      const link = href
        ? `<a href="${e(href)}" style="color:${ACCENT};font-size:12px;word-break:break-all">${e(href)}</a>`
        : '';
      return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="${CELL}">
<span style="font-size:12px;color:${MUTED}">${e(kind)} · ${e(row.platform)} · ${e(format.instant(row.at))}${e(stars)} · ${e(reach)}</span><br>
${author}<br>${title}${excerpt}${link}</td></tr></table>`;
    })
    .join('');
}

function changeColor(difference: number): string {
  if (difference > 0) return '#047857';
  if (difference < 0) return '#b91c1c';
  return MUTED;
}
