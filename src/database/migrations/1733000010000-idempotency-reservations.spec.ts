import { DataSource } from 'typeorm';
import { SnakeNamingStrategy } from '../snake-naming.strategy';
import { MIGRATIONS } from '.';
import { IdempotencyReservations1733000010000 } from './1733000010000-idempotency-reservations';

const UP_TO_THIS = MIGRATIONS.slice(
  0,
  MIGRATIONS.indexOf(IdempotencyReservations1733000010000) + 1,
);

describe('IdempotencyReservations1733000010000', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      migrations: UP_TO_THIS,
      migrationsTransactionMode: 'each',
      namingStrategy: new SnakeNamingStrategy(),
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(() => dataSource.destroy());

  it('keeps the resource id of a stored answer and drops the body with its personal data', async () => {
    await dataSource.undoLastMigration();
    const insert = `INSERT INTO idempotency_records
      (id, api_key_id, key, route, request_hash, status, response_body, created_at)
      VALUES (?, 'admin', ?, 'POST /api/v1/members', 'hash', ?, ?, 1)`;
    const body = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', email: 'ada@example.com' };
    await dataSource.query(insert, ['r1', 'k1', 201, JSON.stringify(body)]);
    await dataSource.query(insert, ['r2', 'k2', 200, 'not json']);

    await dataSource.runMigrations();
    const rows = (await dataSource.query(
      'SELECT * FROM idempotency_records ORDER BY id',
    )) as Record<string, unknown>[];
    expect(rows.map((row) => [row.id, row.status, row.resource_id])).toEqual([
      ['r1', 201, body.id],
      ['r2', 200, null],
    ]);
    expect(JSON.stringify(rows)).not.toContain('ada@example.com');

    await dataSource.undoLastMigration();
    const columns = (await dataSource.query(
      "SELECT name FROM pragma_table_info('idempotency_records')",
    )) as { name: string }[];
    expect(columns.map((column) => column.name)).toContain('response_body');
    await dataSource.runMigrations();
  });
});
