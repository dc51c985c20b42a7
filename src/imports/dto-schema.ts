import 'reflect-metadata';
import { ValidationTypes, getMetadataStorage } from 'class-validator';

export type ScalarKind = 'string' | 'number' | 'boolean';

/**
 * What a string field holds, from its validators: a decimal amount (`IsDecimalAmount`) or an
 * instant (`IsIsoInstant`, `IsOccurrenceInstant`), which a CSV in a locale writes its own way.
 */
export type TextFormat = 'decimal' | 'instant';

/** What a DTO property holds, as far as a CSV cell needs to know. */
export type FieldShape =
  | { kind: ScalarKind; format?: TextFormat }
  | { kind: 'list'; element: ScalarKind }
  | { kind: 'object'; schema: DtoSchema }
  | { kind: 'objectList' };

/** The properties a DTO accepts (those the whitelist keeps) and their shapes. */
export type DtoSchema = ReadonlyMap<string, FieldShape>;

const NUMBER_RULES = new Set(['isInt', 'isNumber', 'isPositive', 'isNegative', 'min', 'max']);
const cache = new WeakMap<object, DtoSchema>();

/**
 * Reads a DTO's shape from the decorators it already has: the properties from class-validator's
 * metadata (exactly what the global pipe's whitelist accepts) and the types from TypeScript's
 * emitted design:type, so that CSV cells become numbers or booleans only where the DTO says so.
 */
export function dtoSchema(dto: new () => object): DtoSchema {
  const known = cache.get(dto);
  if (known) return known;
  const storage = getMetadataStorage();
  const rules = storage.getTargetValidationMetadatas(dto, '', true, false);
  const schema = new Map<string, FieldShape>();
  for (const property of new Set(rules.map((rule) => rule.propertyName))) {
    const own = rules.filter((rule) => rule.propertyName === property);
    const designType: unknown = Reflect.getMetadata('design:type', dto.prototype, property);
    const nested = own.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION);
    if (designType === Number) schema.set(property, { kind: 'number' });
    else if (designType === Boolean) schema.set(property, { kind: 'boolean' });
    else if (designType === Array)
      schema.set(
        property,
        nested ? { kind: 'objectList' } : { kind: 'list', element: elementKind(own) },
      );
    else if (nested && isClass(designType))
      schema.set(property, { kind: 'object', schema: dtoSchema(designType) });
    else schema.set(property, { kind: 'string', format: textFormat(own) });
  }
  cache.set(dto, schema);
  return schema;
}

const TEXT_FORMATS: Record<string, TextFormat> = {
  isDecimalAmount: 'decimal',
  isIsoInstant: 'instant',
  isOccurrenceInstant: 'instant',
};

function textFormat(rules: { each: boolean; name?: string }[]): TextFormat | undefined {
  return rules.map((rule) => TEXT_FORMATS[rule.name ?? '']).find(Boolean);
}

/** A list's element kind, from its `each` rules (IsInt({each}) and the like). */
function elementKind(rules: { each: boolean; name?: string }[]): ScalarKind {
  const names = rules.filter((rule) => rule.each).map((rule) => rule.name ?? '');
  if (names.some((name) => NUMBER_RULES.has(name))) return 'number';
  if (names.includes('isBoolean')) return 'boolean';
  return 'string';
}

function isClass(value: unknown): value is new () => object {
  return (
    typeof value === 'function' &&
    value !== String &&
    value !== Object &&
    value !== Date &&
    value !== Array
  );
}
