/** The number and date conventions of a CSV file: `en` as always, `it` as Italian Excel writes. */
export const CSV_LOCALES = ['en', 'it'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

export function isCsvLocale(value: unknown): value is CsvLocale {
  return (CSV_LOCALES as readonly unknown[]).includes(value);
}

/** A cell read, or why it cannot be read in the file's locale. */
export type CellReading = { value: unknown } | { problem: { reason: string; code: string } };
