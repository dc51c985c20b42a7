import { CronTime } from 'cron';
import { DateTime } from 'luxon';
import { ValidationOptions } from 'class-validator';
import { defineValidator } from '../../common/validation/define-validator';
import { isKnownTimeZone } from '../schedule/local-time';

/** An IANA time zone name that this Node knows (Europe/Rome, America/New_York, UTC). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isTimeZone',
    'must be an IANA time zone such as "Europe/Rome"',
    isKnownTimeZone,
    options,
  );
}

/**
 * Five cron fields (minute hour day-of-month month weekday) with a single minute, so that a
 * digest goes out at most once an hour, and an expression that fires at all.
 */
export function isDigestCron(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 100) return false;
  const fields = value.trim().split(/\s+/);
  if (fields.length !== 5 || !/^\d{1,2}$/.test(fields[0])) return false;
  try {
    new CronTime(value, 'UTC').getNextDateFrom(DateTime.fromMillis(Date.now()), 'UTC');
    return true;
  } catch {
    return false;
  }
}

export function IsDigestCron(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isDigestCron',
    'must be a five-field cron expression with a single minute, such as "0 8 * * 1-5"',
    isDigestCron,
    options,
  );
}
