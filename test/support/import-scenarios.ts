import { IsString } from 'class-validator';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../src/common/errors/domain-error';
import { ImportRegistry } from '../../src/imports/import-registry';
import { MembersService } from '../../src/members/members.service';
import { TestApp, createTestApp } from './test-app';
import { createMember } from './factories';
import { listTotal, uploadChunked, uploadImport } from './import-requests';

class PartialRowDto {
  @IsString() externalId!: string;
}

/** Where the imports of a run of the scenarios take place, and how the app is set for it. */
export interface ImportMode {
  /** Said in the describe blocks' titles. */
  where: string;
  environment: Record<string, string>;
  /**
   * Importers registered by a test reach only the main thread's registry: the scenario that
   * needs one runs where imports run on the main thread. A worker runs the same writeBatch.
   */
  testImporters: boolean;
}

/**
 * The HTTP import scenarios, run once with imports on the main thread (import.e2e-spec.ts) and
 * once in a worker thread (import-worker.e2e-spec.ts): the answers must not differ.
 */
export function describeHttpImports(mode: ImportMode): void {
  describeImportScenarios(mode);
  describeSizeLimit(mode);
}

function describeImportScenarios(mode: ImportMode): void {
  describe(`bulk import over HTTP, ${mode.where}`, () => {
    let test: TestApp;
    beforeAll(async () => {
      test = await createTestApp(mode.environment);
      if (!mode.testImporters) return;
      // A row that writes a member and is then refused: its savepoint must undo the member.
      const members = test.app.get(MembersService);
      test.app.get(ImportRegistry).register({
        type: 'test-partial',
        dto: PartialRowDto,
        write: async (manager: EntityManager, row: PartialRowDto) => {
          await members.create({ externalId: row.externalId }, manager);
          if (row.externalId.endsWith('-refuse'))
            throw new DomainError('conflict', 'TEST_REFUSED', 'refused after writing', [
              { field: 'externalId', reason: 'refused after writing', code: 'testRefused' },
            ]);
          return 'created';
        },
      });
    });
    afterAll(() => test.close());

    const upload = (type: string, contentType: string, body: string) =>
      uploadImport(test, type, contentType, body);
    const total = (path: string, query: Record<string, string> = {}) =>
      listTotal(test, path, query);

    it('imports a CSV with a BOM, `;`, CRLF, quoted delimiters and newlines, and | lists', async () => {
      const csv =
        '\ufeffexternalId;email;name;tags;acquiredAt\r\n' +
        'csv-1;ada@example.com;"Lovelace; Ada";vip|berlin;2025-03-01\r\n' +
        'csv-2;;"Grace\r\nHopper";;\r\n';
      const response = await upload('members', 'text/csv; charset=utf-8', csv).expect(200);
      expect(response.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        dryRun: false,
        type: 'members',
        format: 'csv',
        rows: 2,
        created: 2,
        updated: 0,
        unchanged: 0,
        refused: 0,
        errors: [],
        errorsTruncated: false,
        durationMs: expect.any(Number),
      });
      const listed = await test
        .http()
        .get('/api/v1/members')
        .query({ q: 'csv-', sort: 'externalId' })
        .set('Authorization', test.keys.viewer)
        .expect(200);
      expect(listed.body.items).toMatchObject([
        {
          externalId: 'csv-1',
          name: 'Lovelace; Ada',
          tags: ['berlin', 'vip'],
          email: 'ada@example.com',
        },
        { externalId: 'csv-2', name: 'Grace\r\nHopper', tags: [], email: null },
      ]);
    });

    it('reports refused NDJSON rows by line, in the vocabulary of single requests, and stores the rest', async () => {
      const ndjson = [
        '{"externalId":"nd-1","email":"nd1@example.com"}',
        '{"externalId":"nd-2","email":"not-an-email"}',
        '',
        '{"externalId":"nd-3", oops',
        '{"externalId":"nd-4","colour":"red"}',
        '["nd-5"]',
        '{"externalId":"nd-6","name":"<script>alert(1)</script>"}',
      ].join('\n');
      const response = await upload('members', 'application/x-ndjson', ndjson).expect(200);
      expect(response.body).toMatchObject({ format: 'ndjson', rows: 6, created: 2, refused: 4 });
      expect(response.body.errors).toEqual([
        {
          line: 2,
          externalId: 'nd-2',
          details: [{ field: 'email', reason: 'must be an email address', code: 'isEmail' }],
        },
        {
          line: 4,
          details: [{ field: '(row)', reason: 'is not valid JSON', code: 'malformedJson' }],
        },
        {
          line: 5,
          externalId: 'nd-4',
          details: [{ field: 'colour', reason: 'is not a known field', code: 'unknownField' }],
        },
        {
          line: 6,
          details: [{ field: '(row)', reason: 'must be a JSON object', code: 'isObject' }],
        },
      ]);
      expect(await total('/api/v1/members', { q: 'nd-' })).toBe(2);
      const script = await test
        .http()
        .get('/api/v1/members')
        .query({ q: 'nd-6' })
        .set('Authorization', test.keys.viewer);
      expect(script.body.items[0].name).toBe('<script>alert(1)</script>');
    });

    it('imports a JSON array of purchases, refusing rule breaks with the single-request codes', async () => {
      const buyer = await createMember(test, { externalId: 'json-buyer' });
      const rows = [
        {
          externalId: 'json-o1',
          memberExternalId: 'json-buyer',
          amount: '10.00',
          currency: 'EUR',
          occurredAt: '2026-01-02',
        },
        {
          externalId: 'json-o2',
          memberId: buyer.id,
          amount: 5,
          currency: 'EUR',
          occurredAt: '2026-01-03',
          attribution: { referralCode: 'x', coupon: 'y' },
        },
        {
          externalId: 'json-o3',
          memberExternalId: 'ghost',
          amount: '1.00',
          currency: 'EUR',
          occurredAt: '2026-01-04',
        },
        {
          externalId: 'json-o1',
          memberExternalId: 'json-buyer',
          amount: '99.00',
          currency: 'EUR',
          occurredAt: '2026-01-02',
        },
        {
          externalId: 'json-o4',
          memberExternalId: 'json-buyer',
          amount: '2.50',
          currency: 'EUR',
          occurredAt: '2026-01-05',
          attribution: { mentionUrl: 'https://example.com/p/1' },
        },
      ];
      const response = await upload(
        'purchases',
        'application/json',
        JSON.stringify(rows, null, 2),
      ).expect(200);
      expect(response.body).toMatchObject({ format: 'json', rows: 5, created: 2, refused: 3 });
      expect(response.body.errors).toEqual([
        {
          line: 2,
          externalId: 'json-o2',
          details: [
            { field: 'attribution.coupon', reason: 'is not a known field', code: 'unknownField' },
          ],
        },
        {
          line: 3,
          externalId: 'json-o3',
          details: [
            expect.objectContaining({ field: 'memberExternalId', code: 'unknownReference' }),
          ],
        },
        {
          line: 4,
          externalId: 'json-o1',
          details: [expect.objectContaining({ field: 'externalId', code: 'PURCHASE_EXISTS' })],
        },
      ]);
      expect(await total('/api/v1/purchases', { memberId: buyer.id })).toBe(2);
    });

    it('turns CSV cells into numbers only where the DTO property is a number (mentions)', async () => {
      const csv =
        'platform,handle,url,postedAt,reach,likes,sentiment,externalPostId\n' +
        'instagram,@csvcreator,https://instagram.com/p/csv1,2026-01-10T10:00:00Z,1200,34,0.5,0042\n' +
        'instagram,@csvcreator,https://instagram.com/p/csv2,2026-01-11T10:00:00Z,lots,,,\n';
      const response = await upload('mentions', 'text/csv', csv).expect(200);
      expect(response.body).toMatchObject({ rows: 2, created: 1, refused: 1 });
      expect(response.body.errors).toEqual([
        {
          line: 3,
          details: expect.arrayContaining([
            expect.objectContaining({ field: 'reach', code: 'isInt' }),
          ]),
        },
      ]);
      const listed = await test
        .http()
        .get('/api/v1/mentions')
        .query({ handle: 'csvcreator' })
        .set('Authorization', test.keys.viewer)
        .expect(200);
      expect(listed.body.items).toMatchObject([
        { reach: 1200, likes: 34, sentiment: 0.5, externalPostId: '0042' },
      ]);
    });

    it('answers the same rows again as unchanged and stores nothing twice', async () => {
      const csv = 'externalId,name\nagain-1,One\nagain-2,Two\n';
      await upload('members', 'text/csv', csv).expect(200);
      const again = await upload('members', 'text/csv', csv).expect(200);
      expect(again.body).toMatchObject({ rows: 2, created: 0, unchanged: 2, refused: 0 });
      expect(await total('/api/v1/members', { q: 'again-' })).toBe(2);
    });

    it('refuses a member row with neither externalId nor email, so that a re-run stores no twin', async () => {
      const csv =
        'externalId,email,name\nkeyless-1,,One\n,,Nobody Knows\n,keyless@example.com,Two\n';
      const first = await upload('members', 'text/csv', csv).expect(200);
      expect(first.body).toMatchObject({ rows: 3, created: 2, refused: 1 });
      expect(first.body.errors).toEqual([
        {
          line: 3,
          details: [
            { field: 'externalId', reason: expect.stringContaining('email'), code: 'required' },
          ],
        },
      ]);
      const again = await upload('members', 'text/csv', csv).expect(200);
      expect(again.body).toMatchObject({ created: 0, unchanged: 2, refused: 1 });
      expect(await total('/api/v1/members', { q: 'Nobody Knows' })).toBe(0);
    });

    // Only where the test's own importer is registered (the main thread); the worker runs the
    // same batch code with the app's importers.
    if (mode.testImporters)
      it('undoes only the refused row, also what it wrote before being refused', async () => {
        const ndjson = ['partial_1', 'partial_2-refuse', 'partial_3']
          .map((externalId) => JSON.stringify({ externalId }))
          .join('\n');
        const response = await upload('test-partial', 'application/x-ndjson', ndjson).expect(200);
        expect(response.body).toMatchObject({ created: 2, refused: 1 });
        expect(response.body.errors[0]).toMatchObject({
          line: 2,
          details: [{ code: 'testRefused' }],
        });
        // An underscore no generated name holds (they are base 36): only these rows match.
        expect(await total('/api/v1/members', { q: 'partial_' })).toBe(2);
      });

    describe('refuses a bad CSV header before any row is stored', () => {
      const purchaseColumns = 'externalId,memberExternalId,amount,currency,occurredAt';
      it.each([
        [
          'an extra column',
          'members',
          'externalId,name,colour\nh-1,A,red\n',
          'colour',
          'unknownField',
        ],
        [
          'a wrong delimiter',
          'members',
          'externalId|name\nh-2|B\n',
          'externalId|name',
          'unknownField',
        ],
        [
          'an object column',
          'purchases',
          `${purchaseColumns},attribution\nh-3,json-buyer,1.00,EUR,2026-01-01,x\n`,
          'attribution',
          'objectColumn',
        ],
      ])('%s', async (_label, type, csv, field, code) => {
        const before = await total('/api/v1/members');
        const response = await upload(type, 'text/csv', csv).expect(400);
        expect(response.body).toMatchObject({
          statusCode: 400,
          code: 'INVALID_CSV_HEADER',
          requestId: expect.any(String),
          details: expect.arrayContaining([expect.objectContaining({ field, code })]),
        });
        expect(await total('/api/v1/members')).toBe(before);
      });

      it('a missing required column', async () => {
        const csv =
          'externalId,memberExternalId,currency,occurredAt\nh-4,json-buyer,EUR,2026-01-01\n';
        const response = await upload('purchases', 'text/csv', csv).expect(400);
        expect(response.body.details).toEqual([
          { field: 'amount', reason: 'is a required column', code: 'missingColumn' },
        ]);
      });
    });

    it('refuses a body that is not a JSON array', async () => {
      const response = await upload('members', 'application/json', '{"externalId":"x"}').expect(
        400,
      );
      expect(response.body.details).toEqual([
        { field: '(body)', reason: 'must be a JSON array', code: 'isArray' },
      ]);
    });

    it('answers an unknown type with 404 and an unknown content type with 415, in the house shape', async () => {
      const unknown = await upload('unicorns', 'text/csv', 'a\n1\n').expect(404);
      expect(unknown.body).toMatchObject({
        statusCode: 404,
        details: [{ field: 'type', code: 'notFound' }],
      });
      const xml = await upload('members', 'application/xml', '<members/>').expect(415);
      expect(xml.body).toMatchObject({
        statusCode: 415,
        error: 'Unsupported Media Type',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        details: [{ field: 'Content-Type', code: 'unsupportedMediaType' }],
      });
      const ebcdic = await upload('members', 'text/csv; charset=ebcdic-x', 'name\nx\n').expect(415);
      expect(ebcdic.body.details[0]).toMatchObject({ field: 'Content-Type' });
      expect(ebcdic.body.details[0].reason).toContain('ebcdic-x');
      const gzip = await test
        .http()
        .post('/api/v1/import/members')
        .set('Authorization', test.keys.manager)
        .set('Content-Type', 'text/csv')
        .set('Content-Encoding', 'gzip')
        .send('name\nx\n')
        .expect(415);
      expect(gzip.body.details[0].field).toBe('Content-Encoding');
    });

    it('needs the manager role', async () => {
      const response = await test
        .http()
        .post('/api/v1/import/members')
        .set('Authorization', test.keys.viewer)
        .set('Content-Type', 'text/csv')
        .send('name\nx\n')
        .expect(403);
      expect(response.body.code).toBe('ROLE_INSUFFICIENT');
    });

    it('documents the endpoint in OpenAPI', async () => {
      const document = await test
        .http()
        .get('/docs-json')
        .set('Authorization', test.keys.viewer)
        .expect(200);
      const operation = document.body.paths['/api/v1/import/{type}'].post;
      expect(Object.keys(operation.requestBody.content)).toEqual(
        expect.arrayContaining(['application/json', 'application/x-ndjson', 'text/csv']),
      );
      expect(operation.responses['200']).toBeDefined();
    });
  });
}

