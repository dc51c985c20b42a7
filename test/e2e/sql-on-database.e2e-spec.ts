import { DataSource, QueryRunner } from 'typeorm';
import { isConstraintViolation, isUniqueViolation, readRows } from '../../src/database/sql';

const postgresUrl = process.env.TEST_DATABASE_URL;

/**
 * The raw-SQL helpers against the database the suite runs on (PostgreSQL when
 * TEST_DATABASE_URL is set): the driver's error codes and the types its columns arrive as.
 */
describe(`raw SQL on ${postgresUrl ? 'PostgreSQL' : 'SQLite'}`, () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  beforeAll(async () => {
    dataSource = await new DataSource(
      postgresUrl
        ? { type: 'postgres', url: postgresUrl }
        : { type: 'better-sqlite3', database: ':memory:' },
    ).initialize();
    // One connection: the temporary tables live in its session.
    runner = dataSource.createQueryRunner();
    await runner.connect();
    if (!postgresUrl) await runner.query('PRAGMA foreign_keys = ON');
    await runner.query('CREATE TEMPORARY TABLE sql_parents (id integer PRIMARY KEY)');
    await runner.query(`CREATE TEMPORARY TABLE sql_children (
      id integer PRIMARY KEY,
      code varchar(10) NOT NULL UNIQUE,
      size integer CHECK (size > 0),
      at bigint,
      parent_id integer REFERENCES sql_parents (id))`);
    await runner.query(
      "INSERT INTO sql_children (id, code, at) VALUES (1, 'a', 1764000000000), (2, 'b', NULL)",
    );
  });
  afterAll(async () => {
    await runner.release();
    await dataSource.destroy();
  });

  const failureOf = async (sql: string): Promise<unknown> => {
    try {
      await runner.query(sql);
    } catch (error) {
      return error;
    }
    throw new Error(`${sql} succeeded`);
  };

  it('tells a unique violation from the other constraint violations', async () => {
    const duplicate = await failureOf("INSERT INTO sql_children (id, code) VALUES (3, 'a')");
    expect([isUniqueViolation(duplicate), isConstraintViolation(duplicate)]).toEqual([true, true]);
    const samePrimaryKey = await failureOf("INSERT INTO sql_children (id, code) VALUES (1, 'z')");
    expect(isUniqueViolation(samePrimaryKey)).toBe(true);
    for (const sql of [
      "INSERT INTO sql_children (id, code, parent_id) VALUES (4, 'd', 99)",
      'INSERT INTO sql_children (id, code) VALUES (5, NULL)',
      "INSERT INTO sql_children (id, code, size) VALUES (6, 'f', 0)",
    ]) {
      const refused = await failureOf(sql);
      expect({
        sql,
        unique: isUniqueViolation(refused),
        constraint: isConstraintViolation(refused),
      }).toEqual({ sql, unique: false, constraint: true });
    }
    const broken = await failureOf('SELECT * FROM sql_no_such_table');
    expect([isUniqueViolation(broken), isConstraintViolation(broken)]).toEqual([false, false]);
  });

  it('reads bigint, COUNT, SUM and 1/0 flags as numbers and booleans', async () => {
    const [row] = readRows(
      await runner.query(
        `SELECT MAX(at) AS latest, MIN(at) AS earliest, COUNT(*) AS n, SUM(id) AS total,
                CASE WHEN COUNT(*) > 1 THEN 1 ELSE 0 END AS several, MAX(code) AS code
           FROM sql_children`,
      ),
    );
    expect(row.instant('latest')).toBe(1_764_000_000_000);
    expect(row.instant('earliest')).toBe(1_764_000_000_000);
    expect(row.number('n')).toBe(2);
    expect(row.number('total')).toBe(3);
    expect(row.boolean('several')).toBe(true);
    expect(row.string('code')).toBe('b');
    const [empty] = readRows(
      await runner.query('SELECT MAX(at) AS latest FROM sql_children WHERE id > 99'),
    );
    expect(empty.instantOrNull('latest')).toBeNull();
    expect(() => empty.instant('latest')).toThrow('column latest');
  });
});
