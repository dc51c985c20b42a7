import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A row as the database holds it, keyed by column name. */
export type StoredRow = Record<string, unknown>;

/**
 * The queries of an export and an erasure, across every table that refers to a member. They
 * are written in SQL over table names, since they visit each feature's tables alike; named
 * parameters (`:name`, `:...list`) work on SQLite and PostgreSQL.
 */
@Injectable()
export class PrivacyRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<R>(work: (manager: EntityManager) => Promise<R>): Promise<R> {
    return this.dataSource.manager.transaction(work);
  }

  /** The rows of `table` whose `where` holds, in a stable order. */
  async rows(
    manager: EntityManager,
    table: string,
    where: string,
    parameters: Record<string, unknown>,
    order = 'created_at, id',
  ): Promise<StoredRow[]> {
    const [text, values] = this.escape(
      `SELECT * FROM ${table} WHERE ${where} ORDER BY ${order}`,
      parameters,
    );
    return (await manager.query(text, values)) as StoredRow[];
  }

  /** Runs an UPDATE or DELETE and answers how many rows it changed. */
  async change(
    manager: EntityManager,
    sql: string,
    parameters: Record<string, unknown>,
  ): Promise<number> {
    const [text, values] = this.escape(sql, parameters);
    // Inside the erasure's transaction the manager has its query runner, which reports counts.
    const result = await manager.queryRunner!.query(text, values, true);
    return result.affected ?? 0;
  }

  /** Makes SQLite write the WAL back into the file and truncate it, so no old page lingers there. */
  async checkpointSqlite(): Promise<void> {
    if (this.dataSource.options.type === 'better-sqlite3')
      await this.dataSource.query('PRAGMA wal_checkpoint(TRUNCATE)');
  }

  private escape(sql: string, parameters: Record<string, unknown>): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(sql, parameters);
  }
}
