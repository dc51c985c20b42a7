import { newRecordId } from '../common/ids/time-ordered-uuid';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { conflict, notFound } from '../common/errors/domain-error';
import { isUniqueViolation } from '../database/sql';
import { Identity } from './identity.entity';
import { MembersRepository } from './members.repository';
import { normalizeHandle, normalizePlatform } from './normalize';
import { MembersErrorCode } from './members-error-code';
import { ErasureTombstones, handleKey } from './erasure-tombstones';

/** Called inside the transaction that adds an identity, so that records waiting for it link at once. */
export type IdentityListener = (manager: EntityManager, identity: Identity) => Promise<void>;

@Injectable()
export class IdentitiesService {
  private readonly listeners: IdentityListener[] = [];

  constructor(
    private readonly members: MembersRepository,
    private readonly tombstones: ErasureTombstones,
  ) {}

  onIdentityAdded(listener: IdentityListener): void {
    this.listeners.push(listener);
  }

  async add(
    memberId: string,
    platform: string,
    handle: string,
  ): Promise<{ identity: Identity; created: boolean }> {
    const member = await this.members.findRowById(memberId);
    if (!member) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    await this.tombstones.assertNotErased([handleKey(platform, handle)]);
    const key = {
      platform: normalizePlatform(platform),
      handleNormalized: normalizeHandle(handle),
    };
    const existing = await this.members.findIdentity(key.platform, key.handleNormalized);
    if (existing) {
      if (existing.memberId === memberId) return { identity: existing, created: false };
      throw conflict(
        MembersErrorCode.IDENTITY_TAKEN,
        `${key.platform} handle ${handle} belongs to another member`,
        'handle',
      );
    }
    const identity = Object.assign(new Identity(), {
      id: newRecordId(),
      memberId,
      ...key,
      handle: handle.trim().replace(/^@/, ''),
      createdAt: Date.now(),
    });
    try {
      await this.members.transaction(async (manager) => {
        await this.members.insertIdentity(identity, manager);
        for (const listener of this.listeners) await listener(manager, identity);
      });
    } catch (error) {
      if (isUniqueViolation(error)) return this.add(memberId, platform, handle);
      throw error;
    }
    return { identity, created: true };
  }

  /** Deletes one of the member's identities (the row, not a flag); mentions keep their member. */
  async remove(memberId: string, identityId: string): Promise<void> {
    await this.get(memberId, identityId);
    await this.members.deleteIdentity(identityId);
  }

  /** One of the member's identities; 404 when it is not theirs. */
  async get(memberId: string, identityId: string): Promise<Identity> {
    const identity = await this.members.findIdentityById(identityId);
    if (!identity || identity.memberId !== memberId)
      throw notFound(MembersErrorCode.IDENTITY_NOT_FOUND, 'identityId', identityId);
    return identity;
  }

  listFor(memberId: string): Promise<Identity[]> {
    return this.members.findIdentitiesOf(memberId);
  }
}
