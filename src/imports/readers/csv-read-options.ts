import { CsvLocale } from '../../common/csv/csv-locale';

/** How a CSV file is read beyond its bytes: what the request or the command line declared. */
export interface CsvReadOptions {
  /** Number and date conventions; `en` when absent. */
  locale?: CsvLocale;
  /** The brand's zone (`brand.timezone`), for dates written without one; UTC when absent. */
  timeZone?: string;
  /** File columns renamed to Halo fields before the header is checked: [column, field] pairs. */
  columns?: readonly (readonly [string, string])[];
}
