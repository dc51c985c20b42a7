import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validationFailed } from '../../common/validation/validation-errors';
import { ImportRegistry } from '../../imports/import-registry';
import { validateRow } from '../../imports/row-validator';
import { payloadInvalid } from '../mappers/payload-fields';
import { InboundOutcome } from './inbound-outcome';

/**
 * Halo's generic webhook: `{type, record}` where type is any record type the import accepts
 * (`members`, `purchases`, `reviews`, ...) and record is the body of its single POST. The record
 * is validated by the same DTO (unknown fields refused: this is Halo's own format) and written by
 * the same importer as a row of an import, so its natural key makes a replay `unchanged`.
 */
@Injectable()
export class GenericRecordsWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: ImportRegistry,
  ) {}

  async write(payload: Record<string, unknown>): Promise<InboundOutcome> {
    const unknown = Object.keys(payload).filter((key) => key !== 'type' && key !== 'record');
    if (unknown.length)
      throw validationFailed(
        unknown.map((field) => ({ field, reason: 'is not a known field', code: 'unknownField' })),
      );
    const type = payload.type;
    const importer = typeof type === 'string' ? this.registry.get(type) : undefined;
    if (!importer)
      throw payloadInvalid('type', `must be one of ${this.registry.types().join(', ')}`);
    const checked = await validateRow(importer.dto, payload.record);
    if ('details' in checked)
      throw validationFailed(
        checked.details.map((detail) => ({ ...detail, field: `record.${detail.field}` })),
      );
    const outcome = await this.dataSource.transaction((manager) =>
      importer.write(manager, checked.instance),
    );
    const externalId = (checked.instance as { externalId?: unknown }).externalId;
    // An importer answers the outcome only: the record is found again by its externalId.
    return {
      outcome,
      type: importer.type,
      recordId: null,
      externalId: typeof externalId === 'string' ? externalId : null,
    };
  }
}
