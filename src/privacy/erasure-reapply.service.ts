import { Injectable } from '@nestjs/common';
import { TombstoneKind } from '../members/erasure-tombstone.entity';
import {
  emailKey,
  ErasureTombstones,
  externalIdKey,
  handleKey,
  PersonKey,
} from '../members/erasure-tombstones';
import { ErasureService } from './erasure.service';
import { PrivacyRepository, StoredRow } from './privacy.repository';

/** A member of restored data that a tombstone names, and what it was erased as. */
export interface ReappliedErasure {
  memberId: string;
  matchedBy: TombstoneKind[];
}

/**
 * Re-applies erasures to data restored from a backup (SQLite restore, or a pg_restore): every
 * member whose email, externalId or handle hashes to a tombstone is erased again, with the same
 * ErasureService as DELETE /members/:id. A member merged into another is the same person: the
 * member it was merged into is erased, with its other pointers. Idempotent: an erased member has
 * no email, externalId or handle left to match.
 */
@Injectable()
export class ErasureReapplyService {
  constructor(
    private readonly repository: PrivacyRepository,
    private readonly tombstones: ErasureTombstones,
    private readonly erasure: ErasureService,
  ) {}

  async reapply(): Promise<{ tombstones: number; erased: ReappliedErasure[] }> {
    const tombstones = new Set((await this.tombstones.all()).map((row) => row.hash));
    const matched = new Map<string, Set<TombstoneKind>>();
    if (tombstones.size) {
      const rootOf = await this.mergeRoots();
      for (const [memberId, key] of await this.personKeys()) {
        if (!tombstones.has(await this.tombstones.hash(key))) continue;
        const root = rootOf(memberId);
        matched.set(root, (matched.get(root) ?? new Set()).add(key.kind));
      }
    }
    const erased: ReappliedErasure[] = [];
    for (const [memberId, kinds] of matched) {
      await this.erasure.erase(memberId);
      erased.push({ memberId, matchedBy: [...kinds].sort() });
    }
    return { tombstones: tombstones.size, erased };
  }

  /** Every (member, key) the data holds: emails and externalIds of members, handles they use. */
  private async personKeys(): Promise<[string, PersonKey][]> {
    const manager = this.repository.dataSource.manager;
    const members = await this.repository.rows(
      manager,
      'members',
      'email IS NOT NULL OR external_id IS NOT NULL',
      {},
      'id',
    );
    const keys: [string, PersonKey][] = [];
    for (const member of members) {
      const id = member.id as string;
      if (typeof member.email === 'string') keys.push([id, emailKey(member.email)]);
      if (typeof member.external_id === 'string')
        keys.push([id, externalIdKey(member.external_id)]);
    }
    const handles: StoredRow[] = [
      ...(await this.repository.rows(manager, 'identities', 'member_id IS NOT NULL', {}, 'id')),
      ...(await this.repository.rows(
        manager,
        'mentions',
        "member_id IS NOT NULL AND handle <> ''",
        {},
        'id',
      )),
    ];
    for (const row of handles)
      if (typeof row.handle === 'string' && row.handle)
        keys.push([row.member_id as string, handleKey(row.platform as string, row.handle)]);
    return keys;
  }

  /** Follows merge pointers to the member that holds the person now. */
  private async mergeRoots(): Promise<(memberId: string) => string> {
    const pointers = await this.repository.rows(
      this.repository.dataSource.manager,
      'members',
      'merged_into_id IS NOT NULL',
      {},
      'id',
    );
    const into = new Map(pointers.map((row) => [row.id as string, row.merged_into_id as string]));
    return (memberId) => {
      let current = memberId;
      for (let hops = 0; into.has(current) && hops < 1000; hops += 1) current = into.get(current)!;
      return current;
    };
  }
}
