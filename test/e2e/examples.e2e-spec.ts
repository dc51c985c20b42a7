import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { uploadImport } from '../support/import-requests';
import { TestApp, createTestApp } from '../support/test-app';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
// Fixed, so that recency thresholds judge the examples the same way as the calendar moves on.
const AS_OF = '2026-12-01T00:00:00Z';

/** The import order as examples/README.md lists it ("1. `members.csv` ..."), parents first. */
function documentedOrder(): string[] {
  const readme = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
  return [...readme.matchAll(/^\d+\. `([a-z]+)\.csv`/gm)].map((match) => match[1]);
}

interface ImportAnswer {
  rows: number;
  created: number;
  refused: number;
  errors: unknown[];
}

interface RankedAdvocate {
  member: { name: string };
  tier: string;
  components: { extendedValue: string; advocacyValue: string };
}

/**
 * The sample files of examples/ imported through the API in the README's order on a fresh
 * database, then valued and ranked: the walk-through of README.md's "First five minutes",
 * so that the examples break this test, not a new user, when a DTO changes.
 */
describe(`examples/ from import to ranked list (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`, () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await createTestApp();
  });

  afterAll(async () => {
    await test?.close();
  });

  it('lists every sample file once in the import order', () => {
    const files = readdirSync(EXAMPLES)
      .filter((name) => name.endsWith('.csv'))
      .map((name) => name.replace(/\.csv$/, ''))
      .sort();
    const order = documentedOrder();
    expect([...order].sort()).toEqual(files);
    expect(order).toHaveLength(8);
    expect(order[0]).toBe('members');
  });

  it("heads every file with columns its type's column list names, its required ones included", async () => {
    for (const type of documentedOrder()) {
      const header = readFileSync(join(EXAMPLES, `${type}.csv`), 'utf8').split('\n')[0];
      const listed = await test
        .http()
        .get(`/api/v1/import/${type}/columns`)
        .set('Authorization', test.keys.viewer)
        .expect(200);
      const columns = listed.body.columns as { name: string; required: boolean }[];
      const names = new Set(columns.map((column) => column.name));
      const used = header.trim().split(',');
      expect({ type, unknown: used.filter((name) => !names.has(name)) }).toEqual({
        type,
        unknown: [],
      });
      const missing = columns.filter((column) => column.required && !used.includes(column.name));
      expect({ type, missing }).toEqual({ type, missing: [] });
    }
    await test
      .http()
      .get('/api/v1/import/planets/columns')
      .set('Authorization', test.keys.viewer)
      .expect(404);
  });

  it('imports every file with no refused row, then ranks members with tiers above the base', async () => {
    const answers: Record<string, ImportAnswer> = {};
    for (const type of documentedOrder()) {
      const csv = readFileSync(join(EXAMPLES, `${type}.csv`), 'utf8');
      const response = await uploadImport(test, type, 'text/csv', csv);
      expect({ type, status: response.status }).toEqual({ type, status: 200 });
      answers[type] = response.body as ImportAnswer;
      const dataLines = csv.trim().split('\n').length - 1;
      expect({ type, refused: answers[type].refused, errors: answers[type].errors }).toEqual({
        type,
        refused: 0,
        errors: [],
      });
      // A fresh database: every row is new. (Quoted cells hold no line breaks in the examples.)
      expect({ type, created: answers[type].created }).toEqual({ type, created: dataLines });
    }

    const referrals = await test
      .http()
      .get('/api/v1/referrals?status=converted&limit=50')
      .set('Authorization', test.keys.viewer);
    expect(referrals.status).toBe(200);
    expect(referrals.body.total).toBeGreaterThan(0);

    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: AS_OF });
    expect(run.body.status).toBe('succeeded');

    const ranking = await test
      .http()
      .get('/api/v1/advocates?limit=10')
      .set('Authorization', test.keys.viewer);
    expect(ranking.status).toBe(200);
    const items = ranking.body.items as RankedAdvocate[];
    expect(items.length).toBe(10);
    expect(ranking.body.total).toBe(answers.members.created);
    // Ranked by advocacy value (the default sort), highest first.
    const values = items.map((item) => Number(item.components.advocacyValue));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const tiers = new Set(items.map((item) => item.tier));
    // config/halo.json's tiers: Champion, Advocate, Promoter, then the base tier Customer.
    expect(tiers.has('Champion')).toBe(true);
    expect(tiers.has('Advocate')).toBe(true);
    expect(items[0].tier).not.toBe('Customer');
    expect(Number(items[0].components.advocacyValue)).toBeGreaterThanOrEqual(500);
  });
});
