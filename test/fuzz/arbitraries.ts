import fc, { Arbitrary } from 'fast-check';

/** The slice of OpenAPI's schema object the generators read. */
export interface Schema {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
}

export type Components = Record<string, Schema>;

/** Ids of stored records by resource (members, events, …), grown as the fuzzer creates them. */
export type IdPools = Map<string, string[]>;

/** Builds a JSON value from its text, so that a `__proto__` key is an own key that JSON.stringify keeps. */
const parsed = (json: string): unknown => JSON.parse(json) as unknown;

const nested = (depth: number): unknown => parsed(`${'['.repeat(depth)}${']'.repeat(depth)}`);

/** Strings no field accepts, or that stress a parser, a validator or a column. */
export const hostileStrings: Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'a\u0000b',
    '\u0000',
    '\ud800',
    'ada\udc00@example.com',
    'x'.repeat(5000),
    '@'.repeat(300),
    '\u202e\ufeff\u200b',
    '<script>alert(1)</script>',
    "'; DROP TABLE members; --",
    '%00',
    '../../etc/passwd',
    '1e400',
    '-0',
    'NaN',
    'Infinity',
    '０１２',
    '=cmd|',
    'true',
    'null',
    '{}',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

/** Instants and dates a careless client sends. */
export const oddDates: Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '0000-01-01',
    '0001-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '275760-09-13T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2026-01-01T25:00:00Z',
    '2026-01-01T12:00:00',
    '2026-01-01T12:00:00+14:00',
    '2026-01-01T12:00:00-23:59',
    '1970-01-01T00:00:00Z',
    '1969-12-31T23:59:59.999Z',
    '2026-W01',
    '20260101',
    'yesterday',
    '1700000000000',
  ),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc
    .date({ min: new Date('2020-01-01'), max: new Date('2027-01-01'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
);

/** Instants and dates in the years the data covers, some of them a little ahead. */
const plainDates: Arbitrary<string> = fc
  .date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true })
  .chain((date) =>
    fc.constantFrom(
      date.toISOString(),
      date.toISOString().slice(0, 10),
      date.toISOString().slice(0, 19) + '+02:00',
    ),
  );

/** Numbers at and past the edges of what columns and money math hold. */
export const oddNumbers: Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e-7,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 63),
    1e21,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const plainDecimals = fc
  .tuple(fc.nat(9999), fc.nat(99))
  .map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`);

/** Decimal amounts as strings: plain ones mostly, and negative, over-precise, huge, exponent. */
export const decimalStrings: Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.nat(99999), fc.nat(99)).map(([a, b]) => `${a}.${b}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '-10.00',
      '0',
      '0.001',
      '1e3',
      '9'.repeat(40),
      '12,50',
      ' 5 ',
      '.5',
      '5.',
      '+5',
      '0x10',
      '99999999999999999.99',
    ),
  },
);

/** Any JSON value a hostile client puts where a field goes: wrong types, hostile keys, deep nesting. */
export const hostileValues: Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    [null],
    parsed('{"__proto__":{"admin":true}}'),
    parsed('{"constructor":{"prototype":{"polluted":1}}}'),
    nested(40),
    nested(3000),
  ),
  hostileStrings,
  oddNumbers,
  fc.array(hostileStrings, { maxLength: 3 }),
);

/** Resolves $ref and a single allOf to the schema they stand for. */
export function resolve(schema: Schema, components: Components): Schema {
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!] ?? {}, components);
  if (schema.allOf?.length === 1) return { ...schema, ...resolve(schema.allOf[0], components) };
  return schema;
}

/** Which pool a uuid field draws from: memberId, referrerId, otherMemberId → members, etc. */
function poolFor(field: string): string | undefined {
  const lower = field.toLowerCase();
  if (/member|referrer|referee|guest/.test(lower)) return 'members';
  for (const pool of ['review', 'mention', 'event', 'campaign', 'subscription', 'purchase'])
    if (lower.includes(pool)) return pool === 'subscription' ? 'subscriptions' : `${pool}s`;
  return undefined;
}

/** A known id of the resource, a random uuid, or a hostile string. */
export function idFor(pools: IdPools, pool: string | undefined, hostile = true): Arbitrary<string> {
  // The index is drawn by fast-check (seeded); the pool is read when the value is generated.
  const known = fc.nat().map((index) => {
    const ids = (pool && pools.get(pool)) || [...pools.values()].flat();
    return ids.length > 0 ? ids[index % ids.length] : '';
  });
  if (!hostile)
    return fc.oneof({ weight: 6, arbitrary: known }, { weight: 1, arbitrary: fc.uuid() });
  return fc.oneof(
    { weight: 6, arbitrary: known },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileStrings },
  );
}

