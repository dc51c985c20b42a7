import 'reflect-metadata';
import { readFileSync, readdirSync } from 'fs';
import { join, relative } from 'path';
import fc from 'fast-check';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { plainToInstance } from 'class-transformer';
import { plainInstance } from './plain-instance';
import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';
import {
  ValidationArguments,
  ValidationTypes,
  ValidatorOptions,
  getMetadataStorage,
  validate,
} from 'class-validator';
import { HOUSE_VALIDATOR_OPTIONS, compileValidator, passesValidation } from './compiled-validator';

/**
 * Parity of the compiled check with class-validator over every DTO class of the service: each
 * class with validation metadata among the DTO modules (src/**\/dto/*.ts, *.dto.ts, *.query.ts)
 * and the controllers, which also gives every @Body and @Query type of every route, and the
 * DTOs of the import registry. For each class, objects are generated from its own metadata,
 * valid-looking (values picked among the examples of its OpenAPI properties and samples made
 * from its constraints, kept when the property's own constraints accept them) and hostile
 * (wrong types, missing fields, nulls, extra keys, nested junk, arrays), and the compiled
 * answer must equal "class-validator reports no error", under the options of the import rows
 * (forbidUnknownValues on) and of the global pipe (off).
 */

const RUNS = Number(process.env.PARITY_RUNS ?? 150);
const SEED = Number(process.env.PARITY_SEED ?? 20261203);
const PIPE_OPTIONS: ValidatorOptions = { ...HOUSE_VALIDATOR_OPTIONS, forbidUnknownValues: false };

const SRC = join(__dirname, '..', '..');
type Class = new () => object;
type Target = abstract new (...args: never[]) => unknown;
type Metadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'public' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC);
const isDtoModule = (path: string) =>
  /\/dto\/[^/]+\.ts$/.test(path) || /\.(dto|query)\.ts$/.test(path);
const isController = (path: string) => path.endsWith('.controller.ts');

const metadataStorage = getMetadataStorage();
/** class-transformer's storage of @Type, for the class of a nested property. */
const { defaultMetadataStorage } = jest.requireActual<{
  defaultMetadataStorage: TransformerStorage;
}>('class-transformer/cjs/storage');
const rulesOf = (cls: Target): Metadata[] =>
  metadataStorage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false);

const classes = new Map<Target, string>();
const routeTypes = new Set<Target>();
const PRIMITIVES: unknown[] = [String, Number, Boolean, Array, Object, undefined];

for (const path of files.filter((file) => isDtoModule(file) || isController(file))) {
  const exported = jest.requireActual<Record<string, unknown>>(path);
  for (const [name, exportedValue] of Object.entries(exported)) {
    if (typeof exportedValue !== 'function') continue;
    const value = exportedValue as Target;
    if (rulesOf(value).length > 0) classes.set(value, `${name} (${relative(SRC, path)})`);
    if (!isController(path)) continue;
    // The @Body and @Query types of every route of a controller, inherited routes included.
    for (let proto = value.prototype; proto && proto !== Object.prototype;) {
      for (const method of Object.getOwnPropertyNames(proto)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, value, method) ?? {}) as Record<
          string,
          { index: number }
        >;
        const types = (Reflect.getMetadata('design:paramtypes', proto, method) ?? []) as unknown[];
        for (const [key, { index }] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          const type = types[index];
          if (
            (kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) &&
            !PRIMITIVES.includes(type)
          )
            routeTypes.add(type as Target);
        }
      }
      proto = Object.getPrototypeOf(proto);
    }
  }
}

// A route type declared outside the DTO modules is checked too.
for (const type of routeTypes)
  if (rulesOf(type).length > 0 && !classes.has(type)) classes.set(type, `${type.name} (route)`);

/** The DTO classes of the import registry, by the `dto:` of each importer in the source. */
const importDtoNames = new Set(
  files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\bdto:\s*([A-Z]\w*Dto)\b/g)].map((match) => match[1]),
  ),
);

// ---------------------------------------------------------------------------------------------
// Generation from the metadata

