import { DataSource } from 'typeorm';
import { readItalianInstant } from '../../src/imports/locale/italian-date';
import { readItalianNumber } from '../../src/imports/locale/italian-number';
import { Member } from '../../src/members/member.entity';
import { Purchase } from '../../src/purchases/purchase.entity';
import { createMember, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/** Italian CSV in and out, and the brand's time zone (Europe/Rome) in the metrics. */
describe('locale CSV and brand.timezone', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ BRAND_TIMEZONE: 'Europe/Rome' });
    await createMember(test, { externalId: 'rossi', email: 'rossi@example.com' });
  });
  afterAll(() => test.close());

  const purchase = (externalId: string) =>
    test.app.get(DataSource).getRepository(Purchase).findOneBy({ externalId });
  const upload = (path: string, body: string) =>
    test
      .http()
      .post(`/api/v1/import/${path}`)
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'text/csv')
      .send(body);

  it('answers the brand time zone in the session', async () => {
    const response = await test
      .http()
      .get('/api/v1/session')
      .set('Authorization', test.keys.viewer);
    expect(response.status).toBe(200);
    expect(response.body.timezone).toBe('Europe/Rome');
  });

  describe('import with locale=it', () => {
    const file =
      'externalId;memberExternalId;amount;currency;occurredAt\r\n' +
      'it-1;rossi;1.234,56;EUR;31/12/2025\r\n' +
      'it-2;rossi;1.234;EUR;31/12/2025 14:30\r\n' +
      'it-3;rossi;12,50;EUR;31/12/2025 14:30\r\n' +
      'it-4;rossi;9,90;EUR;31/12/25\r\n' +
      'it-5;rossi;1,234.5;EUR;2025-12-31T10:00:00Z\r\n';

    it('stores 1.234,56 as 123456 minor units and 31/12/2025 as 00:00 in Rome', async () => {
      const response = await upload('purchases?locale=it', file);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rows: 5, created: 2, refused: 3 });
      expect(response.body.errors).toEqual([
        {
          line: 3,
          details: [
            {
              field: 'amount',
              reason: '"1.234" is ambiguous: write 1234 for thousands, or 1,234 for a decimal',
              code: 'ambiguousNumber',
            },
          ],
        },
        {
          line: 5,
          details: [
            {
              field: 'occurredAt',
              reason: '"31/12/25" has a year of 2 digits: write all four (31/12/2025)',
              code: 'ambiguousDate',
            },
          ],
        },
        {
          line: 6,
          details: [
            {
              field: 'amount',
              reason: '"1,234.5" is written the English way: in an Italian file write 1.234,5',
              code: 'ambiguousNumber',
            },
          ],
        },
      ]);
      const first = await purchase('it-1');
      expect(first?.amountMinor).toBe(123456);
      expect(new Date(first!.occurredAt).toISOString()).toBe('2025-12-30T23:00:00.000Z');
      const third = await purchase('it-3');
      expect(third?.amountMinor).toBe(1250);
      expect(new Date(third!.occurredAt).toISOString()).toBe('2025-12-31T13:30:00.000Z');
    });

    it('leaves en as today: the same `;` file is refused by validation', async () => {
      const response = await upload('purchases', file.replace(/it-/g, 'en-'));
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rows: 5, created: 0, refused: 5 });
      expect(
        response.body.errors[0].details.map((detail: { field: string }) => detail.field),
      ).toEqual(['amount', 'occurredAt']);
    });

    it('refuses an unknown locale with 400 naming locale, before reading the body', async () => {
      const response = await upload('purchases?locale=de', file);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'locale', reason: 'must be one of en, it', code: 'isIn' },
      ]);
      expect(await purchase('it-1')).not.toBeNull();
    });
  });

  describe('?columns= header mapping', () => {
    it('renames the file columns to fields before the header is checked', async () => {
      const response = await upload(
        `members?columns=${encodeURIComponent('Codice:externalId,E-mail:email,Nome e cognome:name')}`,
        'Codice;E-mail;Nome e cognome;tags\r\nbianchi;bianchi@example.com;Anna Bianchi;vip\r\n',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ rows: 1, created: 1, refused: 0 });
      const member = await test.app.get(DataSource).getRepository(Member).findOneBy({
        externalId: 'bianchi',
      });
      expect(member).toMatchObject({ email: 'bianchi@example.com', name: 'Anna Bianchi' });
    });

    it('refuses a mapping from a missing column or to an unknown field, naming the column', async () => {
      const response = await upload(
        `members?columns=${encodeURIComponent('Codice:externalId,Mail:email,Nome:nome')}`,
        'Codice;email;Nome\r\nverdi;verdi@example.com;Luca Verdi\r\n',
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_CSV_HEADER');
      expect(response.body.details).toEqual([
        {
          field: 'Mail',
          reason: 'is mapped to email by columns=, but the file has no such column',
          code: 'mappedColumnMissing',
        },
        {
          field: 'Nome',
          reason: 'is mapped to nome by columns=, which is not a known field',
          code: 'unknownField',
        },
      ]);
      const stored = await test.app.get(DataSource).getRepository(Member).findOneBy({
        externalId: 'verdi',
      });
      expect(stored).toBeNull();
    });

    it('refuses a malformed mapping with 400 naming columns', async () => {
      const response = await upload('members?columns=Email', 'Email\r\na@example.com\r\n');
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('columns');
    });
  });

  describe('metrics in the brand time zone', () => {
    beforeAll(async () => {
      const member = await createMember(test, { externalId: 'late' });
      // 00:30 on 1 January 2026 in Rome.
      await createPurchase(test, {
        externalId: 'late-order',
        memberId: member.id,
        occurredAt: '2025-12-31T23:30:00Z',
      });
    });
    const metrics = (query: string) =>
      test.http().get(`/api/v1/metrics/community?${query}`).set('Authorization', test.keys.viewer);
    // Orders of the member 'late' only: the imports above are dated 30–31 December.
    const ordersIn = (window: { values: { purchases: { orders: number } } }) =>
      window.values.purchases.orders;

    it('puts a purchase at 23:30 UTC on the 31st into the next day and month', async () => {
      const months = await metrics(
        'from=2025-11-30T23:00:00Z&to=2026-01-31T23:00:00Z&interval=month',
      );
      expect(months.status).toBe(200);
      expect(months.body.intervals.map((window: { start: string }) => window.start)).toEqual([
        '2025-11-30T23:00:00.000Z',
        '2025-12-31T23:00:00.000Z',
      ]);
      expect(months.body.intervals.map(ordersIn)).toEqual([2, 1]);
      expect(months.body.retention.map((cohort: { cohort: string }) => cohort.cohort)).toEqual([
        '2025-12',
        '2026-01',
      ]);
      const days = await metrics('from=2025-12-30T23:00:00Z&to=2026-01-01T23:00:00Z&interval=day');
      expect(days.body.intervals.map((window: { start: string }) => window.start)).toEqual([
        '2025-12-30T23:00:00.000Z',
        '2025-12-31T23:00:00.000Z',
      ]);
      expect(days.body.intervals.map(ordersIn)).toEqual([2, 1]);
    });

    it('exports CSV with locale=it that reads back to the JSON figures', async () => {
      const query = 'from=2025-11-30T23:00:00Z&to=2026-01-31T23:00:00Z&interval=month';
      const json = (await metrics(query)).body;
      const response = await metrics(`${query}&format=csv&locale=it`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...rows] = response.text
        .trimEnd()
        .split('\r\n')
        .map((line) => line.split(';'));
      const column = (name: string) => header.indexOf(name);
      expect(rows).toHaveLength(3);
      expect(rows[0][column('start')]).toBe('01/12/2025 00:00');
      expect(rows[1][column('start')]).toBe('01/01/2026 00:00');
      const windows = [...json.intervals, json.total];
      rows.forEach((row, index) => {
        const start = readItalianInstant(row[column('start')], 'Europe/Rome');
        expect(start).toEqual({ value: windows[index].start });
        expect(
          Number((readItalianNumber(row[column('purchases.orders')]) as { value: string }).value),
        ).toBe(windows[index].values.purchases.orders);
      });
      // A decimal figure: 3 orders by 2 customers over the period, 1,5.
      const perCustomer = rows[2][column('purchases.ordersPerCustomer')];
      expect(perCustomer).toBe('1,5');
      expect(Number((readItalianNumber(perCustomer) as { value: string }).value)).toBe(
        json.total.values.purchases.ordersPerCustomer,
      );
      expect(response.text).not.toMatch(/\d\.\d/);
    });

    it('refuses an unknown export locale naming locale', async () => {
      const response = await metrics('format=csv&locale=fr');
      expect(response.status).toBe(400);
      expect(response.body.details[0].field).toBe('locale');
    });
  });
});

describe('locale CSV imported in a worker thread', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ BRAND_TIMEZONE: 'Europe/Rome', IMPORT_WORKER_MIN_BYTES: '0' });
    await createMember(test, { externalId: 'neri' });
  });
  afterAll(() => test.close());

  it('reads the locale, the mapping and the zone there too', async () => {
    const response = await test
      .http()
      .post(`/api/v1/import/purchases?locale=it&columns=${encodeURIComponent('Ordine:externalId')}`)
      .set('Authorization', test.keys.manager)
      .set('Content-Type', 'text/csv')
      .send(
        'Ordine;memberExternalId;amount;currency;occurredAt\r\nw-1;neri;2.000,10;EUR;01/07/2025 08:15\r\n',
      );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ rows: 1, created: 1, refused: 0 });
    const stored = await test.app
      .get(DataSource)
      .getRepository(Purchase)
      .findOneBy({ externalId: 'w-1' });
    expect(stored?.amountMinor).toBe(200010);
    expect(new Date(stored!.occurredAt).toISOString()).toBe('2025-07-01T06:15:00.000Z');
  });
});
