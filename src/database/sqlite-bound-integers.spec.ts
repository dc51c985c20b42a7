import BetterSqlite3 from 'better-sqlite3';
import { DataSource, Entity, PrimaryColumn, Column } from 'typeorm';
import { bindSqliteIntegers, boundIntegers } from './sqlite-bound-integers';

@Entity('things')
class Thing {
  @PrimaryColumn({ type: 'varchar' })
  id!: string;

  @Column({ type: 'varchar' })
  label!: string;

  @Column({ type: 'bigint' })
  at!: number;

  @Column({ type: 'float', nullable: true })
  share!: number | null;
}

describe('boundIntegers', () => {
  it('turns safe integers into BigInt and leaves the rest as they are', () => {
    const parameters = { a: 5, b: 1.5, c: 'x', d: Number.NaN, e: [1, 2], f: 1_764_000_000_000 };
    expect(boundIntegers(parameters)).toEqual({ ...parameters, a: 5n, f: 1_764_000_000_000n });
    expect(parameters.a).toBe(5); // the caller's object is not changed
  });

  it('answers the same object when nothing is an integer', () => {
    const parameters = { a: 'x', b: 0.25 };
    expect(boundIntegers(parameters)).toBe(parameters);
    expect(boundIntegers(undefined)).toBeUndefined();
  });

  it('leaves integers beyond 64 bits to the driver', () => {
    expect(boundIntegers({ big: 2 ** 64 })).toEqual({ big: 2 ** 64 });
  });
});

describe('bindSqliteIntegers', () => {
  let dataSource: DataSource;
  const prepared: string[] = [];

  beforeAll(async () => {
    bindSqliteIntegers();
    bindSqliteIntegers(); // idempotent
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Thing],
      synchronize: true,
      prepareDatabase: (database: BetterSqlite3.Database) => {
        const prepare = database.prepare.bind(database);
        database.prepare = ((source: string) => {
          prepared.push(source);
          return prepare(source);
        }) as typeof database.prepare;
      },
    });
    await dataSource.initialize();
  });

  afterAll(() => dataSource.destroy());

  it('binds integers, so that one statement serves every value', async () => {
    prepared.length = 0;
    const repository = dataSource.getRepository(Thing);
    for (let index = 0; index < 5; index += 1)
      await repository.insert({ id: `t${index}`, label: 'x', at: 1_764_000_000_000 + index });
    for (let index = 0; index < 5; index += 1)
      await repository.update({ id: `t${index}` }, { at: 1_800_000_000_000 + index });
    expect(prepared.filter((sql) => sql.startsWith('INSERT'))).toHaveLength(1);
    expect(prepared.filter((sql) => sql.startsWith('UPDATE'))).toHaveLength(1);
    expect(await repository.findOneByOrFail({ id: 't3' })).toMatchObject({
      at: 1_800_000_000_003,
    });
  });

  it('stores what a literal stored: an INTEGER, and "5" (not "5.0") in a text column', async () => {
    await dataSource
      .createQueryBuilder()
      .insert()
      .into(Thing)
      .values({ id: 'n', label: 5 as unknown as string, at: 7, share: 0.5 })
      .execute();
    const [row] = await dataSource.query(
      "SELECT label, typeof(at) AS atType, share, typeof(share) AS shareType FROM things WHERE id = 'n'",
    );
    expect(row).toEqual({ label: '5', atType: 'integer', share: 0.5, shareType: 'real' });
    const sum = await dataSource
      .getRepository(Thing)
      .createQueryBuilder('thing')
      .select(':total / :count', 'ratio')
      .where('thing.id = :id', { id: 'n' })
      .setParameters({ total: 7, count: 2 })
      .getRawOne<{ ratio: number }>();
    expect(sum).toEqual({ ratio: 3 }); // integer division, as with literals
  });
});