const EXAMPLES = 'swagger/apiModelProperties';
const HOSTILE: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x',
  'true',
  '12',
  '-1',
  '1.5',
  'null',
  0,
  -1,
  1,
  1.5,
  42,
  1e21,
  Number.NaN,
  true,
  false,
  [],
  [null],
  [1, 'a'],
  ['a'],
  {},
  { a: 1 },
  { nested: { deeper: [] } },
  [[]],
  [{}],
  'a'.repeat(300),
  '2025-01-01',
  '2025-13-45T99:00:00Z',
  '\u00e9t\u00e9',
];
const UUID = '3f1c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f';

function samplesFor(metadata: Metadata): unknown[] {
  const [first, second] = metadata.constraints ?? [];
  switch (metadata.name) {
    case 'isIn':
      return Array.isArray(first) ? first : [];
    case 'min':
    case 'max':
      return typeof first === 'number' ? [first, first + 1, first - 1, first + 0.5] : [];
    case 'maxLength':
    case 'minLength':
      return typeof first === 'number'
        ? [first - 1, first, first + 1].filter((n) => n >= 0 && n < 5000).map((n) => 'a'.repeat(n))
        : [];
    case 'length':
      return [first, second]
        .filter((n): n is number => typeof n === 'number' && n < 5000)
        .map((n) => 'b'.repeat(n));
    case 'arrayMaxSize':
    case 'arrayMinSize':
      return typeof first === 'number' && first < 200 ? [Array(first + 1).fill('a'), []] : [];
    case 'isUuid':
      return [UUID, UUID.toUpperCase(), '3f1c2d4e-5b6a-1c7d-8e9f-0a1b2c3d4e5f'];
    case 'isEmail':
      return ['ada@example.com', 'not-an-email', 'a@b'];
    case 'isUrl':
      return ['https://example.com/p/1?utm_source=x', 'ftp://example.com/x', 'http://localhost/a'];
    case 'isIp':
      return ['192.0.2.1', '2001:db8::1', '999.1.1.1'];
    case 'matches':
      if (!(first instanceof RegExp)) return [];
      try {
        // (the i flag is not supported: the source alone matches a subset)
        const pattern = new RegExp(first.source);
        return fc.sample(fc.stringMatching(pattern), { numRuns: 6, seed: SEED }).map(String);
      } catch {
        return [];
      }
    case 'isIsoInstant':
    case 'isOccurrenceInstant':
      return [
        '2025-01-01T00:00:00.000Z',
        '2025-06-30',
        '2025-06-30T12:00:00+02:00',
        new Date(Date.now() + 3 * 86_400_000).toISOString(),
        '2025-06-30T12:00:00',
      ];
    case 'isDecimalAmount':
      return ['49.90', 12.5, '0', '-1', '1e3', 3];
    case 'isCurrency':
    case 'isCurrencyCode':
      return ['EUR', 'USD', 'JPY', 'eur', 'XXX1'];
    case 'isTimeZone':
      return ['Europe/Rome', 'UTC', 'Mars/Base'];
    case 'isDigestCron':
    case 'isCronExpression':
      return ['0 8 * * 1-5', '*/5 * * * *', '0 0 31 2 *', 'x'];
    case 'isBoolean':
      return [true, false, 'true'];
    case 'isInt':
      return [0, 1, 7, 100, -3, 2.5];
    case 'isNumber':
      return [0, 0.5, -0.25, 3, Infinity];
    case 'isString':
    case 'isNotEmpty':
      return ['text', 'Ada Lovelace', ''];
    case 'isObject':
      return [{ a: 1 }, { EUR: 1.1 }, []];
    default:
      return [];
  }
}

/** Would the property's own custom rules accept the value (a guide for "valid-looking" only)? */
function accepts(rules: Metadata[], cls: Target, value: unknown): boolean {
  const owner = Object.create(cls.prototype) as Record<string, unknown>;
  return rules.every((rule) => {
    if (rule.type !== ValidationTypes.CUSTOM_VALIDATION && rule.type !== ValidationTypes.IS_DEFINED)
      return true;
    return metadataStorage.getTargetValidatorConstraints(rule.constraintCls).every((constraint) => {
      const args: ValidationArguments = {
        targetName: cls.name,
        property: rule.propertyName,
        object: owner,
        value,
        constraints: rule.constraints,
      };
      const items =
        rule.each && Array.isArray(value)
          ? value
          : rule.each && value instanceof Set
            ? [...value]
            : [value];
      try {
        return items.every((item) => constraint.instance.validate(item, args) === true);
      } catch {
        return false;
      }
    });
  });
}

