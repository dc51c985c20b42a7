import { parseIsoInstant } from '../../common/dates/iso-date';
import { instantsOfWallClock } from '../../common/dates/time-zone';
import { CellReading } from '../../common/csv/csv-locale';

const ITALIAN = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date as Italian spreadsheets write it, day first: `31/12/2025` (00:00) or
 * `31/12/2025 14:30[:05]`, local time in the brand's zone, as an ISO 8601 instant in UTC.
 * ISO 8601 is accepted as it is. Refused: two-digit years, impossible dates and times, a time
 * the zone skips (spring forward) or has twice (fall back), and anything else.
 */
export function readItalianInstant(cell: string, timeZone: string): CellReading {
  const text = cell.trim();
  if (parseIsoInstant(text) !== undefined) return { value: text };
  const match = ITALIAN.exec(text);
  if (!match)
    return invalid(`"${text}" is not a date: write 31/12/2025, 31/12/2025 14:30 or ISO 8601`);
  const [day, month, year, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (match[3].length !== 4)
    return {
      problem: {
        reason: `"${text}" has a year of ${match[3].length} digits: write all four (31/12/2025)`,
        code: 'ambiguousDate',
      },
    };
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(wall);
  if (
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    return invalid(`"${text}" is not a date in the calendar (day/month/year)`);
  const instants = instantsOfWallClock(wall, timeZone);
  if (instants.length === 0)
    return {
      problem: {
        reason: `"${text}" does not exist in ${timeZone} (the clocks skip it)`,
        code: 'nonexistentTime',
      },
    };
  if (instants.length > 1)
    return {
      problem: {
        reason: `"${text}" happens twice in ${timeZone} (the clocks go back): write it in ISO 8601 with its offset`,
        code: 'ambiguousTime',
      },
    };
  return { value: new Date(instants[0]).toISOString() };
}

function invalid(reason: string): CellReading {
  return { problem: { reason, code: 'invalidDate' } };
}
