import fc, { Arbitrary } from 'fast-check';
import { hostileStrings, oddDates, oddNumbers } from './arbitraries';
import {
  FuzzApp,
  Operation,
  createFuzzApp,
  describeExchange,
  fuzzOptions,
  pathFor,
  send,
  statusClass,
  timeoutFor,
} from './fuzz-harness';
import { brokenInvariants, rowCounts } from './invariants';

/**
 * Every GET route that takes a query (lists, metrics, previews), with random `limit`, `cursor`,
 * `sort`, `q`, dates and unknown parameters: never a 5xx, the same query answers in the same
 * status class twice, and reading stores nothing.
 */

/** A forged cursor: base64 of JSON that is not one the API wrote, or of nothing sensible. */
const cursors: Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 2 }).map((json) => Buffer.from(json).toString('base64url')),
  fc.json({ maxDepth: 2 }).map((json) => Buffer.from(json).toString('base64')),
  fc.constantFrom('eyJ9', 'x', '====', Buffer.from('{"id":"\u0000"}').toString('base64url')),
  hostileStrings,
);

function queryValue(
  name: string,
  schema: Record<string, any> | undefined,
): Arbitrary<string | string[]> {
  const shaped: Array<Arbitrary<string>> = [];
  if (schema?.enum) shaped.push(fc.constantFrom(...(schema.enum as unknown[]).map(String)));
  if (schema?.type === 'number' || schema?.type === 'integer' || name === 'limit')
    shaped.push(fc.integer({ min: -5, max: 300 }).map(String), oddNumbers.map(String));
  if (name === 'cursor') shaped.push(cursors);
  if (/from|to|at|since|until|asOf/i.test(name)) shaped.push(oddDates);
  if (schema?.type === 'boolean') shaped.push(fc.constantFrom('true', 'false', '1', 'yes', ''));
  if (typeof schema?.example === 'string') shaped.push(fc.constant(schema.example));
  if (schema?.format === 'uuid') shaped.push(fc.uuid());
  const one = fc.oneof(...shaped, hostileStrings);
  // A repeated parameter arrives as an array (?limit=1&limit=2).
  return fc.oneof(
    { weight: 6, arbitrary: one },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
  );
}

/** A query string: some of the documented parameters, sometimes an unknown or prototype one. */
function queryFor(operation: Operation): Arbitrary<string> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const fields = Object.fromEntries(
    parameters.map((parameter) => [
      parameter.name,
      queryValue(parameter.name, parameter.schema as Record<string, any>),
    ]),
  );
  const extra = fc.option(
    fc.tuple(
      fc.constantFrom('__proto__', 'constructor', 'unknown', 'limit[a]', 'q[]'),
      hostileStrings,
    ),
    { freq: 5 },
  );
  return fc.tuple(fc.record(fields, { requiredKeys: [] }), extra).map(([values, added]) => {
    const pairs: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(values))
      for (const item of Array.isArray(value) ? value : [value]) pairs.push([name, String(item)]);
    if (added) pairs.push(added);
    return pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  });
}

/** Percent-encodes; a lone surrogate becomes the bytes of one (invalid UTF-8 once decoded). */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
}

describe('list queries under fuzzing', () => {
  let fuzz: FuzzApp;
  let lists: Operation[] = [];
  beforeAll(async () => {
    fuzz = await createFuzzApp();
    lists = fuzz.operations.filter(
      (operation) =>
        operation.method === 'get' &&
        operation.parameters.some((parameter) => parameter.in === 'query'),
    );
  });
  afterAll(() => fuzz?.close());

  it(
    'every GET with a query: never a 5xx, the same answer twice, nothing stored',
    async () => {
      expect(lists.length).toBeGreaterThan(15);
      const failures: Record<string, string> = {};
      const before = await rowCounts(fuzz.dataSource);
      for (const operation of lists) {
        const result = await fc.check(
          fc.asyncProperty(
            pathFor(operation, fuzz.pools),
            queryFor(operation),
            async (path, query) => {
              const url = `${path}?${query}`;
              const first = await send(fuzz, 'get', url);
              expect(describeExchange(`GET ${url}`, first)).not.toMatch(/ → 5\d\d /);
              const second = await send(fuzz, 'get', url);
              const again = describeExchange(`GET ${url} (again)`, second);
              expect({ again, class: statusClass(second.status) }).toEqual({
                again,
                class: statusClass(first.status),
              });
            },
          ),
          fuzzOptions(),
        );
        if (result.failed)
          failures[operation.path] =
            `${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}`;
      }
      expect(failures).toEqual({});
      expect(await rowCounts(fuzz.dataSource)).toEqual(before);
      expect(await brokenInvariants(fuzz.dataSource)).toEqual({});
    },
    timeoutFor(30),
  );
});
