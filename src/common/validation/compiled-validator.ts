import {
  MetadataStorage,
  ValidationArguments,
  ValidationTypes,
  ValidatorConstraintInterface,
  ValidatorOptions,
  getMetadataStorage,
} from 'class-validator';

/**
 * A validator compiled once per DTO class from class-validator's own metadata, answering the one
 * question the callers ask first: would `validate(instance, options)` report no error at all?
 *
 * It mirrors class-validator 0.15's ValidationExecutor (node_modules/class-validator/cjs/
 * validation/ValidationExecutor.js) for the options the house uses (`whitelist` and
 * `forbidNonWhitelisted`, no groups, no skip options): the unknown own keys, the missing class
 * metadata (`forbidUnknownValues`), @ValidateIf/@IsOptional (every condition called, as the
 * executor maps them all before reducing), @IsDefined, each custom constraint with the same
 * ValidationArguments (`each` over arrays, Sets and Maps, a Promise awaited), @ValidateNested
 * (into the class of each value, a value that is not an object refused) and the inherited
 * metadata (read through `getTargetValidationMetadatas` itself). What the executor does per call
 * (the metadata search over every registered class, the grouping, the filters, an error object
 * per property, the container look-up of each constraint) is done here once per class.
 *
 * Soundness over reach: `true` means class-validator would report no error; `false` means it
 * would, or that this check cannot tell (a metadata type or an option it does not know, a
 * validator that throws, a thenable that is not a Promise, ...). On `false` the caller runs
 * class-validator, whose errors are the answer exactly as before.
 */
export type CompiledCheck = (instance: object) => boolean | Promise<boolean>;

/** The options both callers pass: anything else makes the check answer "cannot tell" (false). */
export const HOUSE_VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  validationError: { target: false, value: false },
};

/** A class, as class-validator's metadata keys them. */
type Target = abstract new (...args: never[]) => unknown;
type Metadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];
type Grouped = ReturnType<MetadataStorage['groupByPropertyName']>;

/** The storage's private maps, read to notice metadata registered after a class was compiled. */
interface StorageMaps {
  validationMetadatas: Map<unknown, Metadata[]>;
  constraintMetadatas: Map<unknown, unknown[]>;
}

interface CompiledConstraint {
  instance: ValidatorConstraintInterface;
}

interface CompiledRule {
  metadata: Metadata;
  constraints: CompiledConstraint[];
}

interface CompiledProperty {
  name: string;
  /** @ValidateIf / @IsOptional, all called before deciding. */
  conditions: Metadata[];
  /** IS_DEFINED first, then the custom constraints, in the executor's order. */
  defined: CompiledRule[];
  customs: CompiledRule[];
  nested: boolean;
}

interface CompiledClass {
  /** False: a metadata type or a shape this check does not mirror; always "cannot tell". */
  supported: boolean;
  /** No metadata applies (forbidUnknownValues refuses the object). */
  empty: boolean;
  /** class-validator's own grouping, so the whitelist look-up has its very semantics. */
  grouped: Grouped;
  properties: CompiledProperty[];
  /** The metadata arrays read, with their lengths then: a change recompiles the class. */
  sources: Array<[unknown[], number]>;
}

const KNOWN_TYPES = new Set<string>([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.WHITELIST,
  ValidationTypes.IS_DEFINED,
]);

/** Thrown inside a run when the check cannot tell; caught at the top as `false`. */
const UNSURE = Symbol('unsure');

/** An object being validated: its properties are read by name, its constructor names it. */
type Owner = Record<string, unknown>;

interface Run {
  forbidUnknownValues: boolean;
  pending: Array<Promise<boolean>>;
}

let storage: MetadataStorage | undefined;
let classes = new Map<unknown, CompiledClass>();
let storageSizes = [-1, -1];

function mapsOf(metadataStorage: MetadataStorage): StorageMaps {
  return metadataStorage as unknown as StorageMaps;
}

/** The same storage, with as many classes and constraints as when the cache was filled. */
function freshStorage(): MetadataStorage {
  const current = getMetadataStorage();
  const maps = mapsOf(current);
  if (
    current !== storage ||
    maps.validationMetadatas.size !== storageSizes[0] ||
    maps.constraintMetadatas.size !== storageSizes[1]
  ) {
    storage = current;
    classes = new Map();
    storageSizes = [maps.validationMetadatas.size, maps.constraintMetadatas.size];
  }
  return current;
}

