import { defineValidator } from '../common/validation/define-validator';
import { isTimeZone } from '../common/dates/time-zone';

/** The brand itself: where its days begin. */
export class BrandSettings {
  /**
   * IANA time zone (`Europe/Rome`) whose calendar cuts the day, week and month buckets of the
   * metrics, reads `31/12/2025` in Italian CSV imports, and formats the dashboard's dates.
   */
  @defineIsTimeZone()
  timezone!: string;
}

function defineIsTimeZone(): PropertyDecorator {
  return defineValidator(
    'isTimeZone',
    '$property must be an IANA time zone such as UTC or Europe/Rome',
    isTimeZone,
  );
}
