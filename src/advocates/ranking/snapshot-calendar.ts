import { DataSource } from 'typeorm';
import { rawQuery } from '../../database/sql';

const DAY_MS = 86_400_000;
const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * Which snapshot dates a ranking reads. Snapshots are keyed by asOf date, one run per date, so
 * "the latest snapshot at or before t" of a member is its latest with as_of_date ≤ the cutoff.
 */
export class SnapshotCalendar {
  constructor(private readonly dataSource: DataSource) {}

  /** The current snapshots' date: the latest asOf date. */
  async latestDate(): Promise<string | null> {
    const [row] = await rawQuery(
      this.dataSource,
      'SELECT MAX(as_of_date) AS latest FROM value_snapshots',
    );
    return row?.stringOrNull('latest') || null;
  }

  /**
   * The latest date whose snapshots were taken at or before the instant, or null when none
   * was: the cutoff for "the latest snapshot at or before" it.
   */
  async cutoffDate(instant: number): Promise<string | null> {
    let date = isoDate(instant);
    const [sameDay] = await rawQuery(
      this.dataSource,
      'SELECT as_of FROM value_snapshots WHERE as_of_date = :date LIMIT 1',
      { date },
    );
    if (sameDay && sameDay.instant('as_of') > instant) date = isoDate(instant - DAY_MS);
    const [row] = await rawQuery(
      this.dataSource,
      'SELECT MAX(as_of_date) AS cutoff FROM value_snapshots WHERE as_of_date <= :date',
      { date },
    );
    return row?.stringOrNull('cutoff') || null;
  }
}