type PlainArbitraries = {
  valid: fc.Arbitrary<Record<string, unknown>>;
  any: fc.Arbitrary<Record<string, unknown>>;
};
const objectArbitraries = new Map<Target, Map<number, PlainArbitraries>>();

function nestedType(cls: Target, property: string): Target | undefined {
  for (let target: Target | null = cls; target && target !== Function.prototype;) {
    const type = defaultMetadataStorage.findTypeMetadata(target, property);
    if (type) return type.typeFunction() as Target;
    target = Object.getPrototypeOf(target) as Target | null;
  }
  return undefined;
}

interface PropertyArbitraries {
  /** Values the property's own rules accept (or nested objects made the same way). */
  valid: fc.Arbitrary<unknown>;
  /** Anything: the valid ones, the samples that fail, hostile values, nested junk. */
  any: fc.Arbitrary<unknown>;
}

function propertyArbitraries(
  cls: Target,
  property: string,
  rules: Metadata[],
  depth: number,
): PropertyArbitraries {
  const hostile = fc.constantFrom(...HOSTILE);
  const example = Reflect.getMetadata(EXAMPLES, cls.prototype, property) as
    { example?: unknown; enum?: unknown[]; default?: unknown } | undefined;
  const scalars = [
    ...rules.flatMap((rule) => samplesFor(rule)),
    ...(example && 'example' in example ? [example.example] : []),
    ...(Array.isArray(example?.enum) ? example.enum : []),
    ...(example && 'default' in example ? [example.default] : []),
  ];
  const isEach = rules.some((rule) => rule.each);
  const arrays = isEach || rules.some((rule) => rule.name === 'isArray');
  const candidates = [
    ...scalars,
    ...(arrays
      ? [
          [],
          scalars.slice(0, 2),
          scalars.slice(0, 3),
          [scalars[0], scalars[0]],
          ...scalars.map((value) => [value]),
        ]
      : []),
  ];
  const accepted = candidates.filter((value) => value !== undefined && accepts(rules, cls, value));
  const nested = rules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION)
    ? nestedType(cls, property)
    : undefined;
  const valid: Array<fc.Arbitrary<unknown>> = [];
  const any: Array<{ weight: number; arbitrary: fc.Arbitrary<unknown> }> = [
    { weight: 2, arbitrary: hostile },
  ];
  if (accepted.length) valid.push(fc.constantFrom(...accepted));
  if (candidates.length) any.push({ weight: 3, arbitrary: fc.constantFrom(...candidates) });
  if (nested && depth < 3) {
    const child = objectArbitrary(nested, depth + 1);
    valid.push(isEach || arrays ? fc.array(child.valid, { maxLength: 3 }) : child.valid);
    any.push({
      weight: 3,
      arbitrary: isEach || arrays ? fc.array(child.any, { maxLength: 3 }) : child.any,
    });
    any.push({ weight: 1, arbitrary: fc.array(fc.oneof(child.any, hostile), { maxLength: 3 }) });
  }
  if (!valid.length) valid.push(candidates.length ? fc.constantFrom(...candidates) : hostile);
  any.push({ weight: 3, arbitrary: fc.oneof(...valid) });
  return { valid: fc.oneof(...valid), any: fc.oneof(...any) };
}

/**
 * Plain objects for the class: `valid` with each property left out now and then or given a
 * value its own rules accept; `any` mixes in hostile values and extra keys.
 */
