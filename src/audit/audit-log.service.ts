import { Injectable } from '@nestjs/common';
import { parseIsoInstant } from '../common/dates/iso-date';
import { invalidField, notFound } from '../common/errors/domain-error';
import { Page } from '../common/pagination/cursor';
import { AuditEntriesRepository } from './audit-entries.repository';
import { AuditErrorCode } from './audit-error-code';
import { AuditEntryResponseDto } from './dto/audit-entry-response.dto';
import { ListAuditQuery } from './dto/list-audit.query';

/** Reads the audit log for admins: filtered pages, newest first, with each entry's records. */
@Injectable()
export class AuditLogService {
  constructor(private readonly entries: AuditEntriesRepository) {}

  async list(query: ListAuditQuery): Promise<Page<AuditEntryResponseDto>> {
    const from = query.from === undefined ? undefined : parseIsoInstant(query.from);
    const to = query.to === undefined ? undefined : parseIsoInstant(query.to);
    if (from !== undefined && to !== undefined && from >= to)
      throw invalidField('from', 'must lie before to', 'periodOrder');
    const page = await this.entries.page({
      keyId: query.keyId?.toLowerCase(),
      recordId: query.recordId?.toLowerCase(),
      action: query.action,
      from,
      to,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    const recordIds = await this.entries.recordIdsOf(page.items.map((entry) => entry.id));
    return {
      ...page,
      items: page.items.map((entry) =>
        AuditEntryResponseDto.from(entry, recordIds.get(entry.id) ?? []),
      ),
    };
  }

  async get(id: string): Promise<AuditEntryResponseDto> {
    const entry = await this.entries.findById(id);
    if (!entry) throw notFound(AuditErrorCode.AUDIT_ENTRY_NOT_FOUND, 'id', id);
    const recordIds = await this.entries.recordIdsOf([entry.id]);
    return AuditEntryResponseDto.from(entry, recordIds.get(entry.id) ?? []);
  }
}