function compileClass(target: Target, metadataStorage: MetadataStorage): CompiledClass {
  const maps = mapsOf(metadataStorage);
  const sources: Array<[unknown[], number]> = [];
  const unsupported = (): CompiledClass => ({
    supported: false,
    empty: false,
    grouped: {},
    properties: [],
    sources,
  });
  for (const [key, list] of maps.validationMetadatas) {
    // A schema (string target) is never found for a class in 0.15, but its key makes the
    // executor's `prototype instanceof key` throw: not mirrored.
    if (typeof key !== 'function') return unsupported();
    if (key === target || target.prototype instanceof key) sources.push([list, list.length]);
  }
  // The executor passes the schema name of a nested value's parent; only string targets
  // (schemas, refused above) could depend on it.
  const metadatas = metadataStorage.getTargetValidationMetadatas(
    target,
    undefined as unknown as string,
    false,
    false,
    undefined,
  );
  const grouped = metadataStorage.groupByPropertyName(metadatas);
  const properties: CompiledProperty[] = [];
  const rule = (metadata: Metadata): CompiledRule | undefined => {
    const list = metadataStorage.getTargetValidatorConstraints(metadata.constraintCls);
    sources.push([list, list.length]);
    const constraints: CompiledConstraint[] = [];
    for (const constraint of list) {
      // validate() never ignores async constraints (only validateSync does).
      const instance = constraint.instance as ValidatorConstraintInterface | undefined;
      if (!instance || typeof instance.validate !== 'function') return undefined;
      constraints.push({ instance });
    }
    return { metadata, constraints };
  };
  for (const name of Object.keys(grouped)) {
    const property: CompiledProperty = {
      name,
      conditions: [],
      defined: [],
      customs: [],
      nested: false,
    };
    for (const metadata of grouped[name]) {
      if (!KNOWN_TYPES.has(metadata.type)) return unsupported();
      switch (metadata.type) {
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION: {
          const compiled = rule(metadata);
          if (!compiled) return unsupported();
          (metadata.type === ValidationTypes.IS_DEFINED ? property.defined : property.customs).push(
            compiled,
          );
          break;
        }
        case ValidationTypes.CONDITIONAL_VALIDATION:
          if (typeof metadata.constraints?.[0] !== 'function') return unsupported();
          property.conditions.push(metadata);
          break;
        case ValidationTypes.NESTED_VALIDATION:
          property.nested = true;
          break;
        default: // WHITELIST (@Allow): the property is allowed, nothing is checked
      }
    }
    properties.push(property);
  }
  return { supported: true, empty: metadatas.length === 0, grouped, properties, sources };
}

function compiledFor(target: Target, metadataStorage: MetadataStorage): CompiledClass {
  let compiled = classes.get(target);
  if (compiled && compiled.sources.some(([list, length]) => list.length !== length))
    compiled = undefined;
  if (!compiled) {
    compiled = compileClass(target, metadataStorage);
    classes.set(target, compiled);
  }
  return compiled;
}

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** customValidations of the executor for one metadata: true when it adds no constraint. */
function passesRule(object: Owner, value: unknown, compiled: CompiledRule, run: Run): boolean {
  const metadata = compiled.metadata;
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  for (const { instance } of compiled.constraints) {
    const validationArguments: ValidationArguments = {
      // (undefined for an object without constructor, as the executor gives it)
      targetName: (object.constructor ? object.constructor.name : undefined) as string,
      property: metadata.propertyName,
      object,
      value,
      constraints: metadata.constraints,
    };
    if (!metadata.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
      const validated: unknown = instance.validate(value, validationArguments);
      if (isPromise(validated)) {
        if (!(validated instanceof Promise)) throw UNSURE;
        run.pending.push(
          validated.then(
            (isValid) => !!isValid,
            () => false,
          ),
        );
      } else if (!validated) return false;
      continue;
    }
    const arrayValue: unknown[] =
      value instanceof Map
        ? Array.from(value.values())
        : Array.isArray(value)
          ? value
          : Array.from(value);
    const validatedSubValues: unknown[] = arrayValue.map((subValue) =>
      instance.validate(subValue, validationArguments),
    );
    if (validatedSubValues.some((validatedSubValue) => isPromise(validatedSubValue))) {
      const asyncValidatedSubValues = validatedSubValues.map((validatedSubValue) =>
        isPromise(validatedSubValue) ? validatedSubValue : Promise.resolve(validatedSubValue),
      );
      run.pending.push(
        Promise.all(asyncValidatedSubValues).then(
          (flatValidatedValues) => flatValidatedValues.every((isValid) => isValid),
          () => false,
        ),
      );
      continue;
    }
    if (!validatedSubValues.every((isValid) => isValid)) return false;
  }
  return true;
}

