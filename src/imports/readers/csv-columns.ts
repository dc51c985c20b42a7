import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, ErrorDetail } from '../../common/errors/domain-error';
import { toErrorDetails } from '../../common/validation/validation-errors';
import { DtoSchema, FieldShape, ScalarKind, dtoSchema } from '../dto-schema';
import { CsvRecord } from './csv-splitter';
import { SourceRow } from './source-row';
import { ImportsErrorCode } from '../imports-error-code';

/** Separates the items of a list in one cell: `vip|berlin`. */
export const LIST_SEPARATOR = '|';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

interface Column {
  path: string[];
  convert: (cell: string) => unknown;
}

/**
 * The header row of a CSV import, checked against the DTO before any row is stored: every
 * column must be a field of the DTO (nested fields as dotted names such as
 * `attribution.referralCode`), none twice, and no required field may be missing. Rows then
 * become plain objects: empty cells are absent, lists split on `|`, numbers and booleans only
 * where the DTO property has that type.
 */
export class CsvColumns {
  private constructor(private readonly columns: Column[]) {}

  static fromHeader(header: CsvRecord, dto: new () => object, delimiter: string): CsvColumns {
    const schema = dtoSchema(dto);
    const problems: ErrorDetail[] = [];
    const columns: Column[] = [];
    const seen = new Set<string>();
    header.fields.forEach((raw, index) => {
      const name = raw.trim();
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
        columns.push({ path, convert: converter(shape) });
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
    this.columns.forEach((column, index) => {
      const cell = record.fields[index];
      if (cell !== '') setPath(value, column.path, column.convert(cell));
    });
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

function converter(shape: FieldShape): (cell: string) => unknown {
  if (shape.kind === 'list') {
    const item = scalar(shape.element);
    return (cell) => cell.split(LIST_SEPARATOR).map(item);
  }
  return scalar(shape.kind as ScalarKind);
}

/** A cell that does not read as the DTO's type stays a string, so validation names the field. */
function scalar(kind: ScalarKind): (cell: string) => unknown {
  if (kind === 'number') return (cell) => (NUMBER.test(cell.trim()) ? Number(cell.trim()) : cell);
  if (kind === 'boolean')
    return (cell) => {
      const word = cell.trim().toLowerCase();
      if (word === 'true' || word === '1') return true;
      if (word === 'false' || word === '0') return false;
      return cell;
    };
  return (cell) => cell;
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
