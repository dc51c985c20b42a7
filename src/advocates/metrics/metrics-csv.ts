import { CsvDate, CsvDialect, CsvValue, toCsv } from '../../common/csv/csv-writer';
import { CommunityMetricsDto, MeasuresDto, MetricsWindowDto } from '../dto/community-metrics.dto';

/** Leaves of the measures as dotted paths: reach.mentions, activity.interactions.review, … */
function leaves(measures: MeasuresDto, prefix = ''): [string, CsvValue][] {
  return Object.entries(measures).flatMap(([key, value]): [string, CsvValue][] =>
    value !== null && typeof value === 'object'
      ? leaves(value as MeasuresDto, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value as CsvValue]],
  );
}

function row(kind: string, window: MetricsWindowDto): [string, CsvValue][] {
  return [
    ['period', kind],
    ['start', CsvDate.of(window.start)],
    ['end', CsvDate.of(window.end)],
    ['previousStart', CsvDate.of(window.previousStart)],
    ['previousEnd', CsvDate.of(window.previousEnd)],
    ...leaves(window.values),
    ...leaves(window.change, 'change.'),
  ];
}

/** One row per interval, then the total; values and their change as columns. */
export function metricsCsv(metrics: CommunityMetricsDto, dialect?: CsvDialect): string {
  const rows = [
    ...metrics.intervals.map((window) => row(metrics.interval, window)),
    row('total', metrics.total),
  ];
  return toCsv(
    rows[0].map(([name]) => name),
    rows.map((cells) => cells.map(([, value]) => value)),
    dialect,
  );
}