/** nestedValidations of the executor (the value of a @ValidateNested property, or an item of it). */
function passesNested(value: unknown, run: Run): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
    let ok = true;
    // forEach as the executor's: the holes of a sparse array are skipped, a Map gives its values.
    (value instanceof Set
      ? Array.from(value)
      : (value as unknown[] | Map<unknown, unknown>)
    ).forEach((subValue: unknown, index: unknown) => {
      // The executor names the item by `index.toString()`, which throws for a nullish Map key
      // (and may for an object key): not mirrored.
      if (index === null || index === undefined || typeof index === 'object') throw UNSURE;
      if (typeof index === 'function') throw UNSURE;
      if (ok && !passesNested(subValue, run)) ok = false;
    });
    return ok;
  }
  if (value instanceof Object) return passesObject(value as Owner, run);
  return false;
}

/** execute() of the executor for one object. */
function passesObject(object: Owner, run: Run): boolean {
  const target: unknown = object.constructor;
  if (typeof target !== 'function') throw UNSURE;
  const compiled = compiledFor(target as Target, storage!);
  if (!compiled.supported) throw UNSURE;
  if (compiled.empty && run.forbidUnknownValues) return false;
  const grouped = compiled.grouped;
  for (const key of Object.keys(object)) {
    if (!grouped[key] || grouped[key].length === 0) return false;
  }
  for (const property of compiled.properties) {
    const value: unknown = object[property.name];
    let canValidate: unknown = true;
    for (const condition of property.conditions) {
      const result: unknown = condition.constraints[0](object, value);
      canValidate = canValidate && result;
    }
    if (!canValidate) continue;
    for (const rule of property.defined) if (!passesRule(object, value, rule, run)) return false;
    for (const rule of property.customs) if (!passesRule(object, value, rule, run)) return false;
    if (property.nested && !passesNested(value, run)) return false;
  }
  return true;
}

/**
 * Whether the options are those this check mirrors (whitelist + forbidNonWhitelisted, no groups,
 * no skipping), and the forbidUnknownValues they mean (true unless false, as the executor reads it).
 */
function forbidUnknownValuesOf(options: ValidatorOptions | undefined): boolean | undefined {
  if (!options || !options.whitelist || !options.forbidNonWhitelisted) return undefined;
  for (const [key, value] of Object.entries(options)) {
    switch (key) {
      case 'whitelist':
      case 'forbidNonWhitelisted':
      case 'forbidUnknownValues':
      case 'validationError': // the shape of the errors only
      case 'stopAtFirstError': // which errors, not whether
      case 'dismissDefaultMessages':
      case 'enableDebugMessages':
        break;
      case 'skipMissingProperties':
      case 'skipNullProperties':
      case 'skipUndefinedProperties':
        if (value === true) return undefined;
        break;
      case 'always':
      case 'strictGroups':
        if (value) return undefined;
        break;
      case 'groups':
        if (value !== undefined && (!Array.isArray(value) || value.length > 0)) return undefined;
        break;
      default:
        return undefined;
    }
  }
  return options.forbidUnknownValues === undefined || options.forbidUnknownValues !== false;
}

/**
 * True when `validate(object, options)` would resolve to no error; false when it would report
 * one or when this check cannot tell. A Promise only when an async constraint was met.
 */
export function passesValidation(
  object: unknown,
  options: ValidatorOptions | undefined,
): boolean | Promise<boolean> {
  const forbidUnknownValues = forbidUnknownValuesOf(options);
  if (forbidUnknownValues === undefined || typeof object !== 'object' || object === null)
    return false;
  freshStorage();
  const run: Run = { forbidUnknownValues, pending: [] };
  try {
    if (!passesObject(object as Owner, run)) return false;
  } catch {
    return false;
  }
  if (run.pending.length === 0) return true;
  return Promise.all(run.pending).then((results) => results.every((isValid) => isValid));
}

const compiledChecks = new Map<unknown, CompiledCheck>();

/**
 * The check for instances of one DTO class under the house options (`HOUSE_VALIDATOR_OPTIONS`,
 * forbidUnknownValues on as `validate` defaults it), cached per class; an instance of another
 * class (e.g. a `constructor` own key) answers false.
 */
export function compileValidator(dtoClass: Target): CompiledCheck {
  let check = compiledChecks.get(dtoClass);
  if (!check) {
    check = (instance: object) =>
      instance !== null &&
      typeof instance === 'object' &&
      instance.constructor === dtoClass &&
      passesValidation(instance, HOUSE_VALIDATOR_OPTIONS);
    compiledChecks.set(dtoClass, check);
  }
  return check;
}
