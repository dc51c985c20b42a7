import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { AuditEntryRecord } from './audit-entry-record.entity';
import { AuditEntry } from './audit-entry.entity';

export interface AuditFilters {
  keyId?: string;
  recordId?: string;
  action?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  /** Epoch ms, exclusive. */
  to?: number;
  order: 'ASC' | 'DESC';
  limit: number;
  cursor?: string;
}

/** The audit tables' queries: a filtered page, the records of entries, retention. */
@Injectable()
export class AuditEntriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Entries newest first (or oldest first), each filter on its index. */
  page(filters: AuditFilters): Promise<Page<AuditEntry>> {
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('entry');
    if (filters.keyId) query.andWhere('entry.key_id = :keyId', { keyId: filters.keyId });
    if (filters.action) query.andWhere('entry.action = :action', { action: filters.action });
    if (filters.from !== undefined) query.andWhere('entry.at >= :from', { from: filters.from });
    if (filters.to !== undefined) query.andWhere('entry.at < :to', { to: filters.to });
    if (filters.recordId) {
      query.andWhere(
        'entry.id IN (SELECT touched.entry_id FROM audit_entry_records touched WHERE touched.record_id = :recordId)',
        { recordId: filters.recordId },
      );
    }
    return keysetPage(query, {
      sortColumn: 'entry.at',
      idColumn: 'entry.id',
      sortValue: (entry) => entry.at,
      rowId: (entry) => entry.id,
      order: filters.order,
      limit: filters.limit,
      cursor: filters.cursor,
    });
  }

  findById(id: string): Promise<AuditEntry | null> {
    return this.dataSource.getRepository(AuditEntry).findOneBy({ id });
  }

  /** The record ids each entry names, by entry id. */
  async recordIdsOf(entryIds: string[]): Promise<Map<string, string[]>> {
    const byEntry = new Map<string, string[]>(entryIds.map((id) => [id, []]));
    if (entryIds.length === 0) return byEntry;
    const rows = await this.dataSource
      .getRepository(AuditEntryRecord)
      .find({ where: { entryId: In(entryIds) }, order: { recordId: 'ASC' } });
    for (const row of rows) byEntry.get(row.entryId)?.push(row.recordId);
    return byEntry;
  }

  /** Deletes entries (and their record rows) older than `cutoff`; answers how many entries. */
  async deleteOlderThan(cutoff: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .delete()
        .from(AuditEntryRecord)
        .where('at < :cutoff', { cutoff })
        .execute();
      const deleted = await manager
        .createQueryBuilder()
        .delete()
        .from(AuditEntry)
        .where('at < :cutoff', { cutoff })
        .execute();
      return deleted.affected ?? 0;
    });
  }
}
