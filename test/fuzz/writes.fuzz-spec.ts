import fc from 'fast-check';
import { bodyFor } from './arbitraries';
import {
  FuzzApp,
  Operation,
  createFuzzApp,
  describeExchange,
  fuzzOptions,
  pathFor,
  remember,
  send,
  statusClass,
  timeoutFor,
} from './fuzz-harness';
import { brokenInvariants, rowCounts } from './invariants';

/**
 * Every write route of the OpenAPI document (imports have their own spec), fed bodies shaped
 * like its DTO with hostile values mixed in, each sent twice: never a 5xx, a refusal stores
 * nothing, a repeat answers in the same status class and stores nothing more, and the SQL
 * invariants hold after each route.
 */

/** POSTs that do something rather than create: a repeat may be refused (already approved, merged, lifted …). */
const ACTION = /\/(approve|reject|merge|dismiss|send|recompute|session|lift|rotate-secret|retry)$/;

/**
 * Creates whose repeat stores another record, as documented: no natural key, or one the body
 * may leave out (an API key is a new secret each time; a subscription has no natural key;
 * reviews and campaigns without externalId; feedback without externalId defaults submittedAt to now).
 */
const REPEAT_CREATES = new Set(['post /api/v1/api-keys', 'post /api/v1/digests/subscriptions']);

describe('write routes under fuzzing', () => {
  let fuzz: FuzzApp;
  let writes: Operation[] = [];
  beforeAll(async () => {
    fuzz = await createFuzzApp();
    writes = fuzz.operations.filter(
      (operation) => operation.method !== 'get' && !operation.path.startsWith('/api/v1/import/'),
    );
  });
  afterAll(() => fuzz?.close());

  it(
    'every write route: never a 5xx, repeats answer alike, invariants hold',
    async () => {
      expect(writes.length).toBeGreaterThan(20);
      // Every route runs, and the failures of all are reported together.
      const failures: Record<string, string> = {};
      for (const operation of writes) {
        const route = `${operation.method} ${operation.path}`;
        const result = await fc.check(
          fc.asyncProperty(
            pathFor(operation, fuzz.pools),
            bodyFor(operation.body, fuzz.components, fuzz.pools),
            async (path, body) => {
              const sent = operation.method === 'delete' ? undefined : body;
              const label = `${operation.method.toUpperCase()} ${path} ${JSON.stringify(sent)?.slice(0, 300)}`;
              const before = await rowCounts(fuzz.dataSource);
              const first = await send(fuzz, operation.method, path, sent);
              expect(describeExchange(label, first)).not.toMatch(/ → 5\d\d /);
              remember(fuzz.pools, operation.path, first);
              const middle = await rowCounts(fuzz.dataSource);
              const second = await send(fuzz, operation.method, path, sent);
              const again = describeExchange(`${label} (again)`, second);
              expect(again).not.toMatch(/ → 5\d\d /);
              const after = await rowCounts(fuzz.dataSource);
              if (statusClass(first.status) === 4) {
                // A refusal stores nothing, and the same request is refused again.
                expect({ label, counts: middle }).toEqual({ label, counts: before });
                expect({ again, class: statusClass(second.status) }).toEqual({ again, class: 4 });
                expect({ label, counts: after }).toEqual({ label, counts: middle });
              } else if (operation.method === 'delete') {
                // Gone, or (revoking an API key) the same record again.
                expect({
                  again,
                  ok: second.status === 404 || statusClass(second.status) === 2,
                }).toEqual({
                  again,
                  ok: true,
                });
                expect({ again, counts: after }).toEqual({ again, counts: middle });
              } else if (!ACTION.test(operation.path)) {
                // Created or updated once: the repeat is an answer about the same record.
                expect({ again, class: statusClass(second.status) }).toEqual({ again, class: 2 });
                if (!REPEAT_CREATES.has(route))
                  expect({ again, counts: after }).toEqual({ again, counts: middle });
              }
            },
          ),
          fuzzOptions(),
        );
        if (result.failed)
          failures[route] = `${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}`;
        const broken = await brokenInvariants(fuzz.dataSource);
        if (Object.keys(broken).length > 0)
          failures[`${route}: invariants`] = JSON.stringify(broken);
      }
      expect(failures).toEqual({});
    },
    timeoutFor(40),
  );
});
