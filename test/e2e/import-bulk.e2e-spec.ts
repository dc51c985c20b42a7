import { TestApp, createTestApp } from '../support/test-app';
import { bulkMembers, bulkPurchases, toCsv, toJsonArray, toNdjson } from '../support/import-files';
import { listTotal, uploadImport } from '../support/import-requests';

const MEMBERS = 5_000;
const PURCHASES_NDJSON = 20_000;
const PURCHASES_JSON = 3_000;
const PURCHASES_CSV = 3_000;
const MEMBER_COLUMNS = ['externalId', 'email', 'name', 'tags', 'acquiredAt'];
const PURCHASE_COLUMNS = [
  'externalId',
  'memberExternalId',
  'amount',
  'currency',
  'occurredAt',
  'product',
  'attribution.mentionUrl',
];

describe('bulk import of thousands of rows', () => {
  jest.setTimeout(600_000);
  let test: TestApp;
  beforeAll(async () => (test = await createTestApp()));
  afterAll(() => test.close());

  const upload = async (type: string, contentType: string, body: string) => {
    const response = await uploadImport(test, type, contentType, body);
    expect(response.status).toBe(200);
    return response.body as Record<string, any>;
  };
  const total = (path: string) => listTotal(test, path);

  const members = bulkMembers(MEMBERS, 'bulk-m');
  // Ten bad rows among the good ones, at known places: a bad email, and an unknown tag shape.
  const withBadRows = members.flatMap((member, index) =>
    index % 500 === 250
      ? [
          member,
          { externalId: `bad-${index}`, email: 'nope', name: 'Bad', tags: [], acquiredAt: '' },
        ]
      : [member],
  );
  const membersCsv = toCsv(withBadRows, MEMBER_COLUMNS, ';');
  const purchasesNdjson = toNdjson(
    bulkPurchases(PURCHASES_NDJSON, 'bulk-n', { prefix: 'bulk-m', count: MEMBERS }),
  );

  it('imports 5,000 members from a `;` CSV, refusing the 10 bad rows by line', async () => {
    const result = await upload('members', 'text/csv', membersCsv);
    expect(result).toMatchObject({
      rows: MEMBERS + 10,
      created: MEMBERS,
      refused: 10,
      unchanged: 0,
    });
    // CSV line = header (1) + position in the file.
    const badLines = withBadRows
      .map((row, index) => ((row.externalId as string).startsWith('bad-') ? index + 2 : 0))
      .filter(Boolean);
    expect(result.errors.map((error: { line: number }) => error.line)).toEqual(badLines);
    expect(result.errors[0]).toEqual({
      line: badLines[0],
      externalId: 'bad-250',
      details: [{ field: 'email', reason: 'must be an email address', code: 'isEmail' }],
    });
    expect(await total('/api/v1/members')).toBe(MEMBERS);
  });

  it('imports 20,000 purchases from NDJSON, 3,000 from a JSON array and 3,000 from CSV', async () => {
    const ndjson = await upload('purchases', 'application/x-ndjson', purchasesNdjson);
    expect(ndjson).toMatchObject({ rows: PURCHASES_NDJSON, created: PURCHASES_NDJSON, refused: 0 });
    const json = await upload(
      'purchases',
      'application/json',
      toJsonArray(bulkPurchases(PURCHASES_JSON, 'bulk-j', { prefix: 'bulk-m', count: MEMBERS })),
    );
    expect(json).toMatchObject({ rows: PURCHASES_JSON, created: PURCHASES_JSON, refused: 0 });
    const csv = await upload(
      'purchases',
      'text/csv',
      toCsv(
        bulkPurchases(PURCHASES_CSV, 'bulk-c', { prefix: 'bulk-m', count: MEMBERS }),
        PURCHASE_COLUMNS,
      ),
    );
    expect(csv).toMatchObject({ rows: PURCHASES_CSV, created: PURCHASES_CSV, refused: 0 });
    expect(await total('/api/v1/purchases')).toBe(
      PURCHASES_NDJSON + PURCHASES_JSON + PURCHASES_CSV,
    );
  });

  it('stores nothing twice when the same files come again: every row unchanged', async () => {
    const membersAgain = await upload('members', 'text/csv', membersCsv);
    expect(membersAgain).toMatchObject({ created: 0, unchanged: MEMBERS, refused: 10 });
    const purchasesAgain = await upload('purchases', 'application/x-ndjson', purchasesNdjson);
    expect(purchasesAgain).toMatchObject({ created: 0, unchanged: PURCHASES_NDJSON, refused: 0 });
    expect(await total('/api/v1/members')).toBe(MEMBERS);
    expect(await total('/api/v1/purchases')).toBe(
      PURCHASES_NDJSON + PURCHASES_JSON + PURCHASES_CSV,
    );
  });

  it('keeps the content: a member from the CSV reads back with its quoted name and tags', async () => {
    const response = await test
      .http()
      .get('/api/v1/members')
      .query({ q: 'bulk-m-7@' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(response.body.items).toMatchObject([
      {
        externalId: 'bulk-m-7',
        name: 'Member, "7"',
        tags: ['bulk'],
        acquiredAt: '2025-08-01T00:00:00.000Z',
      },
    ]);
  });
});
