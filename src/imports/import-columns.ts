import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { DtoSchema, FieldShape, dtoSchema } from './dto-schema';

/** A column a CSV of one record type may carry, as GET /api/v1/import/:type/columns lists it. */
export interface ImportColumn {
  /** The header name: a field, or a dotted path into a nested object (attribution.referralCode). */
  name: string;
  kind: 'string' | 'number' | 'boolean' | 'list';
  /** Whether a row without it is refused. Rules between fields (externalId or email) are not. */
  required: boolean;
}

/**
 * The columns of a record type's CSV, read from the DTO its rows are validated with (the same
 * decorators the single POST uses), so that the dashboard's column check cannot drift from the
 * importer. Lists of objects cannot be a CSV column and are left out.
 */
export function importColumns(dto: new () => object, prefix = ''): ImportColumn[] {
  const optional = optionalProperties(dto);
  return [...dtoSchema(dto)].flatMap(([property, shape]) =>
    columnsOf(`${prefix}${property}`, shape, !optional.has(property)),
  );
}

function columnsOf(name: string, shape: FieldShape, required: boolean): ImportColumn[] {
  switch (shape.kind) {
    case 'objectList':
      return [];
    case 'object':
      return nestedColumns(name, shape.schema, required);
    case 'list':
      return [{ name, kind: 'list', required }];
    default:
      return [{ name, kind: shape.kind, required }];
  }
}

/** A nested object's fields are required only where the object itself is. */
function nestedColumns(name: string, schema: DtoSchema, required: boolean): ImportColumn[] {
  return [...schema].flatMap(([property, shape]) =>
    columnsOf(`${name}.${property}`, shape, false).map((column) => ({
      ...column,
      required: required && column.required,
    })),
  );
}

/** Properties with @IsOptional() (or a ValidateIf), which a row may leave out. */
function optionalProperties(dto: new () => object): Set<string> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return new Set(
    rules
      .filter((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION)
      .map((rule) => rule.propertyName),
  );
}
