import { AdvocateRow, ContentRow, MeasureGroup } from '../content/digest-content';
import { DigestSection } from '../content/digest-sections';
import { DigestView } from './digest-view';

/** The plain-text version: the same content as the HTML, one line per row. */
export function renderDigestText(view: DigestView): string {
  const { content, strings } = view;
  const blocks = [header(view)];
  for (const section of content.sections) {
    const text = strings.sections[section];
    const lines = sectionLines(view, section);
    blocks.push(
      [underline(text.title), text.lead, '', ...(lines.length ? lines : [text.none])].join('\n'),
    );
  }
  blocks.push(`${strings.openDashboard}: ${view.dashboardUrl()}\n\n-- \n${strings.footer}`);
  return `${blocks.join('\n\n')}\n`;
}

export function renderEmptyNoteText(view: DigestView): string {
  return `${header(view)}\n\n${view.strings.nothingToReport}\n`;
}

function header(view: DigestView): string {
  const title = `${view.strings.digest[view.options.cadence]}${view.options.name ? ` · ${view.options.name}` : ''}`;
  return [underline(title, '='), view.periodLine(), view.valuesLine(), view.filtersLine()]
    .filter((line) => line !== null)
    .join('\n');
}

function sectionLines(view: DigestView, section: DigestSection): string[] {
  const content = view.content;
  if (section === 'community') return community(view, content.community ?? []);
  if (section === 'notableContent') return notable(view, content.notableContent ?? []);
  return advocates(view, section, content[section] ?? []);
}

function community(view: DigestView, groups: MeasureGroup[]): string[] {
  const { strings, format } = view;
  return groups.flatMap((group) => [
    `${strings.groups[group.key]}:`,
    ...group.measures.map(
      (measure) =>
        `  ${strings.measures[measure.key]}: ${format.value(measure, measure.current)} (${strings.columns.previousPeriod.toLowerCase()} ${format.value(measure, measure.previous)}, ${format.change(measure, strings.newValue)})`,
    ),
  ]);
}

function advocates(view: DigestView, section: DigestSection, rows: AdvocateRow[]): string[] {
  const { strings, format } = view;
  return rows.map((row, index) => {
    const atRisk = section === 'atRisk';
    const change = format.amountChange(atRisk ? row.changeMinor : row.advocacyChangeMinor);
    const figure = atRisk
      ? format.amount(row.extendedMinor)
      : `${strings.columns.advocacy} ${format.amount(row.advocacyMinor)}`;
    const detail = atRisk
      ? `${strings.reasons[row.reason ?? 'pAlive']}, ${strings.columns.pAlive} ${format.probability(row.pAlive)}`
      : [...row.reasons, `${strings.columns.spend} ${format.amount(row.spendMinor)}`].join('; ');
    return `${index + 1}. ${row.name ?? strings.unnamed}: ${figure}${change ? ` (${change})` : ''}; ${detail}\n   ${view.memberUrl(row.memberId)}`;
  });
}

function notable(view: DigestView, rows: ContentRow[]): string[] {
  const { strings, format } = view;
  return rows.map((row) => {
    const kind = row.kind === 'review' ? strings.review : strings.mention;
    const reach = `${format.count(row.reach)} ${row.kind === 'review' ? strings.views : strings.reach}`;
    const stars = row.rating ? `, ${row.rating}/5` : '';
    const lines = [
      `- ${kind} (${row.platform}, ${format.instant(row.at)}${stars}, ${reach}): ${row.author ?? strings.unnamed}`,
    ];
    if (row.title) lines.push(`  ${row.title}`);
    if (row.excerpt) lines.push(`  "${row.excerpt}"`);
    if (row.url) lines.push(`  ${row.url}`);
    return lines.join('\n');
  });
}

function underline(title: string, character = '-'): string {
  return `${title}\n${character.repeat(Math.min(title.length, 72))}`;
}