function objectArbitrary(cls: Target, depth = 0): PlainArbitraries {
  const byDepth = objectArbitraries.get(cls) ?? new Map<number, PlainArbitraries>();
  objectArbitraries.set(cls, byDepth);
  const known = byDepth.get(depth);
  if (known) return known;
  const grouped = metadataStorage.groupByPropertyName(rulesOf(cls));
  const properties = Object.keys(grouped);
  const arbitraries = properties.map((property) =>
    propertyArbitraries(cls, property, grouped[property], depth),
  );
  const build = (picked: unknown[], extra?: Record<string, unknown>) => {
    const plain: Record<string, unknown> = {};
    properties.forEach((property, index) => {
      if (picked[index] !== undefined) plain[property] = picked[index];
    });
    return extra ? { ...plain, ...extra } : plain;
  };
  const valid = fc
    .tuple(
      ...arbitraries.map((arbitrary) => fc.option(arbitrary.valid, { freq: 8, nil: undefined })),
    )
    .map((picked) => build(picked));
  const mixed = fc
    .tuple(
      fc.tuple(
        ...arbitraries.map((arbitrary) => fc.option(arbitrary.any, { freq: 5, nil: undefined })),
      ),
      fc.option(
        fc.dictionary(
          fc.constantFrom('extra', 'id', 'toString', 'hasOwnProperty', 'constructor', 'createdAt'),
          fc.constantFrom<unknown>(1, 'x', null, {}),
          { maxKeys: 2 },
        ),
        { freq: 6, nil: undefined },
      ),
    )
    .map(([picked, extra]) => build(picked, extra));
  const any = fc.oneof(valid, mixed);
  byDepth.set(depth, { valid, any });
  return { valid, any };
}

// ---------------------------------------------------------------------------------------------

describe('compiled validator: parity with class-validator over every DTO class', () => {
  it('finds the DTO classes: every route body and query type, every import DTO', () => {
    expect(classes.size).toBeGreaterThan(60);
    expect(routeTypes.size).toBeGreaterThan(20);
    const names = new Set([...classes.keys()].map((cls) => cls.name));
    for (const type of routeTypes)
      if (rulesOf(type).length > 0) expect(classes.has(type)).toBe(true);
    expect([...importDtoNames].sort()).toEqual(
      expect.arrayContaining([
        'CreateEventDto',
        'CreateFeedbackDto',
        'CreateMemberDto',
        'CreateMentionDto',
        'CreatePurchaseDto',
        'CreateReferralDto',
        'CreateReviewDto',
        'ImportAttendanceDto',
      ]),
    );
    for (const name of importDtoNames) expect(names).toContain(name);
  });

  const tally = { cases: 0, valid: 0 };
  const perClass = new Map<string, { cases: number; valid: number }>();

  it('answers as class-validator does, for the import rows and for the pipe', async () => {
    for (const [cls, label] of classes) {
      const counts = { cases: 0, valid: 0 };
      perClass.set(label, counts);
      await fc.assert(
        fc.asyncProperty(objectArbitrary(cls).any, async (plain) => {
          for (const options of [HOUSE_VALIDATOR_OPTIONS, PIPE_OPTIONS]) {
            let instance: object;
            try {
              instance = plainToInstance(cls as Class, structuredClone(plain));
            } catch {
              return; // a @Transform that refuses the junk: nothing to validate
            }
            // The import rows' shortcut makes the very instance class-transformer makes.
            if (typeof plain === 'object' && plain !== null && !Array.isArray(plain))
              expect(plainInstance(cls as Class, structuredClone(plain))).toStrictEqual(instance);
            const compiled =
              options === HOUSE_VALIDATOR_OPTIONS
                ? await compileValidator(cls)(instance)
                : await passesValidation(instance, options);
            const errors = await validate(instance, options);
            if (compiled !== (errors.length === 0))
              throw new Error(
                `${label}: compiled ${compiled}, class-validator ${errors.length} error(s) for ${JSON.stringify(plain)}`,
              );
            counts.cases += 1;
            if (compiled) counts.valid += 1;
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      tally.cases += counts.cases;
      tally.valid += counts.valid;
    }
    if (process.env.PARITY_REPORT)
      console.log(
        `${classes.size} classes, ${tally.cases} cases, ${tally.valid} valid\n` +
          [...perClass]
            .map(([label, counts]) => `${label}: ${counts.valid}/${counts.cases}`)
            .join('\n'),
      );
    // Both answers are well represented: a parity over refusals alone would prove little.
    expect(tally.valid).toBeGreaterThan(tally.cases * 0.15);
    expect(tally.cases - tally.valid).toBeGreaterThan(tally.cases * 0.15);
    const neverValid = [...perClass]
      .filter(([, counts]) => counts.valid === 0)
      .map(([label]) => label);
    expect(neverValid).toEqual([]);
  }, 600_000);
});
