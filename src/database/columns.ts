import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/** PostgreSQL returns bigint as a string; every bigint here fits a safe integer. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) =>
    value === null || value === undefined ? null : Number(value),
};

/** Money in integer minor units. */
export function MinorUnitsColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: bigintAsNumber, ...options });
}

/**
 * An instant as epoch milliseconds (UTC). One integer type on SQLite and PostgreSQL keeps
 * comparisons, day buckets (integer division) and the value engine's SQL identical on both.
 */
export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: bigintAsNumber, ...options });
}

export function CountColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: bigintAsNumber, default: 0, ...options });
}