function describeSizeLimit(mode: ImportMode): void {
  describe(`bulk import size limit, ${mode.where}`, () => {
    let test: TestApp;
    beforeAll(
      async () => (test = await createTestApp({ ...mode.environment, IMPORT_MAX_BYTES: '2048' })),
    );
    afterAll(() => test.close());

    it('answers a body over IMPORT_MAX_BYTES with 413 in the house shape, while other bodies keep their own limit', async () => {
      const csv = `name\n${'someone\n'.repeat(400)}`;
      const response = await uploadImport(test, 'members', 'text/csv', csv).expect(413);
      expect(response.body).toMatchObject({
        statusCode: 413,
        code: 'PAYLOAD_TOO_LARGE',
        details: [{ field: '(body)', code: 'tooLarge' }],
      });
      expect(await listTotal(test, '/api/v1/members')).toBe(0);
    });

    it('answers a chunked body (no Content-Length) that grows past the limit with 413 as well', async () => {
      await test.app.listen(0, '127.0.0.1');
      const lines = [
        'name\n',
        ...Array.from({ length: 10 }, (_, index) => `chunked ${index}${' '.repeat(300)}\n`),
      ];
      const response = await uploadChunked(test, 'members', 'text/csv', lines);
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        details: [{ field: '(body)' }],
      });
    });
  });
}
