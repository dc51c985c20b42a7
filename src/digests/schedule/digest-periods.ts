import { CronTime } from 'cron';
import { DateTime } from 'luxon';
import { DigestPeriod, DigestSchedule, WEEKDAYS } from './digest-schedule';
import {
  DayNumber,
  calendarDate,
  daysInMonth,
  isoWeekday,
  localDay,
  wallTimeToInstant,
} from './local-time';

const HOUR_MS = 3_600_000;
/** Windows searched backwards for a cron's previous firing: an hour up to four years. */
const CRON_WINDOWS_MS = [1, 25, 8 * 24, 32 * 24, 367 * 24, 4 * 367 * 24].map(
  (hours) => hours * HOUR_MS,
);

/**
 * The scheduled sends of a subscription, as instants. Pure: the clock is always an argument.
 * Daily, weekly and monthly sends happen at `sendAt` local time; a month day that a month does
 * not have means its last day.
 */
export class SendTimes {
  private readonly cron?: CronTime;
  private readonly hour: number;
  private readonly minute: number;

  constructor(private readonly schedule: DigestSchedule) {
    [this.hour, this.minute] = schedule.sendAt.split(':').map(Number);
    if (schedule.cadence === 'cron') this.cron = new CronTime(schedule.cron!, schedule.timezone);
  }

  /** The latest scheduled send at or before `at`. */
  previous(at: number): number {
    if (this.cron) return this.previousByCron(at);
    for (let day = localDay(at, this.schedule.timezone) + 1; ; day -= 1) {
      const send = this.sendOn(day);
      if (send !== undefined && send <= at) return send;
    }
  }

  /** The earliest scheduled send after `after`. */
  next(after: number): number {
    if (this.cron) return this.nextByCron(after);
    for (let day = localDay(after, this.schedule.timezone) - 1; ; day += 1) {
      const send = this.sendOn(day);
      if (send !== undefined && send > after) return send;
    }
  }

  /** The period that ends with the send at `end`: it starts at the send before. */
  periodEndingAt(end: number): DigestPeriod {
    return { start: this.previous(end - 1), end };
  }

  /** The latest period whose end is at or before `now`: what preview and send use. */
  lastCompleted(now: number): DigestPeriod {
    return this.periodEndingAt(this.previous(now));
  }

  /** Ends of the periods completed in (after, until], oldest first, at most the latest `limit`. */
  endsBetween(after: number, until: number, limit: number): number[] {
    const ends: number[] = [];
    for (let end = this.previous(until); end > after && ends.length < limit;) {
      ends.unshift(end);
      end = this.previous(end - 1);
    }
    return ends;
  }

  /** The send on a local day, or undefined when the cadence does not send that day. */
  private sendOn(day: DayNumber): number | undefined {
    const { cadence, weekday, dayOfMonth, timezone } = this.schedule;
    if (cadence === 'weekly' && isoWeekday(day) !== WEEKDAYS.indexOf(weekday!) + 1)
      return undefined;
    if (cadence === 'monthly') {
      const date = calendarDate(day);
      if (date.day !== Math.min(dayOfMonth!, daysInMonth(date.year, date.month))) return undefined;
    }
    return wallTimeToInstant(timezone, day, this.hour, this.minute);
  }

  private nextByCron(after: number): number {
    const next = this.cron!.getNextDateFrom(DateTime.fromMillis(after), this.schedule.timezone);
    return next.toMillis();
  }

  private previousByCron(at: number): number {
    for (const window of CRON_WINDOWS_MS) {
      let found: number | undefined;
      for (let send = this.nextByCron(at - window); send <= at; send = this.nextByCron(send))
        found = send;
      if (found !== undefined) return found;
    }
    throw new Error(`cron ${this.schedule.cron} has not fired in the last four years`);
  }
}