/** Strings shaped like the field's example: the example, made unique, a date, an email. */
function likeExample(field: string, schema: Schema, hostile: boolean): Arbitrary<string> {
  const example = typeof schema.example === 'string' ? schema.example : 'value';
  const suffix = hostile
    ? fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })
    : fc.stringMatching(/^[a-z0-9]{1,6}$/);
  if (/At$|^(at|asOf|from|to|until)$|Date/.test(field) || /^\d{4}-\d\d-\d\d/.test(example))
    return fc.oneof(fc.constant(example), hostile ? oddDates : plainDates);
  if (/email/i.test(field) || example.includes('@example.'))
    return fc.oneof(
      fc.constant(example),
      fc.emailAddress(),
      suffix.map((s) => `fuzz-${encodeURIComponent(s)}@example.com`),
    );
  if (/currency/i.test(field)) return fc.constantFrom('EUR', 'USD', 'JPY', 'GBP', 'eur', 'XXX');
  if (/url/i.test(field)) return fc.oneof(fc.webUrl(), fc.constant(example));
  if (/externalId|refundOf/.test(field))
    return fc.oneof(
      fc.constant(example),
      fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3'),
      suffix.map((s) => `fuzz-${s}`),
    );
  return fc.oneof(
    fc.constant(example),
    suffix.map((s) => `${example}-${s}`),
  );
}

/** A value for one field of a DTO: mostly shaped like the field, sometimes hostile. */
export function valueFor(
  field: string,
  raw: Schema,
  context: Context,
  depth = 0,
): Arbitrary<unknown> {
  const schema = resolve(raw, context.components);
  const shaped = shapedValue(field, schema, context, depth);
  if (!context.hostile) return shaped;
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 1, arbitrary: hostileValues });
}

/** What the generators draw from; `hostile` mixes values no field accepts into the shaped ones. */
export interface Context {
  components: Components;
  pools: IdPools;
  hostile: boolean;
}

function shapedValue(
  field: string,
  schema: Schema,
  context: Context,
  depth: number,
): Arbitrary<unknown> {
  const { pools } = context;
  const nullable = (arbitrary: Arbitrary<unknown>) =>
    schema.nullable ? fc.oneof({ weight: 4, arbitrary }, fc.constant(null)) : arbitrary;
  if (schema.enum) return nullable(fc.constantFrom(...schema.enum));
  if (schema.oneOf)
    return fc.oneof(...schema.oneOf.map((one) => valueFor(field, one, context, depth)));
  if (schema.properties) return objectFor(schema, context, depth + 1);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return nullable(idFor(pools, poolFor(field), context.hostile));
      return nullable(likeExample(field, schema, context.hostile));
    case 'number':
    case 'integer': {
      const min = schema.minimum ?? 0;
      const max = schema.maximum ?? 100000;
      const plain = fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      return nullable(context.hostile ? fc.oneof(plain, oddNumbers) : plain);
    }
    case 'boolean':
      return nullable(fc.boolean());
    case 'array':
      return fc.array(valueFor(field, schema.items ?? {}, context, depth + 1), { maxLength: 4 });
    case 'object':
      // Money fields are documented as `object` (a decimal string or a JSON number).
      return nullable(
        context.hostile
          ? fc.oneof(decimalStrings, decimalStrings.map(Number), hostileValues)
          : plainDecimals,
      );
    default:
      return hostileValues;
  }
}

/** Keys no DTO declares: reserved ones, unknown ones, a NUL in a key. */
const extraKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'unknownField',
  'id',
  'k\u0000',
);

/** A body for the DTO: its required fields mostly present, optional ones at random, extra keys sometimes. */
export function objectFor(
  schema: Schema,
  context: Context,
  depth = 0,
): Arbitrary<Record<string, unknown>> {
  const resolved = resolve(schema, context.components);
  if (depth > 3 || !resolved.properties) return fc.constant({});
  const fields = Object.fromEntries(
    Object.entries(resolved.properties).map(([name, field]) => [
      name,
      valueFor(name, field, context, depth),
    ]),
  );
  const required = resolved.required ?? [];
  const record = context.hostile
    ? fc.oneof(
        { weight: 4, arbitrary: fc.record(fields, { requiredKeys: required }) },
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
      )
    : fc.record(fields, { requiredKeys: required });
  const extra = context.hostile
    ? fc.option(fc.tuple(extraKeys, hostileValues), { freq: 4 })
    : fc.constant(null);
  return fc.tuple(record, extra).map(([body, added]) => {
    if (!added) return body;
    // defineProperty makes `__proto__` an own, serialised key instead of setting the prototype.
    const copy = { ...body };
    Object.defineProperty(copy, added[0], { value: added[1], enumerable: true, writable: true });
    return copy;
  });
}

/**
 * A request body: half the cases shaped like the DTO with plausible values (so that records get
 * stored and later cases meet them), half with hostile values, extra keys or no object at all.
 */
export function bodyFor(
  schema: Schema | undefined,
  components: Components,
  pools: IdPools,
): Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant({}), hostileValues);
  const clean = objectFor(schema, { components, pools, hostile: false });
  const hostile = objectFor(schema, { components, pools, hostile: true });
  return fc.oneof(
    { weight: 5, arbitrary: clean },
    { weight: 4, arbitrary: hostile },
    { weight: 1, arbitrary: hostileValues },
  );
}
