import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { conflict, notFound } from '../../common/errors/domain-error';
import { inChunks } from '../../database/batch/batch-plan';
import { isConstraintViolation } from '../../database/sql';
import { ImportLeases } from '../import-leases';
import { ImportRegistry } from '../import-registry';
import { ImportsErrorCode } from '../imports-error-code';
import { UndoRules } from '../record-importer';
import { ImportRunsRepository } from './import-runs.repository';

/** At most this many kept records are named in an undo's answer; the counts stay exact. */
export const MAX_KEPT_LISTED = 1000;

export interface ImportUndoResult {
  id: string;
  status: 'undone';
  /** Records deleted, by record type. */
  deleted: Record<string, number>;
  /** Records kept because something else references them (or they are gone already), by type. */
  kept: Record<string, number>;
  keptRecords: { recordType: string; id: string }[];
}

/**
 * Undoes an import: deletes the records it created that nothing else references yet (a member
 * with purchases from another import stays), in one transaction, under the imports' lease so
 * that no erasure runs meanwhile. A record referenced only by another record of the same
 * import (a refund of its order) goes once that one has gone.
 */
@Injectable()
export class ImportUndoService {
  private readonly leases: ImportLeases;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runs: ImportRunsRepository,
    private readonly registry: ImportRegistry,
  ) {
    this.leases = new ImportLeases(dataSource);
  }

  undo(id: string): Promise<ImportUndoResult> {
    return this.leases.hold(async () => {
      await this.runs.failInterrupted();
      try {
        return await this.dataSource.transaction((manager) => this.undoIn(manager, id));
      } catch (error) {
        if (!isConstraintViolation(error)) throw error;
        throw conflict(
          ImportsErrorCode.IMPORT_NOT_UNDOABLE,
          'a record of this import was referenced while it was being undone; undo it again',
        );
      }
    });
  }

  private async undoIn(manager: EntityManager, id: string): Promise<ImportUndoResult> {
    const run = await this.runs.findById(id, manager);
    if (!run) throw notFound(ImportsErrorCode.IMPORT_NOT_FOUND, 'id', id);
    const refusal =
      run.status === 'undone'
        ? 'this import is undone already'
        : run.status === 'running'
          ? 'this import is still running; undo it once it has finished'
          : run.dryRun
            ? 'a dry run stored nothing to undo'
            : undefined;
    if (refusal) throw conflict(ImportsErrorCode.IMPORT_NOT_UNDOABLE, refusal);
    const result: ImportUndoResult = {
      id,
      status: 'undone',
      deleted: {},
      kept: {},
      keptRecords: [],
    };
    for (const [recordType, ids] of await this.runs.records(id, manager)) {
      const rules = this.registry.get(recordType)?.undo;
      const { deleted, kept } = rules
        ? await this.deleteUnreferenced(manager, rules, ids)
        : { deleted: [], kept: ids };
      await this.runs.forgetRecords(id, recordType, deleted, manager);
      result.deleted[recordType] = deleted.length;
      result.kept[recordType] = kept.length;
      for (const keptId of kept.slice(0, MAX_KEPT_LISTED - result.keptRecords.length))
        result.keptRecords.push({ recordType, id: keptId });
    }
    await this.runs.markUndone(id, manager);
    return result;
  }

  private async deleteUnreferenced(
    manager: EntityManager,
    rules: UndoRules,
    ids: string[],
  ): Promise<{ deleted: string[]; kept: string[] }> {
    let remaining = await this.existing(manager, rules.table, ids);
    const gone = ids.filter((recordId) => !remaining.has(recordId));
    const deleted: string[] = [];
    for (;;) {
      const held = await this.referenced(manager, rules, [...remaining]);
      const free = [...remaining].filter((recordId) => !held.has(recordId));
      if (!free.length) break;
      for (const chunk of inChunks(free)) {
        for (const derived of rules.derived ?? [])
          await manager
            .createQueryBuilder()
            .delete()
            .from(derived.table)
            .where(`${derived.column} IN (:...ids)`, { ids: chunk })
            .execute();
        await manager
          .createQueryBuilder()
          .delete()
          .from(rules.table)
          .where('id IN (:...ids)', { ids: chunk })
          .execute();
      }
      deleted.push(...free);
      remaining = held;
    }
    return { deleted, kept: [...remaining, ...gone] };
  }

  private async existing(
    manager: EntityManager,
    table: string,
    ids: string[],
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of inChunks(ids)) {
      const rows = await manager
        .createQueryBuilder()
        .select('record.id', 'id')
        .from(table, 'record')
        .where('record.id IN (:...ids)', { ids: chunk })
        .getRawMany<{ id: string }>();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  /** Of these ids, those something references (or that must stay for another reason). */
  private async referenced(
    manager: EntityManager,
    rules: UndoRules,
    ids: string[],
  ): Promise<Set<string>> {
    const held = new Set<string>();
    for (const chunk of inChunks(ids)) {
      for (const reference of rules.references) {
        const rows = await manager
          .createQueryBuilder()
          .select(`reference.${reference.column}`, 'id')
          .distinct(true)
          .from(reference.table, 'reference')
          .where(`reference.${reference.column} IN (:...ids)`, { ids: chunk })
          .getRawMany<{ id: string }>();
        for (const row of rows) held.add(row.id);
      }
      for (const column of rules.keptWhenSet ?? []) {
        const rows = await manager
          .createQueryBuilder()
          .select('record.id', 'id')
          .from(rules.table, 'record')
          .where(`record.id IN (:...ids) AND record.${column} IS NOT NULL`, { ids: chunk })
          .getRawMany<{ id: string }>();
        for (const row of rows) held.add(row.id);
      }
    }
    return held;
  }
}
