import fc, { Arbitrary } from 'fast-check';
import { Response } from 'supertest';
import { Schema, hostileStrings, objectFor } from './arbitraries';
import {
  FuzzApp,
  createFuzzApp,
  describeExchange,
  fuzzOptions,
  statusClass,
  timeoutFor,
} from './fuzz-harness';
import { brokenInvariants, rowCounts } from './invariants';

/**
 * POST /api/v1/import/:type for every type and format (JSON array, NDJSON, CSV), with rows built
 * like the type's single-POST DTO (half plausible, half hostile) and broken lines, quotes and
 * headers: never a 5xx, the counts add up, the same file twice answers alike (and, for types whose
 * rows always carry their natural key, stores nothing the second time), and the invariants hold.
 */

/** The DTO each type's rows are validated with (attendance names its event as well). */
const ROW_SCHEMAS: Record<string, string> = {
  members: 'CreateMemberDto',
  purchases: 'CreatePurchaseDto',
  referrals: 'CreateReferralDto',
  reviews: 'CreateReviewDto',
  events: 'CreateEventDto',
  attendance: 'CreateAttendanceDto',
  mentions: 'CreateMentionDto',
  feedback: 'CreateFeedbackDto',
};

/** Types whose rows always carry a natural key the repeat finds: the second run creates nothing. */
const KEYED = new Set(['purchases', 'mentions']);

const CONTENT_TYPES = { json: 'application/json', ndjson: 'application/x-ndjson', csv: 'text/csv' };
type Format = keyof typeof CONTENT_TYPES;

const junkLines = fc.constantFrom('{', 'null', '[]', '"row"', '{"a":', '1', '\u0000', '{}');

/** A CSV cell: quoted when it must be, sometimes quoted anyway, sometimes broken. */
function csvCell(value: unknown, quoteAll: boolean): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvBody(rows: Array<Record<string, unknown>>, quoteAll: boolean, damage: number): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [
    header.map((name) => csvCell(name, quoteAll)).join(','),
    ...rows.map((row) => header.map((name) => csvCell(row[name], quoteAll)).join(',')),
  ];
  // Damage: an unbalanced quote, a short row, a long row, a repeated header, a BOM.
  if (damage === 1 && lines.length > 1) lines[1] = `"${lines[1]}`;
  if (damage === 2 && lines.length > 1) lines[1] = lines[1].split(',').slice(0, 1).join(',');
  if (damage === 3 && lines.length > 1) lines[1] = `${lines[1]},extra,cells`;
  if (damage === 4) lines[0] = `${lines[0]},${lines[0]}`;
  if (damage === 5) lines[0] = `\ufeff${lines[0]}`;
  return lines.join(damage === 6 ? '\r\n' : '\n');
}

describe('imports under fuzzing', () => {
  let fuzz: FuzzApp;
  beforeAll(async () => {
    fuzz = await createFuzzApp();
  });
  afterAll(() => fuzz?.close());

  const rowSchema = (type: string): Schema => {
    const base = fuzz.components[ROW_SCHEMAS[type]];
    if (type !== 'attendance') return base;
    const eventId: Schema = { type: 'string', format: 'uuid' };
    return { ...base, properties: { ...base.properties, eventId }, required: ['eventId'] };
  };

  const bodyFor = (type: string): Arbitrary<{ format: Format; body: string }> => {
    const schema = rowSchema(type);
    const context = { components: fuzz.components, pools: fuzz.pools };
    const row = fc.oneof(
      { weight: 3, arbitrary: objectFor(schema, { ...context, hostile: false }) },
      { weight: 2, arbitrary: objectFor(schema, { ...context, hostile: true }) },
    );
    const rows = fc.array(row, { minLength: 1, maxLength: 6 });
    return fc.oneof(
      rows.map((items) => ({ format: 'json' as const, body: JSON.stringify(items) })),
      fc.tuple(rows, fc.option(junkLines, { freq: 3 }), fc.nat(6)).map(([items, junk, at]) => {
        const lines = items.map((item) => JSON.stringify(item));
        if (junk !== null) lines.splice(at % (lines.length + 1), 0, junk);
        return { format: 'ndjson' as const, body: lines.join('\n') };
      }),
      fc.tuple(rows, fc.boolean(), fc.nat(9)).map(([items, quoteAll, damage]) => ({
        format: 'csv' as const,
        body: csvBody(items, quoteAll, damage),
      })),
      fc
        .tuple(fc.constantFrom<Format>('json', 'ndjson', 'csv'), hostileStrings)
        .map(([format, body]) => ({ format, body })),
    );
  };

  const post = (type: string, format: Format, body: string): Promise<Response> =>
    fuzz.test
      .http()
      .post(`/api/v1/import/${type}`)
      .set('Authorization', fuzz.test.keys.admin)
      .set('Content-Type', CONTENT_TYPES[format])
      .serialize((text: unknown) => text as string)
      .send(body);

  it(
    'every type and format: never a 5xx, counts add up, repeats answer alike, invariants hold',
    async () => {
      const failures: Record<string, string> = {};
      for (const type of Object.keys(ROW_SCHEMAS)) {
        const result = await fc.check(
          fc.asyncProperty(bodyFor(type), async ({ format, body }) => {
            const label = `POST /api/v1/import/${type} (${format}) ${JSON.stringify(body.slice(0, 400))}`;
            const first = await post(type, format, body);
            expect(describeExchange(label, first)).not.toMatch(/ → 5\d\d /);
            if (first.status === 200) {
              const { rows, created, updated, unchanged, refused } = first.body as Record<
                string,
                number
              >;
              expect({ label, sum: created + updated + unchanged + refused }).toEqual({
                label,
                sum: rows,
              });
            }
            const middle = await rowCounts(fuzz.dataSource);
            const second = await post(type, format, body);
            const again = describeExchange(`${label} (again)`, second);
            expect(again).not.toMatch(/ → 5\d\d /);
            expect({ again, class: statusClass(second.status) }).toEqual({
              again,
              class: statusClass(first.status),
            });
            if (KEYED.has(type) && second.status === 200) {
              expect({ again, created: second.body.created }).toEqual({ again, created: 0 });
              expect({ again, counts: await rowCounts(fuzz.dataSource) }).toEqual({
                again,
                counts: middle,
              });
            }
          }),
          fuzzOptions(),
        );
        if (result.failed)
          failures[type] = `${fc.defaultReportMessage(result)}\n${String(result.errorInstance)}`;
        const broken = await brokenInvariants(fuzz.dataSource);
        if (Object.keys(broken).length > 0)
          failures[`${type}: invariants`] = JSON.stringify(broken);
      }
      expect(failures).toEqual({});
    },
    timeoutFor(8 * 4),
  );
});
