import { DataSource, EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';

/**
 * What every aggregate's repository writes the same way, by primary key. `manager` is the
 * transaction the service runs, the data source's own manager otherwise; the queries that
 * differ per aggregate live in the subclass, each method one query.
 */
export abstract class RecordRepository<T extends { id: string }> {
  protected constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
  ) {}

  /** Runs `work` in a transaction, or in a savepoint of the caller's transaction. */
  transaction<R>(
    work: (manager: EntityManager) => Promise<R>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<R> {
    return manager.transaction(work);
  }

  async insert(record: T, manager = this.dataSource.manager): Promise<void> {
    await manager.insert(this.entity, record as never);
  }

  async update(id: string, changes: Partial<T>, manager = this.dataSource.manager): Promise<void> {
    await manager.update(this.entity, this.byId(id), changes as never);
  }

  /** Whether a row was deleted. */
  async delete(id: string, manager = this.dataSource.manager): Promise<boolean> {
    const result = await manager.delete(this.entity, this.byId(id));
    return Boolean(result.affected);
  }

  private byId(id: string): FindOptionsWhere<T> {
    return { id } as FindOptionsWhere<T>;
  }
}
