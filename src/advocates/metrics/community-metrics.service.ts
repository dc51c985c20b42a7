import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DAY_MS, parseIsoInstant, toIso } from '../../common/dates/iso-date';
import { invalidField } from '../../common/errors/domain-error';
import { CommunityMetricsDto, MetricsWindowDto } from '../dto/community-metrics.dto';
import { CommunityMetricsQuery } from '../dto/community-metrics.query';
import { cohortRetention } from './cohort-retention';
import { CommunityData, difference, measure } from './community-measures';
import { CommunityDataLoader } from './community-data.loader';
import { Window, countIntervals, intervalStart, previousWindow, splitPeriod } from './intervals';

export const MAX_INTERVALS = 1000;
const DEFAULT_DAYS = 30;

/** The community measures per interval and in total, each against the window before it. */
@Injectable()
export class CommunityMetricsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async metrics(query: CommunityMetricsQuery, now = Date.now()): Promise<CommunityMetricsDto> {
    const interval = query.interval ?? 'day';
    const to =
      query.to === undefined ? intervalStart(now, 'day') + DAY_MS : parseIsoInstant(query.to)!;
    const from =
      query.from === undefined ? to - DEFAULT_DAYS * DAY_MS : parseIsoInstant(query.from)!;
    if (from >= to) throw invalidField('from', 'must lie before to', 'periodOrder');
    if (countIntervals(from, to, interval) > MAX_INTERVALS)
      throw invalidField(
        'interval',
        `gives more than ${MAX_INTERVALS} intervals for this period; choose a longer interval or a shorter period`,
        'tooManyIntervals',
      );
    const total = { start: from, end: to };
    const totalPrevious = { start: from - (to - from), end: from };
    const intervals = splitPeriod(from, to, interval).map((window) => ({
      window,
      previous: previousWindow(window, interval),
    }));
    const earliest = Math.min(
      totalPrevious.start,
      intervalStart(from, 'month'),
      ...intervals.map(({ previous }) => previous.start),
    );
    const data = await new CommunityDataLoader(this.dataSource).load(earliest, to);
    return {
      from: toIso(from)!,
      to: toIso(to)!,
      interval,
      total: windowDto(data, total, totalPrevious),
      intervals: intervals.map(({ window, previous }) => windowDto(data, window, previous)),
      retention: cohortRetention(
        data.firstOrders,
        data.activities.filter((activity) => activity.type === 'purchase'),
        from,
        to,
      ),
    };
  }
}

function windowDto(data: CommunityData, window: Window, previous: Window): MetricsWindowDto {
  const values = measure(data, window);
  const before = measure(data, previous);
  return {
    start: toIso(window.start)!,
    end: toIso(window.end)!,
    previousStart: toIso(previous.start)!,
    previousEnd: toIso(previous.end)!,
    values,
    previous: before,
    change: difference(values, before),
  };
}
