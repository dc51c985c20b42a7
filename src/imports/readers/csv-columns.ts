import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, ErrorDetail } from '../../common/errors/domain-error';
import { toErrorDetails } from '../../common/validation/validation-errors';
import { DtoSchema, FieldShape, dtoSchema } from '../dto-schema';
import { CellConventions, cellReader } from '../locale/cell-readers';
import { CellReading } from '../../common/csv/csv-locale';
import { CsvReadOptions } from './csv-read-options';
import { CsvRecord } from './csv-splitter';
import { SourceRow } from './source-row';
import { ImportsErrorCode } from '../imports-error-code';

/** Separates the items of a list in one cell: `vip|berlin`. */
export const LIST_SEPARATOR = '|';

interface Column {
  path: string[];
  convert: (cell: string) => CellReading;
}

/**
 * The header row of a CSV import, checked against the DTO before any row is stored: every
 * column must be a field of the DTO (nested fields as dotted names such as
 * `attribution.referralCode`), none twice, and no required field may be missing. Rows then
 * become plain objects: empty cells are absent, lists split on `|`, numbers and booleans only
 * where the DTO property has that type, read in the file's locale (cell-readers.ts). A
 * `columns` mapping renames file columns to fields first; a mapping from a column the file
 * lacks, or to a field the DTO lacks, refuses the header.
 */
export class CsvColumns {
  private constructor(private readonly columns: Column[]) {}

  static fromHeader(
    header: CsvRecord,
    dto: new () => object,
    delimiter: string,
    options: CsvReadOptions = {},
  ): CsvColumns {
    const schema = dtoSchema(dto);
    const conventions: CellConventions = {
      locale: options.locale ?? 'en',
      timeZone: options.timeZone ?? 'UTC',
    };
    const names = header.fields.map((raw) => raw.trim());
    const problems: ErrorDetail[] = mappingProblems(schema, names, options.columns ?? []);
    const renamed = new Map(options.columns ?? []);
    const columns: Column[] = [];
    const seen = new Set<string>();
    names.forEach((fileName, index) => {
      const name = renamed.get(fileName) ?? fileName;
      if (!name) {
        problems.push({
          field: `(column ${index + 1})`,
          reason: 'has no name',
          code: 'emptyColumn',
        });
        return;
      }
      if (seen.has(name)) {
        problems.push({ field: name, reason: 'appears twice', code: 'duplicateColumn' });
        return;
      }
      seen.add(name);
      const path = name.split('.');
      const shape = shapeAt(schema, path);
      if (!shape) {
        // A mapped column's unknown field is already reported under the column's name.
        if (!renamed.has(fileName))
          problems.push({ field: name, reason: 'is not a known field', code: 'unknownField' });
      } else if (shape.kind === 'object') {
        problems.push({
          field: name,
          reason: `is an object: name its fields as columns such as ${name}.${[...shape.schema.keys()][0]}`,
          code: 'objectColumn',
        });
      } else if (shape.kind === 'objectList') {
        problems.push({
          field: name,
          reason: 'is a list of objects, which a CSV cell cannot hold: import JSON or NDJSON',
          code: 'objectColumn',
        });
      } else {
        columns.push({ path, convert: converter(shape, conventions) });
      }
    });
    problems.push(...missingColumns(dto, columns, [...seen]));
    if (problems.length > 0) {
      const hint =
        header.fields.length === 1 && problems.some((problem) => problem.code === 'unknownField')
          ? ` (the header has a single column: is the delimiter one of , ; or tab? detected "${delimiter === '\t' ? 'tab' : delimiter}")`
          : '';
      throw new DomainError(
        'invalid',
        ImportsErrorCode.INVALID_CSV_HEADER,
        `the CSV header is not usable: ${problems.map((problem) => `${problem.field} ${problem.reason}`).join('; ')}${hint}`,
        problems,
      );
    }
    return new CsvColumns(columns);
  }

  toRow(record: CsvRecord): SourceRow {
    if (record.problem) return { line: record.line, problem: record.problem };
    if (record.fields.length !== this.columns.length) {
      return {
        line: record.line,
        problem: {
          field: '(row)',
          reason: `has ${record.fields.length} cells where the header has ${this.columns.length} columns`,
          code: 'columnCount',
        },
      };
    }
    const value: Record<string, unknown> = {};
    for (const [index, column] of this.columns.entries()) {
      const cell = record.fields[index];
      if (cell === '') continue;
      const reading = column.convert(cell);
      // The first cell that cannot be read in the file's locale refuses the row.
      if ('problem' in reading)
        return { line: record.line, problem: { field: column.path.join('.'), ...reading.problem } };
      setPath(value, column.path, reading.value);
    }
    return { line: record.line, value };
  }
}

/** A record of empty cells only (a blank line, or `,,,` from a spreadsheet) is not a row. */
export function isBlank(record: CsvRecord): boolean {
  return !record.problem && record.fields.every((field) => field === '');
}

function shapeAt(schema: DtoSchema, path: string[]): FieldShape | undefined {
  const shape = schema.get(path[0]);
  if (path.length === 1 || !shape) return shape;
  return shape.kind === 'object' ? shapeAt(shape.schema, path.slice(1)) : undefined;
}

function converter(shape: FieldShape, conventions: CellConventions): (cell: string) => CellReading {
  if (shape.kind === 'list') {
    const item = cellReader(shape.element, undefined, conventions);
    return (cell) => {
      const values: unknown[] = [];
      for (const part of cell.split(LIST_SEPARATOR)) {
        const reading = item(part);
        if ('problem' in reading) return reading;
        values.push(reading.value);
      }
      return { value: values };
    };
  }
  if (shape.kind === 'object' || shape.kind === 'objectList')
    throw new Error('an object column has no cell reader');
  return cellReader(shape.kind, shape.format, conventions);
}

/** A mapping names a column of this file and a field of this DTO, each once. */
function mappingProblems(
  schema: DtoSchema,
  names: string[],
  mapping: readonly (readonly [string, string])[],
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [column, field] of mapping) {
    if (!names.includes(column))
      problems.push({
        field: column,
        reason: `is mapped to ${field} by columns=, but the file has no such column`,
        code: 'mappedColumnMissing',
      });
    const shape = shapeAt(schema, field.split('.'));
    if (!shape)
      problems.push({
        field: column,
        reason: `is mapped to ${field} by columns=, which is not a known field`,
        code: 'unknownField',
      });
  }
  return problems;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

/**
 * Required fields with no column: validate a probe row that has a value in every column the
 * header names (so that rules depending on other fields see them) and keep the complaints about
 * fields no column covers.
 */
function missingColumns(dto: new () => object, columns: Column[], names: string[]): ErrorDetail[] {
  const probe: Record<string, unknown> = {};
  for (const column of columns) setPath(probe, column.path, 'x');
  const errors = validateSync(plainToInstance(dto, probe), {
    validationError: { target: false, value: false },
  });
  const covered = (field: string) =>
    names.some(
      (name) => name === field || name.startsWith(`${field}.`) || field.startsWith(`${name}.`),
    );
  const missing = new Set(
    toErrorDetails(errors)
      .map((detail) => detail.field)
      .filter((field) => !covered(field)),
  );
  return [...missing].map((field) => ({
    field,
    reason: 'is a required column',
    code: 'missingColumn',
  }));
}
