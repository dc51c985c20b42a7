import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { statSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { ReasonLanguage } from '../../common/language/reason-language';
import { HaloSettings } from '../../config/halo-settings';
import { sqliteFile } from '../../database/data-source-options';
import { isSqlite, rawQuery } from '../../database/sql';
import { SystemCheck, SystemCheckResult, SystemReason } from '../system-check';
import { SystemReasonCode } from '../system-reason-code';
import { systemReasonText } from '../system-reason-text';

export interface DatabaseDetails {
  kind: 'sqlite' | 'postgres';
  /** The whole database: SQLite's file plus its WAL, PostgreSQL's pg_database_size. */
  sizeBytes: number;
  sqlite: { file: string; fileBytes: number; walBytes: number } | null;
  migrations: { applied: number; pending: number; last: string | null };
}

/** Which database, how large, and whether its schema is up to date. */
@Injectable()
export class DatabaseCheck implements SystemCheck {
  readonly name = 'database';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async run(): Promise<SystemCheckResult> {
    const migrations = await this.migrations();
    let details: DatabaseDetails;
    if (isSqlite(this.dataSource)) {
      const file = sqliteFile(this.settings.database.sqlitePath);
      const fileBytes = sizeOf(file);
      const walBytes = sizeOf(`${file}-wal`);
      details = {
        kind: 'sqlite',
        sizeBytes: fileBytes + walBytes,
        sqlite: { file, fileBytes, walBytes },
        migrations,
      };
    } else {
      const [row] = await rawQuery(
        this.dataSource,
        'SELECT pg_database_size(current_database()) AS size',
      );
      details = { kind: 'postgres', sizeBytes: row.number('size'), sqlite: null, migrations };
    }
    const reasons: SystemReason[] =
      migrations.pending > 0
        ? [{ code: SystemReasonCode.MIGRATIONS_PENDING, params: { count: migrations.pending } }]
        : [];
    return { details, reasons };
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }

  /** The migrations table against the migrations this build ships. */
  private async migrations(): Promise<DatabaseDetails['migrations']> {
    const table = this.dataSource.options.migrationsTableName ?? 'migrations';
    const rows = await rawQuery(this.dataSource, `SELECT name FROM ${table}`);
    const applied = new Set(rows.map((row) => row.string('name')));
    const known = this.dataSource.migrations.map((migration) => migration.name ?? '');
    return {
      applied: applied.size,
      pending: known.filter((name) => !applied.has(name)).length,
      last: known.filter((name) => applied.has(name)).at(-1) ?? null,
    };
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
