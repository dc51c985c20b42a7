import { DataSource, QueryFailedError, QueryRunner } from 'typeorm';
import { isConstraintViolation, isUniqueViolation } from './constraint-errors';

/** The checks against the errors a real SQLite raises; test/e2e/sql-on-database does PostgreSQL. */
describe('constraint errors on SQLite', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
    }).initialize();
    runner = dataSource.createQueryRunner();
    await runner.query('PRAGMA foreign_keys = ON');
    await runner.query('CREATE TABLE parents (id INTEGER PRIMARY KEY)');
    await runner.query(`CREATE TABLE children (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      size INTEGER CHECK (size > 0),
      parent_id INTEGER REFERENCES parents (id))`);
    await runner.query("INSERT INTO children (id, code) VALUES (1, 'a')");
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

  it.each([
    ['a unique index', "INSERT INTO children (id, code) VALUES (2, 'a')"],
    ['a primary key', "INSERT INTO children (id, code) VALUES (1, 'b')"],
  ])('calls a row refused by %s a unique violation, and a constraint violation', async (_, sql) => {
    const error = await failureOf(sql);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isConstraintViolation(error)).toBe(true);
  });

  it.each([
    ['a foreign key', "INSERT INTO children (id, code, parent_id) VALUES (3, 'c', 99)"],
    ['NOT NULL', 'INSERT INTO children (id, code) VALUES (4, NULL)'],
    ['a check', "INSERT INTO children (id, code, size) VALUES (5, 'e', 0)"],
  ])('calls a row refused by %s a constraint violation only', async (_, sql) => {
    const error = await failureOf(sql);
    expect(isConstraintViolation(error)).toBe(true);
    expect(isUniqueViolation(error)).toBe(false);
  });

  it('calls neither a broken statement nor an error from elsewhere', async () => {
    const error = await failureOf('SELECT * FROM no_such_table');
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(isConstraintViolation(error)).toBe(false);
    expect(isUniqueViolation(error)).toBe(false);
    const lookalike = Object.assign(new Error('duplicate'), { code: '23505' });
    expect(isUniqueViolation(lookalike)).toBe(false);
    expect(isConstraintViolation(undefined)).toBe(false);
  });
});
