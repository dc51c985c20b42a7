import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isSqlite } from './sql';

/**
 * SQLite's planner reads statistics that only ANALYZE writes; `PRAGMA optimize` runs it where
 * tables changed enough to matter (cheap when nothing did). Run after migrations and after each
 * recompute, as SQLite's documentation advises for long-lived connections. PostgreSQL's
 * autovacuum keeps its own statistics.
 */
export async function optimizeSqlite(dataSource: DataSource): Promise<void> {
  if (isSqlite(dataSource)) await dataSource.query('PRAGMA optimize');
}

/** At start, once the migrations (run when the connection opens) are applied. */
@Injectable()
export class SqliteOptimizeOnStart implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): Promise<void> {
    return optimizeSqlite(this.dataSource);
  }
}
