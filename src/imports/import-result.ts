import { ErrorDetail } from '../common/errors/domain-error';
import { ImportFormat } from './import-format';
import { RowOutcome } from './record-importer';

export interface ImportRowError {
  line: number;
  externalId?: string;
  details: ErrorDetail[];
}

export interface ImportCounts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
}

export interface ImportResult extends ImportCounts {
  /** The kept run's id (GET /api/v1/imports/{id}); absent for an import that keeps no run. */
  id?: string;
  /** Rolled back: the counts say what would have happened. */
  dryRun?: boolean;
  type: string;
  format: ImportFormat;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  durationMs: number;
}

/** Refused rows listed in one answer; the counts stay exact beyond it. */
export const MAX_REPORTED_ERRORS = 1000;

/** Counts an import as it goes, keeping at most MAX_REPORTED_ERRORS refused rows in memory. */
export class ImportTally {
  readonly counts: ImportCounts = { rows: 0, created: 0, updated: 0, unchanged: 0, refused: 0 };
  private readonly errors: ImportRowError[] = [];

  stored(outcome: RowOutcome): void {
    this.counts.rows += 1;
    this.counts[outcome] += 1;
  }

  refused(line: number, externalId: string | undefined, details: ErrorDetail[]): void {
    this.counts.rows += 1;
    this.counts.refused += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS)
      this.errors.push(
        externalId === undefined ? { line, details } : { line, externalId, details },
      );
  }

  result(type: string, format: ImportFormat, durationMs: number): ImportResult {
    return {
      type,
      format,
      ...this.counts,
      errors: [...this.errors].sort((left, right) => left.line - right.line),
      errorsTruncated: this.counts.refused > this.errors.length,
      durationMs,
    };
  }
}
