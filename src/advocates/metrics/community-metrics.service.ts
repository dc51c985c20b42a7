import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseIsoInstant, toIso } from '../../common/dates/iso-date';
import { invalidField } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { VersionedCache } from '../../database/read-cache/versioned-cache';
import { normalizePlatform } from '../../members/normalize';
import { CommunityMetricsDto, MetricsWindowDto } from '../dto/community-metrics.dto';
import { CommunityMetricsQuery } from '../dto/community-metrics.query';
import { cohortRetentionOfBuyers, monthStarts } from './cohort-retention';
import { CommunityCountsLoader, MeasureFilters } from './community-counts.loader';
import { Measures, difference } from './community-measures';
import {
  Interval,
  Window,
  countIntervals,
  nextIntervalStart,
  previousWindow,
  shiftDays,
  splitPeriod,
} from './intervals';
import { measureSegments } from './segment-measures';
import { segmentWindows } from './window-segments';

export const MAX_INTERVALS = 1000;
const DEFAULT_DAYS = 30;

/** Filters as a caller gives them; the platform is normalised here, as the ranking does. */
export interface CommunityFilters {
  tag?: string;
  platform?: string;
}

/** The community measures per interval and in total, each against the window before it. */
@Injectable()
export class CommunityMetricsService {
  /** Answers given again until anything is written (a dashboard asks the same again). */
  private readonly answers: VersionedCache<CommunityMetricsDto>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {
    this.answers = new VersionedCache(dataSource);
  }

  /** Days, weeks and months are those of the brand's time zone (`brand.timezone`). */
  async metrics(query: CommunityMetricsQuery, now = Date.now()): Promise<CommunityMetricsDto> {
    const interval = query.interval ?? 'day';
    const zone = this.settings.brand.timezone;
    const to =
      query.to === undefined ? nextIntervalStart(now, 'day', zone) : parseIsoInstant(query.to)!;
    const from =
      query.from === undefined ? shiftDays(to, -DEFAULT_DAYS, zone) : parseIsoInstant(query.from)!;
    if (from >= to) throw invalidField('from', 'must lie before to', 'periodOrder');
    if (countIntervals(from, to, interval, zone) > MAX_INTERVALS)
      throw invalidField(
        'interval',
        `gives more than ${MAX_INTERVALS} intervals for this period; choose a longer interval or a shorter period`,
        'tooManyIntervals',
      );
    const filters = measureFilters(query);
    // Everything the answer depends on besides the data, whose version the cache checks.
    const key = JSON.stringify([from, to, interval, zone, filters.tag, filters.platform]);
    return this.answers.get(key, () => this.compute(from, to, interval, filters));
  }

  private async compute(
    from: number,
    to: number,
    interval: Interval,
    filters: MeasureFilters,
  ): Promise<CommunityMetricsDto> {
    const zone = this.settings.brand.timezone;
    const total = { start: from, end: to };
    const intervals = splitPeriod(from, to, interval, zone);
    // Pairs of (window, the window it is compared with): the total first, then each interval.
    const pairs: [Window, Window][] = [
      [total, { start: from - (to - from), end: from }],
      ...intervals.map((window): [Window, Window] => [
        window,
        previousWindow(window, interval, zone),
      ]),
    ];
    const segmentation = segmentWindows(pairs.flat(), monthStarts(from, to, zone));
    const counts = await new CommunityCountsLoader(this.dataSource).load(segmentation, filters);
    const measures = measureSegments(counts, segmentation);
    const windows = pairs.map(([window, previous], index) =>
      windowDto(window, previous, measures[2 * index], measures[2 * index + 1]),
    );
    return {
      from: toIso(from)!,
      to: toIso(to)!,
      interval,
      tag: filters.tag ?? null,
      platform: filters.platform ?? null,
      total: windows[0],
      intervals: windows.slice(1),
      retention: cohortRetentionOfBuyers(counts.buyers, segmentation.boundaries, from, to, zone),
    };
  }

  /**
   * The measures of any [start, end) against a previous window (by default the same length
   * just before it), for other modules: the same definitions and SQL as the endpoint.
   */
  async measureWindow(
    window: Window,
    options: CommunityFilters & { previous?: Window } = {},
  ): Promise<MetricsWindowDto> {
    const previous = options.previous ?? {
      start: window.start - (window.end - window.start),
      end: window.start,
    };
    if (!(window.start < window.end && previous.start < previous.end))
      throw new Error('measureWindow needs windows with start before end');
    const segmentation = segmentWindows([window, previous]);
    const counts = await new CommunityCountsLoader(this.dataSource).load(
      segmentation,
      measureFilters(options),
    );
    const [values, before] = measureSegments(counts, segmentation);
    return windowDto(window, previous, values, before);
  }
}

function measureFilters(filters: CommunityFilters): MeasureFilters {
  return {
    tag: filters.tag,
    platform: filters.platform === undefined ? undefined : normalizePlatform(filters.platform),
  };
}

function windowDto(
  window: Window,
  previous: Window,
  values: Measures,
  before: Measures,
): MetricsWindowDto {
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
