import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DomainError, conflict } from '../../common/errors/domain-error';
import { Page } from '../../common/pagination/cursor';
import { keysetPage } from '../../common/pagination/keyset';
import { isUniqueViolation } from '../../database/sql';
import { ImportFormat } from '../import-format';
import { IMPORT_LEASE_PREFIX } from '../import-leases';
import { ImportResult } from '../import-result';
import { ImportsErrorCode } from '../imports-error-code';
import { ImportRunError } from './import-run-error.entity';
import { ImportRunRecord } from './import-run-record.entity';
import { ImportRun, ImportRunStatus } from './import-run.entity';

export interface ImportRunFilters {
  status?: ImportRunStatus;
  type?: string;
  limit: number;
  cursor?: string;
}

/** The kept import runs: started, finished, listed, and their errors and records. */
@Injectable()
export class ImportRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new running import; an id already taken is a 409. */
  async start(run: {
    id: string;
    type: string;
    format: ImportFormat;
    dryRun: boolean;
    keyId: string | null;
  }): Promise<void> {
    try {
      await this.dataSource.getRepository(ImportRun).insert({
        ...run,
        status: 'running',
        startedAt: Date.now(),
        finishedAt: null,
        failureCode: null,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw importIdTaken();
    }
  }

  /** How it ended; a successful end writes the final counts. */
  async finish(
    id: string,
    status: Exclude<ImportRunStatus, 'running' | 'undone'>,
    outcome: { result?: ImportResult; failureCode?: string },
  ): Promise<void> {
    const counts = outcome.result
      ? {
          rows: outcome.result.rows,
          created: outcome.result.created,
          updated: outcome.result.updated,
          unchanged: outcome.result.unchanged,
          refused: outcome.result.refused,
          rowsStored: outcome.result.created + outcome.result.updated + outcome.result.unchanged,
        }
      : {};
    await this.dataSource.getRepository(ImportRun).update(
      { id },
      {
        ...counts,
        status,
        failureCode: outcome.failureCode?.slice(0, 60) ?? null,
        finishedAt: Date.now(),
      },
    );
  }

  /**
   * Runs still `running` whose lease is gone or expired: their process died (a SIGKILL, a
   * crash) and they will never finish; marked `failed` (INTERRUPTED) when read.
   */
  async failInterrupted(now = Date.now()): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(ImportRun)
      .set({ status: 'failed', failureCode: 'INTERRUPTED', finishedAt: now })
      .where('status = :running', { running: 'running' })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM leases lease WHERE lease.name = CAST(:prefix AS varchar(40)) || import_runs.id AND lease.expires_at >= :now)`,
        { prefix: IMPORT_LEASE_PREFIX, now },
      )
      .execute();
  }

  page(filters: ImportRunFilters): Promise<Page<ImportRun>> {
    const query = this.dataSource.getRepository(ImportRun).createQueryBuilder('run');
    if (filters.status) query.andWhere('run.status = :status', { status: filters.status });
    if (filters.type) query.andWhere('run.type = :type', { type: filters.type });
    return keysetPage(query, {
      sortColumn: 'run.started_at',
      idColumn: 'run.id',
      sortValue: (run) => run.startedAt,
      rowId: (run) => run.id,
      order: 'DESC',
      limit: filters.limit,
      cursor: filters.cursor,
    });
  }

  findById(id: string, manager = this.dataSource.manager): Promise<ImportRun | null> {
    return manager.getRepository(ImportRun).findOneBy({ id });
  }

  /** The first `limit` refused rows' problems, by line. */
  errors(id: string, limit?: number): Promise<ImportRunError[]> {
    return this.dataSource.getRepository(ImportRunError).find({
      where: { importId: id },
      order: { line: 'ASC', seq: 'ASC' },
      take: limit,
    });
  }

  /** All refused rows' problems by line, a page at a time (for the CSV). */
  async *allErrors(id: string, pageSize = 5000): AsyncGenerator<ImportRunError[]> {
    for (let after = { line: -1, seq: 0 }; ;) {
      const page = await this.dataSource
        .getRepository(ImportRunError)
        .createQueryBuilder('error')
        .where('error.import_id = :id', { id })
        .andWhere('(error.line > :line OR (error.line = :line AND error.seq > :seq))', after)
        .orderBy('error.line', 'ASC')
        .addOrderBy('error.seq', 'ASC')
        .limit(pageSize)
        .getMany();
      if (!page.length) return;
      yield page;
      const last = page[page.length - 1];
      after = { line: last.line, seq: last.seq };
    }
  }

  /** The records the import created, by type. */
  async records(id: string, manager: EntityManager): Promise<Map<string, string[]>> {
    const rows = await manager.getRepository(ImportRunRecord).find({ where: { importId: id } });
    const byType = new Map<string, string[]>();
    for (const row of rows)
      byType.set(row.recordType, [...(byType.get(row.recordType) ?? []), row.recordId]);
    return byType;
  }

  async forgetRecords(
    id: string,
    recordType: string,
    recordIds: string[],
    manager: EntityManager,
  ): Promise<void> {
    for (let start = 0; start < recordIds.length; start += 500)
      await manager.getRepository(ImportRunRecord).delete({
        importId: id,
        recordType,
        recordId: In(recordIds.slice(start, start + 500)),
      });
  }

  markUndone(id: string, manager: EntityManager): Promise<unknown> {
    return manager
      .getRepository(ImportRun)
      .update({ id }, { status: 'undone', finishedAt: Date.now() });
  }
}

/** 409: the client's importId names an import that exists. */
export function importIdTaken(): DomainError {
  return conflict(
    ImportsErrorCode.IMPORT_ID_TAKEN,
    'an import with this importId exists; choose another',
    'importId',
  );
}
