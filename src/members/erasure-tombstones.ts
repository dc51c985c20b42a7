import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { conflict } from '../common/errors/domain-error';
import { AppSecretsService } from '../database/app-secrets.service';
import { findAmong } from '../database/batch/batch-plan';
import { ErasureTombstone, TombstoneKind } from './erasure-tombstone.entity';
import { MembersErrorCode } from './members-error-code';
import { normalizeEmail, normalizeHandle, normalizePlatform } from './normalize';

const SECRET_NAME = 'erasure-tombstones';

/** A key a person can be recognised by, before hashing. */
export interface PersonKey {
  kind: TombstoneKind;
  /** The normalised value: a lower-cased email, `platform:handle`, or the externalId as given. */
  value: string;
}

export const emailKey = (email: string): PersonKey => ({
  kind: 'email',
  value: normalizeEmail(email),
});
export const handleKey = (platform: string, handle: string): PersonKey => ({
  kind: 'handle',
  value: `${normalizePlatform(platform)}:${normalizeHandle(handle)}`,
});
export const externalIdKey = (externalId: string): PersonKey => ({
  kind: 'externalId',
  value: externalId,
});

/**
 * The tombstones of erased people: only a keyed hash of each key is stored, so the table names
 * nobody, yet a create or import of the same email, handle or externalId is recognised and
 * refused (ERASED_PERSON).
 */
@Injectable()
export class ErasureTombstones {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: AppSecretsService,
  ) {}

  async hash(key: PersonKey): Promise<string> {
    const secret = await this.secrets.get(SECRET_NAME);
    return createHmac('sha256', secret).update(`${key.kind}:${key.value}`).digest('hex');
  }

  /** The keys among these that belong to an erased person. */
  async erased(keys: PersonKey[], manager = this.dataSource.manager): Promise<PersonKey[]> {
    if (!keys.length) return [];
    const hashes = await Promise.all(keys.map((key) => this.hash(key)));
    const found = await findAmong(
      manager,
      ErasureTombstone,
      hashes,
      (chunk) => ({ hash: In(chunk) }),
      { select: { hash: true } },
    );
    const erased = new Set(found.map((row) => row.hash));
    return keys.filter((_, index) => erased.has(hashes[index]));
  }

  /** Refuses a create that names an erased person by any of these keys. */
  async assertNotErased(keys: PersonKey[], manager?: EntityManager): Promise<void> {
    const [key] = await this.erased(keys, manager);
    if (!key) return;
    const field = key.kind === 'handle' ? 'handle' : key.kind;
    throw conflict(
      MembersErrorCode.ERASED_PERSON,
      `this ${field} belongs to a person who was erased at their request; they are not recorded again`,
      field,
    );
  }

  /**
   * Lifts the tombstones of these keys (the person consented again): the keyed hashes can only
   * be found by presenting the identifiers. Answers, per key presented, whether one was lifted.
   */
  async lift(keys: PersonKey[]): Promise<{ kind: TombstoneKind; lifted: boolean }[]> {
    const repository = this.dataSource.getRepository(ErasureTombstone);
    const lifted: { kind: TombstoneKind; lifted: boolean }[] = [];
    for (const key of keys) {
      const result = await repository.delete({ hash: await this.hash(key) });
      lifted.push({ kind: key.kind, lifted: (result.affected ?? 0) > 0 });
    }
    return lifted;
  }

  /** How many tombstones there are, by kind, and of how many erased members: nobody named. */
  async counts(): Promise<{
    total: number;
    byKind: Record<TombstoneKind, number>;
    members: number;
  }> {
    const rows = await this.dataSource
      .getRepository(ErasureTombstone)
      .createQueryBuilder('tombstone')
      .select('tombstone.kind', 'kind')
      .addSelect('COUNT(*)', 'count')
      .groupBy('tombstone.kind')
      .getRawMany<{ kind: TombstoneKind; count: string | number }>();
    const byKind: Record<TombstoneKind, number> = { email: 0, handle: 0, externalId: 0 };
    for (const row of rows) byKind[row.kind] = Number(row.count);
    const members = await this.dataSource
      .getRepository(ErasureTombstone)
      .createQueryBuilder('tombstone')
      .select('COUNT(DISTINCT tombstone.memberId)', 'count')
      .getRawOne<{ count: string | number }>();
    return {
      total: byKind.email + byKind.handle + byKind.externalId,
      byKind,
      members: Number(members?.count ?? 0),
    };
  }

  /** Every tombstone's hash and kind, for re-applying erasures to restored data. */
  async all(manager = this.dataSource.manager): Promise<{ hash: string; kind: TombstoneKind }[]> {
    return manager
      .getRepository(ErasureTombstone)
      .find({ select: { hash: true, kind: true }, order: { createdAt: 'ASC' } });
  }

  /** Records the tombstones; a key already tombstoned keeps its row. Returns how many are new. */
  async record(manager: EntityManager, memberId: string, keys: PersonKey[]): Promise<number> {
    const hashes = new Map<string, TombstoneKind>();
    for (const key of keys) hashes.set(await this.hash(key), key.kind);
    if (!hashes.size) return 0;
    const existing = await manager
      .getRepository(ErasureTombstone)
      .find({ select: { hash: true }, where: { hash: In([...hashes.keys()]) } });
    for (const row of existing) hashes.delete(row.hash);
    const now = Date.now();
    for (const [hash, kind] of hashes)
      await manager
        .createQueryBuilder()
        .insert()
        .into(ErasureTombstone)
        .values({ id: randomUUID(), hash, kind, memberId, createdAt: now })
        .orIgnore()
        .execute();
    return hashes.size;
  }
}
