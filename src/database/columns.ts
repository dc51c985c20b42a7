import { Column, ColumnOptions, PrimaryColumn, ValueTransformer } from 'typeorm';

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

/** A record's own id: a UUID the application generates. */
export function IdColumn(): PropertyDecorator {
  return PrimaryColumn({ type: 'varchar', length: 36 });
}

/** Another record's id (a UUID). */
export function ReferenceColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 36, ...options });
}

/** The id a record has in the system it came from; optional unless the options say otherwise. */
export function ExternalIdColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 200, nullable: true, ...options });
}

/** Text of a bounded length. */
export function VarcharColumn(length: number, options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length, ...options });
}
