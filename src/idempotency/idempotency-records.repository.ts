import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, MoreThanOrEqual } from 'typeorm';
import { RecordRepository } from '../database/record-repository';
import { isUniqueViolation } from '../database/sql';
import { IdempotencyRecord } from './idempotency-record.entity';

/** What names a reservation: the API key, the Idempotency-Key, and what was asked. */
export interface IdempotencyScope {
  apiKeyId: string;
  key: string;
  route: string;
  requestHash: string;
}

/** The queries of idempotency records; each method is one query (reserve, two). */
@Injectable()
export class IdempotencyRecordsRepository extends RecordRepository<IdempotencyRecord> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, IdempotencyRecord);
  }

  /**
   * Takes the key: the unique index on (api_key_id, key) lets one insert win. When a record of
   * the key holds it, one older than `expiredBefore` is deleted and the insert tried once more
   * (a new key, the usual case, costs one statement). The record's id, or null when another
   * holds the key.
   */
  async reserve(
    scope: IdempotencyScope,
    now: number,
    expiredBefore: number,
  ): Promise<string | null> {
    const records = this.dataSource.getRepository(IdempotencyRecord);
    const id = randomUUID();
    const insert = async () => {
      try {
        await records.insert({ ...scope, id, status: null, resourceId: null, createdAt: now });
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    };
    if (await insert()) return id;
    const expired = await records.delete({
      apiKeyId: scope.apiKeyId,
      key: scope.key,
      createdAt: LessThan(expiredBefore),
    });
    return expired.affected && (await insert()) ? id : null;
  }

  /** The key's record unless it expired. */
  findLive(
    apiKeyId: string,
    key: string,
    expiredBefore: number,
  ): Promise<IdempotencyRecord | null> {
    return this.dataSource
      .getRepository(IdempotencyRecord)
      .findOneBy({ apiKeyId, key, createdAt: MoreThanOrEqual(expiredBefore) });
  }

  async complete(id: string, status: number, resourceId: string | null): Promise<void> {
    await this.update(id, { status, resourceId });
  }

  /** Deletes the records created before `expiredBefore`; how many. */
  async purgeExpired(expiredBefore: number): Promise<number> {
    const result = await this.dataSource
      .getRepository(IdempotencyRecord)
      .delete({ createdAt: LessThan(expiredBefore) });
    return result.affected ?? 0;
  }
}
